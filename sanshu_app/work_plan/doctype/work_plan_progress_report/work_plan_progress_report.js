// Copyright (c) 2026, sanshu_app contributors
// For license information, please see license.txt

frappe.ui.form.on("Work Plan Progress Report", {
	task(frm) {
		show_periods(frm);
	},
	refresh(frm) {
		show_periods(frm);
	},
});

// The task's reporting periods and their due dates, under the Period field.
function show_periods(frm) {
	if (!frm.doc.task) return;
	frappe.call("sanshu_app.work_plan.progress.task_periods", { task: frm.doc.task }).then((r) => {
		const periods = (r.message || []).map((p) => `${p.label}（${__("due")} ${frappe.datetime.str_to_user(p.due)}）`);
		frm.set_df_property("period", "description", periods.join("、"));
		if (frm.is_new() && !frm.doc.period && r.message && r.message.length) {
			const today = frappe.datetime.get_today();
			const current = r.message.find((p) => p.start <= today && today <= p.due) || r.message[0];
			frm.set_value("period", current.label);
		}
	});
}
