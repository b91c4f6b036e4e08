"""How few ballots may be shown: the k-anonymity of counts (issue 18).

A count per option over fewer than ``k`` ballots can be one person's choice (one ballot: the count
*is* the choice), so:
- an evaluation with fewer than ``k`` ballots in all shows no count per option;
- counts per evaluator group are shown only for groups with at least ``k`` ballots; smaller groups
  are merged into one group 其他 (``OTHER_GROUP``). When 其他 would still hold fewer than ``k``
  ballots, the smallest shown groups join it too (otherwise the whole minus the shown groups would
  give 其他's counts away by subtraction), until 其他 holds ``k`` or more, or is empty.

``k`` is the rule set's ``min_ballots_shown`` (default ``DEFAULT_K``).
"""

DEFAULT_K = 5
OTHER_GROUP = "其他"


def counts_shown(total_ballots: int, k: int) -> bool:
	"""Whether per-option counts over ``total_ballots`` ballots may be shown."""
	return (total_ballots or 0) >= max(int(k or DEFAULT_K), 1)


def merge_small_groups(group_counts: dict, k: int) -> tuple[dict, list]:
	"""Group -> {option: ballots} as it may be shown, and the groups merged into ``OTHER_GROUP``.

	Groups without ballots are dropped. The totals per option are unchanged by the merge. When the
	ballots in all are fewer than ``k`` nothing is shown (``({}, merged)``)."""
	k = max(int(k or DEFAULT_K), 1)
	sizes = {group: sum(counts.values()) for group, counts in group_counts.items()}
	present = {group: dict(counts) for group, counts in group_counts.items() if sizes[group] > 0}
	if sum(sizes[g] for g in present) < k:
		return {}, sorted(present, key=str)
	shown = {g: c for g, c in present.items() if sizes[g] >= k}
	merged = [g for g in present if g not in shown]

	def other_size():
		return sum(sizes[g] for g in merged)

	# 其他 too small to show: the smallest shown groups join it (never one group alone as 其他: its
	# counts would be that group's).
	while merged and other_size() < k and shown:
		smallest = min(shown, key=lambda g: (sizes[g], str(g)))
		shown.pop(smallest)
		merged.append(smallest)
	if merged:
		other = {}
		for group in merged:
			for option, n in present[group].items():
				other[option] = other.get(option, 0) + n
		shown[OTHER_GROUP] = other
	return shown, sorted(merged, key=str)
