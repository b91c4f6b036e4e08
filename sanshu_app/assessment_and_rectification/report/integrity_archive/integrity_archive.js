// Copyright (c) 2026, sanshu_app contributors
// For license information, please see license.txt

frappe.query_reports["Integrity Archive"] = {
	filters: [{ fieldname: "cadre", label: __("Cadre"), fieldtype: "Link", options: "Sanshu Cadre", reqd: 1 }],
	onload(report) {
		report.page.add_inner_button(__("Download Archive (xlsx)"), () => {
			const f = report.get_values();
			if (!f || !f.cadre) return;
			window.open(
				"/api/method/sanshu_app.assessment_and_rectification.ledgers.download_archive?" + new URLSearchParams({ cadre: f.cadre })
			);
		});
	},
};
