"""Module Public Disclosure (述前公开, 网上询问): public questions, their screening and
publication; the Guest pages are in sanshu_app/www/sanshu-public/ and the guest methods in
sanshu_app/api/public.py.

May use: rules, utils, permissions; no other module.
"""
