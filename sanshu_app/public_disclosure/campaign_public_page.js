// 述前公开: open the campaign's public page (it shows the accepted reports only within the window).
frappe.ui.form.on("Sanshu Campaign", {
	refresh(frm) {
		if (frm.is_new() || !frm.doc.publish_reports_before_meeting || !frm.doc.publish_from) return;
		frm.add_custom_button(__("Public Page"), () => window.open(`/sanshu-public/campaign?name=${encodeURIComponent(frm.doc.name)}`));
	},
});
