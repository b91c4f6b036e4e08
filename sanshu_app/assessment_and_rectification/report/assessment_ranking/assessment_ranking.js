// Copyright (c) 2026, sanshu_app contributors
// For license information, please see license.txt

frappe.query_reports["Assessment Ranking"] = {
	filters: [
		{ fieldname: "year", label: __("Year"), fieldtype: "Int", reqd: 1, default: frappe.boot.sanshu_active_campaign_year || new Date().getFullYear() },
		{ fieldname: "campaign", label: __("Campaign"), fieldtype: "Link", options: "Sanshu Campaign", default: frappe.boot.sanshu_active_campaign },
	],
	onload(report) {
		report.page.add_inner_button(__("Download Ledger (xlsx)"), () => {
			const f = report.get_values();
			if (!f) return;
			window.open(
				"/api/method/sanshu_app.assessment_and_rectification.ledgers.download_assessment_ranking?" +
					new URLSearchParams({ year: f.year, campaign: f.campaign || "" })
			);
		});
	},
};
