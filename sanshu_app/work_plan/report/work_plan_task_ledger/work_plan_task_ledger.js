// Copyright (c) 2026, sanshu_app contributors
// For license information, please see license.txt

frappe.query_reports["Work Plan Task Ledger"] = {
	filters: [
		{ fieldname: "work_plan", label: __("Work Plan"), fieldtype: "Link", options: "Sanshu Work Plan", reqd: 1, default: frappe.boot.sanshu_active_work_plan },
		{ fieldname: "unit", label: __("Unit"), fieldtype: "Link", options: "Sanshu Unit" },
		{ fieldname: "leader", label: __("Responsible Leader"), fieldtype: "Link", options: "Sanshu Cadre" },
	],
	formatter(value, row, column, data, default_formatter) {
		value = default_formatter(value, row, column, data);
		return data && data.overdue ? `<span style="color:#c00">${value}</span>` : value;
	},
	onload(report) {
		report.page.add_inner_button(__("Download Excel"), () => {
			const f = report.get_values();
			if (!f || !f.work_plan) return;
			window.open(
				"/api/method/sanshu_app.work_plan.ledger.download_task_ledger?" +
					new URLSearchParams({ work_plan: f.work_plan, unit: f.unit || "", leader: f.leader || "" })
			);
		});
	},
};
