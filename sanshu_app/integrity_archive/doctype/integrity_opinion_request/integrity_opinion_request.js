// Copyright (c) 2026, sanshu_app contributors
// For license information, please see license.txt

const CANDIDATE_SEARCH = "sanshu_app.integrity_archive.doctype.integrity_opinion_request.integrity_opinion_request.candidate_search";
const found_candidates = {}; // cadre ID -> {value, label (name), description (ID, unit, post)}, as the candidate search answered

frappe.ui.form.on("Integrity Opinion Request", {
	setup(frm) {
		// Candidates are found by name among the serving cadres.
		frm.set_query("cadre", "candidates", () => ({ query: CANDIDATE_SEARCH }));
		check_candidates_by_the_search();
	},
	refresh(frm) {
		if (frm.doc.docstatus === 0 && !frm.is_new() && frappe.user.has_role("Sanshu Manager")) {
			frm.add_custom_button(__("Check Candidates"), () =>
				frm.call("check_candidates").then(() => frm.reload_doc())
			);
		}
	},
});

frappe.ui.form.on("Integrity Opinion Candidate", {
	cadre(frm, cdt, cdn) {
		// the chosen cadre's name and post at once (the server fetches them again on save)
		const match = found_candidates[locals[cdt][cdn].cadre];
		if (!match) return;
		frappe.model.set_value(cdt, cdn, "cadre_name", match.label);
	},
});

// The organisation department reads no cadre record, so the platform's link check (a read of the
// record) refuses it. Outside the office a candidate is checked against the candidate search
// instead: the text typed so far is no value (the row editor stays open while the name is typed), a
// cadre the search finds is.
function check_candidates_by_the_search() {
	const Link = frappe.ui.form.ControlLink;
	if (Link.prototype.__sanshu_candidate_check) return;
	const validate = Link.prototype.validate;
	Link.prototype.validate = function (value) {
		const candidate = this.df && this.df.parent === "Integrity Opinion Candidate" && this.df.fieldname === "cadre";
		if (!candidate || !value || frappe.user.has_role("Sanshu Manager")) return validate.call(this, value);
		return frappe
			.xcall("frappe.desk.search.search_link", { doctype: "Sanshu Cadre", txt: value, query: CANDIDATE_SEARCH, filters: {}, page_length: 20 })
			.then((found) => {
				const match = (found || []).find((row) => row.value === value);
				if (!match) return "";
				found_candidates[value] = match;
				return value;
			});
	};
	Link.prototype.__sanshu_candidate_check = true;
}
