// Copyright (c) 2026, sanshu_app contributors
// For license information, please see license.txt
// Accountability (问责): the office moves it step by step; each step is recorded (Steps).

frappe.ui.form.on("Accountability", {
	refresh(frm) {
		if (frm.is_new()) return;
		const step = (method, args) => frm.call(method, args || {}).then(() => frm.reload_doc());
		const status = frm.doc.status;
		if (status === "Draft") {
			frm.add_custom_button(__("Start Verification"), () => step("start_verification"));
			if (!frm.doc.needs_verification) frm.add_custom_button(__("Record the Decision"), () => step("decide"));
		}
		if (status === "Verifying") {
			frm.add_custom_button(__("Record the Verification"), () =>
				frappe.prompt(
					[
						{ fieldname: "found", fieldtype: "Check", label: __("The facts are verified") },
						{ fieldname: "finding", fieldtype: "Small Text", label: __("Verification Finding"), reqd: 1 },
					],
					(v) => step("record_verification", { found: v.found ? 1 : 0, finding: v.finding }),
					__("Record the Verification")
				)
			);
		}
		if (status === "Facts Verified") frm.add_custom_button(__("Record the Decision"), () => step("decide"));
		if (status === "Decided") {
			frm.add_custom_button(__("Conclude"), () =>
				frappe.prompt({ fieldname: "conclusion", fieldtype: "Small Text", label: __("Conclusion") }, (v) => step("conclude", { conclusion: v.conclusion }), __("Conclude"))
			);
		}
	},
});
