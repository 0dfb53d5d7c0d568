"""Pausing Python's cycle collector while an import is read and checked.

Reading and checking 100,000 rows makes hundreds of thousands of small objects that all live
until the end (packed rows, drafts, problems). The collector walks every one of them again each
time enough new ones pile up: a fifth of the time of a check, for no cycle to free (these objects
form none; whatever a check drops is freed at once by reference counting). It runs again, with
its usual thresholds, as soon as the work is done.
"""

from __future__ import annotations

import functools
import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")


@contextmanager
def collector_paused() -> Iterator[None]:
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:  # nested or already paused (the window's start-up): left as it was
            gc.enable()


def bulk_work(function: Callable[P, R]) -> Callable[P, R]:
    @functools.wraps(function)
    def paused(*args: P.args, **kwargs: P.kwargs) -> R:
        with collector_paused():
            return function(*args, **kwargs)

    return paused
