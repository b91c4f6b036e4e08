"""Install, migrate and uninstall steps (install.py), the shipped rule sets and the workflow helper
the modules' own set-up uses (each module's setup.py is listed in hooks.py's after_migrate).

May use: rules, utils, permissions; of the other modules only ballot_box and meeting_day (the
tables install creates and uninstall drops).
"""
