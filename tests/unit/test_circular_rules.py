from sanshu_app.rules.circulars import recipient_violations


def test_each_recipient_is_named_once_and_the_office_is_none():
	rows = [
		{"idx": 1, "recipient_type": "Role", "role": "Organisation Department"},
		{"idx": 2, "recipient_type": "Unit", "unit": "u1"},
		{"idx": 3, "recipient_type": "Cadre", "cadre": None},
		{"idx": 4, "recipient_type": "Role", "role": "Sanshu Manager"},
		{"idx": 5, "recipient_type": "Unit", "unit": "u1"},
		{"idx": 6, "recipient_type": "Role", "role": "All"},
	]
	problems = recipient_violations(rows, office_roles=("Sanshu Manager",))
	assert [p.values[0] for p in problems] == [3, 4, 5, 6]
	assert recipient_violations(rows[:2], office_roles=("Sanshu Manager",)) == []
