"""Sign-in, roles and the window lock in the window (the rules themselves are in store/access.py)."""
