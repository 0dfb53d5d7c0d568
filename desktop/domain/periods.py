"""Inclusive date periods: overlap and containment, as the dispatch rules need them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class Period:
    """start..end, both days included."""

    start: date
    end: date

    def overlaps(self, other: Period) -> bool:
        return self.start <= other.end and other.start <= self.end

    def contains(self, other: Period) -> bool:
        return self.start <= other.start and other.end <= self.end

    def contains_day(self, day: date) -> bool:
        return self.start <= day <= self.end
