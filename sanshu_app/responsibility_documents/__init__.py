"""Module Responsibility Documents (明责明廉明险): responsibility letters, integrity commitments,
risk notification cards, their signing and bulk issue.

May use: rules, utils, permissions; of the other modules only setup (workflows, rule sets) and
official_documents (a document issued gets its 文号 and letter body).
"""
