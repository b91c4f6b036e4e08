frappe.listview_settings["Sanshu Cadre"] = {
	onload(listview) {
		if (!frappe.user.has_role("Sanshu Manager")) return;
		listview.page.add_menu_item(__("Download Import Template"), () => {
			window.open("/api/method/sanshu_app.sanshu_setup.master_import.download_master_template");
		});
		listview.page.add_menu_item(__("Import Units and Cadres"), () => {
			new frappe.ui.FileUploader({
				restrictions: { allowed_file_types: [".xlsx"] },
				on_success(file) {
					// a preview first; unknown headings: the column-mapping step (public/js/sheet_mapping.js)
					const esc = (v) => frappe.utils.escape_html(v == null ? "" : String(v));
					sanshu_app.desk.import_sheet({
						title: __("Import Units and Cadres"),
						call: (args) =>
							frappe
								.call({ method: "sanshu_app.sanshu_setup.master_import.import_master_data", args: { file_url: file.file_url, ...args }, freeze: true })
								.then((r) => r.message),
						preview: (m) => {
							const units = m.units.slice(0, 200).map((u) => `<tr><td>${u.row}</td><td>${esc(u.unit_name)}</td><td>${esc(__(u.unit_type || ""))}</td><td>${esc(u.parent_sanshu_unit)}</td></tr>`).join("");
							const cadres = m.cadres
								.slice(0, 200)
								.map((c) => `<tr><td>${c.row}</td><td>${esc(c.full_name)}</td><td>${esc(c.unit)}</td><td>${esc(c.post)}</td><td>${esc(__(c.rank || ""))}</td><td>${esc(c.user)}</td></tr>`)
								.join("");
							return `<p>${__("{0} units and {1} cadres will be created.", [m.units.length, m.cadres.length])}</p>
								<div style="max-height:50vh;overflow:auto">
								${units ? `<table class="table table-bordered table-sm"><tr><th>${__("Row")}</th><th>${__("Unit Name")}</th><th>${__("Unit Type")}</th><th>${__("Parent Unit")}</th></tr>${units}</table>` : ""}
								${cadres ? `<table class="table table-bordered table-sm sanshu-cadre-preview"><tr><th>${__("Row")}</th><th>${__("Full Name")}</th><th>${__("Unit")}</th><th>${__("Post")}</th><th>${__("Rank")}</th><th>${__("User")}</th></tr>${cadres}</table>` : ""}
								</div>`;
						},
						done: (r) => {
							frappe.msgprint(__("Imported {0} units and {1} cadres.", [r.units, r.cadres]));
							listview.refresh();
						},
					});
				},
			});
		});
	},
};
