"""Every import stops listing problems at MAX_LISTED_PROBLEMS: a file whose every row is wrong
gives the clerk enough to fix it, not 300,000 lines (the organisations import listed them all:
3 s and a quarter of a gigabyte for 100,000 rows)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from desktop.importing.cells import MAX_LISTED_PROBLEMS
from desktop.importing.tabular import read_table
from desktop.importing.templates import (
    AGREEMENT_COLUMNS,
    ORGANISATION_COLUMNS,
    PAYMENT_COLUMNS,
    ROSTER_COLUMNS,
)
from desktop.store.db import Office
from desktop.store.services.agreement_import import preview_agreements
from desktop.store.services.organisation_import import preview_organisations
from desktop.store.services.payment_import import preview_payments
from desktop.store.services.roster_import import preview_roster

# Each row wrong in several columns: a date that does not exist, a kind or type that is no kind.
_WRONG: dict[str, tuple[tuple[str, ...], Callable[..., Any], Callable[[int], str]]] = {
    "payments": (PAYMENT_COLUMNS, preview_payments, lambda n: f"A県デモ町第1号,健康福祉課／保健師,,何か,R7.13.{n % 40},,x{n},,,"),
    "organisations": (ORGANISATION_COLUMNS, preview_organisations,
                      lambda n: f"町内会{n},何か,会長,,,,,-{n},何か,,R7.13.1,"),
    "roster": (ROSTER_COLUMNS, preview_roster, lambda n: f"第{n}号,職員 {n},,保健師,何か,何か,ポスト{n},R7.13.1,"),
    "agreements": (AGREEMENT_COLUMNS, preview_agreements, lambda n: f"第{n}号,,R7.13.1,R7.13.1,,"),
}


@pytest.mark.parametrize("kind", sorted(_WRONG))
def test_a_file_of_wrong_rows_lists_a_bounded_number_of_problems(office: Office, tmp_path: Path, kind: str) -> None:
    header, preview, row = _WRONG[kind]
    path = tmp_path / f"{kind}.csv"
    path.write_text("\n".join([",".join(header), *(row(n) for n in range(3_000))]) + "\n", encoding="utf-8")
    with office.reader() as session:
        problems = preview(session, table=read_table(path)).problems
    assert MAX_LISTED_PROBLEMS <= len(problems) <= MAX_LISTED_PROBLEMS + 10, len(problems)
    assert "誤りが多いため" in problems[-1].message and problems[-1].row < 1_000
