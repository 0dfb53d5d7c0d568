"""A sheet tells the page hook about every page it writes, and a hook that raises stops the batch
between two pages (the window's キャンセル)."""

from __future__ import annotations

import pytest

from desktop.forms.kit.sheet import Sheet, page_progress


class StopError(Exception):
    pass


def three_pages() -> Sheet:
    sheet = Sheet("試験")
    for page in range(3):
        if page:
            sheet.new_page()
        sheet.text_at(100, 700, f"{page + 1}ページ目", 10.5)
    return sheet


def test_every_page_is_reported() -> None:
    seen: list[tuple[int, int]] = []
    token = page_progress.set(lambda page, pages: seen.append((page, pages)))
    try:
        assert three_pages().render().startswith(b"%PDF")
    finally:
        page_progress.reset(token)
    assert seen == [(1, 3), (2, 3), (3, 3)]


def test_a_hook_that_raises_stops_the_batch() -> None:
    seen: list[int] = []

    def cancel_after_first(page: int, _pages: int) -> None:
        seen.append(page)
        if page == 2:
            raise StopError

    token = page_progress.set(cancel_after_first)
    try:
        with pytest.raises(StopError):
            three_pages().render()
    finally:
        page_progress.reset(token)
    assert seen == [1, 2]


def test_without_a_hook_nothing_is_reported() -> None:
    assert page_progress.get() is None
    assert three_pages().render().startswith(b"%PDF")
