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


@dataclass(frozen=True)
class LocalGovernment:
    """One entry of the list: 6-digit code, prefecture, name (the prefecture's own for a
    prefecture) and reading in katakana."""

    code: str
    prefecture: str
    name: str
    kana: str

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
    return tuple(LocalGovernment(row["code"], row["prefecture"], row["name"], row["kana"])
                 for row in csv.DictReader(io.StringIO(text)))


@cache
def _by_code() -> dict[str, LocalGovernment]:
    return {entry.code: entry for entry in local_governments()}


def find_local_government(code: str) -> LocalGovernment | None:
    """The entry of a 6-digit code (full-width digits accepted), or None."""
    return _by_code().get(normalise_numeric(code).strip())


def search_local_governments(text: str, limit: int = 50) -> list[LocalGovernment]:
    """Entries whose code starts with, or whose name, prefecture + name or reading contains,
    the text typed: `板橋` and `131199` both find 板橋区."""
    wanted = _katakana(normalise_numeric(text).strip())
    if not wanted:
        return []
    found: list[LocalGovernment] = []
    for entry in local_governments():
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
    list (or is the demo code); raises CodeError naming what is wrong."""
    code = parse_local_gov_code(text)
    if code != DEMO_LOCAL_GOV_CODE and find_local_government(code) is None:
        raise CodeError(_("全国地方公共団体コード「{code}」は検査数字は合っていますが、"
                          "その番号の地方公共団体はありません").format(code=code))
    return code
