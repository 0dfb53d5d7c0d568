"""Child process for the kill tests: performs one kind of user action in a loop on an office
file and prints `done N` only after action N has reported success, so the parent can kill it
at a random moment and then check that every reported action is there and none is half-done.

    python actor.py import|payment|claim OFFICE WORKDIR FIRST_NUMBER
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

IMPORT_ROWS = 4
HEADER = "協約番号,派遣先ポスト,氏名,区分,日付,会計年度,金額,番号,期日,摘要"


def import_loop(office_path: Path, workdir: Path, first: int) -> None:
    """The CLI's own `import payments` (open, before-import backup, one transaction, close)."""
    from desktop.cli import main

    number = first
    while True:
        rows = [f"A県デモ町第1号,健康福祉課／保健師,髙﨑 美咲,支払,R7.6.10,令和7年度,{1000 + i},I{number}-{i},,kill test"
                for i in range(IMPORT_ROWS)]
        source = workdir / f"import-{number}.csv"
        source.write_text("\r\n".join([HEADER, *rows]) + "\r\n", encoding="utf-8")
        if main(["import", "payments", str(source), "--db", str(office_path)]) != 0:
            raise SystemExit(f"import {number} refused")
        print(f"done {number}", flush=True)
        number += 1


def payment_loop(office_path: Path, first: int) -> None:
    from sqlalchemy import text

    from desktop.domain.contribution import MoneyKind, MoneyRowDraft
    from desktop.domain.fiscal_year import FiscalYear
    from desktop.store.db import open_office
    from desktop.store.services.contributions import record_money_row

    office = open_office(office_path, create=False, take_backup=False)
    with office.reader() as session:
        post_id, staff_id = session.execute(text("SELECT post_id, staff_id FROM assignment ORDER BY id")).first()  # type: ignore[misc]
    number = first
    while True:
        draft = MoneyRowDraft(MoneyKind.PAYMENT, post_id, staff_id, FiscalYear(2025), date(2025, 6, 10),
                              amount_yen=5000 + number, number=f"P{number}", note="kill test")
        with office.transaction() as session:
            record_money_row(session, draft=draft, confirmed=True)
        print(f"done {number}", flush=True)
        number += 1


def claim_loop(office_path: Path, first: int) -> None:
    """Submits and reopens the 2025 claim in turn: odd numbers submit, even numbers reopen."""
    from desktop.domain.fiscal_year import FiscalYear
    from desktop.store.db import open_office
    from desktop.store.services.claims import reopen_claim, submit_claim

    office = open_office(office_path, create=False, take_backup=False)
    number = first
    while True:
        with office.transaction() as session:
            if number % 2:
                submit_claim(session, fiscal_year=FiscalYear(2025), submitted_on=date(2025, 6, 1))
            else:
                reopen_claim(session, fiscal_year=FiscalYear(2025), reason=f"kill test {number}")
        print(f"done {number}", flush=True)
        number += 1


def main() -> None:
    kind, office_path, workdir, first = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3]), int(sys.argv[4])
    import desktop.store.db  # noqa: F401  (loaded before "ready", so kills land during actions)

    print("ready", flush=True)
    if kind == "import":
        import_loop(office_path, workdir, first)
    elif kind == "payment":
        payment_loop(office_path, first)
    else:
        claim_loop(office_path, first)


if __name__ == "__main__":
    main()
