"""Module Official Documents: 文号 assignment, letter templates and bodies, the Chromium PDF
generator and the campaign's print of all its letters.

May use: rules, utils, permissions; setup (the 通报's workflow).
"""
