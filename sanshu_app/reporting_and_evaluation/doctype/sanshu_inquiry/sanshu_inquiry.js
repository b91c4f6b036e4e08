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
		if (frm.doc.status === "Overdue") {
			frm.dashboard.set_headline_alert(__("This inquiry was due on {0} and has not been answered.", [frappe.datetime.str_to_user(frm.doc.reply_due_date)]), "red");
		}
	},
});
