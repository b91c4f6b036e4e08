"""Committed draws nobody can steer (随机抽取): meeting reporters, inspection units, the routine check.

The algorithm, as printed on every draw record so anyone can re-run it by hand:

1. Before the draw the app makes a seed (64 hex characters from the system's secure source) and
   keeps the pool, the count(s) and the seed's commitment ``SHA-256(seed)`` (printed and shown).
   Nobody types a seed.
2. The draw: each candidate's key is ``SHA-256(seed + ":" + candidate)`` in hex. Candidates are
   ranked by (priority first, then key); the first ``count`` are drawn. With counts per category,
   the first ``count`` of each category in that ranking are drawn.
3. Verify: ``SHA-256(seed)`` equals the commitment, and the draw re-run from the kept pool and
   seed gives the recorded result.

Priority (任期, 003 §12): cadres who have not reported at a meeting in their current term are
ranked before everyone else, so a proposal names them first.

Plain Python, no Frappe.
"""

import hashlib
import secrets
from fractions import Fraction

from .messages import RuleError, RuleViolation

ALGORITHM = (
	'key(c) = SHA-256(seed + ":" + c) in hex; rank the pool by (priority first, key); '
	"draw the first N (per category: the first N of each category). Commitment = SHA-256(seed)."
)


def new_seed() -> str:
	"""A fresh seed: 256 bits from the system's secure source, as hex."""
	return secrets.token_hex(32)


def commitment(seed: str) -> str:
	"""The commitment printed before the draw: SHA-256 of the seed, hex."""
	return hashlib.sha256(str(seed).encode("utf-8")).hexdigest()


def key(seed: str, candidate: str) -> str:
	return hashlib.sha256(f"{seed}:{candidate}".encode("utf-8")).hexdigest()


def ranking(pool, seed: str, priority=()) -> list:
	"""The whole pool in draw order: priority candidates first, then by key."""
	first = set(priority)
	return sorted(set(pool), key=lambda c: (c not in first, key(seed, c), c))


def draw(pool, count: int, seed: str, priority=()) -> list:
	"""``count`` candidates of ``pool`` in draw order; the same pool, count, seed and priority always
	give the same result, whatever order the pool was listed in."""
	candidates = sorted(set(pool))
	if not candidates:
		raise RuleError([RuleViolation("The pool to draw from is empty.")])
	if count < 1 or count > len(candidates):
		raise RuleError([RuleViolation("Draw between 1 and {0} from this pool, not {1}.", (len(candidates), count))])
	if not seed:
		raise RuleError([RuleViolation("A draw needs the seed committed before it.")])
	return ranking(candidates, seed, priority)[:count]


def draw_per_category(pool: dict, counts: dict, seed: str) -> list:
	"""``pool``: candidate -> category; ``counts``: category -> how many. The first ``count`` of
	each category in draw order, returned in draw order. A category asked for more than it holds
	is an error; a category with count 0 is skipped."""
	problems = []
	for category, count in sorted(counts.items()):
		available = sum(1 for c in pool.values() if c == category)
		if count < 0 or count > available:
			problems.append(RuleViolation("Draw between 0 and {0} from category {1}, not {2}.", (available, category, count)))
	if not any(counts.values()):
		problems.append(RuleViolation("The pool to draw from is empty."))
	if not seed:
		problems.append(RuleViolation("A draw needs the seed committed before it."))
	if problems:
		raise RuleError(problems)
	taken = {category: 0 for category in counts}
	result = []
	for candidate in ranking(pool, seed):
		category = pool[candidate]
		if taken.get(category, 0) < counts.get(category, 0):
			taken[category] += 1
			result.append(candidate)
	return result


def verify(seed: str, recorded_commitment: str, recorded_result, pool, count: int = 0, priority=(), categories: dict | None = None, counts: dict | None = None) -> list:
	"""What does not hold when the draw is re-run from its record (empty: it verifies)."""
	problems = []
	if commitment(seed) != (recorded_commitment or ""):
		problems.append(RuleViolation("The seed does not match the commitment printed before the draw."))
	try:
		again = draw_per_category(categories, counts, seed) if counts else draw(pool, count, seed, priority)
	except RuleError as error:
		return problems + error.violations
	if list(again) != list(recorded_result):
		problems.append(RuleViolation("Re-run from the kept pool and seed, the draw gives {0}, not the recorded {1}.", ("、".join(again), "、".join(recorded_result))))
	return problems


def proposal_count(total: int, percent) -> int:
	"""How many reporters a proportion of ``total`` cadres proposes (003 §14, 按照一定比例): the
	share rounded up (a fraction of a cadre counts as one), at least 1 when there is anyone."""
	if total <= 0:
		return 0
	share = Fraction(str(percent or 0)) * total / 100
	whole = -(-share.numerator // share.denominator)
	return max(1, min(total, whole))
