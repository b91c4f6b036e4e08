"""Moved to ``sanshu_app.permissions.scopes``; kept so that a site upgraded from an older version
can migrate: its hooks cached in Redis were pickled with ``RecordScope`` objects from this path
(the old hooks.py imported the scope table), and the platform unpickles them before it clears its
cache. Nothing of the app imports this module."""

from sanshu_app.permissions.scopes import *  # noqa: F403
from sanshu_app.permissions.scopes import RecordScope  # noqa: F401
