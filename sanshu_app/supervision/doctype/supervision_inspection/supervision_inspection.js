// The random draw (committed: sanshu_app.utils.draws), a rectification per finding, and the quarter's ledgers.
const INSPECTION = "sanshu_app.supervision.doctype.supervision_inspection.supervision_inspection";

frappe.ui.form.on("Supervision Inspection", {
	refresh(frm) {
		if (frm.is_new()) return;
		if ((frm.doc.draw_pool || []).length || frm.doc.routine_check_campaign) {
			// A committed draw (issue 19): the app's seed, its SHA-256 shown before the draw is made; drawing again needs a reason.
			const again = !!frm.doc.sanshu_draw;
			// a routine check draws per unit type as the assessment rule set says: no count to give
			const fields = frm.doc.routine_check_campaign ? [] : [{ fieldname: "count", fieldtype: "Int", label: __("Units to Draw"), reqd: 1, default: frm.doc.draw_count || 1 }];
			if (again) fields.push({ fieldname: "reason", fieldtype: "Small Text", label: __("Reason for Drawing Again"), reqd: 1 });
			const commit = (v) =>
				frappe.call({ method: `${INSPECTION}.draw`, args: { name: frm.doc.name, ...v } }).then((r) => {
					const c = r.message;
					frappe.confirm(
						__("Draw {0} is committed: {1} of {2} units will be drawn. SHA-256 of its seed: {3}. Make the draw now?", [c.draw, c.count, c.pool, `<code>${frappe.utils.escape_html(c.commitment)}</code>`]),
						() => frappe.call({ method: "sanshu_app.sanshu_setup.doctype.sanshu_draw.sanshu_draw.make_draw", args: { name: c.draw } }).then(() => frm.reload_doc()),
						() => frm.reload_doc()
					);
				});
			const title = again ? __("Draw Again") : __("Random Draw");
			frm.add_custom_button(title, () => (fields.length ? frappe.prompt(fields, commit, title, __("Commit")) : commit({})));
		}
		if (frm.doc.sanshu_draw) {
			frm.add_custom_button(__("Committed Draw"), () => frappe.set_route("Form", "Sanshu Draw", frm.doc.sanshu_draw));
		}
		const open = (frm.doc.findings || []).filter((f) => !f.rectification);
		if (open.length) {
			frm.add_custom_button(__("Open Rectification"), () =>
				frappe.prompt(
					[{ fieldname: "finding", fieldtype: "Select", label: __("Finding"), reqd: 1,
						options: open.map((f) => ({ value: f.name, label: `${f.idx}. ${f.unit}: ${f.description}` })) }],
					(v) => frappe.call({ method: `${INSPECTION}.open_rectification`, args: { name: frm.doc.name, finding: v.finding } })
						.then((r) => { frm.reload_doc(); frappe.set_route("Form", "Rectification", r.message); }),
					__("Open Rectification"), __("Open")));
		}
		const download = (method, args) => window.open(`/api/method/sanshu_app.supervision.bulletin.${method}?${new URLSearchParams(args)}`);
		frm.add_custom_button(__("Inspection Ledger {0}", [frm.doc.year]), () => download("download_inspection_ledger", { year: frm.doc.year }), __("Ledgers"));
		frm.add_custom_button(__("Findings Ledger {0}", [frm.doc.year]), () => download("download_findings_ledger", { year: frm.doc.year }), __("Ledgers"));
		frm.add_custom_button(__("Supervision Bulletin, {0} Quarter {1}", [frm.doc.year, frm.doc.quarter]), () => download("download_bulletin", { year: frm.doc.year, quarter: frm.doc.quarter }), __("Ledgers"));
	},
});
