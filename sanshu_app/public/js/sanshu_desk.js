// Copyright (c) 2026, sanshu_app contributors
// For license information, please see license.txt
// The activity log names a changed child-table field by its bare label (Frappe's timeline calls
// frappe.meta.get_label without __()), so a 三述报告 showed "Content": give labels in the user's language.
(() => {
	if (!frappe.meta || frappe.meta.__sanshu_translated_labels) return;
	const get_label = frappe.meta.get_label;
	frappe.meta.get_label = function (...args) {
		const label = get_label.apply(this, args);
		return typeof label === "string" && label ? __(label) : label;
	};
	frappe.meta.__sanshu_translated_labels = true;
})();
