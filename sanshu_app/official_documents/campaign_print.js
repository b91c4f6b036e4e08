// Official documents: every letter or commitment of the campaign in one PDF (one browser start).
frappe.ui.form.on("Sanshu Campaign", {
	refresh(frm) {
		if (frm.is_new() || !frappe.user.has_role("Sanshu Manager")) return;
		const download = (args) => {
			const query = new URLSearchParams({ campaign: frm.doc.name, ...args });
			window.open(`/api/method/sanshu_app.official_documents.pdf.download_campaign_letters?${query}`);
		};
		frm.add_custom_button(
			__("Responsibility Letters"),
			() =>
				frappe.prompt(
					[
						{
							fieldname: "letter_type",
							fieldtype: "Select",
							label: __("Letter Type"),
							reqd: 1,
							options: [
								{ value: "Party Conduct Responsibility Letter", label: __("Party Conduct Responsibility Letter") },
								{ value: "Division of Responsibility Notice", label: __("Division of Responsibility Notice") },
								{ value: "Target Task Notice", label: __("Target Task Notice") },
								{ value: "Task Supervision Notice", label: __("Task Supervision Notice") },
							],
						},
					],
					(values) => download({ document: "Responsibility Letter", letter_type: values.letter_type }),
					__("Print Letters"),
					__("Download PDF")
				),
			__("Print")
		);
		frm.add_custom_button(__("Annual Commitments"), () => download({ document: "Integrity Commitment" }), __("Print"));
	},
});
