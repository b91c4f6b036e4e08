// Copyright (c) 2026, sanshu_app contributors
// For license information, please see license.txt
// Online ballot for evaluators: lists the evaluations they still have to vote in, one vote each.

const SANSHU_EVALUATION = "sanshu_app.reporting_and_evaluation.doctype.sanshu_evaluation.sanshu_evaluation";

frappe.pages["sanshu-vote"].on_page_load = function (wrapper) {
	const page = frappe.ui.make_app_page({ parent: wrapper, title: __("Evaluation Ballot"), single_column: true });
	const body = $('<div class="sanshu-vote p-3"></div>').appendTo(page.main);
	const esc = frappe.utils.escape_html;

	const load = () => frappe.call(`${SANSHU_EVALUATION}.my_ballots`).then((r) => render(r.message || []));

	function render(rows) {
		body.empty();
		if (!rows.length) {
			body.append(`<p class="text-muted">${__("You have no evaluations left to vote in.")}</p>`);
			return;
		}
		body.append(`<p class="text-muted">${__("Your vote is anonymous: only your choice is stored, never who cast it or when.")}</p>`);
		rows.forEach((row) => {
			const card = $(`<div class="frappe-card p-3 mb-3">
				<h5>${esc(row.cadre_name || "")} <small class="text-muted">${esc(row.unit || "")} · ${esc(row.campaign)}</small></h5>
				<div class="sanshu-aspects"></div><div class="sanshu-options"></div></div>`).appendTo(body);
			// 000 四（二）: aspects (述责, 述廉, 述德) rated one by one, then the overall vote casts them all
			const aspects = {};
			(row.aspects || []).forEach((aspect) => {
				const line = $(`<div class="mb-2"><span class="mr-2">${esc(aspect)}</span></div>`).appendTo(card.find(".sanshu-aspects"));
				const select = $('<select class="form-control input-xs d-inline-block" style="width:auto"></select>').appendTo(line);
				select.attr("data-aspect", aspect).append($("<option></option>").val("").text(__("Choose")));
				row.options.forEach((o) => select.append($("<option></option>").val(o).text(o)));
				select.on("change", () => (aspects[aspect] = select.val()));
			});
			row.options.forEach((option) => {
				$('<button class="btn btn-default btn-sm mr-2"></button>')
					.text(option)
					.appendTo(card.find(".sanshu-options"))
					.on("click", () => {
						if ((row.aspects || []).some((a) => !aspects[a])) {
							frappe.msgprint(__("Rate every aspect first: {0}.", [(row.aspects || []).map(esc).join("、")]));
							return;
						}
						frappe.confirm(__("Vote {0} for {1}? A vote cannot be changed.", [esc(option), esc(row.cadre_name || "")]), () =>
							frappe
								.call({ method: `${SANSHU_EVALUATION}.cast_ballot`, args: { evaluation: row.name, choice: option, aspects: JSON.stringify(aspects) } })
								.then((r) => {
									frappe.show_alert({ message: r.message, indicator: "green" });
									load();
								})
						);
					});
			});
		});
	}
	load();
};
