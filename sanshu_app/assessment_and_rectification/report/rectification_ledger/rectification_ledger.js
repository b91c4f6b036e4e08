// Copyright (c) 2026, sanshu_app contributors
// For license information, please see license.txt

frappe.query_reports["Rectification Ledger"] = {
	filters: [
		{ fieldname: "campaign", label: __("Campaign"), fieldtype: "Link", options: "Sanshu Campaign", default: frappe.boot.sanshu_active_campaign },
		{
			fieldname: "state",
			label: __("Status"),
			fieldtype: "Select",
			options: ["", "Draft", "Notice Issued", "Plan Submitted", "In Progress", "Reported", "Returned", "Verified"],
		},
		{ fieldname: "overdue_only", label: __("Overdue Only"), fieldtype: "Check" },
	],
	formatter(value, row, column, data, default_formatter) {
		value = default_formatter(value, row, column, data);
		if (column.fieldname === "overdue_days" && data && data.overdue_days > 0) {
			value = `<span class="sanshu-overdue" style="color: var(--red-600)">${value}</span>`;
		}
		return value;
	},
	onload(report) {
		report.page.add_inner_button(__("Download Ledger (xlsx)"), () => {
			const f = report.get_values() || {};
			window.open(
				"/api/method/sanshu_app.assessment_and_rectification.ledgers.download_rectification_ledger?" +
					new URLSearchParams({ campaign: f.campaign || "", state: f.state || "", overdue_only: f.overdue_only ? 1 : 0 })
			);
		});
	},
};
