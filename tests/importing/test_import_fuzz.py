"""Random rows and random bytes fed to every import: a listed refusal or a clean import, never
a traceback (QUALITY.md, "Bad input").

Each example is written to a real file (CSV in UTF-8, UTF-8 with BOM or cp932, or xlsx), read
with read_table and imported into a real demo office inside a transaction that is then rolled
back, so every example meets the same office.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook
from sqlalchemy.orm import Session

from desktop.domain.problems import ImportRefusedError
from desktop.importing.tabular import Table, TableReadError, read_table
from desktop.importing.templates import (
    AGREEMENT_COLUMNS,
    PAYMENT_COLUMNS,
    PAYMENT_EXAMPLE,
    ROSTER_COLUMNS,
    template_xlsx,
)
from desktop.store.db import Office
from desktop.store.demo import build_demo_office
from desktop.store.services.agreement_import import import_agreements
from desktop.store.services.payment_import import import_payments
from desktop.store.services.roster_import import import_roster

_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


class _RollbackError(Exception):
    """Raised at the end of each example so the office is left as it was."""


def _roster(session: Session, table: Table) -> int:
    return import_roster(session, table=table, confirmed=True, create_posts=True).count


def _agreements(session: Session, table: Table) -> int:
    return import_agreements(session, table=table).count


def _payments(session: Session, table: Table) -> int:
    return import_payments(session, table=table, confirmed=True).count


# Each import with a row the demo office accepts as it stands; the strategies vary from it.
ROSTER_SEED = ("A県デモ町第1号", "新人 一", "しんじん はじめ", "保健師", "任期付職員", "自治法派遣", "健康福祉課／保健師",
               "令和8年4月1日", "令和9年3月31日")
AGREEMENT_SEED = ("第10号", "C県", "令和6年3月1日", "R6.4.1", "R9.3.31", "保健師・保育士")
IMPORTS: dict[str, tuple[tuple[str, ...], tuple[str, ...], Callable[[Session, Table], int]]] = {
    "roster": (ROSTER_COLUMNS, ROSTER_SEED, _roster),
    "agreements": (AGREEMENT_COLUMNS, AGREEMENT_SEED, _agreements),
    "payments": (PAYMENT_COLUMNS, PAYMENT_EXAMPLE, _payments),
}

# Cells a clerk might type, values the office knows, and hostile ones.
_WORDS = [
    "", "A県デモ町第1号", "A県デモ町第9号", "第10号", "A県", "健康福祉課／保健師", "健康福祉課 保健師", "建設課／用地担当",
    "新設課／係", "髙﨑 美咲", "渡邊 健一", "たかさき みさき", "保健師", "用地", "看護師", "任期付職員", "非常勤職員",
    "自治法派遣", "その他", "支払", "請求", "予算", "戻入", "令和7年4月1日", "R7.4.1", "2026/4/1", "R7.2.30",
    "令和6年度", "令和99999999999999年度", "R99999999999.4.1", "1,234,000円", "99999999999999999999999",
    "9000000000000", "１２３", "-5", "0.5", "9" * 5000, "=HYPERLINK(1)", "a\x00b", "\x07", "𠮷", "\ufeff",
]
cell = st.one_of(st.sampled_from(_WORDS), st.text(max_size=20))


def _rows(columns: tuple[str, ...], example: tuple[str, ...]) -> st.SearchStrategy[list[list[str]]]:
    row = st.one_of(
        st.just(list(example)),
        st.lists(cell, min_size=len(columns), max_size=len(columns)),
        st.lists(cell, max_size=len(columns) + 3),
        st.builds(lambda i, v: [v if n == i else e for n, e in enumerate(example)],
                  st.integers(0, len(example) - 1), cell),
    )
    return st.lists(row, max_size=6)


def _xlsx(header: list[str], rows: list[list[str]]) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    # A worksheet cannot hold control characters at all; Excel would not write them either.
    for values in [header, *rows]:
        sheet.append([_CONTROL.sub("", v) or None for v in values])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _csv(header: list[str], rows: list[list[str]], encoding: str) -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer).writerows([header, *rows])
    return buffer.getvalue().encode(encoding, errors="replace")


@pytest.fixture
def demo(office: Office) -> Iterator[Office]:
    with office.transaction() as session:
        build_demo_office(session)
    yield office


def _import(office: Office, path: Path, data: bytes, run: Callable[[Session, Table], int]) -> str:
    """'refused' or 'imported': anything else escapes as the traceback this test forbids."""
    path.write_bytes(data)
    try:
        table = read_table(path)
    except TableReadError as error:
        assert str(error)
        return "refused"
    try:
        with office.transaction() as session:
            count = run(session, table)
            assert count > 0
            raise _RollbackError
    except ImportRefusedError as refused:
        assert refused.problems and all(p.message for p in refused.problems)
        return "refused"
    except _RollbackError:
        pass
    # A clean import holds no control character anywhere.
    assert not any(_CONTROL.search("\t".join(row)) for row in table.rows)
    return "imported"


_SETTINGS: Any = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@pytest.mark.slow
@pytest.mark.parametrize("kind", sorted(IMPORTS))
@pytest.mark.parametrize("form", ["utf-8", "utf-8-sig", "cp932", "xlsx"])
@_SETTINGS
@given(data=st.data())
def test_random_rows(demo: Office, tmp_path: Path, kind: str, form: str, data: st.DataObject) -> None:
    columns, example, run = IMPORTS[kind]
    header = data.draw(st.one_of(st.just(list(columns)), st.just(list(columns)), st.permutations(columns).map(list),
                                 st.lists(st.sampled_from(columns), max_size=len(columns))), label="header")
    rows = data.draw(_rows(columns, example), label="rows")
    content = _xlsx(header, rows) if form == "xlsx" else _csv(header, rows, form)
    event(_import(demo, tmp_path / ("f.xlsx" if form == "xlsx" else "f.csv"), content, run))


@pytest.mark.slow
@pytest.mark.parametrize("kind", sorted(IMPORTS))
@_SETTINGS
@given(raw=st.binary(max_size=400), suffix=st.sampled_from([".csv", ".xlsx", ".txt"]))
def test_random_bytes(demo: Office, tmp_path: Path, kind: str, raw: bytes, suffix: str) -> None:
    event(_import(demo, tmp_path / f"f{suffix}", raw, IMPORTS[kind][2]))


@pytest.mark.slow
@pytest.mark.parametrize("kind", sorted(IMPORTS))
@_SETTINGS
@given(flips=st.lists(st.tuples(st.integers(0, 10**6), st.integers(0, 255)), min_size=1, max_size=8))
def test_damaged_xlsx(demo: Office, tmp_path: Path, kind: str, flips: list[tuple[int, int]]) -> None:
    columns, example, run = IMPORTS[kind]
    content = bytearray(template_xlsx(columns, example))
    for at, value in flips:
        content[at % len(content)] = value
    event(_import(demo, tmp_path / "f.xlsx", bytes(content), run))


def test_a_known_good_file_is_imported(demo: Office, tmp_path: Path) -> None:
    """The harness can tell an import from a refusal (else the tests above prove nothing)."""
    rows = [list(ROSTER_SEED)]
    assert _import(demo, tmp_path / "ok.csv", _csv(list(ROSTER_COLUMNS), rows, "cp932"), _roster) == "imported"
    assert _import(demo, tmp_path / "nul.csv", _csv(list(ROSTER_COLUMNS), [["A県デモ町第1号", "新\x00人"]], "utf-8"),
                   _roster) == "refused"
