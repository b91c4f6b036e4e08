"""Committed draws (issue 19): the same seed gives the same draw, the commitment matches, a
proportion rounds up, categories get their counts, priority cadres come first."""

import hashlib

import pytest

from sanshu_app.rules.draws import commitment, draw, draw_per_category, key, new_seed, proposal_count, ranking, verify
from sanshu_app.rules.messages import RuleError

POOL = [f"干部{i:02d}" for i in range(1, 21)]
SEED = "ab" * 32


def test_the_same_seed_gives_the_same_draw_whatever_the_pool_order():
	assert draw(POOL, 5, SEED) == draw(list(reversed(POOL)), 5, SEED)
	assert draw(POOL, 5, SEED) != draw(POOL, 5, "cd" * 32)


def test_the_documented_algorithm_by_hand():
	by_hand = sorted(POOL, key=lambda c: hashlib.sha256(f"{SEED}:{c}".encode()).hexdigest())[:3]
	assert draw(POOL, 3, SEED) == by_hand
	assert key(SEED, POOL[0]) == hashlib.sha256(f"{SEED}:{POOL[0]}".encode()).hexdigest()


def test_commitment_is_the_sha256_of_the_seed_and_seeds_are_fresh():
	seed = new_seed()
	assert len(seed) == 64 and seed != new_seed()
	assert commitment(seed) == hashlib.sha256(seed.encode()).hexdigest()


def test_verify_re_runs_the_draw():
	result = draw(POOL, 4, SEED)
	assert verify(SEED, commitment(SEED), result, POOL, 4) == []
	assert verify("ef" * 32, commitment(SEED), result, POOL, 4)  # another seed: the commitment fails
	tampered = verify(SEED, commitment(SEED), [POOL[0], *result[1:]] if POOL[0] not in result else result[::-1], POOL, 4)
	assert tampered and "not the recorded" in tampered[-1].template


def test_priority_candidates_come_first_in_key_order():
	late = POOL[10:13]
	result = draw(POOL, 5, SEED, priority=late)
	assert set(result[:3]) == set(late)
	assert result[:3] == [c for c in ranking(POOL, SEED) if c in late]
	assert result[3:] == [c for c in ranking(POOL, SEED) if c not in late][:2]


def test_counts_out_of_range_are_refused():
	with pytest.raises(RuleError, match="between 1 and 20"):
		draw(POOL, 21, SEED)
	with pytest.raises(RuleError, match="between 1 and 20"):
		draw(POOL, 0, SEED)
	with pytest.raises(RuleError, match="empty"):
		draw([], 1, SEED)


@pytest.mark.parametrize(
	"total,percent,expected",
	[(10, 30, 3), (11, 30, 4), (20, 15, 3), (3, 10, 1), (1, 30, 1), (0, 30, 0), (7, 100, 7), (10, 0, 1), (9, "33.3", 3)],
)
def test_proportion_rounds_up_and_proposes_at_least_one(total, percent, expected):
	assert proposal_count(total, percent) == expected


def test_per_category_counts():
	pool = {**{f"县直{i}": "County Department" for i in range(6)}, **{f"乡镇{i}": "Township" for i in range(4)}, "园区": "Industrial Park"}
	result = draw_per_category(pool, {"County Department": 2, "Township": 2}, SEED)
	assert len(result) == 4
	assert sum(1 for u in result if pool[u] == "County Department") == 2
	assert sum(1 for u in result if pool[u] == "Township") == 2
	assert result == draw_per_category(dict(reversed(list(pool.items()))), {"County Department": 2, "Township": 2}, SEED)
	ranked = ranking(pool, SEED)
	assert [u for u in result if pool[u] == "Township"] == [u for u in ranked if pool[u] == "Township"][:2]
	assert verify(SEED, commitment(SEED), result, list(pool), categories=pool, counts={"County Department": 2, "Township": 2}) == []
	with pytest.raises(RuleError, match="category Township"):
		draw_per_category(pool, {"Township": 5}, SEED)
