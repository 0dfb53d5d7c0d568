"""The exchange file's fixed facts: format name and version, member names, size bounds, file name."""

from __future__ import annotations

from desktop.domain.fiscal_year import FiscalYear
from desktop.domain.wareki import era_of

FORMAT_NAME = "renkei-desk-exchange"
FORMAT_VERSION = 1
SUPPORTED_VERSIONS = frozenset({1})

MANIFEST = "manifest.json"
DATA = "data.json"
SCHEMA = "data.schema.json"
PEOPLE_CSV = "people.csv"
WORKBOOK = "summary.xlsx"
F4_PDF = "F4.pdf"
# Every member a version-1 file holds, manifest first; a file with any other member is refused.
MEMBERS = (MANIFEST, DATA, SCHEMA, PEOPLE_CSV, WORKBOOK, F4_PDF)

# Bounds that no honest file of one town and one year comes near; they keep a hostile file
# from filling memory. A town's whole year is well under 1 MB.
MAX_FILE_BYTES = 64 * 1024 * 1024
MAX_MEMBER_BYTES = 32 * 1024 * 1024
MAX_MANIFEST_BYTES = 256 * 1024
MAX_ENTRIES = 64
MAX_RATIO = 200           # uncompressed / compressed; deflated JSON of a real file stays under 20

ZIP_SUFFIX = ".zip"
ENCRYPTED_SUFFIX = ".zip.enc"


class ExchangeError(Exception):
    """The exchange file cannot be written or is refused; the message is for the clerk."""


def era_prefix(fiscal_year: FiscalYear) -> str:
    """'R07' for 令和7年度: the era's letter and the two-digit year, so names sort by year."""
    era = era_of(fiscal_year.end)
    return f"{era.letter}{fiscal_year.year - era.offset:02d}"


def file_name(fiscal_year: FiscalYear, town_code: str, town_name: str, *, encrypted: bool) -> str:
    """'R07_990001_デモ町_連携.zip' (or '.zip.enc' when encrypted); the name is for people, the
    manifest inside is what counts."""
    safe_name = "".join(c for c in town_name if c not in '\\/:*?"<>|' and c.isprintable()) or "town"
    return f"{era_prefix(fiscal_year)}_{town_code}_{safe_name}_連携" + (ENCRYPTED_SUFFIX if encrypted else ZIP_SUFFIX)
