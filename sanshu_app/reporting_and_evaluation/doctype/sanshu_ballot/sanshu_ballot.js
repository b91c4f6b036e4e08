// Copyright (c) 2026, sanshu_app contributors
// For license information, please see license.txt

frappe.ui.form.on("Sanshu Ballot", {
	refresh(frm) {},
});
