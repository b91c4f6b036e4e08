// Copyright (c) 2026, sanshu_app contributors
// For license information, please see license.txt

frappe.ui.form.on("Risk Notification Card", {
	refresh(frm) {
		if (frm.is_new()) return;
		if (frm.doc.__onload?.my_turn) {
			frm.add_custom_button(__("Sign"), () =>
				frappe.confirm(__("Sign this card as {0}?", [frappe.session.user_fullname]), () =>
					frm.call("sign").then(() => {
						frappe.show_alert({ message: __("Signed."), indicator: "green" });
						frm.reload_doc();
					})
				)
			).addClass("btn-primary");
		}
		if (frm.doc.docstatus === 1 && frm.doc.workflow_state === "Following Up") {
			frm.add_custom_button(__("Add Follow-up"), () =>
				frappe.prompt(
					[
						{ fieldname: "follow_up_date", fieldtype: "Date", label: __("Date"), default: frappe.datetime.get_today(), reqd: 1 },
						{ fieldname: "note", fieldtype: "Small Text", label: __("Follow-up"), reqd: 1 },
					],
					(v) => frm.call("add_follow_up", v).then(() => frm.reload_doc()),
					__("Add Follow-up")
				)
			);
		}
	},
});
