"""Module Supervision (查, 评): satisfaction surveys, inspections and bulletins, the warning index,
their ledgers and settings.

May use: rules, utils, permissions; of the other modules only setup (rule sets).
"""
