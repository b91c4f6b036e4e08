"""A rule broken, said as an English message template and its values.

Controllers translate ``template`` with Frappe's ``_()`` and then format it with ``values``,
so the Chinese text lives in the translation file, not here.
"""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class RuleViolation:
	template: str
	values: tuple = field(default_factory=tuple)

	def render(self, translate=lambda s: s) -> str:
		return translate(self.template).format(*self.values)


class RuleError(ValueError):
	"""Raised by the pure rules when input breaks a rule; carries every violation found."""

	def __init__(self, violations):
		self.violations = list(violations)
		super().__init__("; ".join(v.render() for v in self.violations))
