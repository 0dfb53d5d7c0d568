"""One line per figure, `name: value (target) ok|MISS`, and the closing `N of M targets met`."""

from __future__ import annotations

_results: list[bool] = []


def line(name: str, value: str, target: str, ok: bool) -> None:
    _results.append(ok)
    print(f"{name}: {value} ({target}) {'ok' if ok else 'MISS'}", flush=True)


def note(name: str, value: str, target: str) -> None:
    """A figure shown beside the targets but not one of them (not counted in the summary)."""
    print(f"{name}: {value} ({target}) info", flush=True)


def summary() -> None:
    print(f"{sum(_results)} of {len(_results)} targets met", flush=True)
