"""Import refusal figure of QUALITY.md ("a refusal comes within seconds for any file"; issue 10
asks for 2 s): a file as large as each import accepts, every row good but the last, refused by
`renkei-desk import`, as CSV and, for the two imports of 100,000 rows, as xlsx (written by
openpyxl, whose inline strings make the largest sheet XML for the same rows), and payments also
with two columns of the clerk's own (the twelve columns an xlsx of 100,000 rows may have) and
with a note in column CV on every row (10,000,000 places, read without the empty columns). CPU seconds of the
whole process (start-up included), as tests/importing measures them: the machine is shared, so
only the work counts, and each figure is the best of three runs (this virtual machine's CPU
speed varies by a tenth from one run to the next); the anchor is Python's csv module reading
the same rows in a process of its own.

    python tests/benchmarks/import_figures.py [--office LARGE.renkei]

Without --office a demo office is made; run.py passes the large office (it holds the demo's
agreement, posts and staff, which the generated rows name).
"""

from __future__ import annotations

import argparse
import csv
import os
import resource
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.benchmarks.report import line, summary  # noqa: E402

TARGET_SECONDS = 2.0
PEOPLE = (("子育て支援課／保育士", "𠮷田 花子"), ("税務課／徴収担当", "佐藤 剛"), ("健康福祉課／保健師", "髙﨑 美咲"),
          ("建設課／用地担当", "鈴木 一郎"))
BAD_DATE = "令和7年13月40日"


def _payments(count: int) -> list[list[str]]:
    rows = [["A県デモ町第1号", PEOPLE[i % len(PEOPLE)][0], PEOPLE[i % len(PEOPLE)][1], "支払",
             f"令和7年{5 + i % 7}月{1 + i % 28}日", "令和7年度", f"{1000 + i:,}円", f"支出第{i}号", "", "負担金"]
            for i in range(count)]
    rows[-1][4] = BAD_DATE
    return rows


def _organisations(count: int) -> list[list[str]]:
    rows = [[f"第{i}町内会", "その他", "会長", f"代表 {i}", f"デモ町大字東{i}番地", f"第{i % 40}小学校区", "",
             str(20 + i % 300), "区域の住民", "", "平成31年4月20日", ""] for i in range(count)]
    rows[-1][10] = BAD_DATE
    return rows


def _roster(count: int) -> list[list[str]]:
    rows = [["A県デモ町第1号", f"職員 {i}", "しょくいん", "保健師", "任期付職員", "自治法派遣", "健康福祉課／保健師",
             "令和7年4月1日", "令和8年3月31日"] for i in range(count)]
    rows[-1][7] = BAD_DATE
    return rows


def _agreements(count: int) -> list[list[str]]:
    rows = [[f"試験第{i}号", "A県", "令和6年3月25日", "令和6年4月1日", "令和9年3月31日", "保健師"] for i in range(count)]
    rows[-1][2] = BAD_DATE
    return rows


def _files(folder: Path) -> list[tuple[str, Path]]:
    from desktop.importing.cells import MAX_RECORD_ROWS
    from desktop.importing.tabular import MAX_ROWS
    from desktop.importing.templates import (
        AGREEMENT_COLUMNS,
        ORGANISATION_COLUMNS,
        PAYMENT_COLUMNS,
        ROSTER_COLUMNS,
    )

    made: list[tuple[str, Path]] = []
    kinds: tuple[tuple[str, tuple[str, ...], Callable[[int], list[list[str]]], int], ...] = (
        ("payments", PAYMENT_COLUMNS, _payments, MAX_ROWS), ("organisations", ORGANISATION_COLUMNS, _organisations, MAX_ROWS),
        ("roster", ROSTER_COLUMNS, _roster, MAX_RECORD_ROWS), ("agreements", AGREEMENT_COLUMNS, _agreements, MAX_RECORD_ROWS))
    for kind, header, rows, count in kinds:
        path = folder / f"refused-{kind}.csv"
        with path.open("w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerow(header)
            writer.writerows(rows(count))
        made.append((kind, path))
        if count > MAX_RECORD_ROWS:
            made.append((kind, _as_xlsx(path)))
            if len(header) < 12:
                made.append((kind, _as_xlsx(_widened(path, 12 - len(header)))))
                made.append((kind, _as_xlsx(_noted(path), blanks=False)))
    return made


def _noted(path: Path) -> Path:
    """The same rows with a note in column CV on every row, the places between them empty: an
    xlsx read without its empty columns (xlsx_pieces)."""
    noted = path.with_name(path.stem + "-noted.csv")
    with path.open(encoding="utf-8", newline="") as source, noted.open("w", encoding="utf-8", newline="") as target:
        writer = csv.writer(target)
        for number, row in enumerate(csv.reader(source)):
            writer.writerow(row + [""] * (99 - len(row)) + ["備考" if number == 0 else f"メモ{number}"])
    return noted


def _widened(path: Path, extra: int) -> Path:
    """The same rows with columns of the clerk's own after the template's, up to the twelve of
    100,000 rows an xlsx may hold (MAX_SHEET_CELLS)."""
    wide = path.with_name(path.stem + "-wide.csv")
    with path.open(encoding="utf-8", newline="") as source, wide.open("w", encoding="utf-8", newline="") as target:
        writer = csv.writer(target)
        for number, row in enumerate(csv.reader(source)):
            writer.writerow(row + ([f"独自{n}" for n in range(extra)] if number == 0 else
                                   [f"担当{number % 50}", f"メモ{number}", "済", str(number)][:extra]))
    return wide


def _as_xlsx(path: Path, *, blanks: bool = True) -> Path:
    """The CSV's rows as openpyxl writes them; `blanks`: empty cells written too, else left out
    (as Excel does)."""
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet()
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.reader(handle):
            sheet.append(row if blanks else [cell or None for cell in row])
    xlsx = path.with_suffix(".xlsx")
    book.save(xlsx)
    return xlsx


def _cpu_seconds(args: list[str], runs: int = 3) -> tuple[float, subprocess.CompletedProcess[str]]:
    best = float("inf")
    for _run in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        done = subprocess.run([sys.executable, *args], capture_output=True, text=True, cwd=ROOT, env=os.environ.copy())
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        best = min(best, after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return best, done


def import_figures(folder: Path, office_path: Path) -> None:
    worst, worst_kind, worst_anchor = 0.0, "", 1.0
    files = _files(folder)
    for kind, path in files:
        seconds, done = _cpu_seconds(["-m", "desktop", "import", kind, str(path), "--db", str(office_path)])
        if done.returncode != 1 or "行目" not in done.stderr:
            raise SystemExit(f"{kind}: not refused as expected: {done.stdout}{done.stderr}")
        anchor, _done = _cpu_seconds(["-c", "import csv, sys; sum(1 for _ in csv.reader(open(sys.argv[1], "
                                            "encoding='utf-8', newline='')))", str(path.with_suffix(".csv"))])
        if seconds > worst:
            worst, worst_kind, worst_anchor = seconds, f"{kind} {path.suffix[1:]}", anchor
    line(f"import refusal, largest file each import accepts, error in the last row (worst of {len(files)})",
         f"{worst:.2f} s CPU ({worst_kind}), {worst / worst_anchor:.1f} × the csv module reading its rows "
         f"({worst_anchor:.2f} s)",
         f"≤ {TARGET_SECONDS:.0f} s", worst <= TARGET_SECONDS)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--office", type=Path)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="renkei-import-bench-"))
    os.environ.setdefault("RENKEI_DESK_HOME", str(folder / "home"))
    office = args.office
    if office is None:
        from desktop.store.db import open_office
        from desktop.store.demo import build_demo_office

        office = folder / "demo.renkei"
        with open_office(office) as opened, opened.transaction() as session:
            build_demo_office(session)
    import_figures(folder, office)
    summary()


if __name__ == "__main__":
    main()
