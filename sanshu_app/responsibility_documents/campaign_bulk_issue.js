// Responsibility Documents: issue letters or annual commitments to every participant of a campaign.
frappe.ui.form.on("Sanshu Campaign", {
	refresh(frm) {
		if (frm.is_new() || !frappe.user.has_role("Sanshu Manager")) return;
		const issue = (args) =>
			frappe
				.call({
					method: "sanshu_app.responsibility_documents.bulk_issue.issue_from_campaign",
					args: { campaign: frm.doc.name, ...args },
					freeze: true,
				})
				.then((r) => {
					const m = r.message || {};
					frappe.show_alert({
						message: m.queued
							? __("Issuing {0} documents in the background.", [m.count])
							: __("{0} documents issued.", [m.created]),
						indicator: "green",
					});
				});
		frm.add_custom_button(
			__("Responsibility Letters"),
			() => {
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
							],
						},
					],
					(values) => issue({ document: "Responsibility Letter", letter_type: values.letter_type }),
					__("Issue Letters to Participants"),
					__("Issue")
				);
			},
			__("Issue")
		);
		frm.add_custom_button(
			__("Annual Commitments"),
			() => issue({ document: "Integrity Commitment" }),
			__("Issue")
		);
	},
});
