// Copyright (c) 2026, sanshu_app contributors
// For license information, please see license.txt

frappe.ui.form.on("Assessment Template Item", {
	max_points(frm) {
		frm.set_value(
			"total_points",
			(frm.doc.items || []).reduce((sum, row) => sum + (row.max_points || 0), 0)
		);
	},
});
