"""The PySide6 window; the only package allowed to import Qt."""
