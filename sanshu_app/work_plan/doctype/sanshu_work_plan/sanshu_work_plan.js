// Copyright (c) 2026, sanshu_app contributors
// For license information, please see license.txt

frappe.ui.form.on("Sanshu Work Plan", {
	refresh(frm) {
		if (frm.is_new()) return;
		frm.add_custom_button(__("Import Tasks"), () => import_tasks(frm));
		frm.add_custom_button(__("Generate Letters"), () =>
			frm.call("generate_letters").then((r) => {
				frappe.msgprint(frappe.utils.escape_html(r.message.summary));
				frm.reload_doc();
			})
		);
		frm.add_custom_button(__("Review Progress"), () =>
			frm.call("review_progress").then((r) =>
				frappe.msgprint(__("{0} tasks lagging; {1} supervision notices proposed.", [r.message.lagging.length, r.message.proposed.length]))
			)
		);
		frm.add_custom_button(__("Task Ledger"), () => frappe.set_route("query-report", "Work Plan Task Ledger", { work_plan: frm.doc.name }));
		frm.add_custom_button(__("Tasks"), () => frappe.set_route("List", "Sanshu Work Plan Task", { work_plan: frm.doc.name }));
	},
});

function import_tasks(frm) {
	new frappe.ui.FileUploader({
		allow_multiple: false,
		restrictions: { allowed_file_types: [".xlsx"] },
		on_success(file) {
			// unknown headings: the column-mapping step first (public/js/sheet_mapping.js)
			sanshu_app.desk.import_sheet({
				title: __("Import Tasks"),
				call: (args) => frm.call("import_tasks", { file_url: file.file_url, ...args }).then((r) => r.message),
				preview: (message) => {
					const rows = message.tasks
						.map((t) => `<tr>${["task_number", "content", "leaders", "lead_unit", "cooperating_units", "deadline", "cadence"].map((f) => `<td>${frappe.utils.escape_html(String(t[f] || ""))}</td>`).join("")}</tr>`)
						.join("");
					const head = [__("No."), __("Task"), __("Responsible Leaders"), __("Lead Unit"), __("Cooperating Units"), __("Deadline"), __("Reporting Cadence")]
						.map((h) => `<th>${h}</th>`)
						.join("");
					return `<p>${__("{0} tasks will be created.", [message.count])}</p><div style="max-height:50vh;overflow:auto"><table class="table table-bordered"><tr>${head}</tr>${rows}</table></div>`;
				},
				done: () => frm.reload_doc(),
			});
		},
	});
}
