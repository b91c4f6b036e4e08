frappe.ui.form.on("Supervision Bulletin", {
	refresh(frm) {
		if (frm.is_new()) return;
		frm.add_custom_button(__("Download xlsx"), () =>
			window.open(`/api/method/sanshu_app.supervision.bulletin.download_bulletin?${new URLSearchParams({ year: frm.doc.year, quarter: frm.doc.quarter })}`));
	},
});
