// Copyright (c) 2026, sanshu_app contributors
// For license information, please see license.txt

frappe.ui.form.on("Audit Finding", {
	refresh(frm) {
		if (!frm.is_new() && !frm.doc.rectification && frappe.user.has_role("Sanshu Manager")) {
			frm.add_custom_button(__("Open Rectification"), () =>
				frm.call("open_rectification").then((r) => frappe.set_route("Form", "Rectification", r.message))
			);
		}
	},
});
