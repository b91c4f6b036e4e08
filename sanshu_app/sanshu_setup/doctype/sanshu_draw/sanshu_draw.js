// Copyright (c) 2026, sanshu_app contributors
// For license information, please see license.txt
// A committed draw: make it (once), and re-run it from the record to check it.
const SANSHU_DRAW = "sanshu_app.sanshu_setup.doctype.sanshu_draw.sanshu_draw";

frappe.ui.form.on("Sanshu Draw", {
	refresh(frm) {
		frm.disable_save();
		if (frm.doc.docstatus === 0 && frm.doc.status === "Committed") {
			frm.set_intro(__("Committed: SHA-256 of the seed is {0}. The draw has not been made.", [frm.doc.commitment]));
			frm.add_custom_button(__("Make the Draw"), () =>
				frappe.call({ method: `${SANSHU_DRAW}.make_draw`, args: { name: frm.doc.name } }).then(() => frm.reload_doc())
			).addClass("btn-primary");
		}
		if (frm.doc.docstatus === 1) {
			frm.add_custom_button(__("Verify"), () =>
				frappe.call({ method: `${SANSHU_DRAW}.verify_draw`, args: { name: frm.doc.name } }).then((r) => {
					const v = r.message;
					frappe.msgprint({
						title: v.verified ? __("The Draw Verifies") : __("The Draw Does Not Verify"),
						indicator: v.verified ? "green" : "red",
						message: v.verified ? __("SHA-256 of the seed gives the commitment, and the kept pool and seed give the recorded result.") : v.problems.map(frappe.utils.escape_html).join("<br>"),
					});
				})
			);
		}
	},
});
