"""Clerks' sheets with headings of their own (issue 21 item 8): the import answers with the
column-mapping step instead of refusing; after the clerk maps the columns the sheet is read (a
preview first, nothing written), the mapping is remembered for the layout and offered next time,
and a bad mapping is refused in Chinese with nothing changed. Paper ballots (序号/测评对象/测评等次/
备注 and 票号/被评议人/评议结果), work-plan tasks and cadres."""

import json

import frappe
from frappe.utils import getdate, nowdate, random_string, strip_html

from sanshu_app.sanshu_setup.master_import import import_master_data
from tests.site.factories import CountyTestCase, make_cadre, make_campaign, make_unit
from tests.site.test_meeting_day import pad, workbook_file

LAYOUT = "Sanshu Sheet Layout"
ZH_NOT_REPORTING = "工作表“民主测评”第4行：“好”不是本次会议的报告人。"  # the choice column given as the person


def assessment_rows(names, year):
	"""A real 民主测评 sheet: a title, a note, 序号/测评对象/测评等次/备注, padded names, a section
	title, the heading repeated on page 2, a totals row."""
	rows = [(f"{year}年度述职述责述廉民主测评汇总表", None, None, None), ("填表说明：每张测评票每人一行", None, None, None), ("序号", "测评对象", "测评等次", "备注")]
	number = 0
	for k, name in enumerate(names):
		for option in ("好", "好", "较好", "一般")[: 2 + k]:
			number += 1
			rows.append((number, pad(name), option, "迟到" if number == 2 else None))
		if k == 0:
			rows.append(("第二组", None, None, None))
			rows.append(("序号", "测评对象", "测评等次", "备注"))
	rows.append(("合计", None, number, None))
	return rows


ASSESSMENT_MAPPING = {"sheet": "民主测评", "header_row": 3, "columns": {"0": "ignore", "1": "name", "2": "choice", "3": "ignore"}}


class TestSheetMapping(CountyTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		c = cls.c
		cls.cadres = [c.secretary_a, c.cadre_a, c.cadre_b]

	def setUp(self):
		super().setUp()
		self.lang = frappe.local.lang

	def tearDown(self):
		frappe.local.lang = self.lang
		super().tearDown()

	def new_meeting(self):
		frappe.set_user(self.c.manager)
		campaign = make_campaign(getdate(nowdate()).year, cadres=[x.name for x in self.cadres], scheme="Work, Responsibility and Integrity").name
		meeting = frappe.get_doc(
			{
				"doctype": "Sanshu Meeting",
				"campaign": campaign,
				"meeting_kind": "Reporting Assembly",
				"meeting_date": nowdate(),
				"reporters": [{"cadre": x.name, "report_mode": "Meeting Report"} for x in self.cadres],
				"groups": [{"evaluator_group": "Discipline Committee Member", "headcount": 20}],
			}
		).insert()
		if hasattr(meeting, "approve_reporters"):
			meeting.approve_reporters()
		return meeting

	def paper(self, meeting):
		return {row.cadre_name: {r.option: r.paper_ballots for r in frappe.get_doc("Sanshu Evaluation", row.evaluation).counts if r.paper_ballots} for row in meeting.reporters}

	def forget_layouts(self):
		frappe.db.delete(LAYOUT)

	def test_the_assessment_sheet_is_mapped_previewed_counted_and_remembered(self):
		self.forget_layouts()
		meeting = self.new_meeting()
		names = [x.full_name for x in self.cadres]
		url = workbook_file([("民主测评", assessment_rows(names, 2026), ["A1:D1", "A2:D2"])])

		# today's refusal is now the mapping step: the sheet's columns, a few rows, a guess per column
		step = meeting.import_paper_ballots(url, 0)
		self.assertTrue(step["needs_mapping"])
		(sheet,) = step["sheets"]
		self.assertEqual((sheet["sheet"], sheet["header_row"]), ("民主测评", 3))
		self.assertEqual(sheet["rows"][2], ["序号", "测评对象", "测评等次", "备注"])
		self.assertEqual(sheet["roles"]["1"], "name")
		self.assertEqual(sheet["roles"]["2"], "choice")
		self.assertIn("好", step["options"])

		# a bad mapping: a clear Chinese error, nothing changed
		frappe.local.lang = "zh"
		bad = dict(ASSESSMENT_MAPPING, columns={"1": "name", "3": "name"})
		with self.assertRaises(frappe.ValidationError) as refused:
			meeting.import_paper_ballots(url, 1, json.dumps(bad))
		self.assertIn("B列和D列都被指定为“被评议人”", strip_html(str(refused.exception)))
		swapped = dict(ASSESSMENT_MAPPING, columns={"1": "choice", "2": "name"})
		with self.assertRaises(frappe.ValidationError) as refused:
			meeting.import_paper_ballots(url, 1, json.dumps(swapped))
		self.assertIn(ZH_NOT_REPORTING, strip_html(str(refused.exception)))
		self.assertEqual(self.paper(meeting), {n: {} for n in names})
		self.assertEqual(frappe.db.count(LAYOUT), 0)

		# the clerk's mapping: a preview of each row as counted, for the person it names; nothing written
		preview = meeting.import_paper_ballots(url, 0, json.dumps(ASSESSMENT_MAPPING))
		counted = [(r["row"], r["cadre_name"], r["option"]) for r in preview["rows"] if r["kind"] == "ballot"]
		self.assertEqual(counted[:2], [(4, names[0], "好"), (5, names[0], "好")])
		self.assertEqual([(r["row"], r["kind"]) for r in preview["rows"] if r["kind"] != "ballot"], [(6, "title"), (len(assessment_rows(names, 2026)), "total")])
		self.assertEqual({r["kind"] for r in preview["rows"]}, {"ballot", "title", "total"})
		self.assertEqual(self.paper(meeting), {n: {} for n in names})
		self.assertEqual(frappe.db.count(LAYOUT), 0)

		meeting.import_paper_ballots(url, 1, json.dumps(ASSESSMENT_MAPPING))
		expected = {names[0]: {"好": 2}, names[1]: {"好": 2, "较好": 1}, names[2]: {"好": 2, "较好": 1, "一般": 1}}
		self.assertEqual(self.paper(meeting), expected)
		layout = frappe.get_doc(LAYOUT, {"import_kind": "Paper Ballots"})
		self.assertEqual((layout.sheet_name, layout.headings), ("民主测评", "序号 / 测评对象 / 测评等次 / 备注"))

		# next time a workbook of this layout (more title rows, other ballots) is read with it at once
		again = self.new_meeting()
		rows = [("封面",), *assessment_rows(names, 2027)]
		url = workbook_file([("民主测评", rows, [])])
		preview = again.import_paper_ballots(url, 0)
		self.assertFalse(preview.get("needs_mapping"))
		self.assertTrue(preview["mapping"]["remembered"])
		self.assertEqual({p["cadre_name"]: {o: n for o, n in p["counts"].items() if n} for p in preview["reporters"]}, expected)
		# and the clerk may still change it
		self.assertTrue(again.import_paper_ballots(url, 0, None, 1)["needs_mapping"])

	def test_the_ballot_number_sheet_imports_after_mapping(self):
		meeting = self.new_meeting()
		names = [x.full_name for x in self.cadres]
		rows = [("票号", "被评议人", "评议结果")]
		for number in (1, 2):
			for name, option in zip(names, ("好", "较好", "一般")):
				rows.append((number, name if number == 1 else f" {name} ", option))
		url = workbook_file([("Sheet1", rows, [])])
		self.assertTrue(meeting.import_paper_ballots(url, 0)["needs_mapping"])
		mapping = json.dumps({"sheet": "Sheet1", "header_row": 1, "columns": {"0": "number", "1": "name", "2": "choice"}})
		meeting.import_paper_ballots(url, 1, mapping)
		self.assertEqual(self.paper(meeting), {names[0]: {"好": 2}, names[1]: {"较好": 2}, names[2]: {"一般": 2}})
		# the same ballot number twice for one person is refused whole
		rows.append((1, names[0], "好"))
		again = self.new_meeting()
		with self.assertRaisesRegex(frappe.ValidationError, "ballot 1"):
			again.import_paper_ballots(workbook_file([("Sheet1", rows, [])]), 1, mapping)
		self.assertEqual(self.paper(again), {n: {} for n in names})

	def test_a_work_plan_sheet_of_other_headings_is_mapped(self):
		frappe.set_user(self.c.manager)
		year = getdate(nowdate()).year
		leader = make_cadre(self.c.county, f"领导{random_string(4)}")
		plan = frappe.get_doc({"doctype": "Sanshu Work Plan", "plan_title": f"任务分工-{random_string(4)}", "year": year, "status": "Active"}).insert()
		rows = [
			(f"{year}年度任务清单",),
			("编号", "任务名称", "分管领导同志", "主办单位", "截止", "备注"),
			(1, "开展廉政教育", leader.full_name, self.c.town_a, f"{year}年6月底", "重点"),
			(2, "落实谈话制度", leader.full_name, self.c.town_b, "每季度", None),
		]
		url = workbook_file([("清单", rows, [])])
		step = plan.import_tasks(url, 0)
		self.assertTrue(step["needs_mapping"])
		self.assertEqual({f["key"] for f in step["fields"] if f["required"]} >= {"content", "lead_unit", "deadline"}, True)
		with self.assertRaisesRegex(frappe.ValidationError, "完成时限|deadline"):
			plan.import_tasks(url, 1, json.dumps({"sheet": "清单", "header_row": 2, "columns": {"1": "content", "2": "leaders", "3": "lead_unit"}}))
		self.assertEqual(frappe.db.count("Sanshu Work Plan Task", {"work_plan": plan.name}), 0)
		mapping = {"sheet": "清单", "header_row": 2, "columns": {"0": "number", "1": "content", "2": "leaders", "3": "lead_unit", "4": "deadline", "5": "ignore"}}
		preview = plan.import_tasks(url, 0, json.dumps(mapping))
		self.assertEqual([t["content"] for t in preview["tasks"]], ["开展廉政教育", "落实谈话制度"])
		self.assertEqual(frappe.db.count("Sanshu Work Plan Task", {"work_plan": plan.name}), 0)
		self.assertEqual(plan.import_tasks(url, 1, json.dumps(mapping))["count"], 2)
		self.assertTrue(frappe.db.exists(LAYOUT, {"import_kind": "Work Plan Tasks", "sheet_name": "清单"}))
		other = frappe.get_doc({"doctype": "Sanshu Work Plan", "plan_title": f"任务分工-{random_string(4)}", "year": year, "status": "Active"}).insert()
		self.assertEqual(other.import_tasks(url, 0)["count"], 2)  # remembered

	def test_a_cadre_roster_of_other_headings_is_mapped(self):
		frappe.set_user(self.c.manager)
		town = make_unit("丙镇", unit_type="Township")
		suffix = random_string(4)
		rows = [("干部花名册",), ("序号", "干部姓名", "工作单位", "现任职务", "出生年月"), (1, f"赵一{suffix}", town, "镇长", "1980.01"), (2, f"钱二{suffix}", f" {town}", "副镇长", "1985.05")]
		url = workbook_file([("花名册", rows, [])])
		step = import_master_data(url, 0)
		self.assertTrue(step["needs_mapping"])
		self.assertEqual(step["sheets"][0]["roles"], {"0": "ignore", "1": "姓名", "2": "单位", "3": "职务", "4": "ignore"})
		before = frappe.db.count("Sanshu Cadre")
		with self.assertRaises(frappe.ValidationError):
			import_master_data(url, 1, json.dumps({"sheet": "花名册", "header_row": 2, "columns": {"1": "姓名"}}))
		mapping = json.dumps({"sheet": "花名册", "header_row": 2, "columns": {"1": "姓名", "2": "单位", "3": "职务", "4": "ignore"}})
		preview = import_master_data(url, 0, mapping)
		self.assertEqual([(c["row"], c["full_name"], c["unit"]) for c in preview["cadres"]], [(3, f"赵一{suffix}", town), (4, f"钱二{suffix}", town)])
		self.assertEqual(frappe.db.count("Sanshu Cadre"), before)
		self.assertEqual(import_master_data(url, 1, mapping), {"units": 0, "cadres": 2})
		self.assertEqual(frappe.db.get_value("Sanshu Cadre", {"full_name": f"钱二{suffix}"}, ["unit", "post"]), (town, "副镇长"))
		self.assertTrue(frappe.db.exists(LAYOUT, {"import_kind": "Cadres", "sheet_name": "花名册"}))

	def test_one_evaluations_sheet_of_other_headings_is_mapped(self):
		frappe.set_user(self.c.manager)
		cadre = self.c.cadre_b
		campaign = make_campaign(getdate(nowdate()).year, cadres=[cadre.name], scheme="Work, Responsibility and Integrity").name
		evaluation = frappe.get_doc({"doctype": "Sanshu Evaluation", "campaign": campaign, "cadre": cadre.name}).insert()
		rows = [(f"{cadre.full_name}民主测评票",), ("票号", "测评对象", "测评等次"), (1, pad(cadre.full_name), "好"), (2, cadre.full_name, "一般"), (3, cadre.full_name, "好")]
		url = workbook_file([("测评票", rows, [])])
		self.assertTrue(evaluation.import_paper_sheet(url, 0)["needs_mapping"])
		mapping = json.dumps({"sheet": "测评票", "header_row": 2, "columns": {"0": "number", "1": "name", "2": "choice"}})
		preview = evaluation.import_paper_sheet(url, 0, mapping)
		self.assertEqual({o: n for o, n in preview["counts"].items() if n}, {"好": 2, "一般": 1})
		self.assertEqual(sum(r.paper_ballots for r in frappe.get_doc("Sanshu Evaluation", evaluation.name).counts), 0)  # a preview writes nothing
		evaluation.import_paper_sheet(url, 1, mapping)
		stored = frappe.get_doc("Sanshu Evaluation", evaluation.name)
		self.assertEqual({r.option: r.paper_ballots for r in stored.counts if r.paper_ballots}, {"好": 2, "一般": 1})
		self.assertTrue(frappe.db.exists(LAYOUT, {"import_kind": "Evaluation Paper Ballots", "sheet_name": "测评票"}))
		# a sheet of another person's ballots is refused, whatever the mapping
		other = [*rows[:2], (1, self.c.cadre_a.full_name, "好")]
		with self.assertRaisesRegex(frappe.ValidationError, "Row 3"):
			stored.import_paper_sheet(workbook_file([("测评票", other, [])]), 1)

	def test_a_remembered_mapping_that_no_longer_fits_opens_the_dialog_again(self):
		from sanshu_app.rules.column_mapping import layout_signature

		self.forget_layouts()
		meeting = self.new_meeting()
		rows = assessment_rows([x.full_name for x in self.cadres], 2026)
		signature = layout_signature("paper-ballots", "民主测评", rows[2])
		roles = {"1": "name", "2": "tick:优秀"}  # an option of a scale no longer used
		frappe.get_doc({"doctype": LAYOUT, "signature": signature, "import_kind": "Paper Ballots", "sheet_name": "民主测评", "column_roles": json.dumps(roles)}).insert()
		step = meeting.import_paper_ballots(workbook_file([("民主测评", rows, [])]), 0)
		self.assertTrue(step["needs_mapping"])
		self.assertEqual(step["sheets"][0]["roles"], roles)  # starting from what was remembered
