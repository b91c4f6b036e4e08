// 调阅 from the cadre's form: anyone but the office and the cadre themself asks to read the archive.
frappe.ui.form.on("Sanshu Cadre", {
	refresh(frm) {
		if (frm.is_new() || frappe.user.has_role("Sanshu Manager") || frm.doc.user === frappe.session.user) return;
		frm.add_custom_button(
			__("Request Archive Access"),
			() =>
				frappe.db.get_value("Sanshu Cadre", { user: frappe.session.user }, "name").then((r) =>
					frappe.new_doc("Archive Access Request", {
						cadre: frm.doc.name,
						requester_cadre: (r.message && r.message.name) || undefined,
					})
				),
			__("Integrity Archive")
		);
	},
});
