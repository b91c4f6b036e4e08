// Copyright (c) 2026, sanshu_app contributors
// For license information, please see license.txt

frappe.query_reports["Sanshu Late and Missing Reports"] = {
	filters: [
		{ fieldname: "campaign", label: __("Campaign"), fieldtype: "Link", options: "Sanshu Campaign", reqd: 1, default: frappe.boot.sanshu_active_campaign },
		{ fieldname: "include_all", label: __("Show All Cadres"), fieldtype: "Check" },
	],
	formatter(value, row, column, data, default_formatter) {
		// One cadre column: the name, linking to the cadre's record; overdue rows in red.
		value = default_formatter(value, row, column, data);
		if (column.fieldname === "cadre_name" && data && data.cadre) value = `<a href="/app/sanshu-cadre/${encodeURIComponent(data.cadre)}">${value}</a>`;
		if (data && data.overdue && ["standing", "days_late"].includes(column.fieldname)) value = `<span class="sanshu-overdue" style="color: var(--red-600)">${value}</span>`;
		return value;
	},
};
