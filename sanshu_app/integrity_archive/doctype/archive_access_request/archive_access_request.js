// Copyright (c) 2026, sanshu_app contributors
// For license information, please see license.txt

frappe.ui.form.on("Archive Access Request", {
	refresh(frm) {
		if (frm.is_new() || !frappe.user.has_role("Sanshu Manager")) return;
		const decide = (method, label) =>
			frappe.prompt({ fieldname: "note", fieldtype: "Small Text", label: __("Decision Note") }, (v) =>
				frm.call(method, { note: v.note }).then(() => frm.reload_doc()), label);
		if (frm.doc.status === "Pending") {
			frm.add_custom_button(__("Approve"), () => decide("approve", __("Approve")));
			frm.add_custom_button(__("Reject"), () => decide("reject", __("Reject")));
		}
		if (frm.doc.status === "Approved") frm.add_custom_button(__("Revoke"), () => decide("revoke", __("Revoke")));
	},
});

frappe.ui.form.on("Archive Access Request", "onload", (frm) => {
	// Lets the shared record scope recognise the requester's own request (the server sets the real value).
	if (frm.is_new() && !frm.doc.requester_cadre) {
		frappe.db.get_value("Sanshu Cadre", { user: frappe.session.user }, "name").then((r) => {
			if (r.message && r.message.name) frm.doc.requester_cadre = r.message.name;
		});
	}
});
