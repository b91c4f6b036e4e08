// Copyright (c) 2026, sanshu_app contributors
// For license information, please see license.txt

frappe.query_reports["Sanshu Campaign Overview"] = {
	filters: [{ fieldname: "campaign", label: __("Campaign"), fieldtype: "Link", options: "Sanshu Campaign", reqd: 1 }],
};
