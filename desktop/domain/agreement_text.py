"""The agreement's articles as sentences, following the ministry's model (used on screen and in F1)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from desktop.domain.agreement import AgreementTerms
from desktop.domain.wareki import format_wareki, format_year_month
from desktop.i18n import official

_KANJI_DIGITS = "〇一二三四五六七八九"


def kanji_number(n: int) -> str:
    """1 → 一, 12 → 十二, 20 → 二十 (article and item numbers)."""
    if n < 0 or n > 99:
        return str(n)
    tens, ones = divmod(n, 10)
    text = ("" if tens == 0 else ("十" if tens == 1 else _KANJI_DIGITS[tens] + "十"))
    return text + (_KANJI_DIGITS[ones] if ones or not text else "")


@dataclass(frozen=True)
class Article:
    caption: str          # （基本方針）
    heading: str          # 第一条
    paragraphs: tuple[str, ...]


def preamble(partner: str, town: str) -> str:
    return official("{partner}及び{town}は、地方自治法（昭和22年法律第67号）第252条の2第1項の規定により、"
             "{town}において不足する専門人材の確保及び当該専門人材の派遣に関する連携協約を締結する。").format(
        partner=partner, town=town)


def render_articles(terms: AgreementTerms, *, partner: str, town: str, field_names: list[str]) -> list[Article]:
    """第一条〜第五条 filled from the terms; blanks show as 〇〇 as in the model, never dropped."""
    blank = "〇〇"
    affairs = terms.policy_affairs or ()
    items = tuple(f"{kanji_number(i)}　{text}" for i, text in enumerate(affairs, start=1))
    expertise = terms.expertise or "・".join(field_names) or "××"
    count = kanji_number(terms.staff_count) if terms.staff_count < 100 else str(terms.staff_count)
    if terms.dispatch_start and terms.dispatch_end:
        period = official("派遣期間は{start}から{end}までとする。").format(
            start=format_year_month(terms.dispatch_start.year, terms.dispatch_start.month)
            if terms.dispatch_start.day == 1 else format_wareki(terms.dispatch_start),
            end=format_year_month(terms.dispatch_end.year, terms.dispatch_end.month)
            if _is_month_end(terms.dispatch_end) else format_wareki(terms.dispatch_end))
    else:
        period = official("派遣期間は〇年〇月から〇年〇月までとする。")
    cost = [
        official("第二条に規定する職員の採用に要する経費は、{bearer}の負担とする。").format(
            bearer=terms.recruitment_cost_bearer or partner),
        official("第二条に規定する職員の人件費等は、{bearer}の負担とする。").format(
            bearer=terms.personnel_cost_bearer or partner),
    ]
    if terms.contribution_note:
        cost.append(terms.contribution_note)
    return [
        Article(official("（基本方針）"), official("第一条"), (official("次の各号に掲げる事務において連携を図るものとする。"), *items)),
        Article(official("（不足する専門人材）"), official("第二条"), (official(
            "{town}において、{problem}を処理するために必要な専門人材が著しく不足していることから、"
            "{expertise}の専門性を有する職員を必要とする。").format(
                town=town, problem=terms.problem or blank, expertise=expertise),)),
        Article(official("（役割）"), official("第三条"), (
            official("{partner}は、前条に規定する職員{count}名を、{town}に派遣するものとする。").format(
                partner=partner, count=count, town=town),
            official("{town}は、{partner}から派遣される職員{count}名を受け入れ、{affairs}の事務に従事させるものとする。").format(
                town=town, partner=partner, count=count, affairs=terms.assigned_affairs or blank),
        )),
        Article(official("（派遣期間）"), official("第四条"), (period,)),
        Article(official("（費用負担）"), official("第五条"), tuple(cost)),
    ]


def _is_month_end(day: date) -> bool:
    return (day + timedelta(days=1)).day == 1


def articles_as_text(articles: list[Article]) -> str:
    lines: list[str] = []
    for article in articles:
        lines.append(article.caption)
        first, *rest = article.paragraphs
        lines.append(f"{article.heading}　{first}")
        number = 2
        for paragraph in rest:
            if paragraph[:1] in _KANJI_DIGITS:
                lines.append(f"　{paragraph}")
            else:
                lines.append(f"{number}　{paragraph}")
                number += 1
        lines.append("")
    return "\n".join(lines).rstrip()
