// Copyright (c) 2026, sanshu_app contributors
// For license information, please see license.txt

// A unit's own report: the unit writes and sends it for review; its 主体责任人 and 监督责任人 give
// their review opinions (审阅意见) and sign in turn; the unit submits it; the office receives it.
frappe.ui.form.on("Unit Responsibility Report", {
	refresh(frm) {
		if (frm.is_new()) return;
		if (frm.doc.status === "Draft" && frm.doc.return_reason) {
			frm.dashboard.set_headline_alert(__("Returned: {0}", [frappe.utils.escape_html(frm.doc.return_reason)]), "red");
		}
		const turn = frm.doc.__onload?.my_turn || {};
		const act = (method, message, args) =>
			frm.call(method, args || {}).then(() => {
				frappe.show_alert({ message, indicator: "green" });
				frm.reload_doc();
			});
		if (turn.send) {
			frm.add_custom_button(__("Send for Review"), () => (frm.is_dirty() ? frm.save() : Promise.resolve()).then(() => act("send_for_review", __("Sent for review."))));
			if (frm.doc.report_kind === "Responsibility Breakdown") {
				frm.add_custom_button(__("Take the Work Plan's Tasks Again"), () => act("refresh_tasks", __("Tasks brought up to date.")));
			}
		}
		(turn.opinion || []).forEach(() => {
			frm.add_custom_button(__("Give Review Opinion"), () =>
				frappe.prompt(
					{ fieldname: "opinion", fieldtype: "Small Text", label: __("Review Opinion"), reqd: 1 },
					(v) => act("give_opinion", __("Your review opinion is recorded."), { opinion: v.opinion }),
					__("Review Opinion")
				)
			).addClass("btn-primary");
		});
		if ((turn.sign || []).length) {
			frm.add_custom_button(__("Sign"), () =>
				frappe.confirm(__("Sign this report as {0}?", [frappe.session.user_fullname]), () => act("sign", __("Signed.")))
			).addClass("btn-primary");
		}
		if (turn.submit) {
			frm.add_custom_button(__("Submit to the Office"), () => act("submit_to_office", __("Submitted to the office."))).addClass("btn-primary");
		}
		if (turn.receive) {
			frm.add_custom_button(__("Receive"), () => act("receive", __("Received."))).addClass("btn-primary");
		}
		if (frm.doc.status !== "Draft" && frappe.user.has_role("Sanshu Manager")) {
			frm.add_custom_button(__("Return to Draft"), () =>
				frappe.prompt(
					{ fieldname: "reason", fieldtype: "Small Text", label: __("Reason"), reqd: 1 },
					(v) => act("return_to_draft", __("Returned to draft."), { reason: v.reason }),
					__("Return to Draft")
				)
			);
		}
	},
});
