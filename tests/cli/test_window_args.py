"""The window's start reads --db/--lang/--ipamj without the full parser, and reads them the same."""

from __future__ import annotations

import pytest

from desktop.cli import _window_args, build_parser

WINDOW_STARTS = (
    [],
    ["--db", "/tmp/x.renkei"],
    ["--db=/tmp/x.renkei", "--lang", "en"],
    ["--lang=ja", "--ipamj", "~/fonts/ipamjm.ttf", "--db", "a b.renkei"],
    ["--db", "first.renkei", "--db", "second.renkei"],
)


@pytest.mark.parametrize("argv", WINDOW_STARTS)
def test_a_window_start_is_read_as_the_full_parser_reads_it(argv: list[str]) -> None:
    quick = _window_args(argv)
    assert quick is not None
    assert vars(quick) == vars(build_parser().parse_args(argv))


@pytest.mark.parametrize("argv", (
    ["demo"], ["--db", "x.renkei", "check"], ["--help"], ["--version"], ["--lang", "fr"],
    ["--db"], ["--db", "--lang", "en"], ["--d", "x.renkei"], ["--users"],
))
def test_anything_else_goes_to_the_full_parser(argv: list[str]) -> None:
    assert _window_args(argv) is None
