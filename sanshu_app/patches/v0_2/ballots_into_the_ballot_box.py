"""Move the online ballots out of the Sanshu Ballot doctype into the ballot box, then delete the doctype.

Each old ballot becomes one box row (box and subject: its evaluation; its evaluator group is not
known, so none). Nothing of the old row but the choice is kept: its name, owner and timestamps go.
"""

import frappe

from sanshu_app.ballot_box import cast, ensure_ballot_box

OLD_DOCTYPE = "Sanshu Ballot"


def execute():
	ensure_ballot_box()
	if frappe.db.table_exists(OLD_DOCTYPE):
		for evaluation, choice in frappe.db.sql(f"select evaluation, choice from `tab{OLD_DOCTYPE}` order by rand()"):
			cast(evaluation, evaluation, choice)
	if frappe.db.exists("DocType", OLD_DOCTYPE):
		frappe.delete_doc("DocType", OLD_DOCTYPE, ignore_permissions=True, force=True)
	frappe.db.sql_ddl(f"drop table if exists `tab{OLD_DOCTYPE}`")
