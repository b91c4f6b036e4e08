// The campaign's ledgers (台账) as formatted xlsx: rectification, assessment ranking, commitment compliance.
frappe.ui.form.on("Sanshu Campaign", {
	refresh(frm) {
		if (frm.is_new()) return;
		const base = "/api/method/sanshu_app.assessment_and_rectification.ledgers.";
		const open = (method, args) => window.open(base + method + "?" + new URLSearchParams(args));
		frm.add_custom_button(__("Rectification Ledger"), () => open("download_rectification_ledger", { campaign: frm.doc.name }), __("Ledgers (xlsx)"));
		frm.add_custom_button(
			__("Assessment Ranking"),
			() => open("download_assessment_ranking", { year: frm.doc.year, campaign: frm.doc.name }),
			__("Ledgers (xlsx)")
		);
		frm.add_custom_button(
			__("Commitment Compliance"),
			() => open("download_commitment_compliance", { campaign: frm.doc.name, show_all: 1 }),
			__("Ledgers (xlsx)")
		);
	},
});
