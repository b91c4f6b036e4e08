"""Who of a unit's cadres lead it, for the campaign's "Add the units' leadership" (issue 20): the
principal (一把手), the deputies (副职) and the other 班子成员, who sign commitments and are
assessed (000, 001 §二). The office picks kinds, ranks and post words in a dialog; nothing here
touches Frappe."""

from dataclasses import dataclass

PRINCIPAL, DEPUTY, MEMBER = "Principal", "Deputy", "Leadership Member"
KINDS = (PRINCIPAL, DEPUTY, MEMBER)
# The dialog's defaults (the office may change them): a deputy's post carries 副 (副书记, 副局长,
# 副镇长); other 班子成员 hold a leading rank or a post such as 党委委员 or 纪委书记.
DEFAULT_DEPUTY_WORDS = ("副",)
DEFAULT_MEMBER_WORDS = ("班子成员", "党委委员", "党组成员", "纪委书记", "纪工委书记", "纪检组长", "武装部长", "政法委员")
LEADING_RANKS = ("Division Level", "Deputy Division Level", "Section Level", "Deputy Section Level")


@dataclass(frozen=True)
class Cadre:
	name: str
	post: str = ""
	rank: str = ""
	is_principal: bool = False


def words(text) -> tuple:
	"""Post words typed in the dialog: separated by 、，, ; or spaces."""
	if isinstance(text, list | tuple):
		return tuple(w.strip() for w in text if w and w.strip())
	for sep in "，,;；\n ":
		text = (text or "").replace(sep, "、")
	return tuple(w for w in text.split("、") if w)


def kind_of(cadre: Cadre, deputy_words=DEFAULT_DEPUTY_WORDS, member_words=DEFAULT_MEMBER_WORDS, member_ranks=LEADING_RANKS):
	"""PRINCIPAL, DEPUTY, MEMBER or None (not of the unit's leadership)."""
	post = cadre.post or ""
	if cadre.is_principal:
		return PRINCIPAL
	if any(w in post for w in deputy_words):
		return DEPUTY
	if any(w in post for w in member_words) or (cadre.rank and cadre.rank in member_ranks):
		return MEMBER
	return None


def leadership(cadres, kinds, deputy_words=DEFAULT_DEPUTY_WORDS, member_words=DEFAULT_MEMBER_WORDS, member_ranks=LEADING_RANKS, ranks=()):
	"""The cadres of the chosen ``kinds``, in the order given; ``ranks`` (if any) keeps only those ranks."""
	chosen = []
	for cadre in cadres:
		kind = kind_of(cadre, deputy_words, member_words, member_ranks)
		if kind in kinds and (not ranks or cadre.rank in ranks):
			chosen.append(cadre.name)
	return chosen
