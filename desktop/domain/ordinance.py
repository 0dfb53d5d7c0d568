"""The town's ordinance for 指定地域共同活動団体 (地方自治法第260条の49) as editable master data.

Each town writes its own 条例 and 規則; the app holds what they define as items the town
corrects: the 特定地域共同活動 (para 2-1), the operation requirements (para 2-2), the items
the articles must contain (para 2-3, 地方自治法施行規則), other requirements (para 2-4) and
the attachments an application needs. The model set below pre-fills a new office.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from desktop.domain.problems import Problem
from desktop.i18n import N_, _


class ItemKind(Enum):
    """Which list of the ordinance an item belongs to; values are stored in the office file."""

    ACTIVITY = "activity"          # 特定地域共同活動 (第2項第1号)
    OPERATION = "operation"        # 民主的で透明性の高い運営その他適正な運営 (第2項第2号)
    ARTICLES = "articles"          # 定款・規約に定める事項 (第2項第3号、総務省令)
    OTHER = "other"                # その他条例で定める要件 (第2項第4号)
    ATTACHMENT = "attachment"      # 申請書の添付書類 (規則)

    @property
    def label(self) -> str:
        return _(_KIND_LABELS[self])

    @property
    def official_label(self) -> str:
        return _KIND_LABELS[self]


_KIND_LABELS = {
    ItemKind.ACTIVITY: N_("特定地域共同活動"),
    ItemKind.OPERATION: N_("運営の要件"),
    ItemKind.ARTICLES: N_("定款・規約に定める事項"),
    ItemKind.OTHER: N_("その他の要件"),
    ItemKind.ATTACHMENT: N_("添付書類"),
}


@dataclass(frozen=True)
class OrdinanceItem:
    """One line of the ordinance's lists; `test` says how the clerk checks it (運営の要件)."""

    id: int
    kind: ItemKind
    label: str
    test: str = ""
    active: bool = True
    sort_order: int = 0


@dataclass(frozen=True)
class OrdinanceItemDraft:
    kind: ItemKind
    label: str
    test: str = ""
    active: bool = True


@dataclass(frozen=True)
class OrdinanceTitle:
    """What the forms print: the ordinance's title and number, and the rule under it."""

    title: str = "指定地域共同活動団体の指定等に関する条例"
    number: str = ""          # e.g. 令和7年B町条例第11号
    rule_title: str = "指定地域共同活動団体の指定等に関する条例施行規則"
    rule_number: str = ""


@dataclass(frozen=True)
class Ordinance:
    heading: OrdinanceTitle
    items: tuple[OrdinanceItem, ...]

    def active(self, kind: ItemKind) -> tuple[OrdinanceItem, ...]:
        return tuple(i for i in self.items if i.kind is kind and i.active)

    def item(self, item_id: int) -> OrdinanceItem | None:
        return next((i for i in self.items if i.id == item_id), None)

    def citation(self) -> str:
        """『B町指定地域共同活動団体に関する条例（令和7年B町条例第11号）』 as forms cite it."""
        return f"{self.heading.title}（{self.heading.number}）" if self.heading.number else self.heading.title


# The model set a new office starts with (Hiroshima City's ordinance, 令和7年条例第11号, and the
# ministerial-ordinance list of 令和6年9月26日 as examples); the town corrects it to its own text.
MODEL_ITEMS: tuple[tuple[ItemKind, str, str], ...] = (
    (ItemKind.ACTIVITY, "生活支援", "買い物・移動の支援、見守り、家事援助など日常生活の支援"),
    (ItemKind.ACTIVITY, "健康の維持増進", "健康づくり教室、介護予防、サロン活動"),
    (ItemKind.ACTIVITY, "交流促進", "多世代交流、祭り・行事、居場所づくり"),
    (ItemKind.ACTIVITY, "生涯学習", "学習会、文化・スポーツ活動、地域の歴史の継承"),
    (ItemKind.ACTIVITY, "防災・防犯", "自主防災活動、避難支援、防犯パトロール"),
    (ItemKind.ACTIVITY, "環境美化", "清掃、緑化、公園・道路の美化"),
    (ItemKind.ACTIVITY, "子ども・子育て支援", "子どもの居場所づくり、登下校の見守り、子育てサロン"),
    (ItemKind.OPERATION, "構成員の資格を不当に制限していないこと",
     "区域に住所を有する者（又はその団体）は誰でも構成員になれる旨が定款・規約にある"),
    (ItemKind.OPERATION, "総会を年1回以上開催していること", "直近の総会議事録で確認する"),
    (ItemKind.OPERATION, "役員を民主的な手続により選出していること", "総会での選任又は選挙の記録で確認する"),
    (ItemKind.OPERATION, "事業計画・予算・決算を総会で決定し、公開していること",
     "総会議事録と公開の方法（回覧・掲示・ウェブサイト等）で確認する"),
    (ItemKind.OPERATION, "会計を適正に処理し、監査を受けていること", "監事による監査報告で確認する"),
    (ItemKind.ARTICLES, "目的", ""),
    (ItemKind.ARTICLES, "名称", ""),
    (ItemKind.ARTICLES, "主たる事務所の所在地", ""),
    (ItemKind.ARTICLES, "主として活動を行う区域", ""),
    (ItemKind.ARTICLES, "構成員の資格", ""),
    (ItemKind.ARTICLES, "代表者・役員", ""),
    (ItemKind.ARTICLES, "会議", ""),
    (ItemKind.ARTICLES, "資産・会計", ""),
    (ItemKind.ARTICLES, "定款の変更", ""),
    (ItemKind.ARTICLES, "解散", ""),
    (ItemKind.OTHER, "政治活動又は宗教活動を主たる目的としていないこと", "定款・規約の目的と事業計画で確認する"),
    (ItemKind.OTHER, "暴力団又は暴力団員の統制下にないこと", "誓約書で確認する"),
    (ItemKind.OTHER, "区域内で1年以上の活動実績があること", "前年度の事業報告で確認する"),
    (ItemKind.ATTACHMENT, "定款・規約", ""),
    (ItemKind.ATTACHMENT, "役員名簿", ""),
    (ItemKind.ATTACHMENT, "構成員名簿", ""),
    (ItemKind.ATTACHMENT, "事業計画書", ""),
    (ItemKind.ATTACHMENT, "収支予算書", ""),
    (ItemKind.ATTACHMENT, "総会議事録", ""),
    (ItemKind.ATTACHMENT, "誓約書", ""),
    (ItemKind.ATTACHMENT, "活動区域を示す図面", ""),
)

MAX_LABEL = 120


def validate_item(draft: OrdinanceItemDraft, others: set[str]) -> list[Problem]:
    """Labels are unique within their list, so a checklist answer is never ambiguous."""
    label = draft.label.strip()
    if not label:
        return [Problem("label", _("項目名を入力してください"))]
    if len(label) > MAX_LABEL:
        return [Problem("label", _("項目名は{n}文字以内で入力してください").format(n=MAX_LABEL))]
    if label in others:
        return [Problem("label", _("「{label}」は既にあります").format(label=label))]
    return []


def validate_title(heading: OrdinanceTitle) -> list[Problem]:
    if not heading.title.strip():
        return [Problem("title", _("条例の題名を入力してください"))]
    return []
