"""The office's rules as plain Python.

Nothing in this package imports Frappe: controllers read the rule set records, turn them
into the plain values these functions take, and translate the messages they return.

May use: nothing of the app outside ``sanshu_app.rules``.
"""
