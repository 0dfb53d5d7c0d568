"""Widgets and helpers shared by every screen."""
