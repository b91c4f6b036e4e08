// Copyright (c) 2026, sanshu_app contributors
// For license information, please see license.txt

// 001 §6: a discipline committee member (纪委委员) puts a written question to a cadre reporting in an active campaign.
frappe.provide("sanshu_app.inquiry");
sanshu_app.inquiry.file_written = function (after) {
	const method = "sanshu_app.reporting_and_evaluation.doctype.sanshu_inquiry.sanshu_inquiry";
	frappe.call(`${method}.inquiry_targets`).then(({ message: targets }) => {
		if (!targets || !targets.length) {
			frappe.msgprint(__("No active campaign has cadres you may put a written question to."));
			return;
		}
		const label = (t) => `${t.cadre_name}（${t.unit || ""}）— ${t.campaign_title}`;
		const dialog = new frappe.ui.Dialog({
			title: __("File a Written Inquiry"),
			fields: [
				{ fieldname: "target", fieldtype: "Select", label: __("Cadre"), reqd: 1, default: "0", options: targets.map((t, i) => ({ value: String(i), label: label(t) })) },
				{ fieldname: "question", fieldtype: "Text", label: __("Question"), reqd: 1 },
			],
			primary_action_label: __("File Inquiry"),
			primary_action(values) {
				const t = targets[Number(values.target)];
				frappe.call(`${method}.file_written_inquiry`, { campaign: t.campaign, cadre: t.cadre, question: values.question }).then(({ message }) => {
					dialog.hide();
					frappe.show_alert({ message: __("Written inquiry {0} filed.", [message]), indicator: "green" });
					if (after) after(message);
				});
			},
		});
		dialog.show();
	});
};

frappe.listview_settings["Sanshu Inquiry"] = {
	onload(listview) {
		if (frappe.user.has_role("Discipline Committee Member")) {
			listview.page.add_inner_button(__("File a Written Inquiry"), () => sanshu_app.inquiry.file_written(() => listview.refresh()));
		}
	},
};
