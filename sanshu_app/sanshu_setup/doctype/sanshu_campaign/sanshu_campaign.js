// Copyright (c) 2026, sanshu_app contributors
// For license information, please see license.txt

frappe.ui.form.on("Sanshu Campaign", {
	setup(frm) {
		frm.set_query("evaluation_rule_set", () => ({ filters: { purpose: "Evaluation Rating", disabled: 0 } }));
		frm.set_query("assessment_rule_set", () => ({ filters: { purpose: "Responsibility Assessment", disabled: 0 } }));
		frm.set_query("deadline_rule_set", () => ({ filters: { disabled: 0 } }));
	},
	refresh(frm) {
		if (frm.is_new() || !frappe.user.has_role("Sanshu Manager")) return;
		// in groups, so that 保存 stays on screen at 1366 px beside the other modules' buttons
		frm.add_custom_button(
			__("Copy to Next Year"),
			() => frm.call("copy_to_next_year").then((r) => r.message && frappe.set_route("Form", "Sanshu Campaign", r.message)),
			__("Create")
		);
		frm.add_custom_button(__("Add Unit Principals"), () => frm.call("add_unit_principals").then(() => frm.reload_doc()), __("Participants"));
		frm.add_custom_button(__("Add the Units' Leadership"), () => add_leadership_dialog(frm), __("Participants"));
	},
});

// The units' leadership in one action: principals, deputies and other 班子成员, by post or rank.
function add_leadership_dialog(frm) {
	const dialog = new frappe.ui.Dialog({
		title: __("Add the Units' Leadership"),
		fields: [
			{ fieldname: "principals", fieldtype: "Check", label: __("Principals"), default: 1 },
			{ fieldname: "deputies", fieldtype: "Check", label: __("Deputies"), default: 1 },
			{ fieldname: "members", fieldtype: "Check", label: __("Other Leadership Members"), default: 1 },
			{ fieldname: "words_section", fieldtype: "Section Break", label: __("By Post") },
			{ fieldname: "deputy_words", fieldtype: "Data", label: __("Deputy posts contain"), default: "副" },
			{ fieldname: "member_words", fieldtype: "Small Text", label: __("Leadership member posts contain"), default: "班子成员、党委委员、党组成员、纪委书记、纪工委书记、纪检组长、武装部长、政法委员" },
			{ fieldname: "rank_section", fieldtype: "Section Break", label: __("By Rank") },
			{ fieldname: "ranks", fieldtype: "MultiCheck", label: __("Only these ranks (none: any rank)"), options: ["Division Level", "Deputy Division Level", "Section Level", "Deputy Section Level", "Staff", "Other"].map((r) => ({ label: __(r), value: r })) },
		],
		primary_action_label: __("Add"),
		primary_action(values) {
			const kinds = [values.principals && "Principal", values.deputies && "Deputy", values.members && "Leadership Member"].filter(Boolean);
			frm.call("add_unit_leadership", { kinds, ranks: values.ranks || [], deputy_words: values.deputy_words || "", member_words: values.member_words || "" }).then((r) => {
				dialog.hide();
				frm.reload_doc();
				if (r.message) frappe.show_alert({ message: __("{0} cadres added, {1} already taking part.", [r.message.added, r.message.already]), indicator: "green" });
			});
		},
	});
	dialog.show();
}
