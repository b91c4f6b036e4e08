// Copyright (c) 2026, sanshu_app contributors
// For license information, please see license.txt

frappe.ui.form.on("Sanshu Report", {
	before_workflow_action(frm) {
		if (frm.selected_workflow_action === "Return Report") return sanshu_app.desk.ask_return_reason(frm);
	},
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
		if (frm.is_new() && !frm.doc.campaign && frappe.boot.sanshu_active_campaign) {
			frm.set_value("campaign", frappe.boot.sanshu_active_campaign);
		}
		if (frm.is_new()) frm.trigger("campaign");
	},
	campaign(frm) {
		// The sections of the campaign's scheme (述责/述廉/述德 …), shown from the start, not after a save.
		if (!frm.is_new() || !frm.doc.campaign) return;
		frappe.xcall("sanshu_app.reporting_and_evaluation.queries.report_sections", { campaign: frm.doc.campaign }).then((sections) => {
			const have = (frm.doc.sections || []).map((row) => row.section);
			if (JSON.stringify(have) === JSON.stringify(sections)) return;
			frm.clear_table("sections");
			sections.forEach((section) => frm.add_child("sections", { section }));
			frm.refresh_field("sections");
		});
	},
	after_workflow_action(frm) {
		frappe.show_alert({ message: __("Report {0}: {1}", [frm.doc.name, __(frm.doc.workflow_state)]), indicator: "green" });
	},
	refresh(frm) {
		frm.set_intro("");
		frm.set_df_property("return_reason", "read_only", !frappe.user.has_role("Sanshu Manager"));
		if (frm.doc.workflow_state === "Returned" && frm.doc.return_reason) {
			frm.dashboard.set_headline_alert(__("Returned: {0}", [frappe.utils.escape_html(frm.doc.return_reason)]), "red");
		}
		if (frm.doc.due_date && !frm.doc.submitted_on && frappe.datetime.get_today() > frm.doc.due_date) {
			// set_intro replaces; a permanent dashboard comment was added again on every refresh.
			frm.set_intro(__("This report is past its due date {0}.", [frappe.datetime.str_to_user(frm.doc.due_date)]), "orange");
		}
	},
});

// 003 第二十三条（一）: a report found not truthful opens a draft accountability record (问责), office only.
frappe.ui.form.on("Sanshu Report", {
	refresh(frm) {
		const office = frappe.user.has_role("Sanshu Manager") || frappe.user.has_role("System Manager");
		if (!office || frm.is_new()) return;
		frm.add_custom_button(
			__("Report Not Truthful"),
			() =>
				frappe.new_doc("Accountability", {
					source_type: "Report Not Truthful",
					source_doctype: frm.doctype,
					source_name: frm.doc.name,
					cadre: frm.doc.cadre,
					campaign: frm.doc.campaign,
				}),
			__("Accountability")
		);
	},
});
