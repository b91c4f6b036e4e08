// Copyright (c) 2026, sanshu_app contributors
// For license information, please see license.txt

frappe.ui.form.on("Integrity Opinion Request", {
	refresh(frm) {
		if (frm.doc.docstatus === 0 && !frm.is_new() && frappe.user.has_role("Sanshu Manager")) {
			frm.add_custom_button(__("Check Candidates"), () =>
				frm.call("check_candidates").then(() => frm.reload_doc())
			);
		}
	},
});
