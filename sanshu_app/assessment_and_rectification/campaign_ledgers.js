// On the campaign: create its responsibility assessments; its ledgers (台账) as formatted xlsx.
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
		frm.add_custom_button(__("Create Responsibility Assessments"), () =>
			frappe
				.call(
					"sanshu_app.assessment_and_rectification.doctype.responsibility_assessment.responsibility_assessment.create_for_campaign",
					{ campaign: frm.doc.name }
				)
				.then((r) => {
					frappe.show_alert({ message: __("{0} assessments created", [(r.message || []).length]), indicator: "green" });
					frappe.set_route("List", "Responsibility Assessment", { campaign: frm.doc.name });
				}),
			__("Create")
		);
		frm.add_custom_button(
			__("Commitment Compliance"),
			() => open("download_commitment_compliance", { campaign: frm.doc.name, show_all: 1 }),
			__("Ledgers (xlsx)")
		);
	},
});
