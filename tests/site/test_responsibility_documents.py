"""Responsibility letters, integrity commitments and risk notification cards, walked end to end by
the people who use them: the 党廉办 (manager), the Party Secretary, the Supervision Officer and
the cadre — including what each of them is refused."""

import frappe
from frappe.model.workflow import apply_workflow
from frappe.tests import IntegrationTestCase
from frappe.utils import add_days, getdate, today

from tests.site.factories import County, make_cadre, make_campaign
from tests.site.printing import pdf_text, plain
from sanshu_app.permissions import forget_scopes

LETTER = "Responsibility Letter"
COMMITMENT = "Integrity Commitment"
CARD = "Risk Notification Card"


def ensure_outgoing_email():
	"""An office's outgoing mail account, so signing notices are queued as email."""
	if not frappe.db.exists("Email Account", {"enable_outgoing": 1, "default_outgoing": 1}):
		frappe.get_doc(
			{
				"doctype": "Email Account",
				"email_account_name": "党廉办邮箱",
				"email_id": "office@test.sanshu.local",
				"enable_outgoing": 1,
				"default_outgoing": 1,
				"smtp_server": "localhost",
				"no_smtp_authentication": 1,
			}
		).insert(ignore_permissions=True)


def as_user(user):
	frappe.set_user(user)


class DocumentsTestCase(IntegrationTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		c = cls.c = County()
		cls.officer_a = make_cadre(c.town_a, "甲纪委书记", roles=("Supervision Officer", "Responsible Cadre"))
		frappe.db.set_value("Sanshu Unit", c.town_a, "discipline_officer", cls.officer_a.name)
		forget_scopes()  # set_value skips the document events
		ensure_outgoing_email()

	def tearDown(self):
		frappe.set_user("Administrator")

	def act(self, user, doc, action):
		as_user(user)
		return apply_workflow(frappe.get_doc(doc.doctype, doc.name).as_dict(), action)

	def call(self, user, doc, method, **kwargs):
		as_user(user)
		fresh = frappe.get_doc(doc.doctype, doc.name)
		fresh.check_permission("read")  # what run_doc_method asks of the caller
		return getattr(fresh, method)(**kwargs)

	def refused(self, user, doc, method, expect=frappe.ValidationError, **kwargs):
		before = frappe.get_doc(doc.doctype, doc.name).as_dict()
		with self.assertRaises(expect) as caught:
			self.call(user, doc, method, **kwargs)
		frappe.set_user("Administrator")
		after = frappe.get_doc(doc.doctype, doc.name).as_dict()
		self.assertEqual(str(before["modified"]), str(after["modified"]), "a refused action must change nothing")
		return str(caught.exception)

	def notified(self, user, doc):
		return frappe.db.exists("Notification Log", {"for_user": user, "document_type": doc.doctype, "document_name": doc.name})

	def emailed(self, user, doc):
		queue = frappe.get_all("Email Queue", filters={"reference_doctype": doc.doctype, "reference_name": doc.name}, pluck="name")
		return bool(queue) and frappe.db.exists("Email Queue Recipient", {"parent": ("in", queue), "recipient": user})


class TestResponsibilityLetter(DocumentsTestCase):
	def new_letter(self, cadre=None, overdue=True):
		c = self.c
		as_user(c.manager)
		cadre = cadre or c.cadre_a
		letter = frappe.get_doc(
			{
				"doctype": LETTER,
				"letter_type": "Party Conduct Responsibility Letter",
				"document_number": "甲纪发〔2026〕1号",
				"year": 2026,
				"cadre": cadre.name,
				"body": "<p>为落实党风廉政建设主体责任，签订本责任书。</p>",
				"tasks": [
					{"task": "开展廉政警示教育", "lead_unit": c.town_a, "cooperating_units": "乙镇", "deadline": add_days(today(), -5 if overdue else 30)},
					{"task": "完成年度述责述廉", "lead_unit": c.town_a, "deadline": add_days(today(), 60)},
				],
				"signatures": [
					{"signer": c.secretary_a.name, "capacity": "Principal Responsible"},
					{"signer": self.officer_a.name, "capacity": "Supervisory Responsible"},
					{"signer": cadre.name, "capacity": "Responsibility Subject"},
				],
			}
		).insert()
		frappe.set_user("Administrator")
		return letter

	def reviewed(self, letter):
		c = self.c
		self.act(c.manager, letter, "Submit for Review")
		self.call(c.secretary_a.user, letter, "give_opinion", opinion="同意签订")
		self.call(self.officer_a.user, letter, "give_opinion", opinion="同意，加强监督")
		self.act(c.manager, letter, "Request Signatures")
		return frappe.get_doc(LETTER, letter.name)

	def signed(self, letter):
		letter = self.reviewed(letter)
		for signer in (self.c.secretary_a, self.officer_a, self.c.cadre_a):
			self.call(signer.user, letter, "sign")
		return frappe.get_doc(LETTER, letter.name)

	def test_full_walk_with_review_signing_in_order_and_refusals(self):
		c = self.c
		letter = self.new_letter()
		self.assertEqual(letter.workflow_state, "Draft")
		self.assertEqual(letter.unit, c.town_a)
		self.assertIn("2026", letter.title)

		self.act(c.manager, letter, "Submit for Review")
		self.assertTrue(self.notified(c.secretary_a.user, letter))
		self.assertTrue(self.notified(self.officer_a.user, letter))
		# no signing and no signatures before the opinions are in
		message = self.refused(c.secretary_a.user, letter, "sign")
		self.assertIn("not awaiting signatures", message)
		with self.assertRaises(frappe.ValidationError):
			self.act(c.manager, letter, "Request Signatures")
		frappe.set_user("Administrator")
		self.assertEqual(frappe.db.get_value(LETTER, letter.name, "workflow_state"), "Under Review")
		# only the named reviewer gives the opinion of their row
		message = self.refused(c.cadre_a.user, letter, "give_opinion", opinion="我来写")
		self.assertIn("gives no review opinion", message)
		secretary_row = letter.signatures[0].name
		message = self.refused(self.officer_a.user, letter, "give_opinion", opinion="代签", row=secretary_row)
		self.assertIn("甲书记", message)
		self.call(c.secretary_a.user, letter, "give_opinion", opinion="同意签订")
		self.call(self.officer_a.user, letter, "give_opinion", opinion="同意，加强监督")

		self.act(c.manager, letter, "Request Signatures")
		self.assertTrue(self.emailed(frappe.db.get_value("User", c.secretary_a.user, "email"), letter))
		self.assertFalse(self.emailed(frappe.db.get_value("User", c.cadre_a.user, "email"), letter))
		# the cadre may not sign before the principal and the supervisor
		message = self.refused(c.cadre_a.user, letter, "sign")
		self.assertIn("Not your turn", message)
		self.assertIn("甲书记", message)
		# someone not named may not sign at all
		message = self.refused(c.cadre_b.user, letter, "sign", expect=frappe.PermissionError)
		message = self.refused(c.secretary_a.user, letter, "sign", row=letter.signatures[2].name)
		self.assertIn("Only", message)
		# a deputy secretary of the same town reads the letter but is not named on it
		deputy = make_cadre(c.town_a, "甲副书记", roles=("Party Secretary", "Responsible Cadre"))
		message = self.refused(deputy.user, letter, "sign")
		self.assertIn("not named", message)

		self.call(c.secretary_a.user, letter, "sign")
		self.assertTrue(self.notified(self.officer_a.user, letter))
		self.call(self.officer_a.user, letter, "sign")
		self.assertTrue(self.notified(c.cadre_a.user, letter))
		self.assertEqual(frappe.db.get_value(LETTER, letter.name, "docstatus"), 0)
		self.call(c.cadre_a.user, letter, "sign")

		frappe.set_user("Administrator")
		letter = frappe.get_doc(LETTER, letter.name)
		self.assertEqual((letter.docstatus, letter.workflow_state), (1, "Signed"))
		self.assertTrue(all(row.signed_at for row in letter.signatures))

		# a signed letter cannot be edited, not even by the manager
		as_user(c.manager)
		letter = frappe.get_doc(LETTER, letter.name)
		letter.body = "<p>改过的内容</p>"
		self.assertRaises(frappe.UpdateAfterSubmitError, letter.save)
		frappe.set_user("Administrator")
		self.assertNotIn("改过", frappe.db.get_value(LETTER, letter.name, "body"))

		# its tasks stay as signed; only their progress moves on
		as_user(c.manager)
		letter = frappe.get_doc(LETTER, letter.name)
		letter.append("tasks", {"task": "追加的任务"})
		self.assertRaises(frappe.ValidationError, letter.save)
		letter = frappe.get_doc(LETTER, letter.name)
		letter.tasks[0].deadline = add_days(today(), 90)
		self.assertRaises(frappe.ValidationError, letter.save)
		letter = frappe.get_doc(LETTER, letter.name)
		letter.tasks[1].status, letter.tasks[1].progress = "In Progress", 40
		letter.save()
		frappe.set_user("Administrator")
		self.assertEqual(frappe.db.get_value("Responsibility Letter Task", letter.tasks[1].name, "progress"), 40)
		self.assertEqual(len(frappe.get_doc(LETTER, letter.name).tasks), 2)

		self.act(c.manager, letter, "Archive")
		self.assertEqual(frappe.db.get_value(LETTER, letter.name, "workflow_state"), "Archived")

	def test_signatures_cannot_be_typed_in_by_an_editor(self):
		letter = self.reviewed(self.new_letter())
		as_user(self.c.manager)
		letter = frappe.get_doc(LETTER, letter.name)
		letter.signatures[0].signed_at = frappe.utils.now_datetime()
		self.assertRaises(frappe.ValidationError, letter.save)

	def test_text_under_review_changes_only_through_return(self):
		c = self.c
		letter = self.new_letter()
		self.act(c.manager, letter, "Submit for Review")
		as_user(c.manager)
		letter = frappe.get_doc(LETTER, letter.name)
		letter.body = "<p>悄悄改过</p>"
		with self.assertRaises(frappe.ValidationError) as caught:
			letter.save()
		self.assertIn("return it to draft", str(caught.exception))
		letter = frappe.get_doc(LETTER, letter.name)
		letter.document_number = "甲纪发〔2026〕2号"  # nor its 文号, given once when it was issued
		with self.assertRaises(frappe.ValidationError) as caught:
			letter.save()
		self.assertIn("甲纪发〔2026〕1号", str(caught.exception))

	def test_return_to_draft_needs_a_reason_and_clears_opinions(self):
		c = self.c
		letter = self.new_letter()
		self.act(c.manager, letter, "Submit for Review")
		self.call(c.secretary_a.user, letter, "give_opinion", opinion="同意")
		with self.assertRaises(frappe.ValidationError) as caught:
			self.act(c.manager, letter, "Return")
		self.assertIn("reason", str(caught.exception))
		frappe.set_user("Administrator")
		self.assertEqual(frappe.db.get_value(LETTER, letter.name, "workflow_state"), "Under Review")

		self.refused(c.cadre_a.user, letter, "set_return_reason", expect=frappe.PermissionError, reason="我不想签")
		self.call(c.manager, letter, "set_return_reason", reason="任务表述不具体")
		self.act(c.manager, letter, "Return")
		frappe.set_user("Administrator")
		letter = frappe.get_doc(LETTER, letter.name)
		self.assertEqual(letter.workflow_state, "Draft")
		self.assertFalse(any(row.review_opinion for row in letter.signatures))
		self.assertTrue(frappe.db.exists("Comment", {"reference_name": letter.name, "content": ("like", "%任务表述不具体%")}))

	def test_cancel_and_amend_keeps_the_history(self):
		c = self.c
		letter = self.signed(self.new_letter())
		self.act(c.manager, letter, "Cancel")
		frappe.set_user("Administrator")
		self.assertEqual(frappe.db.get_value(LETTER, letter.name, "docstatus"), 2)
		as_user(c.manager)
		amended = frappe.copy_doc(frappe.get_doc(LETTER, letter.name), ignore_no_copy=False)
		amended.amended_from = letter.name
		amended.docstatus = 0  # as the form's Amend does
		amended.insert()
		self.assertEqual(amended.workflow_state, "Draft")
		self.assertTrue(amended.name.startswith(letter.name))
		self.assertFalse(any(row.signed_at for row in amended.signatures))

	def test_supervision_notice_from_an_overdue_task(self):
		c = self.c
		letter = self.signed(self.new_letter())
		overdue, upcoming = letter.tasks
		# only the overdue task, only by the manager
		message = self.refused(c.manager, letter, "raise_supervision_notice", task=upcoming.name)
		self.assertIn("not overdue", message)
		self.refused(c.cadre_a.user, letter, "raise_supervision_notice", expect=frappe.PermissionError, task=overdue.name)

		name = self.call(c.manager, letter, "raise_supervision_notice", task=overdue.name)
		notice = frappe.get_doc(LETTER, name)
		self.assertEqual(notice.letter_type, "Task Supervision Notice")
		self.assertEqual((notice.source_letter, notice.source_task), (letter.name, overdue.name))
		self.assertEqual(notice.cadre, c.cadre_a.name)
		self.assertEqual(notice.tasks[0].task, "开展廉政警示教育")
		self.assertEqual([r.signer for r in notice.signatures], [r.signer for r in letter.signatures])
		self.assertEqual(frappe.db.get_value("Responsibility Letter Task", overdue.name, "supervision_notice"), name)
		# raising it again gives the same notice
		self.assertEqual(self.call(c.manager, letter, "raise_supervision_notice", task=overdue.name), name)

	def test_supervision_notice_needs_a_signed_letter(self):
		letter = self.new_letter()
		message = self.refused(self.c.manager, letter, "raise_supervision_notice", task=letter.tasks[0].name)
		self.assertIn("signed letter", message)

	def test_a_cadre_sees_only_their_own_letters(self):
		c = self.c
		own = self.new_letter()
		other = self.new_letter(cadre=c.cadre_b)
		# Signers named on a letter may read it; this one is for 乙镇 alone.
		frappe.db.delete("Responsibility Letter Signature", {"parent": other.name, "signer": ("!=", c.cadre_b.name)})
		as_user(c.cadre_a.user)
		seen = set(frappe.get_list(LETTER, pluck="name", limit_page_length=0))
		self.assertIn(own.name, seen)
		self.assertNotIn(other.name, seen)
		self.assertFalse(frappe.get_doc(LETTER, other.name).has_permission("read"))
		as_user(c.secretary_a.user)
		seen = set(frappe.get_list(LETTER, pluck="name", limit_page_length=0))
		self.assertIn(own.name, seen)
		self.assertNotIn(other.name, seen)

	def test_refusal_is_in_chinese_for_a_chinese_user(self):
		c = self.c
		letter = self.reviewed(self.new_letter())
		frappe.db.set_value("User", c.cadre_a.user, "language", "zh")
		try:
			frappe.local.lang = "zh"
			frappe.local.lang_full_dict = None
			frappe.local.jenv = None
			message = self.refused(c.cadre_a.user, letter, "sign")
		finally:
			frappe.local.lang = "en"
			frappe.local.lang_full_dict = None
		self.assertIn("甲书记", message)
		self.assertNotIn("Not your turn", message)


class TestIntegrityCommitment(DocumentsTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		c = cls.c
		for cadre in (c.cadre_a, c.cadre_b, c.cadre_station):
			frappe.db.set_value("Sanshu Cadre", cadre.name, "newly_promoted", 1)
		frappe.db.set_value("Sanshu Cadre", c.cadre_b.name, "discipline_cadre", 1)
		forget_scopes()  # set_value skips the document events

	def new_commitment(self, cadre, kind="Annual Responsibility Commitment", year=2026, campaign=None):
		as_user(self.c.manager)
		doc = frappe.get_doc(
			{
				"doctype": COMMITMENT,
				"commitment_type": kind,
				"year": year,
				"campaign": campaign,
				"cadre": cadre.name,
				"items": [{"item": "严格遵守廉洁自律各项规定"}, {"item": "管好身边工作人员"}],
			}
		).insert()
		frappe.set_user("Administrator")
		return doc

	def test_cadre_signs_their_own_commitment_and_nobody_else_can(self):
		c = self.c
		doc = self.new_commitment(c.cadre_a)
		self.assertIn("2026", doc.title)
		message = self.refused(c.cadre_a.user, doc, "sign")  # not issued yet
		self.assertIn("not awaiting", message)
		self.act(c.manager, doc, "Issue")
		self.assertTrue(self.notified(c.cadre_a.user, doc))
		message = self.refused(c.secretary_a.user, doc, "sign")
		self.assertIn("甲干部", message)
		self.refused(c.cadre_b.user, doc, "sign", expect=frappe.PermissionError)
		self.refused(c.manager, doc, "sign")

		self.call(c.cadre_a.user, doc, "sign")
		frappe.set_user("Administrator")
		doc = frappe.get_doc(COMMITMENT, doc.name)
		self.assertEqual((doc.docstatus, doc.workflow_state), (1, "Signed"))
		self.assertTrue(doc.signed_at)

	def test_one_annual_commitment_per_cadre_and_year(self):
		c = self.c
		first = self.new_commitment(c.cadre_station, year=2027)
		count = frappe.db.count(COMMITMENT, {"cadre": c.cadre_station.name, "year": 2027})
		with self.assertRaises(frappe.ValidationError) as caught:
			self.new_commitment(c.cadre_station, year=2027)
		self.assertIn(first.name, str(caught.exception))
		# nor through the API, whatever flags the client sends (the bulk issue's own batch check
		# travels in a server-side flag that a posted document cannot set)
		as_user(c.manager)
		with self.assertRaises(frappe.ValidationError) as caught:
			frappe.client.insert(
				{"doctype": COMMITMENT, "commitment_type": "Annual Responsibility Commitment", "year": 2027, "cadre": c.cadre_station.name,
				 "items": [{"item": "承诺"}], "flags": {"annual_commitment_checked_for_batch": 1}, "__islocal": 1}
			)  # fmt: skip
		self.assertIn(first.name, str(caught.exception))
		frappe.set_user("Administrator")
		self.assertEqual(frappe.db.count(COMMITMENT, {"cadre": c.cadre_station.name, "year": 2027}), count)
		# another year, or another kind of commitment, is fine
		self.new_commitment(c.cadre_station, year=2028)
		self.new_commitment(c.cadre_station, kind="Pre-appointment Integrity Commitment", year=2027)

	def test_six_commitments_are_public_and_made_by_discipline_cadres(self):
		doc = self.new_commitment(self.c.cadre_b, kind="Six Commitments", year=2027)
		self.assertEqual(doc.is_public, 1)
		with self.assertRaises(frappe.ValidationError) as caught:
			self.new_commitment(self.c.cadre_a, kind="Six Commitments", year=2027)
		self.assertIn("discipline cadre", str(caught.exception))
		with self.assertRaises(frappe.ValidationError):
			self.new_commitment(self.c.secretary_a, kind="Pre-appointment Integrity Commitment", year=2027)

	def test_a_cadre_sees_only_their_own_commitments(self):
		c = self.c
		own = self.new_commitment(c.cadre_a, kind="Pre-appointment Integrity Commitment")
		other = self.new_commitment(c.cadre_b, kind="Pre-appointment Integrity Commitment")
		as_user(c.cadre_a.user)
		seen = set(frappe.get_list(COMMITMENT, pluck="name", limit_page_length=0))
		self.assertIn(own.name, seen)
		self.assertNotIn(other.name, seen)

	def test_compliance_report_lists_who_has_not_signed_by_the_due_date(self):
		from sanshu_app.responsibility_documents.report.commitment_compliance.commitment_compliance import execute

		c = self.c
		unit = c.town_b
		on_time = make_cadre(unit, "按时签")
		late = make_cadre(unit, "迟签")
		unsigned = make_cadre(unit, "未签")
		never = make_cadre(unit, "未发")
		campaign = make_campaign(2026, cadres=[x.name for x in (on_time, late, unsigned, never)], commitment_due_date="2026-03-01")
		for cadre in (on_time, late, unsigned):
			doc = self.new_commitment(cadre, year=2026, campaign=campaign.name)
			self.act(c.manager, doc, "Issue")
			if cadre is not unsigned:
				self.call(cadre.user, doc, "sign")
			frappe.set_user("Administrator")
			if cadre is on_time:
				frappe.db.set_value(COMMITMENT, doc.name, "signed_at", "2026-02-20 10:00:00")
		as_user(c.manager)
		columns, rows = execute(frappe._dict(campaign=campaign.name))
		self.assertEqual({r["cadre_name"]: r["status"] for r in rows}, {"迟签": "Signed Late", "未签": "Not Signed", "未发": "Not Issued"})
		columns, rows = execute(frappe._dict(campaign=campaign.name, show_all=1))
		self.assertEqual(len(rows), 4)
		self.assertIn("Signed On Time", {r["status"] for r in rows})
		# another town's secretary sees none of these cadres in the report
		as_user(c.secretary_a.user)
		self.assertEqual(execute(frappe._dict(campaign=campaign.name, show_all=1))[1], [])


class TestRiskNotificationCard(DocumentsTestCase):
	def new_card(self, cadre=None):
		c = self.c
		as_user(c.manager)
		card = frappe.get_doc(
			{
				"doctype": CARD,
				"cadre": (cadre or c.cadre_a).name,
				"document_number": "甲纪卡〔2026〕3号",
				"risk_level": "High Risk",
				"signs": [
					{"description": "群众反映其亲属承揽本镇工程", "source": "Petitions and Reports", "risk_level": "High Risk", "observed_on": "2026-05-01"},
					{"description": "审计发现招待费超标", "source": "Audit", "risk_level": "Medium Risk"},
				],
				"required_actions": "一周内说明情况，退还超标费用，亲属回避本镇工程。",
			}
		).insert()
		frappe.set_user("Administrator")
		return card

	def test_three_party_sign_off_follow_up_and_closing(self):
		c = self.c
		card = self.new_card()
		self.assertEqual((card.party_secretary, card.supervision_officer), (c.secretary_a.name, self.officer_a.name))
		self.act(c.manager, card, "Issue")
		self.assertTrue(self.notified(c.secretary_a.user, card))

		message = self.refused(c.cadre_a.user, card, "sign")
		self.assertIn("Not your turn", message)
		message = self.refused(self.officer_a.user, card, "sign")
		self.assertIn("甲书记", message)
		self.refused(c.cadre_b.user, card, "sign", expect=frappe.PermissionError)

		self.call(c.secretary_a.user, card, "sign")
		self.call(self.officer_a.user, card, "sign")
		self.assertTrue(self.notified(c.cadre_a.user, card))
		self.call(c.cadre_a.user, card, "sign")
		frappe.set_user("Administrator")
		card = frappe.get_doc(CARD, card.name)
		self.assertEqual((card.docstatus, card.workflow_state), (1, "Following Up"))
		self.assertTrue(card.party_secretary_signed_at and card.supervision_officer_signed_at and card.cadre_acknowledged_at)

		self.call(self.officer_a.user, card, "add_follow_up", note="已谈话提醒，费用已退还")
		self.refused(c.cadre_a.user, card, "add_follow_up", expect=frappe.PermissionError, note="我自己跟踪")
		frappe.set_user("Administrator")
		self.assertEqual(len(frappe.get_doc(CARD, card.name).follow_ups), 1)

		# closing needs a conclusion
		with self.assertRaises(frappe.ValidationError) as caught:
			self.act(self.officer_a.user, card, "Conclude")
		self.assertIn("conclusion", str(caught.exception))
		frappe.set_user("Administrator")
		self.assertEqual(frappe.db.get_value(CARD, card.name, "workflow_state"), "Following Up")

		as_user(self.officer_a.user)
		doc = frappe.get_doc(CARD, card.name)
		doc.conclusion = "问题已整改，风险解除。"
		doc.save()  # the conclusion is written on the card in effect, then it is closed
		self.act(self.officer_a.user, card, "Conclude")
		frappe.set_user("Administrator")
		card = frappe.get_doc(CARD, card.name)
		self.assertEqual(card.workflow_state, "Closed")
		self.assertEqual(getdate(card.closed_on), getdate(today()))

	def test_a_returned_card_is_signed_afresh(self):
		c = self.c
		card = self.new_card()
		self.act(c.manager, card, "Issue")
		self.call(c.secretary_a.user, card, "sign")
		self.act(c.manager, card, "Return")
		frappe.set_user("Administrator")
		self.assertIsNone(frappe.db.get_value(CARD, card.name, "party_secretary_signed_at"))
		self.act(c.manager, card, "Issue")
		message = self.refused(self.officer_a.user, card, "sign")
		self.assertIn("Not your turn", message)

	def test_a_cadre_sees_only_their_own_cards(self):
		c = self.c
		own = self.new_card()
		other_cadre = make_cadre(c.town_a, "另一干部")
		other = self.new_card(other_cadre)
		as_user(c.cadre_a.user)
		seen = set(frappe.get_list(CARD, pluck="name", limit_page_length=0))
		self.assertIn(own.name, seen)
		self.assertNotIn(other.name, seen)
		as_user(self.officer_a.user)
		seen = set(frappe.get_list(CARD, pluck="name", limit_page_length=0))
		self.assertTrue({own.name, other.name} <= seen)


class TestPrintedDocuments(DocumentsTestCase):
	"""Each document prints as a Chinese official document: rendered to PDF through Frappe's own
	print path, then read back as text."""

	def test_signed_letter_prints_title_cadre_signers_and_tasks(self):
		walk = TestResponsibilityLetter("test_full_walk_with_review_signing_in_order_and_refusals")
		walk.c, walk.officer_a = self.c, self.officer_a
		letter = walk.signed(walk.new_letter())
		text = pdf_text(LETTER, letter.name, "责任书")
		for expected in ("党风廉政建设责任书", "甲纪发〔2026〕1号", "甲干部", "甲书记", "甲纪委书记", "开展廉政警示教育", "主体责任人", "同意签订", "印章", "—1—"):
			self.assertIn(plain(expected), text)

	def test_commitment_prints_title_items_and_signer(self):
		c = self.c
		frappe.db.set_value("Sanshu Cadre", c.cadre_b.name, "discipline_cadre", 1)
		forget_scopes()  # set_value skips the document events
		as_user(c.manager)
		doc = frappe.get_doc(
			{"doctype": COMMITMENT, "commitment_type": "Six Commitments", "year": 2026, "cadre": c.cadre_b.name, "items": [{"item": "坚决不以权谋私"}]}
		).insert()
		self.act(c.manager, doc, "Issue")
		self.call(c.cadre_b.user, doc, "sign")
		frappe.set_user("Administrator")
		text = pdf_text(COMMITMENT, doc.name, "廉政承诺书")
		doc.reload()
		self.assertTrue(doc.document_number, "issued, the commitment has its 文号")
		for expected in ("六项承诺", "乙干部", "坚决不以权谋私", "向社会公开", "承诺人", doc.document_number, "—1—"):
			self.assertIn(plain(expected), text)

	def test_risk_card_prints_signs_and_the_three_parties(self):
		walk = TestRiskNotificationCard("test_three_party_sign_off_follow_up_and_closing")
		walk.c, walk.officer_a = self.c, self.officer_a
		card = walk.new_card()
		self.act(self.c.manager, card, "Issue")
		for signer in (self.c.secretary_a, self.officer_a, self.c.cadre_a):
			self.call(signer.user, card, "sign")
		frappe.set_user("Administrator")
		text = pdf_text(CARD, card.name, "廉政风险迹象告知卡")
		for expected in ("廉政风险迹象告知卡", "风险等级：高", "甲干部", "甲书记", "甲纪委书记", "信访举报", "审计发现招待费超标", "被告知人", "甲纪卡〔2026〕3号", "—1—"):
			self.assertIn(plain(expected), text)


class TestBulkIssue(DocumentsTestCase):
	def test_bulk_issue_to_200_cadres_creates_200_documents_once(self):
		from unittest.mock import patch

		from sanshu_app.responsibility_documents.bulk_issue import issue_from_campaign
		from tests.site.factories import make_unit

		c = self.c
		unit = make_unit("丙镇", parent=c.county)
		principal = make_cadre(unit, "丙书记", with_user=False)
		officer = make_cadre(unit, "丙纪委书记", with_user=False)
		frappe.db.set_value("Sanshu Unit", unit, {"principal": principal.name, "discipline_officer": officer.name})
		forget_scopes()  # set_value skips the document events
		cadres = [make_cadre(unit, f"丙干部{i:03d}", with_user=False).name for i in range(200)]
		campaign = make_campaign(2026, units=[unit], cadres=cadres)

		# only the manager may issue
		as_user(c.cadre_a.user)
		self.assertRaises(frappe.PermissionError, issue_from_campaign, campaign.name, COMMITMENT)
		as_user(c.manager)
		self.assertRaises(frappe.ValidationError, issue_from_campaign, campaign.name, LETTER, "No Such Letter")
		self.assertRaises(frappe.ValidationError, issue_from_campaign, campaign.name, LETTER, "Task Supervision Notice")

		with patch("frappe.publish_progress") as progress:
			result = issue_from_campaign(campaign.name, COMMITMENT)
		self.assertTrue(result["queued"])  # 200 documents: a background job with a progress bar
		self.assertEqual(progress.call_count, 200)
		self.assertEqual(progress.call_args.args[0], 100)
		made = frappe.get_all(COMMITMENT, filters={"campaign": campaign.name}, fields=["cadre", "workflow_state", "year"])
		self.assertEqual(len(made), 200)
		self.assertEqual({m.cadre for m in made}, set(cadres))
		self.assertEqual({m.workflow_state for m in made}, {"Awaiting Signature"})
		# again: nothing new
		self.assertEqual(issue_from_campaign(campaign.name, COMMITMENT), {"created": 0, "queued": False})
		self.assertEqual(frappe.db.count(COMMITMENT, {"campaign": campaign.name}), 200)

		result = issue_from_campaign(campaign.name, LETTER, "Party Conduct Responsibility Letter")
		letters = frappe.get_all(LETTER, filters={"campaign": campaign.name}, pluck="name")
		self.assertEqual(len(letters), 200)
		sample = frappe.get_doc(LETTER, letters[0])
		self.assertEqual(
			[(s.signer, s.capacity) for s in sample.signatures],
			[(principal.name, "Principal Responsible"), (officer.name, "Supervisory Responsible"), (sample.cadre, "Responsibility Subject")],
		)
		self.assertEqual(issue_from_campaign(campaign.name, LETTER, "Party Conduct Responsibility Letter")["created"], 0)
		self.assertEqual(frappe.db.count(LETTER, {"campaign": campaign.name}), 200)

		# a target-task notice goes to each participating unit, signed by its principal
		result = issue_from_campaign(campaign.name, LETTER, "Target Task Notice")
		self.assertEqual(result, {"created": 1, "queued": False})
		notice = frappe.get_doc(LETTER, {"campaign": campaign.name, "letter_type": "Target Task Notice"})
		self.assertEqual((notice.unit, notice.cadre), (unit, None))
		self.assertEqual(notice.signatures[-1].signer, principal.name)
		self.assertEqual(issue_from_campaign(campaign.name, LETTER, "Target Task Notice")["created"], 0)


class TestDocumentsOverRest(DocumentsTestCase):
	def test_rest_api_gives_a_cadre_only_their_own_documents(self):
		from urllib.parse import quote

		from tests.site.api import api_credentials, api_get

		c = self.c
		letters = TestResponsibilityLetter("test_a_cadre_sees_only_their_own_letters")
		letters.c, letters.officer_a = c, self.officer_a
		own, other = letters.new_letter(), letters.new_letter(cadre=c.cadre_b)
		cards = TestRiskNotificationCard("test_a_cadre_sees_only_their_own_cards")
		cards.c, cards.officer_a = c, self.officer_a
		own_card = cards.new_card()
		frappe.db.commit()  # the API answers from its own connection
		token = api_credentials(c.cadre_a.user)
		status, body = api_get(f"/api/resource/{quote(LETTER)}?limit_page_length=0", token)
		self.assertEqual(status, 200)
		names = {row["name"] for row in body["data"]}
		self.assertIn(own.name, names)
		self.assertNotIn(other.name, names)
		status, _ = api_get(f"/api/resource/{quote(LETTER)}/{quote(other.name)}", token)
		self.assertEqual(status, 404)  # a hidden record answers like a missing one
		status, body = api_get(f"/api/resource/{quote(CARD)}/{quote(own_card.name)}", token)
		self.assertEqual((status, body["data"]["cadre"]), (200, c.cadre_a.name))
		status, _ = api_get(f"/api/resource/{quote(CARD)}/{quote(own_card.name)}", api_credentials(c.cadre_b.user))
		self.assertEqual(status, 404)

	def test_campaign_form_carries_the_issue_buttons(self):
		from frappe.desk.form.meta import get_meta

		script = get_meta("Sanshu Campaign", cached=False).get("__js") or ""
		self.assertIn("sanshu_app.responsibility_documents.bulk_issue.issue_from_campaign", script)
