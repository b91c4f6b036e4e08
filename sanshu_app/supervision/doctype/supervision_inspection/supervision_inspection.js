// The random draw (recorded seed), a rectification per finding, and the quarter's ledgers.
const INSPECTION = "sanshu_app.supervision.doctype.supervision_inspection.supervision_inspection";

frappe.ui.form.on("Supervision Inspection", {
	refresh(frm) {
		if (frm.is_new()) return;
		if (!frm.doc.draw_seed && (frm.doc.draw_pool || []).length) {
			frm.add_custom_button(__("Random Draw"), () =>
				frappe.prompt(
					[
						{ fieldname: "count", fieldtype: "Int", label: __("Units to Draw"), reqd: 1, default: frm.doc.draw_count || 1 },
						{ fieldname: "seed", fieldtype: "Data", label: __("Seed of the Draw"), description: __("Leave empty for a new random seed; it is recorded either way.") },
					],
					(v) => frappe.call({ method: `${INSPECTION}.draw`, args: { name: frm.doc.name, ...v } }).then(() => frm.reload_doc()),
					__("Random Draw"), __("Draw")));
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
