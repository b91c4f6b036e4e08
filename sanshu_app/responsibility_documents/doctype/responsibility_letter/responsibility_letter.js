// Copyright (c) 2026, sanshu_app contributors
// For license information, please see license.txt

frappe.ui.form.on("Responsibility Letter", {
	async refresh(frm) {
		if (frm.is_new()) return;
		const cadre = (await frappe.db.get_value("Sanshu Cadre", { user: frappe.session.user }, "name")).message?.name;
		const mine = (frm.doc.signatures || []).filter((row) => cadre && row.signer === cadre);
		const reviewing = ["Principal Responsible", "Supervisory Responsible"];
		if (frm.doc.docstatus === 0 && frm.doc.workflow_state === "Under Review") {
			mine.filter((row) => reviewing.includes(row.capacity) && !row.review_opinion).forEach((row) => {
				frm.add_custom_button(__("Give Review Opinion"), () =>
					frappe.prompt(
						{ fieldname: "opinion", fieldtype: "Small Text", label: __("Review Opinion"), reqd: 1 },
						(v) => frm.call("give_opinion", { opinion: v.opinion, row: row.name }).then(() => frm.reload_doc()),
						__("Review Opinion")
					)
				);
			});
		}
		if (frm.doc.docstatus === 0 && frm.doc.workflow_state === "Awaiting Signature" && mine.some((row) => !row.signed_at)) {
			frm.add_custom_button(__("Sign"), () =>
				frappe.confirm(__("Sign this letter as {0}?", [frappe.session.user_fullname]), () =>
					frm.call("sign").then(() => frm.reload_doc())
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
		return new Promise((resolve, reject) => {
			let given = false;
			const dialog = frappe.prompt(
				{ fieldname: "reason", fieldtype: "Small Text", label: __("Return Reason"), reqd: 1 },
				(v) => {
					given = true;
					frm.call("set_return_reason", { reason: v.reason }).then(() => {
						frm.doc.return_reason = v.reason;
						resolve();
					}, reject);
				},
				__("Return to Draft")
			);
			dialog.onhide = () => !given && reject();
		});
	},
});
