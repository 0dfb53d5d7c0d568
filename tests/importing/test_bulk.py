"""The cycle collector is paused only while an import is read and checked, and put back as it was."""

from __future__ import annotations

import gc

import pytest

from desktop.importing.bulk import bulk_work, collector_paused


def test_the_collector_runs_again_after_the_work() -> None:
    assert gc.isenabled()
    with collector_paused():
        assert not gc.isenabled()
        with collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()  # the outer pause still holds
    assert gc.isenabled()


def test_a_failure_inside_puts_the_collector_back() -> None:
    @bulk_work
    def fails() -> None:
        assert not gc.isenabled()
        raise ValueError("bad row")

    with pytest.raises(ValueError, match="bad row"):
        fails()
    assert gc.isenabled()


def test_a_collector_paused_before_stays_paused() -> None:
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()
