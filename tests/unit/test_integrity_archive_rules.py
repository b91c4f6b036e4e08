from datetime import date

from sanshu_app.rules.integrity_archive import (
	ASSESSMENT_BELOW_PASS,
	AUDIT_FINDING,
	CONCLUDED,
	DRAFT,
	IN_PUBLICITY,
	NO_PROBLEMS,
	OPEN_RECTIFICATION,
	OVERDUE_RECTIFICATION,
	PROBLEMS_FOUND,
	SUBMITTED,
	TALK,
	AccessGrant,
	ArchiveFact,
	CandidateRow,
	OpinionRules,
	check_approval,
	check_conclusion,
	check_declaration_step,
	check_publicity,
	check_request,
	check_rules,
	document_number,
	draft_opinion,
	grant_for,
	objection_open,
	recusal_violations,
	relevant_facts,
	window_start,
)

RULES = OpinionRules(
	window_years=3,
	wording={
		OVERDUE_RECTIFICATION: "{date}，整改逾期未完成（{document}）：{description}",
		OPEN_RECTIFICATION: "{date}，整改尚未完成（{document}）：{description}",
		TALK: "{date}，{description}（{document}）",
		ASSESSMENT_BELOW_PASS: "{date}，考核不合格（{document}）",
	},
	no_problem_text="经查，{name}同志近{years}年无违反党风廉政建设规定的问题。",
	problem_intro="经查，{name}同志近{years}年有以下{count}项问题：",
)
AS_OF = date(2026, 6, 30)


def test_window_start_counts_back_whole_years():
	assert window_start(AS_OF, 3) == date(2023, 6, 30)
	assert window_start(date(2024, 2, 29), 1) == date(2023, 2, 28)


def test_a_clean_archive_gives_the_no_problem_wording():
	opinion = draft_opinion("张三", [ArchiveFact(TALK, "Integrity Talk", "T-1", date(2020, 1, 1), "诫勉谈话")], RULES, AS_OF)
	assert opinion.conclusion == NO_PROBLEMS
	assert opinion.text == "经查，张三同志近3年无违反党风廉政建设规定的问题。"


def test_facts_inside_the_window_are_listed_with_their_documents():
	facts = [
		ArchiveFact(TALK, "Integrity Talk", "T-2", date(2025, 3, 1), "诫勉谈话"),
		ArchiveFact(ASSESSMENT_BELOW_PASS, "Responsibility Assessment", "A-1", date(2024, 12, 1)),
		ArchiveFact(AUDIT_FINDING, "Audit Finding", "AF-1", date(2025, 1, 1), "not counted by these rules"),
		ArchiveFact(TALK, "Integrity Talk", "T-3", date(2026, 7, 1), "after the reply date"),
	]
	opinion = draft_opinion("李四", facts, RULES, AS_OF)
	assert opinion.conclusion == PROBLEMS_FOUND
	assert [f.name for f in opinion.facts] == ["A-1", "T-2"]
	assert opinion.text.splitlines() == [
		"经查，李四同志近3年有以下2项问题：",
		"1. 2024-12-01，考核不合格（A-1）",
		"2. 2025-03-01，诫勉谈话（T-2）",
	]


def test_an_open_rectification_counts_however_old_and_once():
	old = date(2019, 5, 1)
	facts = [
		ArchiveFact(OPEN_RECTIFICATION, "Rectification", "R-1", old, "台账不全", still_open=True),
		ArchiveFact(OVERDUE_RECTIFICATION, "Rectification", "R-1", old, "台账不全", still_open=True),
		ArchiveFact(OPEN_RECTIFICATION, "Rectification", "R-2", old, "closed long ago", still_open=False),
	]
	found = relevant_facts(facts, RULES, AS_OF)
	assert [(f.name, f.kind) for f in found] == [("R-1", OVERDUE_RECTIFICATION)]


def test_incoherent_rules_are_refused():
	bad = OpinionRules(window_years=0, wording={"Gossip": "x"}, no_problem_text="", problem_intro="x")
	assert [v.template for v in check_rules(bad)] == [
		"The checking window must be at least one year.",
		"Unknown kind of archive fact: {0}.",
		"Set the wording of a reply with and without problems.",
	]
	assert check_rules(RULES) == []


def test_approval_needs_every_candidate_checked():
	rows = [CandidateRow("C-1", True, NO_PROBLEMS, "无"), CandidateRow("C-2", False)]
	assert [v.render() for v in check_approval(rows)] == ["Candidate C-2 has not been checked against the archive."]
	assert check_approval([CandidateRow("C-1", True, NO_PROBLEMS, " ")])[0].template == "Candidate {0} has no reply."
	assert check_approval([])[0].template == "List at least one candidate."
	assert check_approval(rows[:1]) == []


def test_document_number_follows_the_pattern():
	assert document_number("廉复〔{year}〕{number}号", 2026, 7) == "廉复〔2026〕7号"


def test_a_grant_must_be_approved_for_that_reader_and_cadre_and_unexpired():
	grants = [
		AccessGrant("org@x", "C-1", False, date(2026, 7, 31)),
		AccessGrant("org@x", "C-2", True, date(2026, 7, 31)),
		AccessGrant("org@x", "C-1", True, date(2026, 6, 1)),
	]
	assert grant_for(grants, "org@x", "C-1", AS_OF) is None
	assert grant_for(grants, "org@x", "C-2", AS_OF) == grants[1]
	assert grant_for(grants, "other@x", "C-2", AS_OF) is None
	assert grant_for(grants, "org@x", "C-2", date(2026, 8, 1)) is None


def test_a_request_says_why_and_until_when():
	assert [v.template for v in check_request("", None, AS_OF, 90)] == ["Say why the archive is needed.", "Say until when the archive is needed."]
	assert check_request("提拔考察", date(2026, 6, 29), AS_OF, 90)[0].template == "The access must end today or later."
	assert check_request("提拔考察", date(2026, 12, 31), AS_OF, 90)[0].render() == "Access can be granted for at most 90 days."
	assert check_request("提拔考察", date(2026, 7, 31), AS_OF, 90) == []


def test_recusal():
	leaders = {"C-SEC", "C-DIS"}
	assert recusal_violations("a@x", "a@x", [], "C-1", leaders)[0].template == "You cannot approve your own request."
	assert recusal_violations("b@x", "a@x", ["C-1"], "C-1", leaders)[0].template == "You must recuse yourself: the archive is your own."
	assert recusal_violations("b@x", "a@x", ["C-DIS"], "C-1", leaders)[0].render() == "You must recuse yourself: you lead the unit of C-1."
	assert recusal_violations("b@x", "a@x", ["C-9"], "C-1", leaders) == []
	assert recusal_violations("b@x", "a@x", [], "C-1", leaders) == []


def test_declaration_steps_and_publicity():
	assert check_declaration_step(DRAFT, SUBMITTED) == []
	assert check_declaration_step(DRAFT, CONCLUDED)[0].template == "A declaration cannot go from {0} to {1}."
	assert check_publicity(date(2026, 6, 1), date(2026, 6, 3), 5, "x")[0].render() == "The publicity period must last at least 5 days."
	assert check_publicity(date(2026, 6, 1), date(2026, 6, 5), 5, "")[0].template == "Write the summary to publish."
	assert check_publicity(date(2026, 6, 1), date(2026, 6, 5), 5, "房产一套") == []
	assert objection_open(IN_PUBLICITY, date(2026, 6, 1), date(2026, 6, 5), date(2026, 6, 5))
	assert not objection_open(IN_PUBLICITY, date(2026, 6, 1), date(2026, 6, 5), date(2026, 6, 6))
	assert not objection_open(SUBMITTED, date(2026, 6, 1), date(2026, 6, 5), date(2026, 6, 2))


def test_a_conclusion_waits_for_the_period_and_every_check():
	end = date(2026, 6, 5)
	assert check_conclusion(IN_PUBLICITY, end, date(2026, 6, 5), 0, 0, "属实")[0].render() == "The publicity period runs until 2026-06-05."
	assert check_conclusion(IN_PUBLICITY, end, date(2026, 6, 6), 1, 0, "属实")[0].template == "Record the check of every objection first."
	assert check_conclusion(DRAFT, end, date(2026, 6, 6), 0, 0, "x")[0].template == "Only a declaration in publicity or under check can be concluded."
	assert check_conclusion(IN_PUBLICITY, end, date(2026, 6, 6), 1, 1, "经核查，异议不属实") == []
