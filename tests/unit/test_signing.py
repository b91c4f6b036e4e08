from datetime import date

import pytest

from sanshu_app.rules.messages import RuleError
from sanshu_app.rules.responsibility import (
	NOT_ISSUED,
	NOT_SIGNED,
	SIGNED_LATE,
	SIGNED_ON_TIME,
	check_commitment_fits,
	check_one_annual_commitment,
	commitment_needs_cadre_flags,
	check_supervision_source,
	compliance_status,
	counts_as_missing,
	still_to_issue,
	task_overdue,
)
from sanshu_app.rules.signing import (
	PRINCIPAL,
	REVIEW,
	SIGNING,
	SUBJECT,
	SUPERVISOR,
	SignatureRow,
	all_signed,
	check_opinion,
	check_rows,
	check_sign,
	missing_opinions,
	newly_due,
	next_to_sign,
)


def letter(**signed):
	"""Secretary (principal), officer (supervisor) with opinions, cadre (subject); signed as given."""
	return [
		SignatureRow("1", "secretary", PRINCIPAL, "同意", signed.get("secretary", False)),
		SignatureRow("2", "officer", SUPERVISOR, "同意", signed.get("officer", False)),
		SignatureRow("3", "cadre", SUBJECT, None, signed.get("cadre", False)),
	]


def keys(rows):
	return [r.key for r in rows]


def test_principal_signs_first_then_supervisor_then_subject():
	rows = letter()
	assert keys(next_to_sign(rows)) == ["1"]
	assert check_sign(rows, "1", "secretary", SIGNING) == []
	rows = letter(secretary=True)
	assert keys(next_to_sign(rows)) == ["2"]
	rows = letter(secretary=True, officer=True)
	assert keys(next_to_sign(rows)) == ["3"]
	assert not all_signed(rows)
	assert all_signed(letter(secretary=True, officer=True, cadre=True))
	assert next_to_sign(letter(secretary=True, officer=True, cadre=True)) == []


def test_signing_out_of_turn_is_refused_with_who_is_awaited():
	(violation,) = check_sign(letter(), "3", "cadre", SIGNING)
	assert violation.template.startswith("Not your turn")
	assert violation.values == ("secretary",)


def test_only_the_named_signer_may_sign():
	(violation,) = check_sign(letter(), "1", "cadre", SIGNING)
	assert violation.template.startswith("Only {0}")
	assert violation.values == ("secretary",)
	assert check_sign(letter(), "1", None, SIGNING)[0].template.startswith("Only {0}")


def test_no_signing_before_the_signing_stage_or_twice():
	assert check_sign(letter(), "1", "secretary", REVIEW)[0].template == "The document is not awaiting signatures."
	assert check_sign(letter(secretary=True), "1", "secretary", SIGNING)[0].template == "This row is already signed."


def test_opinions_come_before_any_signature():
	rows = letter()
	rows[1] = SignatureRow("2", "officer", SUPERVISOR, "  ")
	assert keys(missing_opinions(rows)) == ["2"]
	(violation,) = check_sign(rows, "1", "secretary", SIGNING)
	assert violation.template.startswith("Review opinions come before signatures")
	assert violation.values == ("officer",)


def test_opinions_only_by_the_named_reviewer_during_review():
	rows = letter()
	assert check_opinion(rows, "2", "officer", REVIEW) == []
	assert check_opinion(rows, "2", "secretary", REVIEW)[0].template.startswith("Only {0}")
	assert check_opinion(rows, "2", "officer", SIGNING)[0].template.startswith("Review opinions are given")
	assert check_opinion(rows, "3", "cadre", REVIEW)[0].template.startswith("A {0} signs")


def test_rows_of_the_same_capacity_sign_in_any_order_and_optional_rows_do_not_block():
	rows = [
		SignatureRow("1", "a", PRINCIPAL, "同意"),
		SignatureRow("2", "b", PRINCIPAL, "同意"),
		SignatureRow("3", "c", SUPERVISOR, None, required=False),
		SignatureRow("4", "d", SUBJECT),
	]
	assert keys(next_to_sign(rows)) == ["1", "2"]
	assert check_sign(rows, "2", "b", SIGNING) == []
	done = [SignatureRow(r.key, r.signer, r.capacity, r.opinion, r.key in ("1", "2"), r.required) for r in rows]
	# the optional supervisor row has no opinion and is not awaited: the subject may sign
	assert keys(next_to_sign(done)) == ["4"]
	assert keys(newly_due(rows, done)) == ["4"]
	assert check_sign(done, "4", "d", SIGNING) == []


def test_badly_drafted_tables_are_reported():
	rows = [SignatureRow("1", None, PRINCIPAL), SignatureRow("2", "a", "Boss"), SignatureRow("3", "a", "Boss")]
	templates = [v.template for v in check_rows(rows)]
	assert "Signature row {0}: choose who signs." in templates
	assert "Unknown signing capacity: {0}." in templates
	assert any("already listed" in t for t in templates)
	assert check_rows([SignatureRow("1", "a", SUBJECT, required=False)])[0].template.startswith("At least one")
	with pytest.raises(RuleError):
		next_to_sign([SignatureRow("1", "a", "Boss")])
	with pytest.raises(RuleError):
		check_sign(letter(), "9", "a", SIGNING)


def test_overdue_tasks_and_supervision_notices():
	today = date(2026, 6, 1)
	assert task_overdue(date(2026, 5, 31), "In Progress", today)
	assert not task_overdue(date(2026, 5, 31), "Completed", today)
	assert not task_overdue(date(2026, 6, 1), "Not Started", today)
	assert not task_overdue(None, "Not Started", today)
	assert check_supervision_source(True, date(2026, 5, 1), "Not Started", today) == []
	assert check_supervision_source(False, date(2026, 5, 1), "Not Started", today)[0].template.startswith("A supervision notice")
	assert check_supervision_source(True, date(2026, 7, 1), "Not Started", today)[0].template.startswith("This task is not overdue")


def test_commitment_compliance():
	due = date(2026, 3, 1)
	today = date(2026, 3, 10)
	assert compliance_status(True, date(2026, 2, 20), due, today) == SIGNED_ON_TIME
	assert compliance_status(True, date(2026, 3, 1), due, today) == SIGNED_ON_TIME
	assert compliance_status(True, date(2026, 3, 2), due, today) == SIGNED_LATE
	assert compliance_status(True, None, due, today) == NOT_SIGNED
	assert compliance_status(False, None, due, today) == NOT_ISSUED
	assert counts_as_missing(NOT_SIGNED, due, today)
	assert counts_as_missing(SIGNED_LATE, due, today)
	assert not counts_as_missing(SIGNED_ON_TIME, due, today)
	assert not counts_as_missing(NOT_SIGNED, due, date(2026, 2, 1))  # not due yet


def test_bulk_issue_plans_only_the_missing():
	assert still_to_issue(["a", "b", "a", None, "c"], {"b"}) == ["a", "c"]
	assert still_to_issue(["a"], {"a"}) == []


def test_one_annual_commitment_per_cadre_and_year():
	assert check_one_annual_commitment([], "CAD-1", 2026) == []
	(violation,) = check_one_annual_commitment(["IC-1"], "CAD-1", 2026)
	assert violation.values == ("CAD-1", 2026, "IC-1")


def test_documents_without_review_sign_in_order_without_opinions():
	rows = [
		SignatureRow("ps", "secretary", PRINCIPAL, gives_opinion=False),
		SignatureRow("so", "officer", SUPERVISOR, gives_opinion=False),
		SignatureRow("ack", "cadre", SUBJECT, gives_opinion=False),
	]
	assert missing_opinions(rows) == []
	assert check_sign(rows, "ps", "secretary", SIGNING) == []
	assert check_sign(rows, "ack", "cadre", SIGNING)[0].template.startswith("Not your turn")


def test_each_commitment_type_fits_its_cadres():
	assert check_commitment_fits("Pre-appointment Integrity Commitment", "甲", True, False) == []
	assert check_commitment_fits("Pre-appointment Integrity Commitment", "甲", False, True)[0].values == ("甲",)
	assert check_commitment_fits("Six Commitments", "乙", False, True) == []
	assert "discipline cadre" in check_commitment_fits("Six Commitments", "乙", True, False)[0].template
	assert check_commitment_fits("Annual Responsibility Commitment", "丙", False, False) == []


def test_only_the_kinds_whose_fit_depends_on_the_cadres_flags_read_them():
	kinds = ("Annual Responsibility Commitment", "Pre-appointment Integrity Commitment", "Six Commitments")
	flags = [(p, d) for p in (False, True) for d in (False, True)]
	for kind in kinds:
		depends = len({len(check_commitment_fits(kind, "甲", p, d)) for p, d in flags}) > 1
		assert commitment_needs_cadre_flags(kind) == depends, kind
