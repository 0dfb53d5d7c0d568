"""Renkei Desk (連携デスク): the town office's desktop app for cooperation agreements and dispatched staff."""

__version__ = "0.1.0"
