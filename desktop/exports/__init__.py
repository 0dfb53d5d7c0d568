"""Spreadsheets the clerk takes away (xlsx); no Qt."""
