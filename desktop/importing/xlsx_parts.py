"""Which member of an xlsx is its first worksheet (the one calamine reads, and the one the
reader's caps apply to), and where calamine takes the workbook's parts from: the parts are found
here as calamine finds them, so that what is measured is what it reads."""

from __future__ import annotations

import zipfile
from xml.etree import ElementTree


def calamine_key(name: str) -> str:
    """A member's name as calamine looks it up: with / for \\, and ASCII letters in lower case."""
    return name.replace("\\", "/").encode().lower().decode()


def _member(archive: zipfile.ZipFile, name: str) -> str | None:
    """The member calamine takes for `name` (the last one of that key)."""
    wanted = calamine_key(name)
    found = [info.filename for info in archive.infolist() if calamine_key(info.filename) == wanted]
    return found[-1] if found else None


def _elements(archive: zipfile.ZipFile, name: str, local_name: str) -> list[ElementTree.Element]:
    """The elements of that local name in the part calamine takes for `name` (none without it).
    The part is small: the scan has counted its elements, and expat refuses entity bombs."""
    member = _member(archive, name)
    if member is None:
        return []
    root = ElementTree.fromstring(archive.read(member))
    return [element for element in root.iter() if element.tag.rsplit("}", 1)[-1] == local_name]


def _local(attributes: dict[str, str], name: str) -> str | None:
    """An attribute by its local name, whatever its namespace (calamine reads r:id so)."""
    return next((value for key, value in attributes.items() if key.rsplit("}", 1)[-1] == name), None)


def workbook_folder(archive: zipfile.ZipFile) -> str:
    """The folder calamine reads workbook.xml, sharedStrings.xml and styles.xml from, whatever the
    package names its workbook part: that of the last officeDocument target ("xl/" without one,
    where calamine then refuses the file)."""
    folder = "xl/"
    for relationship in _elements(archive, "_rels/.rels", "Relationship"):
        target = relationship.get("Target")
        if target is not None and relationship.get("Type", "").endswith("/relationships/officeDocument"):
            folder = target[:target.rfind("/") + 1].removeprefix("/")
    return folder


def dates_from_1904(archive: zipfile.ZipFile, folder: str) -> bool:
    """Whether the workbook counts its dates from 1904, as calamine reads it (the last
    workbookPr's date1904)."""
    value = None
    for properties in _elements(archive, folder + "workbook.xml", "workbookPr"):
        value = properties.get("date1904")
    return value in ("1", "true")


def first_worksheet(archive: zipfile.ZipFile) -> str | None:
    """The member of the workbook's first worksheet (not a chart sheet), the one calamine reads."""
    folder = workbook_folder(archive)
    targets = {relationship.get("Id"): (relationship.get("Type", ""), relationship.get("Target", ""))
               for relationship in _elements(archive, folder + "_rels/workbook.xml.rels", "Relationship")}
    for sheet in _elements(archive, folder + "workbook.xml", "sheet"):
        kind, target = targets.get(_local(dict(sheet.attrib), "id"), ("", ""))
        if kind.rsplit("/", 1)[-1] == "worksheet":
            path = target[1:] if target.startswith("/") else folder + target
            return _member(archive, path) or path
    return None
