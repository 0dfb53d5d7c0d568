"""和暦: Japanese era dates, formatted and parsed both ways (明治〜令和, 元年, R7.4.1, full-width digits).

Dates are proleptic Gregorian; the lunar calendar used before 明治6年 is out of scope.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

from desktop.domain.text import normalise_numeric
from desktop.i18n import _


@dataclass(frozen=True)
class Era:
    name: str
    letter: str
    start: date

    @property
    def offset(self) -> int:
        """Gregorian year of the era's 元年, minus one."""
        return self.start.year - 1


ERAS: tuple[Era, ...] = (
    Era("明治", "M", date(1868, 1, 25)),
    Era("大正", "T", date(1912, 7, 30)),
    Era("昭和", "S", date(1926, 12, 25)),
    Era("平成", "H", date(1989, 1, 8)),
    Era("令和", "R", date(2019, 5, 1)),
)
FIRST_DATE = ERAS[0].start

_BY_NAME = {era.name: era for era in ERAS} | {era.letter: era for era in ERAS}


class DateParseError(ValueError):
    """The text is not a date the app understands; the message is for the clerk."""


def era_of(day: date) -> Era:
    if day < FIRST_DATE:
        raise DateParseError(_("明治より前の日付は扱えません"))
    for era in reversed(ERAS):
        if day >= era.start:
            return era
    raise AssertionError("unreachable")


def _era_end(era: Era) -> date | None:
    index = ERAS.index(era)
    return ERAS[index + 1].start if index + 1 < len(ERAS) else None


def year_label(era_year: int) -> str:
    return "元" if era_year == 1 else str(era_year)


def format_wareki(day: date) -> str:
    """2025-04-01 → '令和7年4月1日'; 2019-05-01 → '令和元年5月1日'."""
    era = era_of(day)
    return f"{era.name}{year_label(day.year - era.offset)}年{day.month}月{day.day}日"


WEEKDAYS = "月火水木金土日"


def format_wareki_weekday(day: date) -> str:
    """2025-04-01 → '令和7年4月1日（火）' (how a date field shows what it read)."""
    return f"{format_wareki(day)}（{WEEKDAYS[day.weekday()]}）"


def format_wareki_datetime(moment: datetime) -> str:
    """2026-11-25 12:33:05 → '令和8年11月25日 12:33:05' (the audit log, backups, messages).
    A moment before 明治 (a file's unknown time, datetime.min) is shown as it is, never refused."""
    if moment.date() < FIRST_DATE:
        return moment.isoformat(sep=" ", timespec="seconds")
    return f"{format_wareki(moment.date())} {moment:%H:%M:%S}"


def format_wareki_short(day: date) -> str:
    """2025-04-01 → 'R7.4.1' (the form clerks type in narrow cells)."""
    era = era_of(day)
    return f"{era.letter}{day.year - era.offset}.{day.month}.{day.day}"


def format_year_month(year: int, month: int) -> str:
    """(2025, 4) → '令和7年4月'."""
    return format_wareki(date(year, month, 1)).rsplit("月", 1)[0] + "月"


# The weekday a date field shows after the date ('令和7年4月1日（火）') is read back and ignored.
_WEEKDAY_SUFFIX = re.compile(r"[(（][月火水木金土日][)）]$")
_ISO = re.compile(r"^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$")
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_ERA = re.compile(
    r"^(明治|大正|昭和|平成|令和|[MTSHRmtshr])(元|\d{1,3})[年./-](\d{1,2})[月./-](\d{1,2})日?$"
)
_ERA_YM = re.compile(r"^(明治|大正|昭和|平成|令和|[MTSHRmtshr])(元|\d{1,3})[年./-](\d{1,2})月?$")
_ISO_YM = re.compile(r"^(\d{4})[-/.年](\d{1,2})月?$")


def _make_date(year: int, month: int, day: int, original: str) -> date:
    try:
        return date(year, month, day)
    except ValueError:
        raise DateParseError(
            _("「{text}」は存在しない日付です").format(text=original)
        ) from None


def _era_year_to_gregorian(era: Era, era_year: int, original: str) -> int:
    if era_year < 1:
        raise DateParseError(_("「{text}」の年が正しくありません").format(text=original))
    return era.offset + era_year


def _check_inside_era(era: Era, day: date, original: str) -> None:
    end = _era_end(era)
    if day < era.start or (end is not None and day >= end):
        right = format_wareki(day) if day >= FIRST_DATE else day.isoformat()
        raise DateParseError(
            _("「{text}」は{era}の期間外です（{right}のことでしょうか）").format(
                text=original, era=era.name, right=right
            )
        )


def parse_date(text: str) -> date:
    """Parses '2025-04-01', '2025/4/1', '2025年4月1日', '20250401', '令和7年4月1日', 'R7.4.1'.

    Full-width digits and spaces are accepted. Raises DateParseError with a Japanese message.
    """
    original = text.strip()
    cleaned = _WEEKDAY_SUFFIX.sub("", normalise_numeric(text))
    if not cleaned:
        raise DateParseError(_("日付が入力されていません"))
    match = _ISO.match(cleaned) or _COMPACT.match(cleaned)
    if match:
        year, month, day = (int(g) for g in match.groups())
        return _make_date(year, month, day, original)
    match = _ERA.match(cleaned)
    if match:
        era = _BY_NAME[match.group(1).upper() if len(match.group(1)) == 1 else match.group(1)]
        era_year = 1 if match.group(2) == "元" else int(match.group(2))
        year = _era_year_to_gregorian(era, era_year, original)
        result = _make_date(year, int(match.group(3)), int(match.group(4)), original)
        _check_inside_era(era, result, original)
        return result
    raise DateParseError(
        _("「{text}」は日付として読めません（例: 令和7年4月1日、R7.4.1、2025-04-01）").format(
            text=original
        )
    )


def parse_year_month(text: str) -> tuple[int, int]:
    """Parses '令和7年4月', 'R7.4', '2025年4月', '2025-04' into (year, month)."""
    original = text.strip()
    cleaned = normalise_numeric(text)
    match = _ISO_YM.match(cleaned)
    if match:
        year, month = int(match.group(1)), int(match.group(2))
    else:
        match = _ERA_YM.match(cleaned)
        if not match:
            raise DateParseError(
                _("「{text}」は年月として読めません（例: 令和7年4月、2025-04）").format(text=original)
            )
        era = _BY_NAME[match.group(1).upper() if len(match.group(1)) == 1 else match.group(1)]
        era_year = 1 if match.group(2) == "元" else int(match.group(2))
        year = _era_year_to_gregorian(era, era_year, original)
        month = int(match.group(3))
    if not 1 <= month <= 12:
        raise DateParseError(_("「{text}」の月が正しくありません").format(text=original))
    return year, month


def parse_month(text: str) -> int:
    """Parses a bare month such as '７月' or '7'."""
    cleaned = normalise_numeric(text).removesuffix("月")
    if cleaned.isdigit() and 1 <= int(cleaned) <= 12:
        return int(cleaned)
    raise DateParseError(_("「{text}」は月として読めません（1〜12）").format(text=text.strip()))
