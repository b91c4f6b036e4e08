// Copyright (c) 2026, sanshu_app contributors
// For license information, please see license.txt

frappe.listview_settings["Rectification"] = {
	add_fields: ["overdue", "workflow_state"],
	has_indicator_for_draft: true,
	get_indicator(doc) {
		if (doc.overdue) return [__("Overdue"), "red", "overdue,=,1"];
		if (doc.workflow_state === "Verified") return [__("Verified"), "green", "workflow_state,=,Verified"];
		if (doc.workflow_state === "Returned") return [__("Returned"), "orange", "workflow_state,=,Returned"];
		return [__(doc.workflow_state || "Draft"), "blue", `workflow_state,=,${doc.workflow_state || "Draft"}`];
	},
};
