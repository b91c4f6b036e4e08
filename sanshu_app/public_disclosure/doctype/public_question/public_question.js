// Screening by the office: accept, merge or reject; publishing the cadre's reply.
frappe.ui.form.on("Public Question", {
	refresh(frm) {
		const call = (method, args) =>
			frappe.call({ method: `sanshu_app.public_disclosure.doctype.public_question.public_question.${method}`, args: { name: frm.doc.name, ...args } }).then(() => frm.reload_doc());
		if (frm.doc.status === "Awaiting Screening") {
			frm.add_custom_button(__("Accept"), () => call("screen", { decision: "Accepted" }), __("Screen"));
			frm.add_custom_button(__("Merge"), () =>
				frappe.prompt(
					[
						{ fieldname: "merged_into", fieldtype: "Link", options: "Public Question", label: __("Merged Into"), reqd: 1, get_query: () => ({ filters: { report: frm.doc.report, name: ["!=", frm.doc.name] } }) },
						{ fieldname: "reason", fieldtype: "Small Text", label: __("Screening Reason"), reqd: 1 },
					],
					(v) => call("screen", { decision: "Merged", ...v }), __("Merge"), __("Merge")), __("Screen"));
			frm.add_custom_button(__("Reject"), () =>
				frappe.prompt([{ fieldname: "reason", fieldtype: "Small Text", label: __("Screening Reason"), reqd: 1 }],
					(v) => call("screen", { decision: "Rejected", ...v }), __("Reject"), __("Reject")), __("Screen"));
		}
		if (frm.doc.status === "Accepted" && frm.doc.inquiry) {
			if (!frm.doc.reply_published) frm.add_custom_button(__("Publish Reply"), () => call("publish_reply"));
			else frm.add_custom_button(__("Withdraw Reply"), () => call("withdraw_reply"));
		}
	},
});
