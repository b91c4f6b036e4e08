"""Who may reach what: the app's whole access layer, in one package.

- ``scopes``: the scope table (which fields place each doctype's records, who else may read them);
- ``rule``: the one permission rule, registered for every doctype (lists and single records), and
  the server half of the write guard (``write_guard``);
- ``scope_cache``: each user's scope kept between requests, renewed by document events;
- ``doors``: the platform doors that skip the permission hooks, made to keep the rule;
- ``allow_list``: deny by default at the request boundary — the only platform and app methods
  that run for users outside the office, each with the reason a page needs it;
- ``child_rows``: table rows are read through their parent record and written only through it;
- ``field_levels``: a field above the user's level is named in no filter, sort or group, and its
  values leave the change log;
- ``scoped_document``: the base class of every scoped record.

Hook strings (``sanshu_app.permissions.query_conditions`` …) and imports keep working through
this ``__init__``.

May use: rules and utils only (no module of the app's stages).
"""

from sanshu_app.permissions.rule import (  # noqa: F401
	UNRESTRICTED,
	app_doctypes,
	child_parents,
	forget_changed,
	forget_record,
	forget_scopes,
	forget_stored,
	has_permission,
	is_office,
	may_read_stored,
	query_conditions,
	remember_stored,
	scope_for,
)
from sanshu_app.permissions.scopes import (  # noqa: F401
	RECORD_SCOPES,
	REFERENCE_DOCTYPES,
	REFERENCING_DOCTYPES,
	UNIT_ROLES,
	UNRESTRICTED_ROLES,
	RecordScope,
)
