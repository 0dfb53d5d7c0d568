"""Renkei Desk (連携デスク): the town office's desktop app for cooperation agreements and dispatched staff."""

from __future__ import annotations


def __getattr__(name: str) -> str:
    """`__version__`, read on first use: importlib.metadata costs ~20 ms at every start."""
    if name != "__version__":
        raise AttributeError(f"module 'desktop' has no attribute {name!r}")
    from importlib.metadata import PackageNotFoundError, version

    # One source: pyproject's [project] version, read from the installed metadata (pip install,
    # and PyInstaller's bundle through copy_metadata in installer/renkei-desk.spec).
    try:
        found = version("renkei-desk")
    except PackageNotFoundError:  # a checkout put on sys.path by hand, never installed
        found = "0+unknown"
    globals()["__version__"] = found
    return found
