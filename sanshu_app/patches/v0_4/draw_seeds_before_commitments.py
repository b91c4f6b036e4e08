"""Issue 19: draws are committed (Sanshu Draw) and nobody types a seed. The old ``draw_seed`` field
of meetings and inspections is gone from the forms; a draw made before keeps its seed as a comment
on its record (the column stays in the database), said plainly: it was not committed in advance."""

import frappe


def execute():
	for doctype in ("Sanshu Meeting", "Supervision Inspection"):
		if not frappe.db.has_column(doctype, "draw_seed"):
			continue
		for name, seed in frappe.db.sql(f"select name, draw_seed from `tab{doctype}` where ifnull(draw_seed, '') != ''"):
			text = f"抽取于承诺机制之前：种子 {seed}（当时未事先公布其SHA-256，无法验证未被挑选）。Drawn before committed draws with seed {seed}; it was not committed in advance."
			if frappe.db.exists("Comment", {"reference_doctype": doctype, "reference_name": name, "content": text}):
				continue
			frappe.get_doc(
				{"doctype": "Comment", "comment_type": "Comment", "reference_doctype": doctype, "reference_name": name, "content": text}
			).insert(ignore_permissions=True)
