"""County scale (issue 14): the number of queries behind the Campaign Overview and the integrity
archive does not grow with the cadres or the rows, and bulk issue inserts each document once,
straight into its issued state. Counts, never timings (benchmarks/run.py measures time)."""

import difflib
from unittest.mock import patch

import frappe
from frappe.model.workflow import WorkflowPermissionError

from sanshu_app.integrity_archive.archive import archive_rows
from sanshu_app.reporting_and_evaluation.report.sanshu_campaign_overview.sanshu_campaign_overview import execute as campaign_overview
from sanshu_app.responsibility_documents.bulk_issue import issue_from_campaign
from tests.site.factories import CountyTestCase, make_cadre, make_campaign, make_unit

# Fixed budgets: the number of queries these pages run, whatever the size of the county.
OVERVIEW_QUERIES = 8
ARCHIVE_QUERIES = 2  # the register line (which reads the cadre), every document type in one query
# Queries each further document of a bulk issue adds: Frappe's own insert (the document, its rows,
# its name from the naming series, the workflow's actions, telling the signer) and nothing of the
# app's own: no cadre look-up, no query for other annual commitments, no 文号 drawn per document.
BULK_COMMITMENT_QUERIES_PER_DOCUMENT = 20
BULK_LETTER_QUERIES_PER_DOCUMENT = 12
# One online survey answer (001 §23): the code, the survey, spending the code, every unit's tally in
# one statement, the places read and written in two more; as many for 3 units as for 12 (issue 24).
SURVEY_ANSWER_QUERIES = 9


class Queries:
	def __enter__(self):
		self.count = 0
		self.queries = []
		self.values = []
		self.original = frappe.db.__class__.sql
		counter = self

		def counted(db, *args, **kwargs):
			counter.count += 1
			counter.queries.append(str(args[0])[:160])
			counter.values.append(repr(args[1] if len(args) > 1 else kwargs.get("values")))
			return counter.original(db, *args, **kwargs)

		frappe.db.__class__.sql = counted
		return self

	def __exit__(self, *exc):
		frappe.db.__class__.sql = self.original


def without_checks(values):
	"""Past records as they stand in the database (history is not re-validated)."""
	doc = frappe.get_doc(values)
	doc.flags.update(ignore_validate=True, ignore_links=True, ignore_mandatory=True)
	return doc.insert(ignore_permissions=True)


class TestCountyScale(CountyTestCase):
	def test_overview_runs_the_same_queries_for_3_or_12_cadres(self):
		unit = make_unit("规模镇")
		cadres = [make_cadre(unit, f"规模干部{i}", with_user=False).name for i in range(12)]
		small = make_campaign(units=[unit], cadres=cadres[:3]).name
		large = make_campaign(units=[unit], cadres=cadres).name
		for cadre in cadres[:6]:
			without_checks({"doctype": "Sanshu Inquiry", "campaign": large, "cadre": cadre, "unit": unit, "question": "问"})
		campaign_overview({"campaign": small})  # caches warm (meta, settings)
		with Queries() as few:
			_columns, small_rows = campaign_overview({"campaign": small})
		with self.assertQueryCount(OVERVIEW_QUERIES), Queries() as many:
			_columns, large_rows = campaign_overview({"campaign": large})
		self.assertEqual((len(small_rows), len(large_rows)), (3, 12))
		self.assertEqual({r["cadre_name"] for r in large_rows}, {f"规模干部{i}" for i in range(12)})
		self.assertEqual(sum(r["inquiries"] for r in large_rows), 6)
		self.assertEqual(many.count, few.count, "\n".join(difflib.unified_diff(few.queries, many.queries, lineterm="")))

	def test_archive_runs_the_same_queries_for_one_year_or_ten(self):
		unit = make_unit("档案镇")
		short, long = make_cadre(unit, "一年档案", with_user=False).name, make_cadre(unit, "十年档案", with_user=False).name
		campaigns = {year: make_campaign(year=year).name for year in range(2016, 2027)}

		def records(cadre, years):
			for year in years:
				without_checks({"doctype": "Sanshu Report", "cadre": cadre, "unit": unit, "campaign": campaigns[year]})
				without_checks({"doctype": "Sanshu Inquiry", "cadre": cadre, "unit": unit, "campaign": campaigns[year], "question": "问"})
				without_checks({"doctype": "Integrity Commitment", "cadre": cadre, "unit": unit, "year": year, "commitment_type": "Annual Responsibility Commitment"})

		records(short, [2026])
		records(long, range(2016, 2027))
		archive_rows(short), archive_rows(long)  # caches warm (meta, settings, each cadre's cached values)
		with Queries() as few:
			archive_rows(short)
		with self.assertQueryCount(ARCHIVE_QUERIES), Queries() as many:
			rows = archive_rows(long)
		self.assertEqual(len(rows), 33)
		# The year of a report or inquiry comes from its campaign (read once for all the rows).
		self.assertEqual({r["year"] for r in rows if r["doctype"] == "Sanshu Report"}, set(range(2016, 2027)))
		self.assertEqual(many.count, few.count, "\n".join(difflib.unified_diff(few.queries, many.queries, lineterm="")))

	def test_archive_text_holding_the_row_separator_is_read_again_safely(self):
		"""The archive query packs each row into one string split on a control character; a text
		holding that character (no form produces one) makes the archive read again by the safe
		query: the same rows, that character dropped, one query more."""
		unit = make_unit("分隔镇")
		cadre = make_cadre(unit, "分隔干部", with_user=False).name
		plain = without_checks({"doctype": "Integrity Talk", "cadre": cadre, "unit": unit, "reason": "谈话原因", "talk_type": "Interview"})
		odd = without_checks({"doctype": "Integrity Talk", "cadre": cadre, "unit": unit, "reason": "甲\x1f乙", "talk_type": "Interview"})
		archive_rows(cadre)
		with Queries() as read_again:
			rows = {r["name"]: r for r in archive_rows(cadre)}
		self.assertEqual((rows[plain.name]["title"], rows[odd.name]["title"]), ("谈话原因", "甲乙"))
		self.assertEqual(read_again.count, ARCHIVE_QUERIES + 1)

	def test_bulk_commitments_are_inserted_once_straight_into_awaiting_signature(self):
		unit = make_unit("承诺镇")
		cadres = [make_cadre(unit, f"承诺干部{i}", with_user=False).name for i in range(3)]
		campaign = make_campaign(units=[unit], cadres=cadres).name
		issue_from_campaign(campaign, "Integrity Commitment")
		issued = frappe.get_all("Integrity Commitment", filters={"campaign": campaign}, fields=["name", "workflow_state", "document_number"])
		self.assertEqual(len(issued), 3)
		self.assertEqual({c.workflow_state for c in issued}, {"Awaiting Signature"})
		self.assertTrue(all(c.document_number for c in issued))
		names = [c.name for c in issued]
		# One insert, no second save: no version compares a draft with its issued self.
		self.assertEqual(frappe.db.count("Version", {"ref_doctype": "Integrity Commitment", "docname": ("in", names)}), 0)

	def test_bulk_issue_adds_only_frappes_own_queries_per_document_and_draws_numbers_once(self):
		from sanshu_app.official_documents.numbering import pattern_for
		from sanshu_app.rules.document_numbers import sequence_key

		unit = make_unit("批量镇")
		cadres = [make_cadre(unit, f"批量干部{i}", with_user=False).name for i in range(10)]
		warm, few, many = (make_campaign(units=[unit], cadres=group).name for group in (cadres[:1], cadres[1:4], cadres[4:]))
		settings = frappe.get_cached_doc("Sanshu Settings")
		for document, letter_type, per_document in (
			("Integrity Commitment", None, BULK_COMMITMENT_QUERIES_PER_DOCUMENT),
			("Responsibility Letter", "Party Conduct Responsibility Letter", BULK_LETTER_QUERIES_PER_DOCUMENT),
		):
			with self.subTest(document):
				issue_from_campaign(warm, document, letter_type)  # caches warm (meta, settings, template)
				with Queries() as three:
					self.assertEqual(issue_from_campaign(few, document, letter_type)["created"], 3)
				with Queries() as six:
					self.assertEqual(issue_from_campaign(many, document, letter_type)["created"], 6)
				self.assertEqual(six.count - three.count, 3 * per_document)
				# the 文号 of all six come from one step of their sequence (read it, advance it by six)
				key = sequence_key(pattern_for(settings, letter_type or "Annual Responsibility Commitment"), 2026)
				self.assertEqual(sum(key in values for values in six.values), 2)
				numbers = frappe.get_all(document, filters={"campaign": many}, pluck="document_number", order_by="creation asc")
				self.assertEqual(len(set(numbers)), 6)
				self.assertTrue(all(numbers))

	def test_an_annual_commitment_made_by_hand_while_a_bulk_issue_runs_is_not_doubled(self):
		from sanshu_app.responsibility_documents import bulk_issue

		unit = make_unit("并发镇")
		cadres = [make_cadre(unit, f"并发干部{i}", with_user=False).name for i in range(5)]
		campaign = make_campaign(units=[unit], cadres=cadres).name
		late = cadres[4]  # in the last chunk

		def progress(*args, **kwargs):
			# after the first document, the office makes the last cadre's commitment on the form
			if not frappe.db.exists("Integrity Commitment", {"cadre": late}):
				frappe.get_doc(
					{"doctype": "Integrity Commitment", "commitment_type": "Annual Responsibility Commitment", "year": 2026,
					 "cadre": late, "items": [{"item": "承诺"}]}
				).insert(ignore_permissions=True)  # fmt: skip

		with patch.object(bulk_issue, "COMMIT_EVERY", 2), patch("frappe.publish_progress", progress):
			created = bulk_issue.run(campaign, "Integrity Commitment")
		self.assertEqual(len(created), 4)
		self.assertEqual(frappe.db.count("Integrity Commitment", {"cadre": late, "year": 2026, "docstatus": ("<", 2)}), 1)
		self.assertEqual(frappe.db.count("Integrity Commitment", {"cadre": ("in", cadres), "year": 2026, "docstatus": ("<", 2)}), 5)

	def test_nobody_else_inserts_a_commitment_past_draft(self):
		cadre = make_cadre(make_unit("草稿镇"), "草稿干部", with_user=False).name
		doc = frappe.get_doc(
			{"doctype": "Integrity Commitment", "commitment_type": "Annual Responsibility Commitment", "year": 2031, "cadre": cadre,
			 "workflow_state": "Awaiting Signature", "items": [{"item": "承诺"}]}
		)  # fmt: skip
		self.assertRaises(WorkflowPermissionError, doc.insert, ignore_permissions=True)

	def test_master_import_names_a_sheet_of_cadres_in_one_step_of_the_series(self):
		from sanshu_app.sanshu_setup.master_import import import_master_data
		from tests.site.test_master_import import upload

		town = make_unit("导入镇")
		rows = [(f"导入干部{i}", town, None, None, None, None, None, None) for i in range(5)]
		with Queries() as queries:
			import_master_data(upload([], rows))
		imported = frappe.get_all("Sanshu Cadre", filters={"unit": town}, fields=["name", "full_name"], order_by="name")
		self.assertEqual([c.full_name for c in imported], [f"导入干部{i}" for i in range(5)])
		numbers = [int(c.name.removeprefix("CAD-")) for c in imported]
		self.assertEqual(numbers, list(range(numbers[0], numbers[0] + 5)))
		self.assertEqual(sum("tabSeries" in q for q in queries.queries), 2)
		# the sheet's cadres are written in one INSERT
		self.assertEqual(sum(q.lstrip().upper().startswith("INSERT INTO `TABSANSHU CADRE`") for q in queries.queries), 1)
		# the next cadre made on the form continues the series after them
		later = make_cadre(town, "后来的干部", with_user=False)
		self.assertGreater(int(later.name.removeprefix("CAD-")), numbers[-1])

	def test_a_survey_answer_runs_the_same_queries_for_3_or_12_units(self):
		from sanshu_app.supervision.doctype.satisfaction_survey.satisfaction_survey import issue_codes, record_response

		units = [make_unit("答卷镇") for _ in range(12)]

		def survey(of_units):
			doc = frappe.get_doc(
				{"doctype": "Satisfaction Survey", "survey_title": "规模满意度测评", "year": 2031, "sector": "Townships and Streets", "units": [{"unit": u} for u in of_units]}
			).insert(ignore_permissions=True)
			codes = issue_codes(doc.name, 2)
			doc.db_set("status", "Open")
			return doc, codes

		(small, small_codes), (large, large_codes) = survey(units[:3]), survey(units)
		record_response(small_codes[0], {u: "满意" for u in units[:3]})  # caches warm (meta, salt)
		with Queries() as few:
			record_response(small_codes[1], {u: "基本满意" for u in units[:3]})
		answers = {u: ("满意" if i % 2 else "不满意") for i, u in enumerate(units)}
		with self.assertQueryCount(SURVEY_ANSWER_QUERIES), Queries() as many:
			record_response(large_codes[0], answers)
		self.assertEqual(many.count, few.count, "\n".join(difflib.unified_diff(few.queries, many.queries, lineterm="")))
		tallies = {r.unit: (r.responses, r.score, r.ranking) for r in frappe.get_doc("Satisfaction Survey", large.name).units}
		self.assertEqual(tallies[units[1]], (1, 100, 1))
		self.assertEqual(tallies[units[0]], (1, 0, 7))  # six units share first place, the others seventh
		self.assertEqual({r.unit: (r.responses, r.score) for r in frappe.get_doc("Satisfaction Survey", small.name).units}[units[0]], (2, 80))
