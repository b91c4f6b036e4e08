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

// The app's shared desk helpers.
frappe.provide("sanshu_app.desk");

// Returning a report or a rectification needs a reason: ask for it in a dialog, store it with a save, then let the action go.
// Not frappe.prompt: it hides its dialog before calling back, and a rejecting onhide would win.
sanshu_app.desk.ask_return_reason = function (frm) {
	frappe.dom.unfreeze();
	return new Promise((resolve, reject) => {
		let given = false;
		const dialog = new frappe.ui.Dialog({
			title: __("Return Reason"),
			fields: [{ fieldname: "reason", fieldtype: "Small Text", label: __("Return Reason"), reqd: 1, default: frm.doc.return_reason }],
			primary_action_label: __("Return"),
			primary_action(values) {
				given = true;
				dialog.hide();
				frm.set_value("return_reason", values.reason)
					.then(() => frm.save())
					.then(() => {
						frappe.dom.freeze();
						resolve();
					}, reject);
			},
		});
		dialog.onhide = () => {
			if (!given) reject();
		};
		dialog.show();
	});
};
