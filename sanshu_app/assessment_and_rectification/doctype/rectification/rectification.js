// Copyright (c) 2026, sanshu_app contributors
// For license information, please see license.txt

frappe.ui.form.on("Rectification", {
	before_workflow_action(frm) {
		if (frm.selected_workflow_action === "Return") return sanshu_app.desk.ask_return_reason(frm);
	},
	refresh(frm) {
		if (frm.doc.overdue) {
			frm.dashboard.set_headline_alert(
				__("Overdue: the rectification report was due on {0}.", [frappe.datetime.str_to_user(frm.doc.report_due_date)]),
				"red"
			);
		}
		if (frm.doc.integrity_talk) {
			frm.add_custom_button(__("Integrity Talk"), () => frappe.set_route("Form", frm.doc.talk_doctype, frm.doc.integrity_talk));
		}
		if (frm.doc.source_doctype && frm.doc.source_name) {
			frm.add_custom_button(__("Source Document"), () => frappe.set_route("Form", frm.doc.source_doctype, frm.doc.source_name));
		}
	},
	source_type(frm) {
		const doctypes = {
			Evaluation: "Sanshu Evaluation",
			"Responsibility Assessment": "Responsibility Assessment",
			Inquiry: "Sanshu Inquiry",
			"Risk Notification Card": "Risk Notification Card",
		};
		if (doctypes[frm.doc.source_type]) frm.set_value("source_doctype", doctypes[frm.doc.source_type]);
	},
});
