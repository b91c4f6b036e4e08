// Copyright (c) 2026, sanshu_app contributors
// For license information, please see license.txt

frappe.ui.form.on("Sanshu Inquiry", {
	setup(frm) {
		frm.set_query("cadre", () => ({
			query: "sanshu_app.reporting_and_evaluation.queries.campaign_cadres",
			filters: { campaign: frm.doc.campaign },
		}));
	},
	onload(frm) {
		if (frm.is_new() && !frm.doc.asker) frm.set_value("asker", frappe.session.user);
	},
	refresh(frm) {
		const office = frappe.user.has_role("Sanshu Manager") || frappe.user.has_role("System Manager");
		if (office && !frm.is_new() && frm.doc.inquiry_type === "Meeting Inquiry" && !frm.doc.written_reply_decision) {
			// 003 §17: the 常委会 decides whether the answer at the meeting needs a written reply.
			const decide = (required) =>
				frm.call("decide_written_reply", { required: required ? 1 : 0 }).then(() => frm.reload_doc());
			frm.add_custom_button(__("Written Reply Required"), () => decide(true), __("Decide on Written Reply"));
			frm.add_custom_button(__("No Written Reply"), () => decide(false), __("Decide on Written Reply"));
		}
		if (frm.doc.status === "Awaiting Decision") {
			frm.dashboard.set_headline_alert(__("Answered at the meeting: the office has not yet decided whether a written reply is required."), "orange");
		}
		if (frm.doc.status === "Overdue") {
			frm.dashboard.set_headline_alert(__("This inquiry was due on {0} and has not been answered.", [frappe.datetime.str_to_user(frm.doc.reply_due_date)]), "red");
		}
	},
});

