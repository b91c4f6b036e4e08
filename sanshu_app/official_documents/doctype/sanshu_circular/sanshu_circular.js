// Copyright (c) 2026, sanshu_app contributors
// For license information, please see license.txt

// 通报: the office fills the results from a source (Make From), names 主送/抄送 and issues it (印发).
const CIRCULAR_SOURCES = {
	"Sanshu Ratings": { fieldtype: "Link", options: "Sanshu Campaign", label: "Campaign" },
	"Assessment Ranking": { fieldtype: "Int", label: "Year" },
	"Inspection Round": { fieldtype: "Link", options: "Supervision Inspection", label: "Inspection" },
	"Survey Ranking": { fieldtype: "Link", options: "Satisfaction Survey", label: "Satisfaction Survey" },
};

const CIRCULAR_ROLES = ["Organisation Department", "Party Secretary", "Supervision Officer", "Responsible Cadre", "Assessment Inspector"];

frappe.ui.form.on("Sanshu Circular", {
	setup(frm) {
		frm.set_query("role", "recipients", () => ({ filters: { name: ["in", CIRCULAR_ROLES] } }));
	},
	refresh(frm) {
		if (frm.is_new() || frm.doc.docstatus !== 0 || !frappe.user.has_role("Sanshu Manager")) return;
		frm.add_custom_button(__("Make From"), () => {
			const d = new frappe.ui.Dialog({
				title: __("Make From"),
				fields: [
					{
						fieldname: "source_type",
						fieldtype: "Select",
						label: __("Made From"),
						reqd: 1,
						options: Object.keys(CIRCULAR_SOURCES).map((k) => ({ value: k, label: __(k) })),
						default: frm.doc.source_type || "Sanshu Ratings",
					},
					...Object.entries(CIRCULAR_SOURCES).map(([kind, df]) => ({
						...df,
						label: __(df.label),
						fieldname: "source_" + kind.replace(/ /g, "_").toLowerCase(),
						depends_on: `eval:doc.source_type=="${kind}"`,
					})),
				],
				primary_action_label: __("Make From"),
				primary_action(values) {
					const source = values["source_" + values.source_type.replace(/ /g, "_").toLowerCase()];
					frm.call("make_from", { source_type: values.source_type, source }).then(() => {
						d.hide();
						frm.reload_doc();
					});
				},
			});
			d.show();
		});
	},
});
