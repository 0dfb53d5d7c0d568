"""団体の取込: a town's list of its 自治会 etc. from CSV/xlsx, all rows checked first, nothing
written if one is bad. Imported organisations are registered (未申請); applications come later."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import NamedTuple

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.domain.organisation import (
    Membership,
    OrganisationDraft,
    OrganisationKind,
    validate_organisation,
)
from desktop.domain.problems import ImportRefusedError, RowProblem
from desktop.domain.text import normalise_numeric
from desktop.i18n import _
from desktop.importing.bulk import bulk_work
from desktop.importing.cells import (
    ColumnPicker,
    ParseMemo,
    RowReader,
    enough_problems,
    missing_columns,
    reach,
)
from desktop.importing.tabular import Table
from desktop.importing.templates import ORGANISATION_COLUMNS, ORGANISATION_REQUIRED
from desktop.store.access import writes
from desktop.store.models.organisation import Organisation
from desktop.store.services.change import Change
from desktop.store.services.organisations import register_organisation

_COLUMN_OF = {"name": "団体名", "representative_name": "代表者氏名", "address": "主たる事務所の所在地",
              "area": "活動区域", "member_count": "構成員数"}
_KINDS = {"地域運営組織": OrganisationKind.REGIONAL, "自治会・町内会の連合会": OrganisationKind.FEDERATION,
          "自治会連合会": OrganisationKind.FEDERATION, "町内会連合会": OrganisationKind.FEDERATION,
          "連合会": OrganisationKind.FEDERATION, "その他": OrganisationKind.OTHER, "": OrganisationKind.OTHER}
_MEMBERSHIP = {"区域の住民": Membership.RESIDENTS, "住民": Membership.RESIDENTS, "": Membership.RESIDENTS,
               "区域の住民を主たる構成員とする団体": Membership.GROUPS, "団体": Membership.GROUPS}


@dataclass
class OrganisationPreview:
    problems: list[RowProblem] = field(default_factory=list)
    count: int = 0  # rows that would be written
    drafts: list[tuple[int, OrganisationDraft]] = field(default_factory=list)  # only when kept (see PaymentPreview)

    def refused(self, confirmed: bool = False) -> bool:
        """Any problem refuses the file: these imports have no warnings to confirm."""
        return bool(self.problems)


class _Row(NamedTuple):
    """An imported row as an OrganisationDraft's fields (same names): a tuple is built in a
    third of a frozen draft's time, and a check alone never needs the draft itself."""

    name: str
    kind: OrganisationKind
    representative_title: str
    representative_name: str
    address: str
    area: str
    area_detail: str
    member_count: int
    membership: Membership
    contact: str
    articles_on: date | None
    note: str


def _read_row(reader: RowReader, picker: ColumnPicker) -> _Row:
    (name, kind_text, title, representative, address, area, area_detail, count_text, membership_text, contact,
     _articles, note) = picker.texts(reader.cells)
    kind = _KINDS.get(kind_text)
    if kind is None:
        reader.fail("種別", _("種別は「地域運営組織」「自治会・町内会の連合会」「その他」のいずれかにしてください"))
    membership = _MEMBERSHIP.get(membership_text)
    if membership is None:
        reader.fail("構成員の区分", _("構成員の区分は「区域の住民」又は「団体」としてください"))
    if not (count_text.isascii() and count_text.isdigit()):  # '１，２００人' and the like
        count_text = normalise_numeric(count_text).replace(",", "").removesuffix("人").removesuffix("団体")
    count = 0
    if count_text:
        if count_text.isdigit() and len(count_text) <= 7:
            count = int(count_text)
        else:
            reader.fail("構成員数", _("構成員数は整数で入力してください（例: 120）"))
    for column, text in zip(ORGANISATION_REQUIRED, (name, representative, address, area), strict=True):  # its order
        if not text:
            reader.fail(column, _("入力されていません"))
    return _Row(name, kind or OrganisationKind.OTHER, title or "会長", representative, address, area, area_detail,
                count, membership or Membership.RESIDENTS, contact, reader.date("規約の制定日"), note)


@writes
@bulk_work
def preview_organisations(session: Session, *, table: Table, keep_drafts: bool = False) -> OrganisationPreview:
    # Control characters were found while reading: such a file is refused before any row is judged.
    preview = OrganisationPreview(problems=missing_columns(table.header, ORGANISATION_REQUIRED) + table.problems)
    if preview.problems:
        return preview
    known = set(session.scalars(select(Organisation.name)))
    seen: dict[str, int] = {}
    memo = ParseMemo(table.header)
    picker = ColumnPicker(table.header, ORGANISATION_COLUMNS)
    for offset, cells in enumerate(table.rows.leading(reach(table.header, ORGANISATION_COLUMNS))):
        if not cells:
            continue
        if enough_problems(preview.problems, offset + 2):
            break
        reader = RowReader(table.header, cells, offset + 2, memo)
        row = _read_row(reader, picker)
        name = row.name  # stripped, as every cell
        if name in known:
            reader.fail("団体名", _("団体「{name}」は既に登録されています").format(name=name))
        if name and name in seen:
            reader.fail("団体名", _("団体「{name}」が{row}行目と重複しています").format(name=name, row=seen[name]))
        seen.setdefault(name, reader.row)
        if not reader.problems:
            for problem in validate_organisation(row):
                reader.fail(_COLUMN_OF.get(problem.field, ""), problem.message)
        if reader.problems:
            preview.problems.extend(reader.problems)
            continue
        preview.count += 1
        if keep_drafts:
            preview.drafts.append((reader.row, OrganisationDraft(**row._asdict())))
    if not preview.count and not preview.problems:
        preview.problems.append(RowProblem(2, "", _("取り込む行がありません")))
    return preview


@writes
@bulk_work
def import_organisations(session: Session, *, table: Table, registered_on: date) -> Change:
    preview = preview_organisations(session, table=table, keep_drafts=True)
    if preview.refused():
        raise ImportRefusedError(preview.problems)
    ids: list[int] = []
    for _row, draft in preview.drafts:
        ids.extend(register_organisation(session, draft=draft, registered_on=registered_on).ids)
    return Change("organisation", "import", tuple(ids), len(ids))

