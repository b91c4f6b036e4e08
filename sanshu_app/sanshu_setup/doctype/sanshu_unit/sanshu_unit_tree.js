frappe.treeview_settings["Sanshu Unit"] = {
	breadcrumb: "Sanshu Setup",
	title: __("Sanshu Unit"),
	get_tree_root: false,
	root_label: __("All Units"),
	get_tree_nodes: "frappe.desk.treeview.get_children",
	fields: [
		{ fieldtype: "Data", fieldname: "unit_name", label: __("Unit Name"), reqd: true },
		{ fieldtype: "Select", fieldname: "unit_type", label: __("Unit Type"),
		  options: ["Township", "County Department", "Industrial Park", "Grassroots Station", "Enterprise", "Other"] },
		{ fieldtype: "Check", fieldname: "is_group", label: __("Is Group") },
	],
	ignore_fields: ["parent_sanshu_unit"],
};
