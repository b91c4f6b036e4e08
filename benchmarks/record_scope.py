"""How much the shared record scope costs, against Frappe's own unrestricted path on the same run.

    cd ~/frappe-bench/sites && ../env/bin/python /path/to/sanshu_app/benchmarks/record_scope.py SITE [CADRES]

Builds a county of CADRES cadres (default 2000) in 20 units inside a transaction that is rolled
back, then times, as ratios to the Administrator doing the same call (no scope applied):
- a list of cadres (frappe.get_list) for a Party Secretary and for a Responsible Cadre;
- opening one cadre's record (get_doc + has_permission) for a Responsible Cadre.
"""

import sys
import time

import frappe


def best_of(fn, repeat=7, number=20):
	best = float("inf")
	for _ in range(repeat):
		start = time.perf_counter()
		for _ in range(number):
			fn()
		best = min(best, (time.perf_counter() - start) / number)
	return best


def build_county(cadres):
	root = frappe.get_doc({"doctype": "Sanshu Unit", "unit_name": "基准县", "is_group": 1}).insert(ignore_permissions=True).name
	units = [
		frappe.get_doc({"doctype": "Sanshu Unit", "unit_name": f"基准镇{i}", "parent_sanshu_unit": root}).insert(ignore_permissions=True).name
		for i in range(20)
	]
	users = {}
	for role in ("Party Secretary", "Responsible Cadre"):
		user = frappe.get_doc({"doctype": "User", "email": f"bench-{role.split()[0].lower()}@bench.local", "first_name": role, "send_welcome_email": 0})
		user.append_roles(role, "Responsible Cadre")
		users[role] = user.insert(ignore_permissions=True).name
	names = []
	for i in range(cadres):
		user = None
		if i == 0:
			user = users["Party Secretary"]
		elif i == 1:
			user = users["Responsible Cadre"]
		names.append(
			frappe.get_doc({"doctype": "Sanshu Cadre", "full_name": f"干部{i}", "unit": units[i % 20], "user": user}).insert(ignore_permissions=True).name
		)
	return users, names


def main(site, cadres):
	frappe.init(site=site)
	frappe.connect()
	try:
		users, names = build_county(cadres)

		def as_user(user, fn):
			def run():
				frappe.set_user(user)
				return fn()

			return run

		def list_cadres():
			return frappe.get_list("Sanshu Cadre", fields=["name", "full_name", "unit"], limit_page_length=0)

		def open_own():
			doc = frappe.get_doc("Sanshu Cadre", names[1])
			return doc.has_permission("read")

		baseline_list = best_of(as_user("Administrator", list_cadres))
		baseline_open = best_of(as_user("Administrator", open_own))
		rows = [
			("list, Party Secretary (one unit of 20)", best_of(as_user(users["Party Secretary"], list_cadres)) / baseline_list),
			("list, Responsible Cadre (own record)", best_of(as_user(users["Responsible Cadre"], list_cadres)) / baseline_list),
			("open own record, Responsible Cadre", best_of(as_user(users["Responsible Cadre"], open_own)) / baseline_open),
		]
		print(f"{cadres} cadres; baseline = Administrator, no scope: list {baseline_list * 1000:.2f} ms, open {baseline_open * 1000:.2f} ms")
		for label, ratio in rows:
			print(f"{label:45s} {ratio:6.2f}x baseline")
	finally:
		frappe.db.rollback()
		frappe.destroy()


if __name__ == "__main__":
	main(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 2000)
