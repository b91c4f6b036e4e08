// Copyright (c) 2026, sanshu_app contributors
// For license information, please see license.txt
// Meeting day: draw reporters, print code slips, watch codes being used, import paper ballots, close, results.

const SANSHU_MEETING = "sanshu_app.meeting_day.doctype.sanshu_meeting.sanshu_meeting";

frappe.ui.form.on("Sanshu Meeting", {
	refresh(frm) {
		const esc = frappe.utils.escape_html;
		if (frm.is_new()) return;
		if (frm.doc.sanshu_draw) {
			frm.add_custom_button(__("Committed Draw"), () => frappe.set_route("Form", "Sanshu Draw", frm.doc.sanshu_draw), __("Meeting"));
		}
		if (frm.doc.status === "Open") {
			// A committed draw (issue 19): the commitment is shown before the draw is made; a second draw needs a reason.
			const commitAndDraw = (reason) =>
				frm.call("draw_reporters", { reason }).then((r) => {
					const c = r.message;
					frappe.confirm(
						__("Draw {0} is committed: {1} of {2} cadres will be drawn. SHA-256 of its seed: {3}. Make the draw now?", [c.draw, c.count, c.pool, `<code>${esc(c.commitment)}</code>`]),
						() => frappe.call({ method: "sanshu_app.sanshu_setup.doctype.sanshu_draw.sanshu_draw.make_draw", args: { name: c.draw } }).then(() => frm.reload_doc()),
						() => frm.reload_doc()
					);
				});
			if (!frm.doc.sanshu_draw) {
				frm.add_custom_button(__("Draw Reporters"), () => commitAndDraw(null), __("Meeting"));
			} else {
				frm.add_custom_button(__("Draw Again"), () =>
					frappe.prompt({ fieldname: "reason", fieldtype: "Small Text", label: __("Reason for Drawing Again"), reqd: 1 }, (v) => commitAndDraw(v.reason), __("Draw Again")),
					__("Meeting"));
			}
			if (!frm.doc.reporters_approved_by) {
				frm.add_custom_button(__("Approve Reporters"), () =>
					frappe.confirm(__("Approve these reporters (审定)? Ballots are taken only after approval."), () => frm.call("approve_reporters").then(() => frm.reload_doc())),
					__("Meeting"));
			}
			frm.add_custom_button(__("Print Ballot Codes"), () => {
				frappe.prompt(
					[
						{ fieldname: "evaluator_group", fieldtype: "Select", label: __("Evaluator Group"), reqd: 1, options: (frm.doc.groups || []).map((g) => ({ value: g.evaluator_group, label: __(g.evaluator_group) })) },
						{ fieldname: "count", fieldtype: "Int", label: __("Codes"), reqd: 1 },
					],
					(values) =>
						frm.call("generate_codes", values).then((r) => {
							const win = window.open("", "_blank");
							win.document.write(r.message.html);
							win.document.close();
							frm.reload_doc();
						}),
					__("New One-Time Codes"),
					__("Make and Print")
				);
			}, __("Meeting"));
			frm.add_custom_button(__("Download Paper Ballot Template"), () => {
				window.open(`/api/method/${SANSHU_MEETING}.paper_ballot_template?meeting=${encodeURIComponent(frm.doc.name)}`);
			}, __("Paper Ballots"));
			frm.add_custom_button(__("Import Paper Ballots"), () => {
				new frappe.ui.FileUploader({
					allow_multiple: false,
					restrictions: { allowed_file_types: [".xlsx"] },
					on_success(file) {
						// unknown headings: the column-mapping step first (public/js/sheet_mapping.js)
						sanshu_app.desk.import_sheet({
							title: __("Import Paper Ballots"),
							call: (args) => frm.call("import_paper_ballots", { file_url: file.file_url, ...args }).then((r) => r.message),
							preview: (preview) => {
								const head = preview.scale.map((o) => `<th>${esc(o)}</th>`).join("");
								const counts = preview.reporters
									.map((p) => `<tr><td>${esc(p.cadre_name || "")}</td>${preview.scale.map((o) => `<td>${p.counts[o] || 0}</td>`).join("")}</tr>`)
									.join("");
								const rows = preview.rows
									.map((r) => `<tr><td>${esc(r.sheet)}</td><td>${r.row}</td><td>${esc(r.name)}</td><td>${esc(r.cadre_name || "")}</td><td>${esc(r.option || "")}</td><td>${esc(r.kind_label)}</td></tr>`)
									.join("");
								return `<table class="table table-bordered sanshu-paper-counts"><tr><th>${__("Cadre")}</th>${head}</tr>${counts}</table>
									<div style="max-height:40vh;overflow:auto"><table class="table table-bordered table-sm sanshu-paper-rows"><tr><th>${__("Sheet")}</th><th>${__("Row")}</th><th>${__("Name in the Sheet")}</th><th>${__("Counted For")}</th><th>${__("Choice")}</th><th>${__("Handling")}</th></tr>${rows}</table></div>
									<p>${__("Write these paper counts?")}</p>`;
							},
							done: () => frm.reload_doc(),
						});
					},
				});
			}, __("Paper Ballots"));
			frm.add_custom_button(__("Close Meeting"), () => {
				frappe.confirm(__("Close the meeting and every evaluation of it? Ballots are counted now."), () =>
					frm.call("close_meeting").then(() => frm.reload_doc())
				);
			}).addClass("btn-primary");
			const usage = frm.doc.__onload && frm.doc.__onload.code_usage;
			if (usage) {
				const parts = Object.keys(usage).map((g) => `${esc(__(g))} ${usage[g].used}/${usage[g].issued}`);
				frm.set_intro(__("Codes used: {0}. Choices are counted when the meeting closes.", [parts.join("，") || "0"]));
			}
		} else {
			// a closed meeting is a record: nothing on it changes, so no 保存
			frm.disable_form();
			frm.add_custom_button(__("Results Workbook"), () => {
				window.open(`/api/method/${SANSHU_MEETING}.results_workbook?meeting=${encodeURIComponent(frm.doc.name)}`);
			}, __("Results"));
			frm.add_custom_button(__("Feedback Letters"), () => {
				window.open(`/api/method/${SANSHU_MEETING}.feedback_letters?meeting=${encodeURIComponent(frm.doc.name)}`);
			}, __("Results"));
		}
	},
});
