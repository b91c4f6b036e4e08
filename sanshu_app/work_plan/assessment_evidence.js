// Work plan evidence beside the task-completion item of a unit's Responsibility Assessment:
// completion rate, overdue count and links to the evidence. Display only; inspectors score.
frappe.ui.form.on("Responsibility Assessment", {
	refresh(frm) {
		const ev = frm.doc.__onload && frm.doc.__onload.work_plan_evidence;
		const wrapper = frm.fields_dict.items && frm.fields_dict.items.$wrapper;
		if (!wrapper) return;
		wrapper.find(".sanshu-work-plan-evidence").remove();
		if (!ev) return;
		const esc = frappe.utils.escape_html;
		const tasks = ev.tasks
			.filter((t) => t.overdue || t.lag)
			.map((t) => `<li><a href="/app/sanshu-work-plan-task/${encodeURIComponent(t.name)}">${esc(t.task_number || "")} ${esc(t.content)}</a> — ${__(t.lag || "")}</li>`)
			.join("");
		const files = ev.evidence
			.map((e) => `<li><a href="${encodeURI(e.file_url)}" target="_blank">${esc(e.description || e.file_url)}</a> (${esc(e.period)})</li>`)
			.join("");
		$(`<div class="sanshu-work-plan-evidence alert alert-info" style="margin-top:8px">
			<b>${__("Work Plan Tasks")}</b>: ${__("{0} tasks, {1} completed ({2}%), {3} overdue.", [ev.total, ev.completed, ev.rate, ev.overdue])}
			${tasks ? `<ul>${tasks}</ul>` : ""}${files ? `<div>${__("Evidence")}:</div><ul>${files}</ul>` : ""}
		</div>`).appendTo(wrapper);
	},
});
