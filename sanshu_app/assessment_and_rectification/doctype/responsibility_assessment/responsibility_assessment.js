// Copyright (c) 2026, sanshu_app contributors
// For license information, please see license.txt

frappe.ui.form.on("Responsibility Assessment", {
	rule_set(frm) {
		// Member grades offered as the rule set defines them (好 / 较好 / 一般 / 差 by default).
		if (!frm.doc.rule_set) return;
		frappe.db.get_doc("Sanshu Rule Set", frm.doc.rule_set).then((rule_set) => {
			const grades = (rule_set.member_grades || []).map((row) => row.option);
			frm.fields_dict.member_grades.grid.update_docfield_property("grade", "options", grades);
		});
	},
	refresh(frm) {
		frm.trigger("rule_set");
		if (frm.is_new()) return;
		frm.add_custom_button(
			__("Download Scoring Sheet"),
			() => {
				window.open(
					"/api/method/sanshu_app.assessment_and_rectification.doctype.responsibility_assessment.responsibility_assessment.download_scoring_sheet?" +
						new URLSearchParams({ name: frm.doc.name })
				);
			},
			__("Scoring Sheet")
		);
		const state = frm.doc.workflow_state || "Draft";
		if (["Draft", "Self-assessed"].includes(state) && frm.perm[0] && frm.perm[0].write) {
			frm.add_custom_button(
				__("Import Scoring Sheet"),
				() => {
					new frappe.ui.FileUploader({
						doctype: frm.doctype,
						docname: frm.doc.name,
						restrictions: { allowed_file_types: [".xlsx"] },
						on_success(file) {
							frm.call("import_scoring_sheet", { file_url: file.file_url }).then((r) => {
								frappe.show_alert({ message: __("{0} scores imported", [r.message]), indicator: "green" });
								frm.reload_doc();
							});
						},
					});
				},
				__("Scoring Sheet")
			);
		}
		if (state === "Self-assessed" && frappe.user.has_role(["Assessment Inspector", "Sanshu Manager"])) {
			frm.add_custom_button(__("Sign Inspection Record"), () => {
				frappe.prompt(
					{
						fieldname: "team_role",
						label: __("Team Role"),
						fieldtype: "Select",
						options: [
							{ value: "Team Member", label: __("Team Member") },
							{ value: "Team Leader", label: __("Team Leader") },
						],
						default: "Team Member",
						reqd: 1,
					},
					(values) => frm.call("sign_inspection", values).then(() => frm.reload_doc()),
					__("Sign Inspection Record")
				);
			});
		}
		if (frm.doc.rectification) {
			frm.add_custom_button(__("Rectification"), () => frappe.set_route("Form", "Rectification", frm.doc.rectification));
		}
	},
});
