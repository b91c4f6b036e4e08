"""k-anonymity of ballot counts (issue 18): no count over fewer than k ballots is shown."""

from sanshu_app.rules.anonymity import DEFAULT_K, OTHER_GROUP, counts_shown, merge_small_groups


def totals(groups):
	out = {}
	for counts in groups.values():
		for option, n in counts.items():
			out[option] = out.get(option, 0) + n
	return out


def test_an_evaluation_under_k_ballots_shows_no_count_per_option():
	assert DEFAULT_K == 5
	assert not counts_shown(1, 5)  # one ballot: the count is the choice
	assert not counts_shown(4, 5)
	assert counts_shown(5, 5)
	assert not counts_shown(4, None)  # a rule set without k takes the default
	assert counts_shown(1, 1)


def test_groups_of_k_or_more_show_and_smaller_groups_merge_into_other():
	groups = {
		"Service Recipient": {"好": 20, "较差": 3},
		"Discipline Committee Member": {"好": 6},
		"Conduct Supervisor": {"较差": 1},  # one person: their choice
		"Deputies and Committee Members": {"好": 3, "一般": 1},
	}
	shown, merged = merge_small_groups(groups, 5)
	assert merged == ["Conduct Supervisor", "Deputies and Committee Members"]
	assert shown == {
		"Service Recipient": {"好": 20, "较差": 3},
		"Discipline Committee Member": {"好": 6},
		OTHER_GROUP: {"较差": 1, "好": 3, "一般": 1},
	}
	assert totals(shown) == totals(groups)  # nothing lost, nothing added
	assert all(sum(c.values()) >= 5 for c in shown.values())


def test_other_under_k_takes_in_the_smallest_shown_group_so_subtraction_reveals_nothing():
	# total minus the shown groups would give 其他 away: 其他 must hold k ballots too
	groups = {"A": {"好": 30}, "B": {"好": 6}, "C": {"较差": 1}}
	shown, merged = merge_small_groups(groups, 5)
	assert merged == ["B", "C"]
	assert shown == {"A": {"好": 30}, OTHER_GROUP: {"好": 6, "较差": 1}}
	assert all(sum(c.values()) >= 5 for c in shown.values())


def test_when_every_group_is_merged_other_is_the_whole_and_under_k_nothing_shows():
	shown, merged = merge_small_groups({"A": {"好": 3}, "B": {"较差": 3}}, 5)
	assert shown == {OTHER_GROUP: {"好": 3, "较差": 3}} and merged == ["A", "B"]
	shown, merged = merge_small_groups({"A": {"好": 1}, "B": {"较差": 2}, "E": {}}, 5)
	assert shown == {} and merged == ["A", "B"]  # three ballots in all: no group count at all
	assert merge_small_groups({}, 5) == ({}, [])


def test_groups_all_large_enough_are_shown_unchanged():
	groups = {"A": {"好": 5}, "B": {"较差": 7, "好": 1}}
	assert merge_small_groups(groups, 5) == (groups, [])
	assert merge_small_groups({"A": {"好": 1}, "B": {"好": 1}}, 1) == ({"A": {"好": 1}, "B": {"好": 1}}, [])
