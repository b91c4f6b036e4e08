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
					frappe
						.call({
							method: "sanshu_app.sanshu_setup.master_import.import_master_data",
							args: { file_url: file.file_url },
							freeze: true,
						})
						.then((r) => {
							frappe.msgprint(__("Imported {0} units and {1} cadres.", [r.message.units, r.message.cadres]));
							listview.refresh();
						});
				},
			});
		});
	},
};
