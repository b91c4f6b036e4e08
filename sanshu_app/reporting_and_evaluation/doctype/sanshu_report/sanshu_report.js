// Copyright (c) 2026, sanshu_app contributors
// For license information, please see license.txt

frappe.ui.form.on("Sanshu Report", {
	setup(frm) {
		frm.set_query("cadre", () => ({
			query: "sanshu_app.reporting_and_evaluation.queries.campaign_cadres",
			filters: { campaign: frm.doc.campaign },
		}));
	},
	onload(frm) {
		if (frm.is_new() && !frm.doc.cadre) {
			frappe.xcall("sanshu_app.reporting_and_evaluation.queries.my_cadre").then((cadre) => cadre && frm.set_value("cadre", cadre));
		}
	},
	refresh(frm) {
		frm.set_df_property("return_reason", "read_only", !frappe.user.has_role("Sanshu Manager"));
		if (frm.doc.workflow_state === "Returned" && frm.doc.return_reason) {
			frm.dashboard.set_headline_alert(__("Returned: {0}", [frappe.utils.escape_html(frm.doc.return_reason)]), "red");
		}
		if (frm.doc.due_date && !frm.doc.submitted_on && frappe.datetime.get_today() > frm.doc.due_date) {
			frm.dashboard.add_comment(__("This report is past its due date {0}.", [frappe.datetime.str_to_user(frm.doc.due_date)]), "orange", true);
		}
	},
});
