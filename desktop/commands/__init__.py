"""Implementations of the command-line verbs; cli.py only parses and dispatches."""
