// Copyright (c) 2026, sanshu_app contributors
// For license information, please see license.txt

frappe.ui.form.on("Case Accountability", {
	refresh(frm) {
		if (!frm.is_new() && frm.doc.status === "Open" && frappe.user.has_role("Sanshu Manager")) {
			frm.add_custom_button(__("Conclude"), () => frm.call("conclude").then(() => frm.reload_doc()));
		}
	},
});
