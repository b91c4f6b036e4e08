// Copyright (c) 2026, sanshu_app contributors
// For license information, please see license.txt

frappe.ui.form.on("Asset Declaration", {
	refresh(frm) {
		if (frm.is_new()) return;
		const office = frappe.user.has_role("Sanshu Manager");
		if (frm.doc.status === "Draft") {
			frm.add_custom_button(__("Submit Declaration"), () => frm.call("submit_declaration").then(() => frm.reload_doc()));
		}
		if (office && frm.doc.status === "Submitted") {
			frm.add_custom_button(__("Start Publicity"), () =>
				frappe.prompt(
					[
						{ fieldname: "publicity_start", fieldtype: "Date", label: __("Publicity From"), reqd: 1, default: frappe.datetime.get_today() },
						{ fieldname: "publicity_end", fieldtype: "Date", label: __("Publicity Until"), reqd: 1 },
						{ fieldname: "publicity_scope", fieldtype: "Select", label: __("Publicity Scope"), options: ["Within Unit and Public", "Within Unit"], default: "Within Unit and Public" },
						{ fieldname: "published_summary", fieldtype: "Small Text", label: __("Published Summary"), reqd: 1 },
					],
					(v) => frm.call("start_publicity", v).then(() => frm.reload_doc()),
					__("Start Publicity")
				)
			);
		}
		if (office && ["In Publicity", "Under Check"].includes(frm.doc.status)) {
			frm.add_custom_button(__("Conclude"), () =>
				frappe.prompt({ fieldname: "conclusion", fieldtype: "Small Text", label: __("Conclusion"), reqd: 1 }, (v) =>
					frm.call("conclude", v).then(() => frm.reload_doc()), __("Conclude"))
			);
		}
	},
});
