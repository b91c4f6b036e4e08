"""Module Meeting Day: the meeting, its ballot codes and phone page, the paper workbooks and the
results.

May use: rules, utils, permissions; of the other modules only ballot_box.
"""
