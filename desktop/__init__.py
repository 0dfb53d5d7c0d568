"""Renkei Desk (連携デスク): the town office's desktop app for cooperation agreements and dispatched staff."""

from importlib.metadata import PackageNotFoundError, version

# One source: pyproject's [project] version, read from the installed metadata (pip install,
# and PyInstaller's bundle through copy_metadata in installer/renkei-desk.spec).
try:
    __version__ = version("renkei-desk")
except PackageNotFoundError:  # a checkout put on sys.path by hand, never installed
    __version__ = "0+unknown"
