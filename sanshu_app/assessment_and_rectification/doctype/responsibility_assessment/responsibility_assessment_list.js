// Copyright (c) 2026, sanshu_app contributors
// For license information, please see license.txt

frappe.listview_settings["Responsibility Assessment"] = {
	add_fields: ["grade", "workflow_state", "explanation_filed_on"],
	has_indicator_for_draft: true,
	formatters: {
		// no total before the inspection has scored it (the column holds 0 then, not a score)
		total_score(value, df, doc) {
			return doc.grade ? frappe.format(value, df, null, doc) : "";
		},
	},
	get_indicator(doc) {
		if (doc.grade === "Below Pass Mark" && !doc.explanation_filed_on && doc.workflow_state === "Notified") {
			return [__("Explanation Outstanding"), "red", "grade,=,Below Pass Mark"];
		}
		if (doc.grade === "Below Pass Mark") return [__("Below Pass Mark"), "orange", "grade,=,Below Pass Mark"];
		if (doc.grade === "Passed") return [__("Passed"), "green", "grade,=,Passed"];
		return [__(doc.workflow_state || "Draft"), "blue", `workflow_state,=,${doc.workflow_state || "Draft"}`];
	},
};
