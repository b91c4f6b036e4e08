"""Module Work Plan: the unit work plans (任务分解), their tasks, progress, reminders, letters and
the task ledger.

May use: rules, utils, permissions; of the other modules only official_documents (letter bodies)
and responsibility_documents (letters go out through its bulk issue).
"""
