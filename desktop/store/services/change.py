"""What a service reports back, so the window refreshes only the screens whose data changed."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Change:
    entity: str
    action: str
    ids: tuple[int, ...] = ()
    count: int = 1
