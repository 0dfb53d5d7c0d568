"""CSV in UTF-8 (with or without BOM) or Shift_JIS/cp932, decoded and parsed a line at a time."""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Iterator
from typing import BinaryIO

from desktop.i18n import _
from desktop.importing.tabular import Table, TableReadError, build_table

_CHUNK = 1 << 20
# One physical line; a cell written on several lines spans several. Longer lines are refused
# before the csv module splits them, so a line of millions of commas never becomes a list.
MAX_LINE_CHARS = 100_000
_BOM = b"\xef\xbb\xbf"


def detect_encoding(handle: BinaryIO) -> str:
    """'utf-8-sig', 'utf-8' or 'cp932', decoding the file in chunks without keeping it.

    A cp932 file almost never decodes as UTF-8, so UTF-8 is tried first over the whole file.
    """
    start = handle.read(len(_BOM))
    if start == _BOM:
        return "utf-8-sig"
    decoder = codecs.getincrementaldecoder("utf-8")()
    try:
        decoder.decode(start)
        while chunk := handle.read(_CHUNK):
            decoder.decode(chunk)
        decoder.decode(b"", final=True)
        return "utf-8"
    except UnicodeDecodeError:
        return "cp932"
    finally:
        handle.seek(0)


def _lines(text: io.TextIOBase) -> Iterator[str]:
    number = 0
    while line := text.readline(MAX_LINE_CHARS + 1):
        number += 1
        if len(line) > MAX_LINE_CHARS:
            raise TableReadError(_("{line}行目が長すぎます（1行{limit}文字まで）").format(line=number, limit=MAX_LINE_CHARS))
        yield line


def read_csv_stream(handle: BinaryIO) -> Table:
    """Reads a CSV from a binary file, refusing it at the first cap it passes."""
    encoding = detect_encoding(handle)
    text = io.TextIOWrapper(handle, encoding=encoding, newline="")
    reader = csv.reader(_lines(text))
    try:
        return build_table(reader, encoding)
    except UnicodeDecodeError as error:
        raise TableReadError(
            _("ファイルの文字コードを判別できません（UTF-8 または Shift_JIS で保存してください）: {error}").format(error=error)
        ) from None
    except csv.Error as error:
        raise TableReadError(_("CSVとして読めません（{line}行目）: {error}").format(line=reader.line_num, error=error)) from None
    finally:
        text.detach()
