// Copyright (c) 2026, sanshu_app contributors
// For license information, please see license.txt

frappe.query_reports["Sanshu Late and Missing Reports"] = {
	filters: [
		{ fieldname: "campaign", label: __("Campaign"), fieldtype: "Link", options: "Sanshu Campaign", reqd: 1 },
		{ fieldname: "include_all", label: __("Show All Cadres"), fieldtype: "Check" },
	],
};
