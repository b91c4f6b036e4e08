// Copyright (c) 2026, sanshu_app contributors
// For license information, please see license.txt

frappe.ui.form.on("Sanshu Campaign", {
	setup(frm) {
		frm.set_query("evaluation_rule_set", () => ({ filters: { purpose: "Evaluation Rating", disabled: 0 } }));
		frm.set_query("assessment_rule_set", () => ({ filters: { purpose: "Responsibility Assessment", disabled: 0 } }));
		frm.set_query("deadline_rule_set", () => ({ filters: { disabled: 0 } }));
	},
	refresh(frm) {
		if (frm.is_new() || !frappe.user.has_role("Sanshu Manager")) return;
		frm.add_custom_button(__("Copy to Next Year"), () =>
			frm.call("copy_to_next_year").then((r) => r.message && frappe.set_route("Form", "Sanshu Campaign", r.message))
		);
		frm.add_custom_button(__("Add Unit Principals"), () => frm.call("add_unit_principals").then(() => frm.reload_doc()));
	},
});
