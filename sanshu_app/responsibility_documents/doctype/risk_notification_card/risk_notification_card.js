// Copyright (c) 2026, sanshu_app contributors
// For license information, please see license.txt

frappe.ui.form.on("Risk Notification Card", {
	async refresh(frm) {
		if (frm.is_new()) return;
		const cadre = (await frappe.db.get_value("Sanshu Cadre", { user: frappe.session.user }, "name")).message?.name;
		const parties = [
			["party_secretary", "party_secretary_signed_at"],
			["supervision_officer", "supervision_officer_signed_at"],
			["cadre", "cadre_acknowledged_at"],
		];
		const mine = parties.some(([who, when]) => cadre && frm.doc[who] === cadre && !frm.doc[when]);
		if (frm.doc.docstatus === 0 && frm.doc.workflow_state === "Awaiting Sign-off" && mine) {
			frm.add_custom_button(__("Sign"), () =>
				frappe.confirm(__("Sign this card as {0}?", [frappe.session.user_fullname]), () =>
					frm.call("sign").then(() => frm.reload_doc())
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
