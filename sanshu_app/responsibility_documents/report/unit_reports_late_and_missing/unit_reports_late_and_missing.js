// Copyright (c) 2026, sanshu_app contributors
// For license information, please see license.txt

frappe.query_reports["Unit Reports Late and Missing"] = {
	filters: [
		{ fieldname: "report_kind", label: __("Report"), fieldtype: "Select", options: ["Year-End Report", "Responsibility Breakdown", "Self-Inspection Report"].map((v) => ({ value: v, label: __(v) })), default: "Year-End Report", reqd: 1 },
		{ fieldname: "year", label: __("Year"), fieldtype: "Int", default: new Date().getFullYear(), reqd: 1 },
	],
	formatter(value, row, column, data, default_formatter) {
		value = default_formatter(value, row, column, data);
		return data && ["Missing", "Overdue", "Late"].includes(data.status) ? `<span style="color:#c00">${value}</span>` : value;
	},
};
