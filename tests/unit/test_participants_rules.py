"""The units' leadership added to a campaign: principals, deputies, 班子成员 by post or rank."""

from sanshu_app.rules import participants as p

CADRES = [
	p.Cadre("C1", "镇党委书记", "Section Level", True),
	p.Cadre("C2", "镇党委副书记、镇长", "Section Level"),
	p.Cadre("C3", "副镇长", "Deputy Section Level"),
	p.Cadre("C4", "镇纪委书记", "Deputy Section Level"),
	p.Cadre("C5", "武装部长", ""),
	p.Cadre("C6", "科员", "Staff"),
	p.Cadre("C7", "党政办主任", "Section Level"),
]


def test_kinds_from_post_and_rank():
	assert [p.kind_of(c) for c in CADRES] == [p.PRINCIPAL, p.DEPUTY, p.DEPUTY, p.MEMBER, p.MEMBER, None, p.MEMBER]


def test_the_office_chooses_kinds_ranks_and_words():
	assert p.leadership(CADRES, {p.PRINCIPAL}) == ["C1"]
	assert p.leadership(CADRES, set(p.KINDS)) == ["C1", "C2", "C3", "C4", "C5", "C7"]
	assert p.leadership(CADRES, {p.DEPUTY, p.MEMBER}, ranks=("Deputy Section Level",)) == ["C3", "C4"]
	assert p.leadership(CADRES, {p.MEMBER}, member_words=p.words("纪委书记，武装部长"), member_ranks=()) == ["C4", "C5"]
	assert p.words("班子成员、党委委员, 纪委书记") == ("班子成员", "党委委员", "纪委书记")
