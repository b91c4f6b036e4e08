"""Module Sanshu Desk: each role's home page (sanshu-home), the boot data reports open on, the
activity log in Chinese.

May use: rules, utils, permissions; no other module.
"""
