// One-time codes, results from xlsx (previewed, then all or nothing), the ranking and the accountability rule.
const SURVEY = "sanshu_app.supervision.doctype.satisfaction_survey.satisfaction_survey";

frappe.ui.form.on("Satisfaction Survey", {
	refresh(frm) {
		if (frm.is_new()) return;
		frm.add_custom_button(__("Issue Codes"), () =>
			frappe.prompt([{ fieldname: "count", fieldtype: "Int", label: __("Number of Codes"), reqd: 1, default: 100 }], (v) =>
				frappe.call({ method: `${SURVEY}.issue_codes`, args: { name: frm.doc.name, count: v.count } }).then((r) => {
					const link = `${window.location.origin}/sanshu-public/survey?code=`;
					const rows = r.message.map((code) => `<tr><td>${code}</td><td>${frappe.utils.escape_html(link + code)}</td></tr>`).join("");
					frappe.msgprint({ title: __("Codes Issued"), message: `<p>${__("These codes are shown only once; only their hashes are kept.")}</p><table class="table table-bordered">${rows}</table>`, wide: true });
					frm.reload_doc();
				}), __("Issue Codes"), __("Issue")), __("Responses"));
		frm.add_custom_button(__("Import Results"), () => {
			new frappe.ui.FileUploader({
				allow_multiple: false, restrictions: { allowed_file_types: [".xlsx"] },
				on_success(file) {
					frappe.call({ method: `${SURVEY}.import_results`, args: { name: frm.doc.name, file_url: file.file_url, commit: 0 } }).then((r) => {
						const rows = r.message.map((x) => `<tr><td>${x.row}</td><td>${frappe.utils.escape_html(x.unit)}</td><td>${x.responses}</td><td>${x.score}</td></tr>`).join("");
						frappe.confirm(`<table class="table table-bordered"><tr><th>#</th><th>${__("Unit")}</th><th>${__("Responses")}</th><th>${__("Satisfaction Score")}</th></tr>${rows}</table>`, () =>
							frappe.call({ method: `${SURVEY}.import_results`, args: { name: frm.doc.name, file_url: file.file_url, commit: 1 } }).then(() => frm.reload_doc()));
					});
				},
			});
		}, __("Responses"));
		frm.add_custom_button(__("Satisfaction Ranking"), () =>
			window.open(`/api/method/sanshu_app.supervision.bulletin.download_survey_ranking?survey=${encodeURIComponent(frm.doc.name)}`));
		if (frm.doc.status === "Closed") {
			frm.add_custom_button(__("Apply the Accountability Rule"), () =>
				frappe.call({ method: `${SURVEY}.check_accountability`, args: { name: frm.doc.name } }).then((r) => {
					frappe.msgprint([__("Flagged: {0}", [r.message.flagged.join("、") || __("None")]), ...r.message.messages].join("<br>"));
					frm.reload_doc();
				}));
		}
	},
});
