"""The feedback to each reporter (003 §19; 000 四(三)1): the 意见建议 the office compiles from the
meeting's questions and the evaluators' comments, printed on the 测评结果反馈 and carried by the
整改建议书. Plain Python, no Frappe.

Evaluators' comments are anonymous: they are stored apart from the choices (no voter, no time, no
group), read ordered by their text, and none is shown for an evaluation with fewer ballots than the
rule set's ``min_ballots_shown`` (k): one comment among two ballots could be matched to a voter.
"""

from .anonymity import counts_shown


def comments_shown(comments, total_ballots: int, k: int) -> list[str]:
	"""The comments that may be shown: none below k ballots; otherwise the non-empty ones ordered
	by their text (never by the order they came in)."""
	if not counts_shown(total_ballots, k):
		return []
	return sorted(c.strip() for c in comments if (c or "").strip())


def compile_suggestions(questions, comments) -> str:
	"""A first draft of the 意见建议 for the office to edit: the questions put at the meeting (with
	the answer given) and the evaluators' comments. ``questions``: (question, on-site answer) pairs."""
	parts = []
	questions = [(q.strip(), (a or "").strip()) for q, a in questions if (q or "").strip()]
	if questions:
		lines = ["一、会议询问中提出的问题"]
		for n, (question, answer) in enumerate(questions, start=1):
			lines.append(f"{n}. {question}" + (f"（现场回答：{answer}）" if answer else ""))
		parts.append("\n".join(lines))
	comments = [c for c in comments if c]
	if comments:
		heading = "二、测评中提出的意见建议" if questions else "一、测评中提出的意见建议"
		parts.append("\n".join([heading, *(f"{n}. {c}" for n, c in enumerate(comments, start=1))]))
	return "\n\n".join(parts)


def missing_suggestions(reporters) -> list[str]:
	"""The reporters (name, suggestions) a 整改建议书 cannot be issued to yet: no 意见建议 compiled."""
	return [name for name, text in reporters if not (text or "").strip()]
