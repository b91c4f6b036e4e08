// One-time codes, results from xlsx (previewed, then all or nothing), the ranking and the accountability rule.
const SURVEY = "sanshu_app.supervision.doctype.satisfaction_survey.satisfaction_survey";

frappe.ui.form.on("Satisfaction Survey", {
	refresh(frm) {
		if (frm.is_new()) return;
		frm.add_custom_button(__("Issue Codes"), () =>
			frappe.prompt([{ fieldname: "count", fieldtype: "Int", label: __("Number of Codes"), reqd: 1, default: 100 }], (v) =>
				// The codes exist in plain text only in this answer: it comes as the printable slips
				// (a QR code and the typed code each, twelve to an A4 sheet).
				frappe.call({ method: `${SURVEY}.issue_code_slips`, args: { name: frm.doc.name, count: v.count } }).then((r) => {
					const win = window.open("", "_blank");
					if (win) {
						win.document.write(r.message.html);
						win.document.close();
					} else {
						const frame = document.createElement("iframe");
						frame.srcdoc = r.message.html;
						frame.style.cssText = "width: 100%; height: 70vh; border: 0;";
						// a blocked pop-up: the same slips in the dialog (print them from there)
						const dialog = frappe.msgprint({ title: __("Codes Issued"), message: `<p>${__("These codes are shown only once; only their hashes are kept.")}</p>`, wide: true });
						dialog.$body.append(frame);
					}
					frm.reload_doc();
				}), __("Issue Codes"), __("Issue and Print")), __("Responses"));
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
