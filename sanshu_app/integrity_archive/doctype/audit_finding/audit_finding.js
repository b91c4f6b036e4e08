// Copyright (c) 2026, sanshu_app contributors
// For license information, please see license.txt

frappe.ui.form.on("Audit Finding", {
	refresh(frm) {
		if (!frm.is_new() && !frm.doc.rectification && frappe.user.has_role("Sanshu Manager")) {
			frm.add_custom_button(__("Open Rectification"), () =>
				frm.call("open_rectification").then((r) => frappe.set_route("Form", "Rectification", r.message))
			);
		}
		// 一案三查 from a serious finding (001 §14)
		if (!frm.is_new() && frm.doc.serious && frappe.user.has_role("Sanshu Manager")) {
			frm.add_custom_button(__("Open 一案三查"), () =>
				frm.call("open_case").then((r) => frappe.set_route("Form", "Case Accountability", r.message))
			);
		}
	},
});
