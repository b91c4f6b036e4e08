// Copyright (c) 2026, sanshu_app contributors
// For license information, please see license.txt

frappe.ui.form.on("Sanshu Rule Set", {
	refresh(frm) {
		// A rule set used by an open record cannot change its scale, thresholds or weights: copy it.
		if (!frm.is_new()) {
			frm.add_custom_button(__("Copy to New Version"), () =>
				frm.call("copy_to_new_version").then((r) => r.message && frappe.set_route("Form", "Sanshu Rule Set", r.message))
			);
		}
	},
});
