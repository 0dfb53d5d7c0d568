"""Exchange-file figures of QUALITY.md: export + verify of one fiscal year (≤ 1 s together) and the
prefecture opening and summing 70 towns' files (≤ 5 s).

    python tests/benchmarks/exchange_figures.py [--office LARGE.renkei]

Without --office the demo office is used; run.py passes the large office too.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.benchmarks.report import line, summary  # noqa: E402


def export_and_verify_seconds(office_path: Path, folder: Path, year: int) -> float:
    from desktop.commands.exchange import export_exchange
    from desktop.domain.fiscal_year import FiscalYear
    from desktop.exchange.export import ExportOptions
    from desktop.exchange.verify import verify_path
    from desktop.store.db import open_office

    folder.mkdir(parents=True, exist_ok=True)
    with open_office(office_path, create=False, take_backup=False, check=False) as office:
        export_exchange(office, fiscal_year=FiscalYear(year), folder=folder, options=ExportOptions())  # warm-up
        start = time.perf_counter()
        outcome = export_exchange(office, fiscal_year=FiscalYear(year), folder=folder, options=ExportOptions())
        verify_path(outcome.path)
        return time.perf_counter() - start


def seventy_files(folder: Path, passphrase: str | None = None) -> list[Path]:
    """70 towns' files: demo offices with their own codes and figures."""
    from desktop.commands.exchange import export_exchange
    from desktop.domain.fiscal_year import FiscalYear
    from desktop.domain.local_governments import local_governments
    from desktop.exchange.export import ExportOptions
    from desktop.store.db import open_office
    from desktop.store.demo import build_demo_office, demo_town

    files = []
    (folder / "usb").mkdir(parents=True, exist_ok=True)
    # A town's code must name a real local government: the first 70 of the official list.
    towns = [g for g in local_governments() if not g.is_prefecture and not g.is_ward][:70]
    for index, town in enumerate(towns):
        code = town.code
        office_path = folder / "offices" / f"{code}.renkei"
        office_path.parent.mkdir(parents=True, exist_ok=True)
        built = office_path.exists()  # run.py --keep reuses the folder: each town is built once
        with open_office(office_path) as office:
            if not built:
                with office.transaction() as session:
                    build_demo_office(session, town=demo_town(code, town.name), seed=index)
            files.append(export_exchange(office, fiscal_year=FiscalYear(2025), folder=folder / "usb",
                                         options=ExportOptions(passphrase=passphrase)).path)
    return files


def exchange_figures(folder: Path, large_office: Path | None = None) -> None:
    from desktop.commands.exchange import aggregate_paths
    from desktop.store.db import open_office
    from desktop.store.demo import build_demo_office

    demo = folder / "exchange-demo.renkei"
    if not demo.exists():
        with open_office(demo) as office, office.transaction() as session:
            build_demo_office(session)
    seconds = export_and_verify_seconds(demo, folder / "exchange-demo-out", 2025)
    line("export of one fiscal year, then verify (demo office)", f"{seconds:.2f} s", "≤ 1 s", seconds <= 1)
    if large_office is not None:
        seconds = export_and_verify_seconds(large_office, folder / "exchange-large-out", 2025)
        line("export of one fiscal year, then verify (large office)", f"{seconds:.2f} s", "≤ 1 s", seconds <= 1)
    files = seventy_files(folder / "seventy")
    start = time.perf_counter()
    result = aggregate_paths(files, out=folder / "seventy" / "summary.xlsx",
                             state_path=folder / "seventy" / "received.json")
    seconds = time.perf_counter() - start
    assert len(result.counted) == 70 and not result.refused
    line("prefecture opens and sums 70 towns' files (summary workbook written)", f"{seconds:.2f} s", "≤ 5 s", seconds <= 5)
    files = seventy_files(folder / "seventy-encrypted", "合言葉")
    start = time.perf_counter()
    result = aggregate_paths(files, passphrase="合言葉", out=folder / "seventy-encrypted" / "summary.xlsx",
                             state_path=folder / "seventy-encrypted" / "received.json")
    seconds = time.perf_counter() - start
    assert len(result.counted) == 70 and not result.refused
    line("prefecture opens and sums 70 encrypted files (one scrypt each)", f"{seconds:.2f} s", "≤ 5 s", seconds <= 5)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--office", type=Path, help="also measure one fiscal year of this (large) office")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="renkei-exchange-bench-"))
    os.environ["RENKEI_DESK_HOME"] = str(folder / "home")
    exchange_figures(folder, args.office)
    summary()


if __name__ == "__main__":
    main()
