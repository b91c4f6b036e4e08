"""The integrity archive as the office uses it (issue 13): integrity opinions for a batch of
candidates, 调阅 with recusal and the access register, the asset declaration's 公示 without leaks,
the synchronous record, audit findings and 一案三查 in the archives — acted out by the real users."""

import json
from unittest.mock import patch
from io import BytesIO
from urllib.parse import quote, urlencode

import frappe
from frappe.utils import add_days, getdate, today
from openpyxl import load_workbook

from sanshu_app.assessment_and_rectification import ledgers
from sanshu_app.integrity_archive.archive import archive_rows
from sanshu_app.assessment_and_rectification.report.integrity_archive import integrity_archive
from sanshu_app.integrity_archive.access import get_open_count, print_archive
from sanshu_app.api.public import submit_objection
from sanshu_app.integrity_archive.doctype.asset_declaration.asset_declaration import published
from sanshu_app.utils import office_language
from tests.site.api import api_credentials, api_get
from tests.site.factories import CountyTestCase, make_cadre, make_user
from tests.site.frappe_plugin import asset_url
from tests.site.printing import pdf_text, plain
from sanshu_app.permissions import forget_scopes


def as_user(user):
	frappe.set_user(user)


def new_talk(cadre, talk_type="Admonishment Talk", on=None, held=True):
	"""A talk; ``held`` ones are recorded and submitted (a proposed talk is not yet a fact)."""
	talk = frappe.get_doc(
		{
			"doctype": "Integrity Talk", "talk_type": talk_type, "cadre": cadre, "talk_date": on or today(), "reason": "民主测评较差票超过20%",
			"interviewers": [{"interviewer": "Administrator"}], "record": "<p>谈话记录</p>",
		}
	).insert(ignore_permissions=True)  # fmt: skip
	if held:
		talk.submit()
	return talk


def listed(doctype, name):
	"""What ``frappe.get_list`` shows of one record to the session user (nothing when the role has no read at all)."""
	try:
		return frappe.get_list(doctype, filters={"name": name}, pluck="name")
	except frappe.PermissionError:
		return []


def with_officer(c):
	"""Town A's discipline officer (纪委书记), on record on the unit."""
	officer = make_cadre(c.town_a, "甲纪委书记", roles=("Supervision Officer", "Responsible Cadre"))
	frappe.db.set_value("Sanshu Unit", c.town_a, "discipline_officer", officer.name)
	forget_scopes()  # set_value skips the document events
	return officer


class TestIntegrityOpinion(CountyTestCase):
	def test_a_batch_of_five_candidates_two_with_findings(self):
		c = self.c
		officer = with_officer(c)
		org = make_user("组织部干部科", ("Organisation Department",))
		candidates = [make_cadre(c.town_a if i % 2 else c.town_b, f"拟提拔{i}") for i in range(1, 6)]
		talk = new_talk(candidates[0].name)
		old_talk = new_talk(candidates[2].name, on=add_days(today(), -365 * 4))  # outside the 3-year window
		proposed = new_talk(candidates[3].name, held=False)  # proposed, not held: not a fact yet
		as_user(c.manager)
		case = frappe.get_doc(
			{
				"doctype": "Case Accountability", "case_title": "某站所挪用专项资金案", "case_date": today(), "unit": c.town_a,
				"person": candidates[1].name, "person_finding": "挪用专项资金", "person_outcome": "党内严重警告",
			}
		).insert()  # fmt: skip
		self.assertEqual((case.party_secretary, case.discipline_officer), (c.secretary_a.name, officer.name))

		# The organisation department lists the candidates; it cannot tick "checked" itself.
		as_user(org)
		request = frappe.get_doc(
			{
				"doctype": "Integrity Opinion Request", "requesting_body": "县委组织部", "purpose": "Promotion",
				"request_reference": "组干函〔2026〕3号",
				"candidates": [{"cadre": cd.name, "checked": 1, "reply": "无"} for cd in candidates],
			}
		).insert()  # fmt: skip
		self.assertEqual([r.checked for r in request.candidates], [0] * 5)
		self.assertRaises(frappe.PermissionError, request.check_candidates)

		# Approval with candidates unchecked is refused, and nothing changes.
		as_user(c.manager)
		request = frappe.get_doc(request.doctype, request.name)
		with self.assertRaises(frappe.ValidationError) as refused:
			request.submit()
		self.assertIn(frappe._("Candidate {0} has not been checked against the archive.").format(candidates[0].name), str(refused.exception))
		self.assertEqual(frappe.db.get_value(request.doctype, request.name, ["docstatus", "document_number"]), (0, None))

		request = frappe.get_doc(request.doctype, request.name)
		request.check_candidates()
		request = frappe.get_doc(request.doctype, request.name)
		rows = {r.cadre: r for r in request.candidates}
		self.assertEqual(
			[rows[cd.name].conclusion for cd in candidates], ["Problems Found", "Problems Found", "No Problems", "No Problems", "No Problems"]
		)
		self.assertIn(talk.name, rows[candidates[0].name].reply)
		with office_language():  # replies are written in the office's language
			self.assertIn(frappe._("Admonishment Talk"), rows[candidates[0].name].reply)
		self.assertIn(case.name, rows[candidates[1].name].reply)
		self.assertIn("挪用专项资金", rows[candidates[1].name].reply)
		self.assertNotIn(old_talk.name, rows[candidates[2].name].reply)
		self.assertNotIn(proposed.name, rows[candidates[3].name].reply)
		self.assertEqual(rows[candidates[3].name].reply, "经查，拟提拔4同志近3年来未发现违反党风廉政建设规定的问题。")

		# The organisation department sees no draft reply, not even in a print.
		as_user(org)
		seen = frappe.get_doc(request.doctype, request.name)
		seen.apply_fieldlevel_read_permissions()
		self.assertEqual([r.get("reply") for r in seen.candidates], [None] * 5)
		try:
			draft_print = frappe.get_print(request.doctype, request.name, print_format="廉政意见回复")
		except frappe.PermissionError:
			draft_print = ""
		self.assertNotIn(talk.name, draft_print)
		as_user(c.manager)

		# A candidate added after the check is unchecked: approval is refused again.
		extra = make_cadre(c.town_b, "后补人选")
		request.append("candidates", {"cadre": extra.name, "checked": 1, "reply": "无"})
		request.save()
		self.assertRaises(frappe.ValidationError, frappe.get_doc(request.doctype, request.name).submit)
		request = frappe.get_doc(request.doctype, request.name)
		request.candidates = [r for r in request.candidates if r.cadre != extra.name]
		# The office edits a draft reply, then approves: the batch gets its 文号.
		request.candidates[2].reply = "经查，拟提拔3同志近3年来未发现违反党风廉政建设规定的问题。（已核对信访记录）"
		request.save()
		request = frappe.get_doc(request.doctype, request.name)
		request.submit()
		year = getdate(today()).year
		self.assertRegex(request.document_number, rf"^廉复〔{year}〕\d+号$")
		self.assertEqual(request.approved_by, c.manager)

		text = pdf_text(request.doctype, request.name, "廉政意见回复")
		for expected in ("县委组织部", "关于5名同志党风廉政情况的回复意见", "拟提拔4同志近3年来未发现违反党风廉政建设规定的问题", "挪用专项资金", "（已核对信访记录）"):
			self.assertIn(plain(expected), text)
		html = frappe.get_print(request.doctype, request.name, print_format="廉政意见回复")
		for expected in (request.document_number, talk.name, case.name):
			self.assertIn(expected, html)
		# Once approved, the organisation department sees its 文号 and prints the reply it asked for.
		as_user(org)
		seen = frappe.get_doc(request.doctype, request.name)
		seen.apply_fieldlevel_read_permissions()
		self.assertEqual((seen.document_number, seen.candidates[0].get("reply")), (request.document_number, None))
		self.assertIn(case.name, frappe.get_print(request.doctype, request.name, print_format="廉政意见回复"))


class TestArchiveAccess(CountyTestCase):
	def test_outside_reader_needs_an_approved_request_and_every_reading_is_registered(self):
		c = self.c
		officer_manager = make_cadre(c.town_a, "甲纪委书记", roles=("Supervision Officer", "Sanshu Manager"))
		frappe.db.set_value("Sanshu Unit", c.town_a, "discipline_officer", officer_manager.name)
		forget_scopes()  # set_value skips the document events
		secretary_b = make_cadre(c.town_b, "乙书记", roles=("Party Secretary", "Responsible Cadre"), is_principal=1)
		frappe.db.set_value("Sanshu Unit", c.town_b, "principal", secretary_b.name)
		forget_scopes()  # set_value skips the document events
		org = make_user("组织部干部科", ("Organisation Department",))
		cadre = c.cadre_a.name
		talk = new_talk(cadre)

		def register(user):
			return frappe.get_all("Archive Access Log", filters={"reader": user, "cadre": cadre}, fields=["action", "basis", "access_request"], order_by="creation")

		# Refused everywhere without a request: report, rows, print, export, connections.
		for outsider in (org, secretary_b.user, c.secretary_a.user):
			as_user(outsider)
			message = frappe._("You may not see the integrity archive of {0} without an approved archive access request.").format(cadre)
			with self.assertRaises(frappe.PermissionError) as refused:
				integrity_archive.execute({"cadre": cadre})
			self.assertIn(message, str(refused.exception))
			self.assertRaises(frappe.PermissionError, archive_rows, cadre)
			self.assertRaises(frappe.PermissionError, ledgers.archive, cadre)
		as_user(secretary_b.user)
		self.assertRaises(frappe.PermissionError, frappe.get_print, "Sanshu Cadre", cadre, print_format="Integrity Archive")
		self.assertRaises(frappe.PermissionError, print_archive, cadre)
		as_user(c.secretary_a.user)  # may open the cadre's form (their unit), but not its archive
		self.assertEqual(get_open_count("Sanshu Cadre", cadre)["count"]["external_links_found"], [])
		as_user("Administrator")
		self.assertEqual(register(org) + register(secretary_b.user) + register(c.secretary_a.user), [])

		# The request starts pending: one that arrives approved is refused whole.
		as_user(org)
		values = {"doctype": "Archive Access Request", "cadre": cadre, "purpose": "拟提拔考察", "valid_until": add_days(today(), 30)}
		self.assertRaisesRegex(frappe.PermissionError, "not by editing", frappe.get_doc({**values, "status": "Approved"}).insert)
		request = frappe.get_doc(values).insert()
		self.assertEqual((request.status, request.requester), ("Pending", org))
		# A colleague of the requester cannot rewrite it.
		as_user(make_user("组织部另一干部", ("Organisation Department",)))
		colleague_copy = frappe.get_doc(request.doctype, request.name)
		colleague_copy.purpose = "改写的事由"
		self.assertRaises(frappe.PermissionError, colleague_copy.save)
		as_user(org)
		self.assertRaises(frappe.PermissionError, archive_rows, cadre)
		self.assertRaises(frappe.PermissionError, request.approve)

		# Recusal: the cadre's unit discipline officer, though in the office, may not approve.
		as_user(officer_manager.user)
		with self.assertRaises(frappe.ValidationError) as refused:
			frappe.get_doc(request.doctype, request.name).approve()
		self.assertIn(frappe._("You must recuse yourself: you lead the unit of {0}.").format(cadre), str(refused.exception))
		self.assertEqual(frappe.db.get_value(request.doctype, request.name, "status"), "Pending")
		# Nor may anyone approve their own request.
		as_user(c.manager)
		own = frappe.get_doc({"doctype": "Archive Access Request", "cadre": cadre, "purpose": "核查", "valid_until": add_days(today(), 5)}).insert()
		with self.assertRaises(frappe.ValidationError) as refused:
			own.approve()
		self.assertIn(frappe._("You cannot approve your own request."), str(refused.exception))

		frappe.get_doc(request.doctype, request.name).approve("同意调阅")
		self.assertEqual(frappe.db.get_value(request.doctype, request.name, "status"), "Approved")

		# Now the organisation department reads: view, print, export, connections — each registered.
		as_user(org)
		columns, rows = integrity_archive.execute({"cadre": cadre})
		self.assertIn(talk.name, [r["document"] for r in rows])
		self.assertRaises(frappe.PermissionError, frappe.get_print, "Sanshu Cadre", cadre, print_format="Integrity Archive")  # not the cadre record
		with patch.dict(frappe.local.conf, {"host_name": asset_url()}):  # wkhtmltopdf must reach the stylesheet
			print_archive(cadre)  # the archive's own print
		self.assertTrue(frappe.response["filecontent"].startswith(b"%PDF"))
		sheet = load_workbook(BytesIO(ledgers.archive(cadre))).active
		self.assertIn(talk.name, [sheet.cell(r, 4).value for r in range(4, sheet.max_row + 1)])
		as_user("Administrator")
		self.assertEqual(
			[(r.action, r.basis, r.access_request) for r in register(org)],
			[(action, "Approved Request", request.name) for action in ("View", "Print", "Export")],
		)
		# The unit's Party Secretary, once approved, sees the connections on the cadre's form.
		as_user(c.secretary_a.user)
		by_secretary = frappe.get_doc(
			# the form names the requester's own cadre record, as the record scope needs; the server sets the true one
			{"doctype": "Archive Access Request", "cadre": cadre, "requester_cadre": c.secretary_a.name, "purpose": "年度考核", "valid_until": add_days(today(), 3)}
		).insert()
		as_user(c.manager)
		by_secretary.approve()
		as_user(c.secretary_a.user)
		found = {i["doctype"]: i["count"] for i in get_open_count("Sanshu Cadre", cadre)["count"]["external_links_found"]}
		self.assertEqual(found.get("Integrity Talk"), 1)
		as_user("Administrator")
		self.assertEqual([(r.action, r.access_request) for r in register(c.secretary_a.user)], [("Connections", by_secretary.name)])
		# Another outsider is still refused: the request is the organisation department's.
		as_user(secretary_b.user)
		self.assertRaises(frappe.PermissionError, archive_rows, cadre)

		# The register cannot be edited or deleted, by anyone.
		as_user("Administrator")
		line = frappe.get_doc("Archive Access Log", frappe.get_all("Archive Access Log", filters={"reader": org}, pluck="name", limit=1)[0])
		line.action = "View"
		line.reader = "Administrator"
		self.assertRaises(frappe.PermissionError, line.save)
		self.assertRaises(frappe.PermissionError, frappe.delete_doc, "Archive Access Log", line.name)
		self.assertEqual(frappe.db.get_value("Archive Access Log", line.name, "reader"), org)
		self.assertEqual(len(register(org)), 3)
		as_user(c.manager)
		self.assertFalse(frappe.has_permission("Archive Access Log", "write", line.name))
		self.assertFalse(frappe.has_permission("Archive Access Log", "delete", line.name))

		# The cadre sees who read their archive; another cadre and the unit's secretary do not.
		as_user(c.cadre_a.user)
		readers = frappe.get_list("Archive Access Log", filters={"cadre": cadre}, pluck="reader")
		self.assertEqual(readers.count(org), 3)
		as_user(c.cadre_b.user)
		self.assertEqual(frappe.get_list("Archive Access Log", filters={"cadre": cadre}), [])
		as_user(c.secretary_a.user)
		self.assertEqual(frappe.get_list("Archive Access Log", filters={"cadre": cadre}), [])

		# Past its date the request no longer opens the archive.
		frappe.db.set_value("Archive Access Request", request.name, "valid_until", add_days(today(), -1))
		as_user(org)
		self.assertRaises(frappe.PermissionError, archive_rows, cadre)

	def test_the_office_and_the_cadre_read_freely_and_are_registered(self):
		c = self.c
		for user, basis in ((c.manager, "Office"), (c.cadre_a.user, "Own Archive")):
			as_user(user)
			archive_rows(c.cadre_a.name)
			as_user("Administrator")
			self.assertEqual(frappe.get_all("Archive Access Log", filters={"reader": user}, pluck="basis"), [basis])
		line = frappe.get_all("Archive Access Log", filters={"reader": c.manager}, fields=["cadre", "cadre_name", "reader_name", "action"])[0]
		self.assertEqual(
			(line.cadre, line.cadre_name, line.reader_name, line.action),
			(c.cadre_a.name, c.cadre_a.full_name, frappe.utils.get_fullname(c.manager), "View"),
		)
		# No such cadre: refused, and nothing registered.
		as_user(c.manager)
		with self.assertRaises(frappe.ValidationError) as refused:
			archive_rows("CAD-NO-SUCH")
		self.assertIn(frappe._("Choose a cadre."), str(refused.exception))
		as_user("Administrator")
		self.assertEqual(frappe.get_all("Archive Access Log", filters={"cadre": "CAD-NO-SUCH"}), [])


class TestAssetDeclaration(CountyTestCase):
	def test_publicity_with_one_objection_and_no_leak(self):
		c = self.c
		declarant = make_cadre(c.town_a, "新提拔干部", newly_promoted=1)
		secret = "甲镇幸福小区12栋住房一套"
		as_user(declarant.user)
		values = {
			"doctype": "Asset Declaration", "cadre": declarant.name,
			"sections": [
				{"section": "Real Estate", "holder": "Self", "description": secret, "amount": 800000},
				{"section": "Vehicles", "holder": "Spouse", "description": "小型轿车一辆", "amount": 120000},
			],
		}  # fmt: skip
		# A declaration that arrives concluded is refused whole; it starts as a draft.
		self.assertRaisesRegex(frappe.PermissionError, "not by editing", frappe.get_doc({**values, "status": "Concluded"}).insert)
		doc = frappe.get_doc(values).insert()
		self.assertEqual(doc.status, "Draft")
		# Confidential attachments are private files only.
		doc.append("sections", {"section": "Other Assets", "description": "收藏品", "attachment": "/files/appraisal.pdf"})
		self.assertRaises(frappe.ValidationError, doc.save)
		doc = frappe.get_doc(doc.doctype, doc.name)
		# Nobody declares for someone else.
		as_user(c.cadre_b.user)
		self.assertRaises(frappe.PermissionError, frappe.get_doc({"doctype": "Asset Declaration", "cadre": declarant.name, "sections": []}).insert)
		as_user(declarant.user)
		doc.submit_declaration()
		doc = frappe.get_doc(doc.doctype, doc.name)
		doc.sections[0].description = "改过的内容"
		self.assertRaises(frappe.ValidationError, doc.save)
		self.assertRaises(frappe.PermissionError, doc.start_publicity, today(), add_days(today(), 6), "房产1套")

		as_user(c.manager)
		doc = frappe.get_doc(doc.doctype, doc.name)
		self.assertRaises(frappe.ValidationError, doc.start_publicity, today(), add_days(today(), 1), "房产1套")  # too short
		summary = "房产1套、车辆1辆 <script>alert(1)</script>"
		doc.start_publicity(today(), add_days(today(), 6), summary)
		self.assertEqual(frappe.db.get_value(doc.doctype, doc.name, "status"), "In Publicity")

		# The public page shows the chosen summary, escaped, and nothing else.
		as_user("Guest")
		from frappe.website.serve import get_response

		page = get_response("sanshu-public/declarations").get_data(as_text=True)
		self.assertIn("房产1套、车辆1辆 &lt;script&gt;alert(1)&lt;/script&gt;", page)
		self.assertNotIn("<script>alert(1)</script>", page)
		self.assertNotIn(secret, page)
		self.assertIn("新提拔干部", page)
		# One objection from the public, during the period.
		submit_objection(doc.name, "该干部另有商铺一间未申报", "138****0000")
		self.assertRaises(frappe.ValidationError, submit_objection, "ADEC-none", "x")
		# Published within the unit only: the unit's cadres see it, the public and other units do not.
		frappe.db.set_value(doc.doctype, doc.name, "publicity_scope", "Within Unit")
		for user, sees in (("Guest", False), (c.cadre_a.user, True), (c.cadre_b.user, False)):
			as_user(user)
			self.assertEqual(doc.name in [d.name for d in published()], sees, user)
		frappe.db.set_value(doc.doctype, doc.name, "publicity_scope", "Within Unit and Public")

		# Contents never reach anyone else: forms, lists, counts, values, report view, print, REST.
		outsiders = (c.cadre_b.user, c.secretary_a.user, make_user("组织部", ("Organisation Department",)))
		for user in outsiders:
			as_user(user)
			self.assertFalse(frappe.has_permission("Asset Declaration", "read", doc.name), user)
			self.assertEqual(listed("Asset Declaration", doc.name), [], user)
			self.assertRaises(frappe.PermissionError, frappe.get_print, "Asset Declaration", doc.name)
		frappe.set_user("Administrator")
		frappe.db.commit()  # the API answers from its own connection
		self.addCleanup(self.remove_committed, doc.name, declarant)
		name = quote(doc.name)
		doors = [
			f"/api/resource/Asset%20Declaration/{name}",
			"/api/resource/Asset%20Declaration?" + urlencode({"fields": json.dumps(["*"]), "limit_page_length": 0}),
			"/api/method/frappe.client.get_list?" + urlencode({"doctype": "Asset Declaration", "fields": json.dumps(["name", "cadre"])}),
			"/api/method/frappe.client.get_value?" + urlencode({"doctype": "Asset Declaration", "filters": json.dumps({"name": doc.name}), "fieldname": "declarant_note"}),
			"/api/method/frappe.client.get_count?" + urlencode({"doctype": "Asset Declaration"}),
			"/api/method/frappe.client.get?" + urlencode({"doctype": "Asset Declaration", "name": doc.name}),
			"/api/method/frappe.desk.reportview.get?" + urlencode({"doctype": "Asset Declaration", "fields": json.dumps(["`tabAsset Declaration`.`name`"])}),
			"/api/method/frappe.utils.print_format.download_pdf?" + urlencode({"doctype": "Asset Declaration", "name": doc.name}),
			"/api/method/sanshu_app.assessment_and_rectification.ledgers.download_archive?" + urlencode({"cadre": declarant.name}),
		]
		for user in outsiders:
			token = api_credentials(user)
			for door in doors:
				status, body = api_get(door, token)
				text = json.dumps(body, ensure_ascii=False)
				self.assertNotIn(secret, text, (user, door))
				if status != 200:
					self.assertIn(status, (403, 404), (user, door))  # 404: a hidden record answers like a missing one
				elif "get_count" not in door:  # frappe.client.get_count counts without permissions: a number, never contents
					self.assertFalse(body.get("message") or body.get("data"), (user, door, body))
		token = api_credentials(declarant.user)
		status, body = api_get(doors[0], token)
		self.assertEqual(status, 200)
		self.assertIn(secret, json.dumps(body, ensure_ascii=False))

		# The check and the conclusion, after the period.
		as_user(c.manager)
		doc = frappe.get_doc(doc.doctype, doc.name)
		self.assertEqual([o.channel for o in doc.objections], ["Public Portal"])
		self.assertRaises(frappe.ValidationError, doc.conclude, "如实申报")  # the period still runs
		frappe.db.set_value(doc.doctype, doc.name, {"publicity_start": add_days(today(), -10), "publicity_end": add_days(today(), -4)})
		with self.assertRaises(frappe.ValidationError) as refused:
			frappe.get_doc(doc.doctype, doc.name).conclude("如实申报")
		self.assertIn(frappe._("Record the check of every objection first."), str(refused.exception))
		doc = frappe.get_doc(doc.doctype, doc.name)
		doc.objections[0].check_result = "经核查，商铺系其父母所有，异议不成立"
		doc.save()
		doc.conclude("经核查，如实申报")
		self.assertEqual(frappe.db.get_value(doc.doctype, doc.name, "status"), "Concluded")
		# The archive records the declaration and its objection, not its contents.
		rows = [r for r in archive_rows(declarant.name) if r["doctype"] == "Asset Declaration"]
		self.assertEqual(len(rows), 1)
		self.assertIn(frappe._("{0} objections").format(1), rows[0]["title"])
		self.assertNotIn(secret, json.dumps(rows, default=str, ensure_ascii=False))

	def remove_committed(self, name, declarant):
		frappe.set_user("Administrator")
		frappe.delete_doc("Asset Declaration", name, ignore_permissions=True, force=True)
		frappe.db.commit()


class TestSynchronousRecord(CountyTestCase):
	def test_kept_by_the_discipline_officer_and_a_serious_risk_notifies_the_office(self):
		c = self.c
		officer = with_officer(c)
		as_user(c.secretary_a.user)
		self.assertRaises(
			frappe.PermissionError,
			frappe.get_doc(
				{"doctype": "Synchronous Record", "unit": c.town_a, "decision_type": "Major Project", "meeting_date": today(), "participants": "班子成员", "decision": "x"}
			).insert,
		)
		as_user(officer.user)
		record = frappe.get_doc(
			{
				"doctype": "Synchronous Record", "unit": c.town_a, "recorder": officer.name, "decision_type": "Large Fund Use", "meeting_date": today(),
				"meeting": "镇党委会2026年第5次会议", "participants": "甲书记、甲镇长、甲纪委书记", "decision": "同意拨付道路工程款300万元",
				"dissent": "甲纪委书记：建议先审计", "serious_risk": 1, "risk_description": "工程款拨付前未经招投标",
			}
		)  # fmt: skip
		# The time it was reported is the server's: a record that brings its own is refused whole.
		forged = frappe.get_doc({**record.as_dict(), "reported_at": "2020-01-01 00:00:00"})
		self.assertRaisesRegex(frappe.PermissionError, "not by editing", forged.insert)
		record.insert()
		# Another unit's discipline officer cannot keep town A's record.
		officer_b = make_cadre(c.town_b, "乙纪委书记", roles=("Supervision Officer",))
		frappe.db.set_value("Sanshu Unit", c.town_b, "discipline_officer", officer_b.name)
		forget_scopes()  # set_value skips the document events
		as_user(officer_b.user)
		with self.assertRaises(frappe.PermissionError):
			frappe.get_doc(
				{"doctype": "Synchronous Record", "unit": c.town_a, "recorder": officer_b.name, "decision_type": "Major Project", "meeting_date": today(), "participants": "x", "decision": "x"}
			).insert()
		as_user(officer.user)
		self.assertEqual(getdate(frappe.db.get_value(record.doctype, record.name, "reported_at")), getdate(today()))
		alerts = frappe.get_all("Notification Log", filters={"document_type": "Synchronous Record", "document_name": record.name}, pluck="for_user")
		self.assertIn(c.manager, alerts)
		self.assertNotIn(officer.user, alerts)
		for user in (c.secretary_a.user, c.cadre_a.user):
			as_user(user)
			self.assertFalse(frappe.has_permission("Synchronous Record", "read", record.name), user)
			self.assertEqual(listed("Synchronous Record", record.name), [], user)
		as_user(c.manager)
		self.assertIn(record.name, [r["name"] for r in archive_rows(officer.name)])


class TestCaseAndAudit(CountyTestCase):
	def test_a_case_and_an_audit_finding_in_the_three_archives(self):
		c = self.c
		officer = with_officer(c)
		as_user(c.manager)
		finding = frappe.get_doc(
			{
				"doctype": "Audit Finding", "audit_type": "Economic Responsibility Audit", "audit_title": "甲镇2025年度经济责任审计",
				"report_date": today(), "cadre": c.cadre_a.name, "finding": "违规发放津贴补贴12万元", "serious": 1,
			}
		).insert()  # fmt: skip
		self.assertEqual(finding.unit, c.town_a)
		rectification = finding.open_rectification()
		self.assertEqual(
			frappe.db.get_value("Rectification", rectification, ["source_type", "source_doctype", "source_name", "cadre"]),
			("Audit", "Audit Finding", finding.name, c.cadre_a.name),
		)
		self.assertRaises(frappe.ValidationError, frappe.get_doc("Audit Finding", finding.name).open_rectification)
		case = frappe.get_doc(
			{
				"doctype": "Case Accountability", "case_title": "甲镇违规发放津贴补贴案", "case_date": today(), "unit": c.town_a,
				"source_audit_finding": finding.name, "person": c.cadre_a.name, "person_finding": "违规发放津贴补贴", "person_outcome": "党内警告",
			}
		).insert()  # fmt: skip
		self.assertRaises(frappe.ValidationError, case.conclude)  # the two responsibilities have no finding yet
		case.secretary_finding, case.secretary_outcome = "主体责任落实不力", "诫勉谈话"
		case.officer_finding, case.officer_outcome = "监督责任缺位", "批评教育"
		case.save()
		case.conclude()
		self.assertEqual(frappe.db.get_value("Case Accountability", case.name, "status"), "Concluded")

		expected = {c.cadre_a.name: "违规发放津贴补贴", c.secretary_a.name: "主体责任落实不力", officer.name: "监督责任缺位"}
		for cadre, words in expected.items():
			rows = {r["name"]: r for r in archive_rows(cadre)}
			self.assertIn(words, rows[case.name]["title"], cadre)
		rows = {r["name"]: r for r in archive_rows(c.cadre_a.name)}
		self.assertEqual(rows[finding.name]["doctype"], "Audit Finding")
		self.assertIn(rectification, rows)
		# A finding about the unit alone is in its principal's archive, not in its cadres'.
		unit_finding = frappe.get_doc(
			{"doctype": "Audit Finding", "audit_type": "Special Fund Audit", "audit_title": "甲镇扶贫专项资金审计", "report_date": today(), "unit": c.town_a, "finding": "专项资金滞留"}
		).insert()
		self.assertIn(unit_finding.name, [r["name"] for r in archive_rows(c.secretary_a.name)])
		self.assertNotIn(unit_finding.name, [r["name"] for r in archive_rows(c.cadre_a.name)])
		# Each of the three reads their own archive and sees the case; the print and the xlsx show it too.
		for cadre in (c.cadre_a, c.secretary_a, officer):
			as_user(cadre.user)
			self.assertIn(case.name, [r["document"] for r in integrity_archive.execute({"cadre": cadre.name})[1]])
		as_user(c.manager)
		self.assertIn(case.name, frappe.get_print("Sanshu Cadre", c.secretary_a.name, print_format="Integrity Archive"))
		sheet = load_workbook(BytesIO(ledgers.archive(officer.name))).active
		self.assertIn(case.name, [sheet.cell(r, 4).value for r in range(4, sheet.max_row + 1)])
		# Another unit's cadre does not see the case.
		as_user(c.cadre_b.user)
		self.assertFalse(frappe.has_permission("Case Accountability", "read", case.name))
		self.assertFalse(frappe.has_permission("Audit Finding", "read", finding.name))
