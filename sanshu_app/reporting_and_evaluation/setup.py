"""Idempotent set-up of this module, run on install and on every migrate (workflows, defaults)."""


def after_migrate():
	"""Nothing to set up yet."""
