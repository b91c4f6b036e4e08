// Copyright (c) 2026, sanshu_app contributors
// For license information, please see license.txt

frappe.query_reports["Sanshu Campaign Overview"] = {
	filters: [{ fieldname: "campaign", label: __("Campaign"), fieldtype: "Link", options: "Sanshu Campaign", reqd: 1, default: frappe.boot.sanshu_active_campaign }],
	formatter(value, row, column, data, default_formatter) {
		// The cadre column shows the cadre's name (there is no separate name column); overdue rows in red.
		if (column.fieldname === "cadre" && data && data.cadre_name) frappe.utils.add_link_title("Sanshu Cadre", data.cadre, data.cadre_name);
		value = default_formatter(value, row, column, data);
		if (data && data.overdue && ["standing", "inquiries_overdue"].includes(column.fieldname)) value = `<span class="sanshu-overdue" style="color: var(--red-600)">${value}</span>`;
		return value;
	},
};
