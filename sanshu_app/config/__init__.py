"""Desk configuration (none beyond the modules' workspaces).

May use: anything (a top layer, like www and api).
"""
