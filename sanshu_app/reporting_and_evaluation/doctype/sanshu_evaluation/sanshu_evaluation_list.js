// Copyright (c) 2026, sanshu_app contributors
// For license information, please see license.txt

// 000 四(三)1: a 整改建议书 to every reporter of a campaign in one action, carrying their 意见建议.
frappe.listview_settings["Sanshu Evaluation"] = {
	onload(listview) {
		if (!(frappe.user.has_role("Sanshu Manager") || frappe.user.has_role("System Manager"))) return;
		listview.page.add_inner_button(__("Issue Rectification Recommendations"), () => {
			frappe.prompt(
				[{ fieldname: "campaign", fieldtype: "Link", options: "Sanshu Campaign", label: __("Campaign"), reqd: 1, default: frappe.boot.sanshu_active_campaign }],
				(values) =>
					frappe
						.call("sanshu_app.reporting_and_evaluation.feedback.issue_recommendations", { campaign: values.campaign })
						.then(({ message }) => frappe.msgprint(__("{0} rectification recommendations issued.", [(message || []).length]))),
				__("Issue Rectification Recommendations"),
				__("Issue"),
			);
		});
	},
};
