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
		// An archive asked for in the link (?cadre=…) that the user may not open: the cadre filter
		// cannot hold it (the link answers as for no such cadre), so say why, in words.
		const asked = new URLSearchParams(window.location.search).get("cadre");
		frappe.after_ajax(() => {
			if (asked && report.get_filter_value("cadre") !== asked) {
				frappe.msgprint({
					title: __("Integrity Archive"),
					indicator: "orange",
					message: __("Only the cadre, the discipline inspection office and readers with an approved archive access request (调阅) may see a cadre's integrity archive. Ask the office for access if you need it."),
				});
			}
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
