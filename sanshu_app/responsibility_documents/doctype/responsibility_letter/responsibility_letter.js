// Copyright (c) 2026, sanshu_app contributors
// For license information, please see license.txt

frappe.ui.form.on("Responsibility Letter", {
	refresh(frm) {
		if (frm.is_new()) return;
		// Sent back to draft: the reason stands at the top of the form, not only in a comment
		if (frm.doc.docstatus === 0 && frm.doc.workflow_state === "Draft" && frm.doc.return_reason) {
			frm.dashboard.set_headline_alert(__("Returned: {0}", [frappe.utils.escape_html(frm.doc.return_reason)]), "red");
		}
		// Offered only to whom the server says may act now (their row, their turn).
		const turn = frm.doc.__onload?.my_turn || { opinion: [], sign: [] };
		turn.opinion.forEach((row) => {
			frm.add_custom_button(__("Give Review Opinion"), () =>
				frappe.prompt(
					{ fieldname: "opinion", fieldtype: "Small Text", label: __("Review Opinion"), reqd: 1 },
					(v) =>
						frm.call("give_opinion", { opinion: v.opinion, row }).then(() => {
							frappe.show_alert({ message: __("Your review opinion is recorded."), indicator: "green" });
							frm.reload_doc();
						}),
					__("Review Opinion")
				)
			);
		});
		if (turn.sign.length) {
			frm.add_custom_button(__("Sign"), () =>
				frappe.confirm(__("Sign this letter as {0}?", [frappe.session.user_fullname]), () =>
					frm.call("sign").then(() => {
						frappe.show_alert({ message: __("Signed."), indicator: "green" });
						frm.reload_doc();
					})
				)
			).addClass("btn-primary");
		}
		if (frm.doc.docstatus === 1 && frappe.user.has_role("Sanshu Manager")) {
			const today = frappe.datetime.get_today();
			(frm.doc.tasks || [])
				.filter((t) => t.deadline && t.deadline < today && t.status !== "Completed")
				.forEach((t) => {
					frm.add_custom_button(
						__("Row {0}", [t.idx]),
						() =>
							frm.call("raise_supervision_notice", { task: t.name }).then((r) =>
								frappe.set_route("Form", "Responsibility Letter", r.message)
							),
						__("Raise Supervision Notice")
					);
				});
		}
	},
	before_workflow_action(frm) {
		if (frm.selected_workflow_action !== "Return") return;
		frappe.dom.unfreeze(); // the reason is asked for in a dialog
		// Not frappe.prompt: it hides its dialog before calling back, so an onhide that rejects
		// would always win and the action would never be sent.
		return new Promise((resolve, reject) => {
			let given = false;
			const dialog = new frappe.ui.Dialog({
				title: __("Return to Draft"),
				fields: [{ fieldname: "reason", fieldtype: "Small Text", label: __("Return Reason"), reqd: 1 }],
				primary_action_label: __("Return"),
				primary_action(values) {
					given = true;
					dialog.hide();
					frappe.dom.freeze();
					frm.call("set_return_reason", { reason: values.reason }).then(() => {
						frm.doc.return_reason = values.reason;
						resolve();
					}, reject);
				},
			});
			dialog.onhide = () => {
				if (!given) reject();
			};
			dialog.show();
		});
	},
	after_workflow_action(frm) {
		frappe.show_alert({ message: __("{0}: {1}", [__(frm.doc.workflow_state), frm.doc.title || frm.doc.name]), indicator: "green" });
	},
});
