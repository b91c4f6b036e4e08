// Copyright (c) 2026, sanshu_app contributors
// For license information, please see license.txt

frappe.query_reports["Commitment Compliance"] = {
	filters: [
		{ fieldname: "campaign", label: __("Campaign"), fieldtype: "Link", options: "Sanshu Campaign", reqd: 1 },
		{ fieldname: "show_all", label: __("Show Everyone"), fieldtype: "Check", default: 0 },
	],
};
