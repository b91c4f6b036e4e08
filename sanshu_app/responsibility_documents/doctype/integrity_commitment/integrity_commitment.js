// Copyright (c) 2026, sanshu_app contributors
// For license information, please see license.txt

frappe.ui.form.on("Integrity Commitment", {
	async refresh(frm) {
		if (frm.is_new() || frm.doc.docstatus !== 0 || frm.doc.workflow_state !== "Awaiting Signature") return;
		const cadre = (await frappe.db.get_value("Sanshu Cadre", { user: frappe.session.user }, "name")).message?.name;
		if (cadre && cadre === frm.doc.cadre) {
			frm.add_custom_button(__("Sign"), () =>
				frappe.confirm(__("Sign this commitment as {0}?", [frappe.session.user_fullname]), () =>
					frm.call("sign").then(() => {
						frappe.show_alert({ message: __("Signed."), indicator: "green" });
						frm.reload_doc();
					})
				)
			).addClass("btn-primary");
		}
	},
});
