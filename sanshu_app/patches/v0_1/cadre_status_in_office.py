"""Cadre status "Active" became "In Office", so that the campaign's "Active" (进行中) and a
cadre's being in office (在职) can read differently in Chinese."""

import frappe


def execute():
	frappe.db.set_value("Sanshu Cadre", {"status": "Active"}, "status", "In Office", update_modified=False)
