// Copyright (c) 2026, sanshu_app contributors
// For license information, please see license.txt

frappe.ui.form.on("Synchronous Record", {
	onload(frm) {
		// The recorder is the discipline officer filling in the form (the server checks it).
		if (frm.is_new() && !frm.doc.recorder) {
			frappe.db.get_value("Sanshu Cadre", { user: frappe.session.user }, "name").then((r) => {
				if (r.message && r.message.name) frm.set_value("recorder", r.message.name);
			});
		}
	},
});
