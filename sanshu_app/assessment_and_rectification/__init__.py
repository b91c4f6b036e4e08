"""Module Assessment and Rectification (考, 查): responsibility assessments, rectification, the
ledgers (台账), the reminders, and the integrity archive's report and print format (the archive's
rows of assessments are registered here, archive_rows.py).

May use: rules, utils, permissions; of the other modules only setup (workflows, rule sets) and
integrity_archive (the archive's engine and its access register).
"""
