"""Co-led tasks as the seeds' own tables have them (issue 20): seed 004's table names two lead units
in one cell (区党政办公室、区综合执法局) and has no 责任领导 column. The office imports it; each lead
unit gets its 目标任务通知书 and reports as a lead; a lagging task gets a 任务落实督办书 to each lead
unit and each responsible leader (001 §1); a cooperating unit attaches, over HTTP, the very file
the lead unit attached (the platform stores identical bytes once)."""

import io
from datetime import date

import frappe
from frappe.utils import random_string, strip_html
from openpyxl import Workbook

from sanshu_app.permissions import forget_scopes
from sanshu_app.work_plan.progress import review_plan
from tests.site.factories import CountyTestCase, make_cadre, make_unit, make_user
from tests.site.http_site import Client, set_password

YEAR = 2026
UNIT_NOTICE, LEADER_NOTICE, SUPERVISION = "Target Task Notice", "Division of Responsibility Notice", "Task Supervision Notice"
TASK, REPORT = "Sanshu Work Plan Task", "Work Plan Progress Report"
PASSWORD = "CoLead-2026-pass!"


def upload(rows) -> str:
	wb = Workbook()
	for row in rows:
		wb.active.append(list(row))
	out = io.BytesIO()
	wb.save(out)
	return frappe.get_doc({"doctype": "File", "file_name": f"{random_string(8)}.xlsx", "content": out.getvalue(), "is_private": 1}).insert(ignore_permissions=True).file_url


class TestCoLedTasks(CountyTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		county = make_unit("区直", is_group=1)
		cls.office_unit = make_unit("区党政办公室", parent=county, unit_type="County Department")
		cls.enforcement = make_unit("区综合执法局", parent=county, unit_type="County Department")
		cls.helper = make_unit("区财政局", parent=county, unit_type="County Department")
		cls.secretaries = {}
		for unit in (cls.office_unit, cls.enforcement, cls.helper):
			secretary = make_cadre(unit, f"{unit[:4]}书记", roles=("Party Secretary", "Responsible Cadre"), is_principal=1)
			frappe.db.set_value("Sanshu Unit", unit, "principal", secretary.name)
			forget_scopes()  # set_value skips the document events
			set_password(secretary.user, PASSWORD)
			cls.secretaries[unit] = secretary
		cls.leader = make_cadre(county, f"副区长{random_string(4)}")
		cls.office = make_user("党廉办", ("Sanshu Manager",))
		frappe.db.commit()

	def new_plan(self):
		frappe.set_user(self.office)
		return frappe.get_doc({"doctype": "Sanshu Work Plan", "plan_title": f"{YEAR}年任务分工-{random_string(4)}", "year": YEAR, "status": "Active"}).insert()

	def seed_table(self, *extra):
		"""Seed 004's table: no 责任领导 column, two lead units in one cell."""
		return [
			(f"{YEAR}年党风廉政建设工作任务分工",),
			("序号", "工作任务", "牵头单位", "协办单位", "完成时限"),
			(1, "深入开展治庸治懒治散", f"{self.office_unit}、{self.enforcement}", self.helper, "每季度"),
			(2, "加强作风建设督查", f"{self.enforcement}\n{self.helper}", "", f"{YEAR}年6月底"),
			*extra,
		]

	def test_the_seeds_table_imports_co_led_tasks_letters_and_notices_to_units_and_leaders(self):
		plan = self.new_plan()
		with self.assertRaises(frappe.ValidationError) as refused:
			plan.import_tasks(upload(self.seed_table((3, "未知单位任务", f"{self.helper}，不存在的局", "", "年底前"))), 1)
		self.assertIn("Row 5: unit 不存在的局 is not known.", strip_html(str(refused.exception)))
		self.assertEqual(frappe.db.count(TASK, {"work_plan": plan.name}), 0)

		preview = plan.import_tasks(upload(self.seed_table()), 1)
		self.assertEqual(preview["tasks"][0]["lead_unit"], f"{self.office_unit}、{self.enforcement}")
		tasks = {t.task_number: frappe.get_doc(TASK, t.name) for t in frappe.get_all(TASK, filters={"work_plan": plan.name}, fields=["name", "task_number"])}
		first, second = tasks["1"], tasks["2"]
		self.assertEqual([r.unit for r in first.lead_units], [self.office_unit, self.enforcement])
		self.assertEqual((first.lead_unit, first.lead_unit_names), (self.office_unit, f"{self.office_unit}、{self.enforcement}"))
		self.assertEqual([r.unit for r in first.cooperating_units], [self.helper])
		self.assertEqual([r.unit for r in second.lead_units], [self.enforcement, self.helper])
		self.assertEqual(first.leaders, [])

		# The second lead unit reads the task as its own and reports as a lead.
		frappe.set_user(self.secretaries[self.enforcement].user)
		self.assertIn(first.name, frappe.get_list(TASK, filters={"work_plan": plan.name}, pluck="name"))
		report = frappe.get_doc({"doctype": REPORT, "task": first.name, "unit": self.enforcement, "period": f"{YEAR}-Q1", "report_date": date(YEAR, 3, 31), "status": "In Progress", "progress": 30, "progress_text": "已部署"}).insert()
		self.assertEqual(report.part, "Lead")

		# The office names a responsible leader on the form; the 三书: a notice to each lead unit and the leader.
		frappe.set_user(self.office)
		first.append("leaders", {"cadre": self.leader.name})
		first.save()
		plan.generate_letters()
		letters = frappe.get_all("Responsibility Letter", filters={"work_plan": plan.name}, fields=["letter_type", "unit", "cadre"])
		self.assertEqual(sorted(l.unit for l in letters if l.letter_type == UNIT_NOTICE), sorted([self.office_unit, self.enforcement, self.helper]))
		self.assertEqual([l.cadre for l in letters if l.letter_type == LEADER_NOTICE], [self.leader.name])

		# Task 1 has no report for Q2 by mid-August: a 督办书 to each lead unit and to its leader, once.
		result = review_plan(plan.name, on=date(YEAR, 8, 20))
		self.assertIn(first.name, result["lagging"])
		notices = frappe.get_all("Responsibility Letter", filters={"work_plan": plan.name, "letter_type": SUPERVISION}, fields=["name", "unit", "cadre"])
		of_first = [n for n in notices if frappe.db.exists("Responsibility Letter Task", {"parent": n.name, "work_plan_task": first.name})]
		self.assertEqual(sorted((n.cadre or "", n.unit) for n in of_first), sorted([("", self.office_unit), ("", self.enforcement), (self.leader.name, self.leader.unit)]))
		again = review_plan(plan.name, on=date(YEAR, 8, 21))
		self.assertEqual(again["proposed"], [])

	def test_a_cooperating_unit_attaches_the_file_the_lead_unit_attached(self):
		plan = self.new_plan()
		task = frappe.get_doc({"doctype": TASK, "work_plan": plan.name, "content": "联合整治", "cadence": "Quarterly", "deadline": f"{YEAR}-12-31", "lead_units": [{"unit": self.office_unit}], "cooperating_units": [{"unit": self.helper}]}).insert()
		content = f"联合检查记录 {random_string(12)}".encode()
		frappe.set_user(self.secretaries[self.office_unit].user)
		lead_report = frappe.get_doc({"doctype": REPORT, "task": task.name, "unit": self.office_unit, "period": f"{YEAR}-Q1", "report_date": date(YEAR, 3, 31), "progress": 25, "progress_text": "牵头推进"}).insert()
		lead_file = frappe.get_doc({"doctype": "File", "file_name": "联合检查记录.txt", "content": content, "is_private": 1, "attached_to_doctype": REPORT, "attached_to_name": lead_report.name}).insert()
		lead_report.append("evidence", {"attachment": lead_file.file_url, "description": "联合检查记录"})
		lead_report.save()
		frappe.set_user(self.secretaries[self.helper].user)
		part = frappe.get_doc({"doctype": REPORT, "task": task.name, "unit": self.helper, "period": f"{YEAR}-Q1", "report_date": date(YEAR, 3, 31), "progress": 25, "progress_text": "配合检查"}).insert()
		frappe.set_user("Administrator")
		frappe.db.commit()

		helper = Client(self.secretaries[self.helper].user, PASSWORD)
		# A URL alone (no bytes) still opens nothing.
		borrowed = helper.request("POST", "/api/method/upload_file", data={"doctype": REPORT, "docname": part.name, "file_url": lead_file.file_url, "is_private": 1})
		self.assertEqual(borrowed.status_code, 403, borrowed.text[:300])
		# The same bytes, uploaded to its own report: stored once, attached to the part.
		uploaded = helper.request("POST", "/api/method/upload_file", data={"doctype": REPORT, "docname": part.name, "is_private": 1}, files={"file": ("检查记录.txt", content)})
		self.assertEqual(uploaded.status_code, 200, uploaded.text[:300])
		file_url = uploaded.json()["message"]["file_url"]
		self.assertEqual(file_url, lead_file.file_url)
		response = helper.request("PUT", f"/api/resource/{REPORT}/{part.name}", json={"evidence": [{"attachment": file_url, "description": "联合检查记录"}]})
		self.assertEqual(response.status_code, 200, response.text[:300])
		frappe.db.rollback()  # a fresh snapshot: the server committed the part's evidence
		self.assertEqual(frappe.get_all("Work Plan Evidence", filters={"parent": part.name}, pluck="attachment"), [file_url])
		self.assertEqual(helper.get(file_url).content, content)
		# Another unit that uploads nothing reads nothing of it.
		other = Client(self.secretaries[self.enforcement].user, PASSWORD)
		self.assertNotEqual(other.get(file_url).status_code, 200)
