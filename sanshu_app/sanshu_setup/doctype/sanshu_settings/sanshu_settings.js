// Copyright (c) 2026, sanshu_app contributors
// For license information, please see license.txt

frappe.ui.form.on("Sanshu Settings", {
	refresh(frm) {
		// The letter bodies sit beside the 文号 patterns for the office that edits both.
		if (frappe.model.can_read("Sanshu Letter Template")) {
			frm.add_custom_button(__("Letter Templates"), () => frappe.set_route("List", "Sanshu Letter Template"));
		}
	},
});
