"""Module Reporting and Evaluation (述, 询, 评): reports, inquiries, integrity talks and the
democratic evaluation.

May use: rules, utils, permissions; of the other modules only setup (workflows, rule sets) and
ballot_box (an online ballot goes into the box and is tallied from it).
"""
