// Copyright (c) 2026, sanshu_app contributors
// For license information, please see license.txt

frappe.ui.form.on("Sanshu Evaluation", {
	refresh(frm) {
		const office = frappe.user.has_role("Sanshu Manager") || frappe.user.has_role("System Manager");
		if (frm.doc.docstatus === 1 && frm.doc.outcome_pending && !frm.doc.decided_band && office) {
			// no band held (issue 19): the office decides which, and the decision is recorded
			frm.dashboard.set_headline(__("No band was reached: the office decides the outcome."), "orange");
			frm.add_custom_button(__("Decide the Outcome"), () =>
				frappe.prompt({ fieldname: "band", fieldtype: "Data", label: __("Band"), reqd: 1 }, (v) =>
					frm.call("decide_outcome", { band: v.band }).then(() => frm.reload_doc())
				)
			);
		}
		if (frm.doc.docstatus === 0 && !frm.is_new() && office) {
			frm.add_custom_button(__("Download Ballot Sheet"), () => {
				window.open(
					"/api/method/sanshu_app.reporting_and_evaluation.doctype.sanshu_evaluation.sanshu_evaluation.ballot_sheet_template?evaluation=" +
						encodeURIComponent(frm.doc.name)
				);
			});
			frm.add_custom_button(__("Import Paper Ballots"), () => {
				new frappe.ui.FileUploader({
					allow_multiple: false,
					restrictions: { allowed_file_types: [".xlsx"] },
					on_success(file) {
						// a preview first; unknown headings: the column-mapping step (public/js/sheet_mapping.js)
						const esc = frappe.utils.escape_html;
						sanshu_app.desk.import_sheet({
							title: __("Import Paper Ballots"),
							call: (args) => frm.call("import_paper_sheet", { file_url: file.file_url, ...args }).then((r) => r.message),
							preview: (m) =>
								`<table class="table table-bordered sanshu-paper-counts"><tr><th>${__("Cadre")}</th>${m.scale.map((o) => `<th>${esc(o)}</th>`).join("")}</tr>
								<tr><td>${esc(m.cadre_name || "")}</td>${m.scale.map((o) => `<td>${m.counts[o] || 0}</td>`).join("")}</tr></table><p>${__("Write these paper counts?")}</p>`,
							done: () => frm.reload_doc(),
						});
					},
				});
			});
			// Closing is how an evaluation is submitted: offer it in place of the bare 提交.
			if (!frm.is_dirty()) {
				frm.page.set_primary_action(__("Close Evaluation"), () => {
					frappe.confirm(__("Count the ballots, rate the result and lock this evaluation?"), () =>
						frm.call("close_evaluation").then(() => {
							frappe.show_alert({ message: __("Evaluation closed."), indicator: "green" });
							frm.reload_doc();
						})
					);
				});
			}
		}
		if (frm.doc.docstatus === 0 && !frm.is_new()) {
			frm.set_intro(__("Online votes are counted when the evaluation is closed. The paper sheet needs the columns 序号 and 评价, one row per ballot."));
		}
		const onload = frm.doc.__onload || {};
		if (!frm.is_new() && onload.turnout !== undefined) {
			// the office's only view of the roster's voted flags: how many, never who
			frm.dashboard.add_indicator(__("Voted online: {0} of {1}", [onload.turnout, (frm.doc.roster || []).length]), "blue");
		}
		if (frm.doc.docstatus === 1) {
			let intro = __("Closed: outcome {0}.", [frappe.utils.escape_html(frm.doc.outcome || "")]);
			if (frm.doc.counts_withheld) {
				intro += " " + __("Fewer than {0} ballots were cast: the counts per option are not shown, since they could reveal a person's choice.", [onload.min_ballots_shown || 5]);
			}
			frm.set_intro(intro, frm.doc.counts_withheld ? "orange" : "blue");
		}
	},
});

// 003 §19: the office drafts the 意见建议 from the meeting's questions and the evaluators' comments, then edits it.
frappe.ui.form.on("Sanshu Evaluation", {
	refresh(frm) {
		const office = frappe.user.has_role("Sanshu Manager") || frappe.user.has_role("System Manager");
		if (!office || frm.doc.docstatus === 2) return;
		frm.add_custom_button(__("Add Paper Ballot Comments"), () => {
			frappe.prompt(
				[{ fieldname: "comments", fieldtype: "Small Text", label: __("Comments (one per line)"), reqd: 1 }],
				(values) =>
					frappe
						.call("sanshu_app.reporting_and_evaluation.feedback.add_paper_comments", { evaluation: frm.doc.name, comments: values.comments })
						.then(({ message }) => frappe.show_alert({ message: __("{0} comments added.", [message]), indicator: "green" })),
				__("Add Paper Ballot Comments"),
			);
		});
		if (frm.doc.docstatus !== 1) return;
		frm.add_custom_button(__("Compile Suggestions"), () => {
			const run = () =>
				frappe
					.call("sanshu_app.reporting_and_evaluation.feedback.compile_suggestions", { evaluation: frm.doc.name })
					.then(() => frm.reload_doc());
			if (frm.doc.suggestions) frappe.confirm(__("Replace the current opinions and suggestions with a new draft?"), run);
			else run();
		});
	},
});
