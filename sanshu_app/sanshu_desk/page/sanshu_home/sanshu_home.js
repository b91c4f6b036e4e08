// Copyright (c) 2026, sanshu_app contributors
// For license information, please see license.txt
// Each role's first screen: a cadre's own to-dos (with the unit's view for a secretary or
// supervision officer); the office goes to its workspace, an evaluator to the ballot; the
// organisation department sees its integrity opinion requests, their replies and its 通报.

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
		if (home.kind === "inspector") {
			// the assessments awaiting the inspection, not the units' drafts the inspector cannot act on
			frappe.route_options = { workflow_state: "Self-assessed" };
			return frappe.set_route("List", "Responsibility Assessment");
		}
		body.empty();
		if (home.opinion_requests) render_opinion_requests(body, home.opinion_requests);
		if (home.circulars) render_circulars(body, home.circulars);
		if (home.kind !== "cadre") return;
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
					<td>${esc(item.kind)}</td><td><a href="#" class="sanshu-todo-link" style="color: inherit; text-decoration: underline">${esc(item.title || item.kind)}</a></td><td>${esc(item.state || "")}</td>
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

function render_opinion_requests(body, requests) {
	const esc = frappe.utils.escape_html;
	const card = $(`<div class="frappe-card p-3 mb-3 sanshu-opinion-requests">
		<div class="d-flex justify-content-between align-items-center mb-2">
			<h5 class="mb-0">${__("Integrity Opinion Requests")}</h5>
			<button class="btn btn-primary btn-sm sanshu-new-request">${__("New Integrity Opinion Request")}</button>
		</div></div>`).appendTo(body);
	card.find(".sanshu-new-request").on("click", () => frappe.new_doc("Integrity Opinion Request"));
	if (!requests.length) {
		card.append(`<p class="text-muted">${__("No requests yet.")}</p>`);
		return;
	}
	const table = $(`<table class="table table-sm"><thead><tr>
		<th>${__("Request Date")}</th><th>${__("Purpose")}</th><th>${__("Candidates")}</th><th>${__("Status")}</th><th>${__("Reply")}</th>
	</tr></thead><tbody></tbody></table>`).appendTo(card);
	requests.forEach((r) => {
		const people = r.candidates
			.map((c) => esc(c.cadre_name) + (c.conclusion ? `（${esc(c.conclusion)}）` : ""))
			.join("、");
		const reply = r.replied
			? `<a href="#" class="sanshu-reply">${esc(r.document_number || __("Reply"))}</a>`
			: `<span class="text-muted">${__("Awaiting Reply")}</span>`;
		const row = $(`<tr class="sanshu-opinion-request">
			<td><a href="#" class="sanshu-open">${esc(frappe.datetime.str_to_user(r.request_date) || "")}</a></td>
			<td>${esc(r.purpose)}</td><td>${people}</td>
			<td><span class="indicator-pill ${r.replied ? "green" : "orange"}">${esc(r.status)}</span></td>
			<td>${reply}</td></tr>`).appendTo(table.find("tbody"));
		row.find(".sanshu-open").on("click", (e) => {
			e.preventDefault();
			frappe.set_route("Form", "Integrity Opinion Request", r.name);
		});
		row.find(".sanshu-reply").on("click", (e) => {
			e.preventDefault();
			frappe.set_route("print", "Integrity Opinion Request", r.name);
		});
	});
}

function render_circulars(body, circulars) {
	const esc = frappe.utils.escape_html;
	const card = $(`<div class="frappe-card p-3 mb-3 sanshu-circulars"><h5>${__("Circulars")}</h5></div>`).appendTo(body);
	if (!circulars.length) {
		card.append(`<p class="text-muted">${__("No circulars addressed to you.")}</p>`);
		return;
	}
	circulars.forEach((c) => {
		$(`<div class="mb-1"><a href="#">${esc(c.title)}</a> <span class="text-muted">${esc(frappe.datetime.str_to_user(c.date) || "")}</span></div>`)
			.appendTo(card)
			.find("a")
			.on("click", (e) => {
				e.preventDefault();
				frappe.set_route("Form", "Sanshu Circular", c.name);
			});
	});
}
