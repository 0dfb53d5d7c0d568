"""The official list of local governments (総務省「全国地方公共団体コード」), bundled as data.

Read once from desktop/resources/local_governments.csv through importlib.resources (its
source and date: local_governments.md beside it). The check digit alone lets about 1.5 % of
one-digit typos through (a limit of the scheme), so a code is accepted only when it names a
local government on the list, or is the demo office's fictional code.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from functools import cache
from importlib import resources

from desktop.domain.codes import CodeError, parse_local_gov_code
from desktop.domain.text import normalise_numeric
from desktop.i18n import _

# Passes the check digit, names no local government (prefecture part 99 does not exist):
# the demo office's town is fictional and must not borrow a real town's code.
DEMO_LOCAL_GOV_CODE = "990001"
# The csv's `kind` of a designated city's ward (the ministry's second sheet, 政令指定都市).
WARD_KIND = "行政区"


@dataclass(frozen=True)
class LocalGovernment:
    """One entry of the list: 6-digit code, prefecture, name (the prefecture's own for a
    prefecture; a ward's with its city, 札幌市中央区) and reading in katakana.

    `is_ward` marks a ward of a designated city (政令指定都市の行政区): it has a code on the
    ministry's list but is not a local government (地方公共団体), so it names a place and
    can never be a party (an office's town, an agreement's partner). Tokyo's 23 special
    wards (特別区) are local governments and are not marked.
    """

    code: str
    prefecture: str
    name: str
    kana: str
    is_ward: bool = False

    @property
    def is_prefecture(self) -> bool:
        return self.code[2:5] == "000"

    def label(self) -> str:
        """`131199 東京都 板橋区` — what a completer shows and what it is searched by."""
        if self.is_prefecture:
            return f"{self.code} {self.name}"
        return f"{self.code} {self.prefecture} {self.name}"


@cache
def local_governments() -> tuple[LocalGovernment, ...]:
    text = resources.files("desktop").joinpath("resources/local_governments.csv").read_text(encoding="utf-8")
    return tuple(LocalGovernment(row["code"], row["prefecture"], row["name"], row["kana"],
                                 row.get("kind") == WARD_KIND)
                 for row in csv.DictReader(io.StringIO(text)))


@cache
def _by_code() -> dict[str, LocalGovernment]:
    return {entry.code: entry for entry in local_governments()}


def find_local_government(code: str) -> LocalGovernment | None:
    """The entry of a 6-digit code (full-width digits accepted), or None."""
    return _by_code().get(normalise_numeric(code).strip())


def search_local_governments(text: str, limit: int = 50, *, wards: bool = True) -> list[LocalGovernment]:
    """Entries whose code starts with, or whose name, prefecture + name or reading contains,
    the text typed: `板橋` and `131199` both find 板橋区, `中央区` finds 札幌市中央区 too
    (leave `wards` out to list local governments only)."""
    wanted = _katakana(normalise_numeric(text).strip())
    if not wanted:
        return []
    found: list[LocalGovernment] = []
    for entry in local_governments():
        if entry.is_ward and not wards:
            continue
        if (entry.code.startswith(wanted) or wanted in entry.name or wanted in entry.prefecture + entry.name
                or wanted in entry.kana):
            found.append(entry)
            if len(found) >= limit:
                break
    return found


def _katakana(text: str) -> str:
    """Hiragana typed as a reading (いたばし) compares with the list's katakana (イタバシ)."""
    return "".join(chr(ord(c) + 0x60) if "ぁ" <= c <= "ゖ" else c for c in text)


def parse_known_local_gov_code(text: str) -> str:
    """The normalised code when it passes the check digit AND names a local government on the
    list (or is the demo code); raises CodeError naming what is wrong. A designated city's
    ward is refused with its city's code: the ward is not a 地方公共団体 and cannot be a party."""
    code = parse_local_gov_code(text)
    entry = find_local_government(code)
    if code != DEMO_LOCAL_GOV_CODE and entry is None:
        raise CodeError(_("全国地方公共団体コード「{code}」は検査数字は合っていますが、"
                          "その番号の地方公共団体はありません").format(code=code))
    if entry is not None and entry.is_ward:
        city = city_of_ward(entry)
        raise CodeError(_("「{code}」は{name}（政令指定都市の区）のコードです。区は地方公共団体では"
                          "ないため、市のコード（{city_code} {city}）を入力してください").format(
            code=code, name=entry.name, city_code=city.code if city else "", city=city.name if city else ""))
    return code


def city_of_ward(ward: LocalGovernment) -> LocalGovernment | None:
    """The designated city a ward belongs to: the nearest non-ward entry before it on the list
    (the ministry numbers a city's wards right after the city: 札幌市 011002, 中央区 011011)."""
    entries = local_governments()
    index = entries.index(ward)
    return next((e for e in reversed(entries[:index]) if not e.is_ward), None)
