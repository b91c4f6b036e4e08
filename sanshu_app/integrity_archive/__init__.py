"""Module Integrity Archive (廉政档案): the archive's engine (archive.py, with the row sources
each module registers in the sanshu_archive_rows hook), 调阅 and the access register, integrity
opinions, asset declarations, synchronous records, audit findings, 一案三查.

May use: rules, utils, permissions; no other module.
"""
