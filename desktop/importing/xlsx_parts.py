"""Which member of an xlsx is its first worksheet: the one calamine reads, and the one the
reader's caps apply to."""

from __future__ import annotations

import posixpath
import zipfile
from xml.etree import ElementTree

_RELATIONSHIPS = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_SHEET_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"


def _part(archive: zipfile.ZipFile, name: str) -> ElementTree.Element | None:
    try:
        return ElementTree.fromstring(archive.read(name))  # small parts: the scan has counted their elements
    except KeyError:
        return None


def _targets(archive: zipfile.ZipFile, part: str) -> dict[str, tuple[str, str]]:
    """Relationship id → (type, member name) of a part, its targets resolved as calamine does."""
    folder, name = posixpath.split(part)
    root = _part(archive, posixpath.join(folder, "_rels", name + ".rels"))
    found: dict[str, tuple[str, str]] = {}
    for relationship in [] if root is None else root.iter(_RELATIONSHIPS):
        target = relationship.get("Target", "")
        member = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(folder, target))
        found[relationship.get("Id", "")] = (relationship.get("Type", ""), member)
    return found


def first_worksheet(archive: zipfile.ZipFile) -> str | None:
    """The member of the workbook's first worksheet (not a chart sheet), the one calamine reads."""
    workbook = next((member for kind, member in _targets(archive, "").values() if kind.endswith("/officeDocument")),
                    "xl/workbook.xml")
    root = _part(archive, workbook)
    if root is None:
        return None
    targets = _targets(archive, workbook)
    for sheet in root.iter():
        if sheet.tag.rsplit("}", 1)[-1] == "sheet":
            kind, member = targets.get(sheet.get(_SHEET_ID, ""), ("", ""))
            if kind.endswith("/worksheet"):
                return member
    return None
