"""The caps apply while reading: huge and hostile files are refused quickly, in bounded memory.

Each file is read in a fresh subprocess whose peak RSS is measured with getrusage, with the CPU
seconds the read took (CPU time, not wall time: the machine is shared, so only the work
counts). The files are generated here, in tmp_path: nothing large is kept in the repository.
"""

from __future__ import annotations

import io
import json
import os
import random
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from desktop.importing import xlsx_reading
from desktop.importing.tabular import MAX_IMPORT_BYTES, MAX_ROWS, TableReadError, read_table
from desktop.importing.templates import ROSTER_COLUMNS, template_xlsx
from desktop.importing.xlsx_reading import (
    LONG_SHARED_STRING,
    MAX_CELLS_PER_ROW,
    MAX_ELEMENTS,
    MAX_SHARED_STRINGS,
    MAX_SHARED_STRINGS_ROW_BY_ROW,
    _blocks,
    _Scan,
)

PEAK_MB = 200
REFUSAL_CPU_SECONDS = 2.0

_READ = """
import json, sys, time
from pathlib import Path
from desktop.importing.tabular import TableReadError, read_table
start = time.process_time()
try:
    table = read_table(Path(sys.argv[1]))
    outcome = {"rows": len(table.rows), "problems": len(table.problems)}
except TableReadError as error:
    outcome = {"refused": str(error)}
outcome["cpu"] = time.process_time() - start
print(json.dumps(outcome, ensure_ascii=False))
"""
# Linux carries a process's peak RSS across fork and exec, so a reader started straight from
# pytest (hundreds of MB by then) would report pytest's peak. A small wrapper starts the
# reader instead and reports its children's peak (RUSAGE_CHILDREN): the reader's own.
_MEASURE = """
import json, resource, subprocess, sys
inner = subprocess.run([sys.executable, "-c", sys.argv[1], sys.argv[2]], capture_output=True, text=True)
if inner.returncode:
    sys.exit(inner.stderr)
outcome = json.loads(inner.stdout)
outcome["peak_mb"] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
print(json.dumps(outcome, ensure_ascii=False))
"""


def measure(path: Path) -> dict[str, object]:
    """The reader's outcome, its CPU seconds and its peak RSS in MB, from a fresh process."""
    result = subprocess.run([sys.executable, "-c", _MEASURE, _READ, str(path)], capture_output=True, text=True,
                            env=os.environ.copy(), check=False, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    outcome: dict[str, object] = json.loads(result.stdout)
    return outcome


def _sheet_bomb(path: Path, *, rows: bytes, total: int) -> None:
    """A real workbook (the roster template) whose first sheet holds `total` bytes of `rows`."""
    base = zipfile.ZipFile(io.BytesIO(template_xlsx(ROSTER_COLUMNS)))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as out:
        for info in base.infolist():
            if info.filename != "xl/worksheets/sheet1.xml":
                out.writestr(info.filename, base.read(info))
        block = rows * max(1, 1_048_576 // len(rows))
        with out.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
            sheet.write(b'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns='
                        b'"http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>')
            for _ in range(max(1, total // len(block))):
                sheet.write(block)
            sheet.write(b"</sheetData></worksheet>")


@pytest.mark.slow
def test_ten_million_short_rows_are_refused_early(tmp_path: Path) -> None:
    path = tmp_path / "many.csv"
    with path.open("wb") as handle:
        handle.write(b"a\n" * 9_900_000)  # 19.8 MB, under the 20 MB size cap
    assert path.stat().st_size < MAX_IMPORT_BYTES
    outcome = measure(path)
    assert outcome.get("refused") == f"行が多すぎます（{MAX_ROWS}行まで）"
    assert float(outcome["peak_mb"]) < PEAK_MB  # type: ignore[arg-type]
    assert float(outcome["cpu"]) < REFUSAL_CPU_SECONDS  # type: ignore[arg-type]


@pytest.mark.slow
def test_xlsx_zip_bomb_is_refused_before_openpyxl_parses_it(tmp_path: Path) -> None:
    path = tmp_path / "bomb.xlsx"
    _sheet_bomb(path, rows=b'<row><c t="inlineStr"><is><t>x</t></is></c></row>', total=600_000_000)
    with zipfile.ZipFile(path) as archive:
        sheet = archive.getinfo("xl/worksheets/sheet1.xml")
    assert path.stat().st_size < 3_000_000 and sheet.file_size > 500_000_000  # a real bomb
    outcome = measure(path)
    assert "圧縮爆弾" in str(outcome.get("refused"))
    assert float(outcome["peak_mb"]) < PEAK_MB  # type: ignore[arg-type]
    assert float(outcome["cpu"]) < REFUSAL_CPU_SECONDS  # type: ignore[arg-type]


@pytest.mark.slow
def test_xlsx_over_the_row_cap_is_refused_by_the_scan(tmp_path: Path) -> None:
    """Rows that do not compress well pass the ratio check; the scan counts them instead."""
    rng = random.Random(7)
    path = tmp_path / "rows.xlsx"
    rows = b"".join(b"<row><c><v>%d</v></c></row>" % rng.randrange(10**9) for _ in range(40_000))
    _sheet_bomb(path, rows=rows, total=len(rows) * 8)  # 8 × 40,000 = 320,000 rows
    with zipfile.ZipFile(path) as archive:
        sheet = archive.getinfo("xl/worksheets/sheet1.xml")
    assert sheet.file_size < 100 * sheet.compress_size  # not caught by the ratio
    outcome = measure(path)
    assert "行が多すぎます" in str(outcome.get("refused"))
    assert float(outcome["peak_mb"]) < PEAK_MB  # type: ignore[arg-type]
    assert float(outcome["cpu"]) < REFUSAL_CPU_SECONDS  # type: ignore[arg-type]


def test_a_row_of_too_many_cells_is_refused(tmp_path: Path) -> None:
    rng = random.Random(3)
    cells = b"".join(b"<c><v>%d</v></c>" % rng.randrange(10**9) for _ in range(MAX_CELLS_PER_ROW + 1))
    path = tmp_path / "wide.xlsx"
    _sheet_bomb(path, rows=b"<row>" + cells + b"</row>", total=len(cells) + 11)
    with pytest.raises(TableReadError, match="セルが多すぎます"):
        read_table(path)


def test_a_line_of_millions_of_commas_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "commas.csv"
    path.write_bytes("氏名\n".encode() + b"," * 5_000_000 + b"x\n")
    with pytest.raises(TableReadError, match="長すぎます"):
        read_table(path)


@pytest.mark.slow
def test_a_full_size_file_of_short_cells_stays_small(tmp_path: Path) -> None:
    """Under every cap: 19 MB of one-character Japanese cells, kept packed, not as lists."""
    line = ",".join(["あ"] * 99) + "\n"
    path = tmp_path / "cells.csv"
    count = min(MAX_ROWS, (MAX_IMPORT_BYTES - 1_000_000) // len(line.encode()))
    path.write_bytes((",".join(ROSTER_COLUMNS) + "\n" + line * count).encode())
    outcome = measure(path)
    assert outcome.get("rows") == count, outcome
    assert float(outcome["peak_mb"]) < PEAK_MB  # type: ignore[arg-type]


def test_rows_read_back_whole(tmp_path: Path) -> None:
    """Packing rows must not change a cell: tabs, line breaks, commas and quotes survive."""
    path = tmp_path / "t.csv"
    path.write_bytes(("氏名,摘要\n" '"髙﨑 美咲","4月分\r\n給与, ""負担金""\tほか"\n').encode())
    table = read_table(path)
    assert table.rows == [["髙﨑 美咲", '4月分\r\n給与, "負担金"\tほか']]
    assert table.problems == []


def test_the_scan_counts_rows_exactly_across_chunks() -> None:
    """Tags cut by the 1 MB chunks are counted once; namespace prefixes are understood (the
    row-by-row pass, before openpyxl reads each row whole)."""
    rng = random.Random(1)
    rows = []
    for number in range(1, 150_001):
        cells = b"".join(b'<x:c r="A%d" t="s"><x:v>%d</x:v></x:c>' % (number, rng.randrange(10 ** rng.randrange(1, 9)))
                         for _ in range(rng.randrange(0, 4)))
        rows.append(b'<x:row r="%d">' % number + cells + b"</x:row>")
    sheet = (b'<?xml version="1.0"?><x:worksheet xmlns:x="urn:x"><x:sheetData>' + b"".join(rows)
             + b"</x:sheetData></x:worksheet>")
    assert len(sheet) > 5 * 1024 * 1024
    scan = _Scan(per_row=True)
    for block in _blocks(io.BytesIO(sheet)):
        scan.feed(block)
    assert (scan.root, scan.rows) == (b"worksheet", 150_000)


@pytest.mark.parametrize("name", [".", os.devnull, "/dev/zero"])
def test_devices_and_folders_are_refused(name: str) -> None:
    """A device has no size to cap (/dev/zero never ends): only regular files are read."""
    if not Path(name).exists():
        pytest.skip(f"{name} does not exist here")
    with pytest.raises(TableReadError, match=r"普通のファイルではありません"):
        read_table(Path(name))


def with_shared_strings(path: Path, count: int, *, sheet: str | None = None, texts: list[str] | None = None) -> None:
    """The roster template's workbook with `count` distinct shared strings, or `texts` (and
    another first sheet)."""
    rng = random.Random(2)
    base = zipfile.ZipFile(io.BytesIO(template_xlsx(ROSTER_COLUMNS)))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info in base.infolist():
            data = base.read(info).decode()
            if info.filename == "[Content_Types].xml":
                data = data.replace("</Types>", '<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
                                    'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>')
            elif info.filename == "xl/_rels/workbook.xml.rels":
                data = data.replace("</Relationships>", '<Relationship Id="rIdS" Target="sharedStrings.xml" Type="http://'
                                    'schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings"/>'
                                    "</Relationships>")
            elif info.filename == "xl/worksheets/sheet1.xml" and sheet is not None:
                data = sheet
            out.writestr(info.filename, data)
        strings = "".join(f"<si><t>{text}</t></si>" for text in texts or (rng.randrange(10**12) for _ in range(count)))
        out.writestr("xl/sharedStrings.xml",
                     f'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">{strings}</sst>')


@pytest.mark.slow
def test_a_flood_of_shared_strings_is_refused_before_openpyxl_loads_them(tmp_path: Path) -> None:
    """openpyxl reads every shared string before the first row; the scan counts them first."""
    path = tmp_path / "strings.xlsx"
    with_shared_strings(path, MAX_SHARED_STRINGS + 1)
    with zipfile.ZipFile(path) as archive:
        member = archive.getinfo("xl/sharedStrings.xml")
    assert member.file_size < 100 * member.compress_size  # not caught by the ratio
    outcome = measure(path)
    assert "圧縮爆弾" in str(outcome.get("refused"))
    assert float(outcome["peak_mb"]) < PEAK_MB  # type: ignore[arg-type]
    assert float(outcome["cpu"]) < REFUSAL_CPU_SECONDS  # type: ignore[arg-type]


@pytest.mark.slow
def test_many_distinct_texts_are_read_when_the_cells_say_where_they_are(tmp_path: Path) -> None:
    """100,000 rows may hold several distinct texts each: calamine holds them compactly. openpyxl
    (the reader of a sheet whose cells do not say where they are) holds fewer, so it is refused."""
    path = tmp_path / "texts.xlsx"
    with_shared_strings(path, MAX_SHARED_STRINGS_ROW_BY_ROW + 1)
    outcome = measure(path)
    assert outcome.get("rows") == 0 and float(outcome["peak_mb"]) < PEAK_MB, outcome  # type: ignore[arg-type]
    with_shared_strings(path, MAX_SHARED_STRINGS_ROW_BY_ROW + 1, sheet=(
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
        '<row><c t="s"><v>0</v></c></row></sheetData></worksheet>'))
    assert "圧縮爆弾" in str(measure(path).get("refused"))


def test_a_styles_part_of_too_many_elements_is_refused(tmp_path: Path) -> None:
    """openpyxl builds an object per style; a flood of them is counted before it opens the file."""
    base = zipfile.ZipFile(io.BytesIO(template_xlsx(ROSTER_COLUMNS)))
    path = tmp_path / "styles.xlsx"
    count = MAX_ELEMENTS + 1
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info in base.infolist():
            data = base.read(info).decode()
            if info.filename == "xl/styles.xml":
                styles = "".join(f'<xf numFmtId="{n % 200}" fontId="0" fillId="0" borderId="0"/>' for n in range(count))
                data = re.sub(r'<cellXfs count="\d+">', f'<cellXfs count="{count}">{styles}', data)
            out.writestr(info.filename, data)
    with pytest.raises(TableReadError, match="大きすぎる"):
        read_table(path)


def test_the_scan_tells_xml_from_images_and_refuses_utf16_parts() -> None:
    scan = _Scan(per_row=True)
    for block in (b" ", b'<?xml version="1.0"?>', b"<x:worksheet><x:sheetData>", b"<x:row/><x:row/>"):
        scan.feed(block)
    assert (scan.root, scan.rows) == (b"worksheet", 2)  # the root may come after the prologue
    image = _Scan()
    image.feed(b"\x89PNG" + b"<" * (MAX_ELEMENTS + 1))
    assert image.binary  # openpyxl never parses an image as XML: its '<' bytes are not elements
    with pytest.raises(TableReadError, match="文字コード"):
        _Scan().feed("<worksheet><sheetData><row/></sheetData></worksheet>".encode("utf-16"))


def _placed_sheet(path: Path, rows: int, *, last: bytes) -> None:
    """The roster template's workbook with `rows` placed rows of two cells, then `last`."""
    base = zipfile.ZipFile(io.BytesIO(template_xlsx(ROSTER_COLUMNS)))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info in base.infolist():
            if info.filename != "xl/worksheets/sheet1.xml":
                out.writestr(info.filename, base.read(info))
        with out.open("xl/worksheets/sheet1.xml", "w") as sheet:
            sheet.write(b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
                        b'<row r="1"><c r="A1" t="inlineStr"><is><t>\xe6\xb0\x8f\xe5\x90\x8d</t></is></c></row>')
            for start in range(2, rows + 1, 10_000):
                sheet.write(b"".join(b'<row r="%d"><c r="A%d"><v>%d</v></c><c r="B%d"><v>1</v></c></row>'
                                     % (n, n, n, n) for n in range(start, min(start + 10_000, rows + 1))))
            sheet.write(last + b"</sheetData></worksheet>")


@pytest.mark.slow
def test_a_value_past_the_row_cap_is_refused_by_the_scan(tmp_path: Path) -> None:
    """130,000 placed rows: refused while the zip is scanned, before any reader holds a row."""
    path = tmp_path / "over.xlsx"
    _placed_sheet(path, 130_000, last=b"")
    outcome = measure(path)
    assert outcome.get("refused") == f"行が多すぎます（{MAX_ROWS}行まで）"
    assert float(outcome["cpu"]) < REFUSAL_CPU_SECONDS / 2  # type: ignore[arg-type]


def test_cells_with_only_a_style_past_the_row_cap_hold_no_rows(tmp_path: Path) -> None:
    """Excel writes a formatted range as cells with a style and no value: not rows to import."""
    path = tmp_path / "styled.xlsx"
    styled = b"".join(b'<row r="%d"><c r="A%d" s="1"/><c r="B%d" s="1"></c><c r="C%d"><f>A1</f></c></row>'
                      % (n, n, n, n) for n in range(MAX_ROWS + 2, MAX_ROWS + 40_000, 997))
    _placed_sheet(path, 10, last=styled)
    assert read_table(path).header == ["氏名"]
    _placed_sheet(path, 10, last=b'<row r="%d"><c r="A%d" s="1"><v>0</v></c></row>' % ((MAX_ROWS + 2,) * 2))
    with pytest.raises(TableReadError, match="行が多すぎます"):
        read_table(path)


@pytest.mark.parametrize(("cell", "valued"), [
    (b'<c r="A100002"><v>1</v></c>', True),  # no attribute but its place
    (b'<c r="A100002" t="inlineStr"><is><t>x</t></is></c>', True),
    (b'<c r="A100002"/>', False),
    (b'<c r="A100002" s="1"/>', False),
    (b'<c r="A100002"></c><c r="A3"><v>1</v></c>', False),  # the value is another cell's
    (b'<c r="A100001"><v>1</v></c>', False),  # the last row the cap allows
])
def test_the_scan_tells_a_value_past_the_row_cap(cell: bytes, valued: bool) -> None:
    assert (xlsx_reading._valued_past_the_cap(b"").search(cell) is not None) is valued


def _naming(indices: list[str], prefix: str = "") -> str:
    """A first sheet whose cells name these shared strings, one a row (an index may be "007";
    "=99999" is a number cell)."""
    shared = ' t="s"'
    rows = "".join(f'<{prefix}row r="{n}"><{prefix}c r="A{n}"{"" if index[0] == "=" else shared}><{prefix}v>'
                   f'{index.lstrip("=")}</{prefix}v></{prefix}c></{prefix}row>' for n, index in enumerate(indices, start=1))
    xmlns = f"xmlns{':' + prefix[:-1] if prefix else ''}"
    return (f'<{prefix}worksheet {xmlns}="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><{prefix}sheetData>'
            f"{rows}</{prefix}sheetData></{prefix}worksheet>")


def test_one_long_string_named_by_many_cells_is_refused_before_any_reader_copies_it(tmp_path: Path) -> None:
    """A shared string is stored once but copied for each cell that names it: 5,000 cells naming
    one string of 10,000 characters would make 150 MB of copies from a file of 60 KB."""
    path = tmp_path / "copies.xlsx"
    with_shared_strings(path, 0, texts=["見出し", "長" * 10_000], sheet=_naming(["0"] + ["1"] * 5_000))
    assert path.stat().st_size < 100_000
    with pytest.raises(TableReadError, match="文字が多すぎます（長い文字列を、同じものも数えて33MBまで）"):
        read_table(path)


@pytest.mark.parametrize(("long_strings", "prefix"), [(1, ""), (1, "x:"), (150, ""), (150, "x:")])
def test_the_copies_of_long_strings_are_counted_exactly(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, long_strings: int, prefix: str) -> None:
    """Each cell naming a string longer than LONG_SHARED_STRING bytes counts its length (leading
    zeros, a namespace prefix, few long strings searched by their numbers or many by every
    value); short strings and numbers past the last string count nothing. At the limit the file
    is read; one byte less, it is refused."""
    texts = ["見出し", "短い"] + [f"長い説明{n}" + "あ" * 30 for n in range(long_strings)]
    named = ["0"] + ["1", "2", "002", "=99999"] + [str(2 + n) for n in range(long_strings)]
    path = tmp_path / "long.xlsx"
    with_shared_strings(path, 0, texts=texts, sheet=_naming(named, prefix))
    with zipfile.ZipFile(path) as archive:
        scans: list[_Scan] = []
        xlsx_reading._scan_members(archive, archive.infolist(), shared=scans)
    lengths = scans[0].lengths
    assert all(length > LONG_SHARED_STRING for length in lengths[2:]) and lengths[1] <= LONG_SHARED_STRING
    copies = lengths[2] * 2 + sum(lengths[2:])  # string 2 is named twice ("2" and "002")
    monkeypatch.setattr(xlsx_reading, "MAX_LONG_COPIES", copies)
    assert len(read_table(path).rows) == len(named) - 1
    monkeypatch.setattr(xlsx_reading, "MAX_LONG_COPIES", copies - 1)
    with pytest.raises(TableReadError, match="文字が多すぎます"):
        read_table(path)


@pytest.mark.parametrize("chunk", [5, 17, 64, 333])
def test_the_lengths_of_shared_strings_do_not_depend_on_where_blocks_are_cut(
        monkeypatch: pytest.MonkeyPatch, chunk: int) -> None:
    part = ('<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
            + "".join(f"<si><t>{'髙﨑' * n}</t></si>" for n in range(40)) + "<si/></sst>").encode()
    whole = _Scan()
    whole.feed(part)
    monkeypatch.setattr(xlsx_reading, "_CHUNK", chunk)
    scan = _Scan()
    for block in _blocks(io.BytesIO(part)):
        scan.feed(block)
    assert list(scan.lengths) == list(whole.lengths) == [len(text) for text in part.split(b"<si")[1:]]
    assert scan.shared == 41


@pytest.mark.slow
def test_a_small_file_that_would_copy_one_string_into_a_gigabyte_is_refused_in_time(tmp_path: Path) -> None:
    """20,000 cells naming one string of 10,000 characters (a file of about 100 KB): 1 GB and
    1.5 s before the copies were counted."""
    path = tmp_path / "copies.xlsx"
    with_shared_strings(path, 0, texts=["見出し", "髙" * 10_000], sheet=_naming(["0"] + ["1"] * 20_000))
    outcome = measure(path)
    assert "文字が多すぎます" in str(outcome.get("refused")), outcome
    assert float(outcome["peak_mb"]) < PEAK_MB / 2  # type: ignore[arg-type]
    assert float(outcome["cpu"]) < REFUSAL_CPU_SECONDS / 4  # type: ignore[arg-type]


def test_a_first_sheet_of_too_much_xml_is_refused_with_the_ways_out(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Inline texts are held by calamine and again by the packed rows: a 16 MB file of 120 MB of
    text peaked at 272 MB. The first sheet's XML is bounded (78 MB peaked at 197 MB)."""
    path = tmp_path / "texts.xlsx"
    texts = "".join(f'<row r="{n}"><c r="A{n}" t="inlineStr"><is><t>{"髙﨑" * 50}</t></is></c></row>' for n in range(1, 200))
    with_shared_strings(path, 1, sheet='<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
                         f"<sheetData>{texts}</sheetData></worksheet>")
    with zipfile.ZipFile(path) as archive:
        size = archive.getinfo("xl/worksheets/sheet1.xml").file_size
    monkeypatch.setattr(xlsx_reading, "MAX_SHEET_XML_BYTES", size)
    assert len(read_table(path).rows) == 198
    monkeypatch.setattr(xlsx_reading, "MAX_SHEET_XML_BYTES", size - 1)
    with pytest.raises(TableReadError, match=r"最初のシートの中身が大きすぎます（展開して0MBまで）。使わない列を消すか"):
        read_table(path)


def _short_texts_named_by_every_cell(path: Path) -> None:
    """100,000 rows of twelve texts of up to twenty characters, as Excel saves them: every cell
    names a shared string short enough not to be counted as a long one, 380,000 distinct ones."""
    rng = random.Random(7)
    kana = "あいうえおかきくけこさしすせそたちつてとなにぬねの"
    texts = [f"{n:06d}" + "".join(rng.choices(kana, k=14)) for n in range(380_000)] + [f"共通の値{c}" + "の" * 10 for c in range(6)]
    rows = "".join(f'<row r="{row}">' + "".join(
        f'<c r="{chr(65 + c)}{row}" t="s"><v>{((row - 1) * 6 + c) % 380_000 if c < 6 else 380_000 + c - 6}</v></c>'
        for c in range(12))
        + "</row>" for row in range(1, 100_001))
    with_shared_strings(path, 0, texts=texts, sheet=(
        f'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>{rows}</sheetData></worksheet>'))


@pytest.mark.slow
def test_short_shared_texts_named_by_every_cell_are_read_a_piece_at_a_time(tmp_path: Path) -> None:
    """calamine gives each cell its own copy of the text it names: 1,200,000 cells held 92 MB of
    copies beside the shared strings, and the import passed 200 MB. Such a sheet is read in
    pieces, one piece's copies at a time."""
    path = tmp_path / "short.xlsx"
    _short_texts_named_by_every_cell(path)
    outcome = measure(path)
    assert outcome.get("rows") == MAX_ROWS - 1, outcome
    assert float(outcome["peak_mb"]) < PEAK_MB, outcome  # type: ignore[arg-type]  # the reading alone took 217 MB
    assert float(outcome["cpu"]) < REFUSAL_CPU_SECONDS  # type: ignore[arg-type]


def test_shared_strings_past_their_bytes_are_refused_with_the_ways_out(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """calamine holds every shared string before the first row (a 4 MB file held 128 MB of
    them): their bytes, markup included, are bounded; at the limit the file is read, one byte
    past it refused."""
    path = tmp_path / "strings.xlsx"
    texts = ["髙﨑", "𠮷野", "渡邊"]
    with_shared_strings(path, 0, texts=texts, sheet=(
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
        '<row r="1"><c r="A1" t="s"><v>0</v></c></row><row r="2"><c r="A2" t="s"><v>2</v></c></row></sheetData></worksheet>'))
    with zipfile.ZipFile(path) as archive:
        strings = archive.read("xl/sharedStrings.xml")
    size = len(strings)
    monkeypatch.setattr(xlsx_reading, "MAX_SHARED_STRING_BYTES", size)
    assert xlsx_reading.read_xlsx_file(io.BytesIO(path.read_bytes())).header == ["髙﨑"]
    monkeypatch.setattr(xlsx_reading, "MAX_SHARED_STRING_BYTES", size - 1)
    with pytest.raises(TableReadError, match=r"文字列の表（共有文字列）が大きすぎます（展開して0MBまで）。CSVで保存し直すか"):
        xlsx_reading.read_xlsx_file(io.BytesIO(path.read_bytes()))
