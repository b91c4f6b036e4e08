"""Module Sanshu Setup: the master data every stage reads — units, cadres, campaigns, rule sets,
the settings, the master-data import, the daily reminders, the workspace and number cards.

May use: rules, utils, permissions; of the other modules only setup (the shipped rule sets),
official_documents (the settings check the 文号 patterns) and integrity_archive (the cadre form's
connections are the archive).
"""
