// Copyright (c) 2026, sanshu_app contributors
// For license information, please see license.txt
// The clerks' sheet imports (paper ballots, work-plan tasks, units and cadres): when the import does
// not know a sheet's headings it answers with a mapping step, and this dialog shows the sheet's
// columns with a few rows and lets the clerk say which column is which field (or a tick column for
// an option, or ignored). Then, as for a known sheet, a preview; nothing is written until the clerk
// confirms it. The server remembers a confirmed mapping for the workbook's layout and offers it next
// time (rules: sanshu_app/rules/column_mapping.py).
frappe.provide("sanshu_app.desk");

// opts: title; call(args) -> Promise of the import's answer (args: commit, mapping, remap);
// preview(answer) -> html; done(answer) after the confirmed import.
sanshu_app.desk.import_sheet = function (opts) {
	const esc = (v) => frappe.utils.escape_html(v == null ? "" : String(v));

	const run = (mapping, remap) =>
		opts.call({ commit: 0, mapping: mapping ? JSON.stringify(mapping) : "", remap: remap ? 1 : 0 }).then((answer) =>
			answer.needs_mapping ? ask_mapping(answer) : show_preview(answer, mapping || answer.mapping)
		);

	function role_options(step) {
		const options = [{ value: step.ignore, label: __("Ignore") }];
		step.fields.forEach((f) => options.push({ value: f.key, label: f.required ? __("{0} (required)", [f.heading]) : f.heading }));
		step.options.forEach((o) => options.push({ value: step.tick + o, label: __("Tick for {0}", [o]) }));
		return options;
	}

	function ask_mapping(step) {
		const sheets = step.sheets;
		if (!sheets.length) {
			frappe.msgprint({ title: __("Nothing Imported"), message: __("The workbook has no rows to import."), indicator: "red" });
			return;
		}
		const choices = role_options(step);
		const dialog = new frappe.ui.Dialog({
			title: __("Which Column Is Which"),
			size: "extra-large",
			fields: [
				{ fieldtype: "HTML", fieldname: "intro" },
				{ fieldtype: "Select", fieldname: "sheet", label: __("Sheet"), options: sheets.map((s) => s.sheet), default: sheets[0].sheet, hidden: sheets.length < 2, onchange: () => draw(true) },
				{ fieldtype: "Int", fieldname: "header_row", label: __("Heading Row"), default: sheets[0].header_row, onchange: () => draw(false) },
				{ fieldtype: "HTML", fieldname: "columns" },
			],
			primary_action_label: __("Preview"),
			primary_action() {
				const sheet = current();
				const columns = {};
				dialog.$wrapper.find("select.sanshu-column-role").each(function () {
					columns[$(this).attr("data-column")] = $(this).val();
				});
				// refused (the server says why): the dialog stays open to be corrected
				run({ sheet: sheet.sheet, header_row: cint(dialog.get_value("header_row")), columns }).then(
					() => dialog.hide(),
					() => null
				);
			},
		});
		dialog.fields_dict.intro.$wrapper.html(
			`<p class="text-muted">${__("The headings of this workbook are not the ones the import knows. Say which column holds which field; columns left on Ignore are not read. The mapping is remembered for workbooks laid out the same way.")}</p>`
		);
		const current = () => sheets.find((s) => s.sheet === dialog.get_value("sheet")) || sheets[0];

		function draw(sheet_changed) {
			const sheet = current();
			if (sheet_changed) dialog.set_value("header_row", sheet.header_row);
			const header_row = cint(dialog.get_value("header_row")) || sheet.header_row;
			const rows = sheet.rows;
			const width = rows.length ? rows[0].length : 0;
			const heading = rows[header_row - 1] || [];
			const roles = header_row === sheet.header_row ? sheet.roles : {};
			const letter = (i) => {
				let s = "";
				for (let n = i + 1; n; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
				return s;
			};
			let html = `<div style="overflow:auto;max-height:55vh"><table class="table table-bordered table-sm sanshu-column-mapping"><thead><tr><th>${__("Column")}</th>`;
			for (let i = 0; i < width; i++) html += `<th>${letter(i)}<br>${esc(heading[i])}</th>`;
			html += `</tr><tr><th>${__("Read As")}</th>`;
			for (let i = 0; i < width; i++) {
				const chosen = roles[String(i)] || step.ignore;
				html += `<td><select class="form-control input-sm sanshu-column-role" data-column="${i}" data-heading="${esc(heading[i])}">${choices
					.map((c) => `<option value="${esc(c.value)}"${c.value === chosen ? " selected" : ""}>${esc(c.label)}</option>`)
					.join("")}</select></td>`;
			}
			html += "</tr></thead><tbody>";
			rows.slice(header_row, header_row + 5).forEach((row, k) => {
				html += `<tr><td class="text-muted">${__("Row {0}", [header_row + k + 1])}</td>${row.map((v) => `<td>${esc(v)}</td>`).join("")}</tr>`;
			});
			html += "</tbody></table></div>";
			dialog.fields_dict.columns.$wrapper.html(html);
		}
		dialog.show();
		draw(false);
	}

	function show_preview(answer, mapping) {
		let primed = false;
		const dialog = new frappe.ui.Dialog({
			title: opts.title,
			size: "extra-large",
			fields: [{ fieldtype: "HTML", fieldname: "preview" }],
			primary_action_label: __("Import"),
			primary_action() {
				if (primed) return;
				primed = true;
				opts.call({ commit: 1, mapping: mapping ? JSON.stringify(mapping) : "", remap: 0 }).then(
					(done) => {
						dialog.hide();
						opts.done(done);
					},
					() => (primed = false)
				);
			},
		});
		dialog.set_secondary_action_label(__("Change Columns"));
		dialog.set_secondary_action(() => {
			dialog.hide();
			run(null, true);
		});
		const note = mapping && mapping.remembered ? `<p class="text-muted sanshu-remembered-mapping">${__("Read with the column mapping remembered for this layout.")}</p>` : "";
		dialog.fields_dict.preview.$wrapper.html(`${note}${opts.preview(answer)}<p>${__("Nothing is written until you press Import.")}</p>`);
		dialog.show();
	}

	return run(null, false);
};
