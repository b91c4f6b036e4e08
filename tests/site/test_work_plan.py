"""The year's work plan as the office runs it: a sheet of 40 tasks across 6 units imported (bad
sheets refused whole), the 三书 generated from it (complete bodies, 文号 in sequence) and brought up
to date when the plan changes (never over a letter in review), two quarters of progress with a
cooperating unit's part and evidence, a task that misses its report proposed a 督办书, shown
overdue first in the ledger, in the bulletin and beside the unit's assessment item; each reader
sees only their tasks."""

import io
from datetime import date

import frappe
from frappe.desk.form.load import run_onload
from frappe.utils import random_string, strip_html
from openpyxl import Workbook, load_workbook

from sanshu_app.work_plan import ledger
from sanshu_app.work_plan.progress import remind_plan, review_plan
from tests.site.factories import CountyTestCase, make_cadre, make_unit, make_user
from sanshu_app.permissions import forget_scopes

YEAR = 2026
LEADER, UNIT_NOTICE = "Division of Responsibility Notice", "Target Task Notice"
HEADER = ("序号", "工作任务", "责任领导", "牵头单位", "协办单位", "完成时限")


def workbook(rows) -> bytes:
	wb = Workbook()
	for row in rows:
		wb.active.append(list(row))
	out = io.BytesIO()
	wb.save(out)
	return out.getvalue()


def upload(rows) -> str:
	content = workbook(rows)
	return frappe.get_doc({"doctype": "File", "file_name": f"{random_string(8)}.xlsx", "content": content, "is_private": 1}).insert(ignore_permissions=True).file_url


class TestWorkPlan(CountyTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.units, cls.secretaries, cls.leaders = [], [], []
		county = make_unit("县直", is_group=1)
		for i in range(6):
			unit = make_unit(f"局{i}", parent=county, unit_type="County Department")
			secretary = make_cadre(unit, f"局{i}书记", roles=("Party Secretary", "Responsible Cadre"), is_principal=1)
			frappe.db.set_value("Sanshu Unit", unit, "principal", secretary.name)
			forget_scopes()  # set_value skips the document events
			cls.units.append(unit)
			cls.secretaries.append(secretary)
		for i in range(6):
			cls.leaders.append(make_cadre(county, f"领导{i}-{random_string(4)}"))
		cls.office = make_user("党廉办", ("Sanshu Manager",))
		settings = frappe.get_single("Sanshu Settings")
		cls.saved = {row.document_kind: row.pattern for row in settings.number_patterns}
		cls.prefix = random_string(4)
		for row in settings.number_patterns:
			if row.document_kind == LEADER:
				row.pattern = f"{cls.prefix}廉告〔{{year}}〕{{number}}号"
			elif row.document_kind == UNIT_NOTICE:
				row.pattern = f"{cls.prefix}廉通〔{{year}}〕{{number}}号"
		settings.issuing_office = settings.issuing_office or "中共示例县纪委"
		settings.save()

	@classmethod
	def tearDownClass(cls):
		frappe.set_user("Administrator")
		settings = frappe.get_single("Sanshu Settings")
		for row in settings.number_patterns:
			row.pattern = cls.saved.get(row.document_kind, row.pattern)
		settings.save()
		super().tearDownClass()

	# -- the sheet ------------------------------------------------------------------------------
	def task_rows(self):
		"""40 tasks under two headings, as the office keeps them: title, notes, padded names."""
		rows = [(f"{YEAR}年度党风廉政建设和反腐败工作任务分工",), (), HEADER, ("一、治庸",)]
		for i in range(40):
			if i == 20:
				rows.append(("二、执纪监督",))
			leaders = self.leaders[i % 6].full_name + (f"、{self.leaders[(i + 1) % 6].full_name}" if i % 10 == 0 else "")
			cooperating = f" {self.units[(i + 1) % 6]}\u3000" if i % 2 == 0 else ""
			deadline = f"{YEAR}年6月底" if i in (5, 17, 29, 35) else "每季度"
			rows.append((i + 1, f"工作任务第{i + 1}项", leaders, f"{self.units[i % 6]} ", cooperating, deadline))
		rows.append(("注：完成时限为最迟时限。",))
		return rows

	def new_plan(self):
		frappe.set_user(self.office)
		return frappe.get_doc({"doctype": "Sanshu Work Plan", "plan_title": f"{YEAR}年任务分工-{random_string(4)}", "year": YEAR, "status": "Active"}).insert()

	def tasks(self, plan):
		return {t.task_number: t for t in frappe.get_all("Sanshu Work Plan Task", filters={"work_plan": plan.name}, fields=["name", "task_number", "lead_unit", "cadence", "content"])}

	def report(self, task, unit, period, progress, report_date, status="In Progress", evidence=()):
		secretary = self.secretaries[self.units.index(unit)]
		frappe.set_user(secretary.user)
		doc = frappe.get_doc(
			{
				"doctype": "Work Plan Progress Report",
				"task": task.name,
				"unit": unit,
				"period": period,
				"report_date": report_date,
				"status": status,
				"progress": progress,
				"progress_text": f"{unit}推进情况",
				"evidence": [{"attachment": url, "description": "会议记录"} for url in evidence],
			}
		).insert()
		frappe.set_user(self.office)
		return doc

	def test_import_refuses_bad_sheets_whole(self):
		plan = self.new_plan()
		rows = self.task_rows()
		bad = list(rows)
		bad[6] = (3, "未知单位任务", self.leaders[0].full_name, "不存在的局", "", "每季度")
		bad[8] = (5, "越年任务", self.leaders[0].full_name, self.units[0], "", "2027年3月底")
		bad[9] = (6, "无牵头", self.leaders[0].full_name, "", "", "每季度")
		bad[10] = (7, "未知领导", "查无此人", self.units[0], "", "每季度")
		with self.assertRaises(frappe.ValidationError) as refused:
			plan.import_tasks(upload(bad), 1)
		message = strip_html(str(refused.exception))
		self.assertIn("Row 7: unit 不存在的局 is not known.", message)
		self.assertIn("Row 9: the deadline 2027-03-31 is outside the plan's year 2026.", message)
		self.assertIn("Row 10: the task has no lead unit.", message)
		self.assertIn("Row 11: leader 查无此人 is not known.", message)
		self.assertEqual(frappe.db.count("Sanshu Work Plan Task", {"work_plan": plan.name}), 0)

		# On the form too: a task needs a lead unit and a deadline within the plan's year.
		task = {"doctype": "Sanshu Work Plan Task", "work_plan": plan.name, "content": "手工任务", "cadence": "Quarterly", "leaders": [{"cadre": self.leaders[0].name}]}
		with self.assertRaisesRegex(frappe.ValidationError, "outside the plan's year 2026"):
			frappe.get_doc(dict(task, lead_unit=self.units[0], deadline="2025-12-31")).insert()
		with self.assertRaisesRegex(frappe.ValidationError, "Task 手工任务 has no lead unit."):
			frappe.get_doc(dict(task, deadline="2026-12-31")).insert()
		self.assertEqual(frappe.db.count("Sanshu Work Plan Task", {"work_plan": plan.name}), 0)

	def test_plan_letters_progress_ledger_and_assessment(self):
		plan = self.new_plan()
		url = upload(self.task_rows())
		preview = plan.import_tasks(url, 0)
		self.assertEqual((preview["count"], preview["committed"]), (40, 0))
		self.assertEqual(frappe.db.count("Sanshu Work Plan Task", {"work_plan": plan.name}), 0)
		self.assertEqual(preview["tasks"][0]["category"], "一、治庸")
		self.assertEqual(preview["tasks"][25]["category"], "二、执纪监督")
		self.assertEqual(plan.import_tasks(url, 1)["count"], 40)
		tasks = self.tasks(plan)
		self.assertEqual(len(tasks), 40)
		self.assertEqual({t.lead_unit for t in tasks.values()}, set(self.units))
		self.assertEqual(tasks["6"].cadence, "By Deadline")
		first = frappe.get_doc("Sanshu Work Plan Task", tasks["1"].name)
		self.assertEqual([r.cadre for r in first.leaders], [self.leaders[0].name, self.leaders[1].name])
		self.assertEqual([r.unit for r in first.cooperating_units], [self.units[1]])
		self.assertEqual([h["category"] for h in plan.headings()], ["一、治庸", "二、执纪监督"])

		# The 三书: one notice per leader, one per lead unit, complete and numbered in sequence.
		result = plan.generate_letters()
		self.assertEqual((len(result["created"]), result["updated"], result["removed"]), (12, [], []))
		letters = frappe.get_all("Responsibility Letter", filters={"work_plan": plan.name}, fields=["name", "letter_type", "cadre", "unit", "document_number", "body", "issuer"], order_by="creation asc")
		by_type = {kind: [l for l in letters if l.letter_type == kind] for kind in (LEADER, UNIT_NOTICE)}
		self.assertEqual([l.document_number for l in by_type[LEADER]], [f"{self.prefix}廉告〔{YEAR}〕{n}号" for n in range(1, 7)])
		self.assertEqual([l.document_number for l in by_type[UNIT_NOTICE]], [f"{self.prefix}廉通〔{YEAR}〕{n}号" for n in range(1, 7)])
		leader0 = next(l for l in by_type[LEADER] if l.cadre == self.leaders[0].name)
		self.assertEqual(frappe.db.count("Responsibility Letter Task", {"parent": leader0.name}), 7)  # tasks 1, 7, … 37
		self.assertIn("你负责的工作任务共7项", strip_html(leader0.body))
		self.assertTrue(all(l.issuer for l in letters))
		unit1 = next(l for l in by_type[UNIT_NOTICE] if l.unit == self.units[1])
		unit1_rows = frappe.get_all("Responsibility Letter Task", filters={"parent": unit1.name}, pluck="lead_unit")
		self.assertEqual((unit1_rows.count(self.units[1]), len(unit1_rows)), (7, 14))  # leads 7, supports 7 led by unit 0
		self.assertIn(f"{self.units[1]}为下列工作任务的牵头（协办）单位", strip_html(unit1.body))
		self.assertIn("本单位承担的工作任务共14项", strip_html(unit1.body))

		# Again, unchanged: nothing new. A changed task updates its drafts and says so.
		again = plan.generate_letters()
		self.assertEqual((again["created"], again["updated"], len(again["unchanged"])), ([], [], 12))
		frappe.db.set_value("Sanshu Work Plan Task", tasks["2"].name, "content", "工作任务第2项（修订）")
		changed = plan.generate_letters()
		self.assertEqual(sorted(changed["updated"]), sorted([next(l.name for l in by_type[LEADER] if l.cadre == self.leaders[1].name), unit1.name]))
		self.assertIn("工作任务第2项（修订）", frappe.get_all("Responsibility Letter Task", filters={"parent": unit1.name}, pluck="task"))
		self.assertIn("本单位承担的工作任务共14项", strip_html(frappe.db.get_value("Responsibility Letter", unit1.name, "body")))
		self.assertIn("0 letters created, 2 updated, 0 removed, 10 unchanged.", frappe.db.get_value("Sanshu Work Plan", plan.name, "last_letter_run"))

		# A letter in review is never touched: a change that needs it is refused whole.
		in_review = next(l.name for l in by_type[LEADER] if l.cadre == self.leaders[2].name)
		frappe.db.set_value("Responsibility Letter", in_review, "workflow_state", "Under Review")
		frappe.db.set_value("Sanshu Work Plan Task", tasks["3"].name, "content", "工作任务第3项（再修订）")
		with self.assertRaisesRegex(frappe.ValidationError, in_review):
			plan.generate_letters()
		unit2 = next(l.name for l in by_type[UNIT_NOTICE] if l.unit == self.units[2])
		self.assertNotIn("工作任务第3项（再修订）", frappe.get_all("Responsibility Letter Task", filters={"parent": unit2}, pluck="task"))
		frappe.db.set_value("Sanshu Work Plan Task", tasks["3"].name, "content", tasks["3"].content)

		# Who sees what: a leader their tasks, a unit's secretary the unit's, others nothing of it.
		frappe.set_user(self.leaders[4].user)
		self.assertEqual(len(frappe.get_list("Sanshu Work Plan Task", filters={"work_plan": plan.name})), 6)
		frappe.set_user(self.leaders[3].user)
		self.assertEqual(len(frappe.get_list("Sanshu Work Plan Task", filters={"work_plan": plan.name})), 8)  # with task 21, shared
		frappe.set_user(self.secretaries[4].user)
		seen = frappe.get_list("Sanshu Work Plan Task", filters={"work_plan": plan.name}, pluck="lead_unit")
		self.assertEqual((len(seen), set(seen)), (6, {self.units[4]}))
		self.assertFalse(frappe.get_doc("Sanshu Work Plan Task", tasks["1"].name).has_permission("read"))
		self.assertRaises(frappe.PermissionError, frappe.get_list, "Sanshu Work Plan")
		frappe.set_user(self.office)

		# Quarter 1: every lead unit reports; a cooperating unit adds its part with evidence.
		evidence = frappe.get_doc({"doctype": "File", "file_name": "会议记录.txt", "content": "第一季度会议记录", "is_private": 1}).insert(ignore_permissions=True).file_url
		for number, task in tasks.items():
			period = f"{YEAR}" if task.cadence == "By Deadline" else f"{YEAR}-Q1"
			progress = 50 if task.cadence == "By Deadline" else 25  # due by 30 June: half done by March
			self.report(task, task.lead_unit, period, progress, date(YEAR, 3, 31), evidence=[evidence] if number == "13" else ())
		lagging_task = tasks["13"]  # led by unit 0, supported by unit 1
		part = self.report(lagging_task, self.units[1], f"{YEAR}-Q1", 30, date(YEAR, 3, 30))
		self.assertEqual(part.part, "Cooperating")
		lead_q1 = frappe.get_all("Work Plan Progress Report", filters={"task": lagging_task.name, "part": "Lead"}, fields=["name", "parts_summary"])[0]
		self.assertIn(f"{self.units[1]}（30%）", lead_q1.parts_summary)
		self.assertEqual(frappe.db.get_value("Sanshu Work Plan Task", lagging_task.name, "cooperating_parts"), 1)

		# A unit that neither leads nor supports a task does not report on it; nor for another unit.
		with self.assertRaisesRegex(frappe.ValidationError, "neither leads nor supports this task"):
			self.report(lagging_task, self.units[3], f"{YEAR}-Q1", 10, date(YEAR, 3, 31))
		frappe.set_user(self.secretaries[0].user)  # the lead unit's secretary, for the cooperating unit
		with self.assertRaisesRegex(frappe.PermissionError, "only for the units you answer for"):
			frappe.get_doc({"doctype": "Work Plan Progress Report", "task": lagging_task.name, "unit": self.units[1], "period": f"{YEAR}-Q2", "report_date": date(YEAR, 4, 30), "progress_text": "代报"}).insert()
		frappe.set_user(self.office)
		self.assertEqual(review_plan(plan.name, date(YEAR, 4, 10)), {"lagging": [], "proposed": []})

		# Reminders before the quarter-2 report falls due, to the lead units' secretaries.
		remind_plan(plan.name, date(YEAR, 7, 3))
		self.assertTrue(frappe.db.exists("Notification Log", {"for_user": self.secretaries[0].user, "document_name": lagging_task.name}))
		self.assertFalse(frappe.db.exists("Notification Log", {"for_user": self.secretaries[0].user, "document_name": tasks["1"].name, "subject": ("like", "%Q1%")}))

		# Quarter 2: everyone reports except task 13's lead unit; the by-deadline tasks complete.
		for number, task in tasks.items():
			if task.cadence == "By Deadline":
				doc = frappe.get_doc("Work Plan Progress Report", {"task": task.name, "part": "Lead"})
				frappe.set_user(self.secretaries[self.units.index(task.lead_unit)].user)
				doc.status, doc.report_date = "Completed", date(YEAR, 6, 28)
				doc.save()
				frappe.set_user(self.office)
			elif number != "13":
				self.report(task, task.lead_unit, f"{YEAR}-Q2", 50, date(YEAR, 6, 30))
		review = review_plan(plan.name, date(YEAR, 7, 10))
		self.assertEqual(review["lagging"], [lagging_task.name])
		self.assertEqual(len(review["proposed"]), 2)  # to the lead unit and to its responsible leader (001 §1)
		notice = frappe.get_doc("Responsibility Letter", review["proposed"][0])
		to_leader = frappe.get_doc("Responsibility Letter", review["proposed"][1])
		self.assertEqual((to_leader.letter_type, to_leader.cadre), ("Task Supervision Notice", self.leaders[0].name))
		self.assertEqual((notice.letter_type, notice.unit, notice.workflow_state, notice.docstatus), ("Task Supervision Notice", self.units[0], "Draft", 0))
		self.assertEqual([(r.work_plan_task, r.task) for r in notice.tasks], [(lagging_task.name, "工作任务第13项")])
		self.assertIn("现予以督办", strip_html(notice.body))
		self.assertIn(f"{YEAR}-Q2", strip_html(notice.body))
		self.assertEqual(review_plan(plan.name, date(YEAR, 7, 11))["proposed"], [])  # proposed once
		state = frappe.db.get_value("Sanshu Work Plan Task", lagging_task.name, ["lag", "overdue", "supervision_notice"], as_dict=True)
		self.assertEqual((state.lag, state.overdue, state.supervision_notice), ("No Report", 1, notice.name))
		leader_row = frappe.get_all("Responsibility Letter Task", filters={"work_plan_task": tasks["1"].name, "parent": leader0.name}, fields=["status", "progress"])[0]
		self.assertEqual((leader_row.status, leader_row.progress), ("In Progress", 50))

		# The unit's ledger, overdue first, on screen and in Excel.
		rows = ledger.tasks_of(plan.name, unit=self.units[0])
		self.assertEqual((rows[0].name, rows[0].overdue), (lagging_task.name, 1))
		self.assertEqual(len(rows), 7)
		self.assertEqual(len(ledger.tasks_of(plan.name, unit=self.units[1])), 14)  # leads 7, supports 7
		ledger.download_task_ledger(plan.name, unit=self.units[0])
		sheet = load_workbook(io.BytesIO(frappe.response["filecontent"])).active
		self.assertEqual(sheet.cell(4, 3).value, "工作任务第13项")
		self.assertEqual(sheet.cell(4, 12).value, "Yes")  # overdue
		self.assertNotEqual(sheet.cell(5, 12).value, "Yes")
		frappe.set_user(self.leaders[0].user)
		mine = ledger.tasks_of(plan.name, leader=self.leaders[0].name)
		self.assertEqual((mine[0].name, len(mine)), (lagging_task.name, 7))
		frappe.set_user(self.office)

		# The quarter's bulletin, printed.
		bulletin = frappe.get_doc({"doctype": "Work Plan Progress Bulletin", "bulletin_title": "第二季度任务落实情况通报", "work_plan": plan.name, "quarter": 2}).insert()
		html = strip_html(frappe.get_print("Work Plan Progress Bulletin", bulletin.name, "Work Plan Progress Bulletin"))
		self.assertIn("工作任务第13项", html)
		self.assertIn("4 of the plan's 40 tasks were completed (10.0%); 1 tasks are overdue.", html)
		self.assertIn("工作任务第13项", html.split("Lagging Tasks")[1])

		# The unit's assessment: its task-completion item shows completion, overdue and evidence.
		assessment = frappe.get_doc({"doctype": "Responsibility Assessment", "year": YEAR, "unit": self.units[0]}).insert()
		run_onload(assessment)
		shown = assessment.get("__onload").work_plan_evidence
		self.assertEqual((shown["total"], shown["completed"], shown["overdue"]), (7, 0, 1))
		self.assertEqual(shown["tasks"][0]["name"], lagging_task.name)
		self.assertEqual([e["file_url"] for e in shown["evidence"]], [evidence])
		item = frappe.get_doc("Responsibility Assessment Item", shown["items"][0])
		self.assertEqual((item.content_area, item.inspector_score), ("Anti-corruption Tasks Carried Out", None))


class TestWorkPlanOverTheApi(CountyTestCase):
	"""Over HTTP: a unit's secretary reads its own tasks only, reports on them, cannot report on
	another unit's task or set what the server sets, and cannot run the office's plan actions."""

	def test_a_secretary_reports_on_its_own_tasks_only(self):
		import json
		from urllib.parse import quote

		from tests.site.api import api_credentials, api_get, api_send

		c = self.c
		secretary_b = make_cadre(c.town_b, "乙书记", roles=("Party Secretary", "Responsible Cadre"), is_principal=1)
		frappe.db.set_value("Sanshu Unit", c.town_b, "principal", secretary_b.name)
		forget_scopes()  # set_value skips the document events
		plan = frappe.get_doc({"doctype": "Sanshu Work Plan", "plan_title": f"接口测试-{random_string(4)}", "year": YEAR}).insert()
		task = {"doctype": "Sanshu Work Plan Task", "work_plan": plan.name, "cadence": "Quarterly", "deadline": f"{YEAR}-12-31", "leaders": [{"cadre": c.cadre_a.name}]}
		task_a = frappe.get_doc(dict(task, content="甲镇任务", lead_unit=c.town_a)).insert()
		task_b = frappe.get_doc(dict(task, content="乙镇任务", lead_unit=c.town_b)).insert()
		auth = api_credentials(secretary_b.user)
		frappe.db.commit()

		filters = quote(json.dumps([["work_plan", "=", plan.name]]))
		status, body = api_get(f"/api/resource/Sanshu Work Plan Task?filters={filters}&fields=[\"name\"]", auth)
		self.assertEqual((status, [r["name"] for r in body["data"]]), (200, [task_b.name]))
		status, _ = api_get(f"/api/resource/Sanshu Work Plan Task/{task_a.name}", auth)
		self.assertEqual(status, 404)  # a hidden record answers like a missing one

		report = {"task": task_a.name, "unit": c.town_b, "period": f"{YEAR}-Q1", "report_date": f"{YEAR}-03-31", "progress": 20, "progress_text": "代报"}
		status, text = api_send("POST", "/api/resource/Work Plan Progress Report", auth, report)
		self.assertNotEqual(status, 200)
		self.assertIn("neither leads nor supports this task", text)
		status, text = api_send("POST", "/api/resource/Work Plan Progress Report", auth, dict(report, task=task_b.name, part="Cooperating"))
		self.assertEqual(status, 403, text)  # the part is the server's to set
		status, text = api_send("POST", "/api/resource/Work Plan Progress Report", auth, dict(report, task=task_b.name))
		self.assertEqual(status, 200, text)
		saved = json.loads(text)["data"]
		self.assertEqual((saved["part"], saved["lead_unit"]), ("Lead", c.town_b))
		frappe.db.rollback()
		self.assertEqual(frappe.db.get_value("Sanshu Work Plan Task", task_b.name, "progress"), 20)
		status, text = api_send("PUT", f"/api/resource/Work Plan Progress Report/{saved['name']}", auth, {"period": f"{YEAR}-Q2"})
		self.assertEqual(status, 403, text)

		status, text = api_send("POST", "/api/method/run_doc_method", auth, {"dt": "Sanshu Work Plan", "dn": plan.name, "method": "generate_letters"})
		self.assertEqual(status, 403, text)
		self.assertFalse(frappe.db.exists("Responsibility Letter", {"work_plan": plan.name}))
