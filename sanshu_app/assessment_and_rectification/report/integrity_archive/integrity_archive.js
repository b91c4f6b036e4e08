// Copyright (c) 2026, sanshu_app contributors
// For license information, please see license.txt

frappe.query_reports["Integrity Archive"] = {
	// Not "reqd": a required filter left empty stops the page before onload adds the download button.
	filters: [{ fieldname: "cadre", label: __("Cadre"), fieldtype: "Link", options: "Sanshu Cadre", default: frappe.boot.sanshu_my_cadre }],
	onload(report) {
		// The archive's own print: it also serves readers with an approved access request (调阅).
		report.page.add_inner_button(__("Print Archive (PDF)"), () => {
			const f = report.get_values();
			if (!f || !f.cadre) return;
			window.open("/api/method/sanshu_app.integrity_archive.access.print_archive?" + new URLSearchParams({ cadre: f.cadre }));
		});
		// A cadre link shows the cadre's name, set only after a lookup: the first run can go out
		// before the default cadre is in place, so run once more when it is.
		frappe.after_ajax(() => {
			if (report.get_filter_value("cadre") && !(report.data || []).length) report.refresh();
		});
		report.page.add_inner_button(__("Download Archive (xlsx)"), () => {
			const f = report.get_values();
			if (!f || !f.cadre) return;
			window.open(
				"/api/method/sanshu_app.assessment_and_rectification.ledgers.download_archive?" + new URLSearchParams({ cadre: f.cadre })
			);
		});
	},
};
