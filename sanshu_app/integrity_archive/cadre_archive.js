// The integrity archive (廉政档案) from the cadre's form: the report, the xlsx export and the print.
frappe.ui.form.on("Sanshu Cadre", {
	refresh(frm) {
		if (frm.is_new()) return;
		frm.add_custom_button(
			__("Integrity Archive"),
			() => frappe.set_route("query-report", "Integrity Archive", { cadre: frm.doc.name }),
			__("Integrity Archive")
		);
		frm.add_custom_button(
			__("Download Archive (xlsx)"),
			() =>
				window.open(
					"/api/method/sanshu_app.assessment_and_rectification.ledgers.download_archive?" +
						new URLSearchParams({ cadre: frm.doc.name })
				),
			__("Integrity Archive")
		);
	},
});
