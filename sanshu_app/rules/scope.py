"""Who may see a record: the one rule every sanshu document shares.

A Sanshu Manager sees everything; anyone else sees a record when it is about one of their own
cadre records, or belongs to a unit they answer for (as Party Secretary or Supervision Officer,
sub-units included), or when their role is one the doctype opens to all (an inspector reading
every assessment, say).
"""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Scope:
	unrestricted: bool = False
	cadres: frozenset = field(default_factory=frozenset)
	units: frozenset = field(default_factory=frozenset)

	def allows(self, cadre_values=(), unit_values=()) -> bool:
		if self.unrestricted:
			return True
		return any(c and c in self.cadres for c in cadre_values) or any(u and u in self.units for u in unit_values)

	@property
	def sees_nothing(self) -> bool:
		return not (self.unrestricted or self.cadres or self.units)


def subtree_members(units: list[tuple[str, int, int]], roots: set[str]) -> set[str]:
	"""The names of ``roots`` and every unit below them, given (name, lft, rgt) of the unit tree."""
	bounds = [(lft, rgt) for name, lft, rgt in units if name in roots]
	return {name for name, lft, rgt in units if any(lo <= lft and rgt <= hi for lo, hi in bounds)}
