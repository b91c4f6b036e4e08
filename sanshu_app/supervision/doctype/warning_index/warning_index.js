// Counts from xlsx (unknown units refused with their row), the ledger and the proposed talks.
const INDEX = "sanshu_app.supervision.doctype.warning_index.warning_index";

frappe.ui.form.on("Warning Index", {
	refresh(frm) {
		if (frm.is_new()) return;
		frm.add_custom_button(__("Import Counts"), () => {
			new frappe.ui.FileUploader({
				allow_multiple: false, restrictions: { allowed_file_types: [".xlsx"] },
				on_success(file) {
					frappe.call({ method: `${INDEX}.import_counts`, args: { name: frm.doc.name, file_url: file.file_url, commit: 0 } }).then((r) => {
						frappe.confirm(__("Import the counts of {0} units?", [r.message.length]), () =>
							frappe.call({ method: `${INDEX}.import_counts`, args: { name: frm.doc.name, file_url: file.file_url, commit: 1 } }).then(() => frm.reload_doc()));
					});
				},
			});
		});
		// The figures from the supervision intake of the quarter; each traced to its records.
		frm.add_custom_button(__("Count from Intake"), () =>
			frappe.call({ method: `${INDEX}.count_from_intake`, args: { name: frm.doc.name } }).then(() => frm.reload_doc()));
		frm.add_custom_button(__("Intake Records"), () =>
			frappe.set_route("List", "Supervision Intake", { index_period: `${frm.doc.year}-Q${frm.doc.quarter}` }));
		frm.add_custom_button(__("Propose Talks"), () =>
			frappe.call({ method: `${INDEX}.propose_talks`, args: { name: frm.doc.name } }).then((r) => {
				frappe.msgprint([__("Flagged: {0}", [r.message.flagged.join("、") || __("None")]), ...r.message.messages].join("<br>"));
				frm.reload_doc();
			}));
		frm.add_custom_button(__("Warning Index Ledger {0}", [frm.doc.year]), () =>
			window.open(`/api/method/sanshu_app.supervision.bulletin.download_index_ledger?year=${frm.doc.year}`));
	},
});
