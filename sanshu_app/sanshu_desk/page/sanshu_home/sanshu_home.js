// Copyright (c) 2026, sanshu_app contributors
// For license information, please see license.txt
// Each role's first screen: a cadre's own to-dos (with the unit's view for a secretary or
// supervision officer); the office goes to its workspace, an evaluator to the ballot.

frappe.pages["sanshu-home"].on_page_load = function (wrapper) {
	const page = frappe.ui.make_app_page({ parent: wrapper, title: __("My Sanshu Desk"), single_column: true });
	wrapper.sanshu_body = $('<div class="sanshu-home p-3"></div>').appendTo(page.main);
};

frappe.pages["sanshu-home"].on_page_show = function (wrapper) {
	const body = wrapper.sanshu_body;
	const esc = frappe.utils.escape_html;
	frappe.xcall("sanshu_app.sanshu_desk.home.home").then((home) => {
		if (home.kind === "office") return frappe.set_route("sanshu");
		if (home.kind === "evaluator") return frappe.set_route("sanshu-vote");
		if (home.kind === "inspector") return frappe.set_route("List", "Responsibility Assessment");
		body.empty();
		const todos = $(`<div class="frappe-card p-3 mb-3 sanshu-todos"><h5>${__("My To-dos")}</h5></div>`).appendTo(body);
		if (!home.todos.length) {
			todos.append(`<p class="text-muted">${__("Nothing to do right now.")}</p>`);
		} else {
			const table = $(`<table class="table table-sm"><thead><tr>
				<th>${__("To-do")}</th><th>${__("Document")}</th><th>${__("Status")}</th><th>${__("Deadline")}</th>
			</tr></thead><tbody></tbody></table>`).appendTo(todos);
			home.todos.forEach((item) => {
				const deadline = item.deadline ? frappe.datetime.str_to_user(item.deadline) : "";
				const late = item.overdue ? ` <span class="indicator-pill red">${__("Overdue")}</span>` : "";
				const row = $(`<tr class="sanshu-todo${item.overdue ? " text-danger" : ""}">
					<td><a href="#">${esc(item.kind)}</a></td><td>${esc(item.title || "")}</td><td>${esc(item.state || "")}</td>
					<td>${esc(deadline)}${late}</td></tr>`).appendTo(table.find("tbody"));
				row.find("a").on("click", (e) => {
					e.preventDefault();
					if (item.name) frappe.set_route("Form", item.doctype, item.name);
					else frappe.new_doc(item.doctype);
				});
			});
		}
		if (home.unit_view.length) {
			const unit = $(`<div class="frappe-card p-3 mb-3 sanshu-unit-view"><h5>${__("My Units")}</h5></div>`).appendTo(body);
			home.unit_view.forEach((row) => {
				$(`<div class="mb-1"><a href="#">${esc(row.label)}</a> <span class="text-muted">${__("{0} open", [row.open])}</span></div>`)
					.appendTo(unit)
					.find("a")
					.on("click", (e) => {
						e.preventDefault();
						frappe.set_route("List", row.doctype);
					});
			});
		}
	});
};
