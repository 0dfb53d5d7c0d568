"""協約の取込: agreements from a CSV/xlsx, all rows checked first, nothing written if one is bad."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy.orm import Session

from desktop.domain.agreement import (
    MODEL_POLICY_AFFAIRS,
    AgreementDraft,
    AgreementTerms,
    validate_agreement,
)
from desktop.domain.problems import ImportRefusedError, RowProblem
from desktop.i18n import _
from desktop.importing.bulk import bulk_work
from desktop.importing.cells import (
    ParseMemo,
    RowReader,
    enough_problems,
    missing_columns,
    too_many_rows,
)
from desktop.importing.tabular import Table
from desktop.importing.templates import AGREEMENT_COLUMNS
from desktop.store.access import writes
from desktop.store.repos.town import get_town_profile
from desktop.store.services.agreements import create_agreement
from desktop.store.services.change import Change
from desktop.store.services.import_lookup import ImportLookup

_COLUMN_OF = {"number": "協約番号", "partner": "相手方団体", "concluded_on": "締結日",
              "dispatch_start": "派遣期間開始", "dispatch_end": "派遣期間終了", "field_ids": "分野"}


@dataclass
class AgreementPreview:
    drafts: list[tuple[int, AgreementDraft]] = field(default_factory=list)
    problems: list[RowProblem] = field(default_factory=list)

    def refused(self, confirmed: bool = False) -> bool:
        """Any problem refuses the file: these imports have no warnings to confirm."""
        return bool(self.problems)


@writes
@bulk_work
def preview_agreements(session: Session, *, table: Table) -> AgreementPreview:
    preview = AgreementPreview(problems=missing_columns(table.header, AGREEMENT_COLUMNS) + table.problems
                                     + too_many_rows(len(table.rows)))
    if preview.problems:  # missing columns, too many rows, or control characters: a wrong file
        return preview
    lookup = ImportLookup(session)
    town = get_town_profile(session).name or _("当町")
    seen: dict[str, int] = {}
    memo = ParseMemo(table.header)
    for offset, cells in enumerate(table.rows):
        if not any(cells):
            continue
        if enough_problems(preview.problems, offset + 2):
            break
        reader = RowReader(table.header, cells, offset + 2, memo)
        number = reader.text("協約番号", required=True)
        partner = reader.text("相手方団体", required=True)
        concluded = reader.date("締結日")
        start, end = reader.date("派遣期間開始", required=True), reader.date("派遣期間終了", required=True)
        field_ids: list[int] = []
        for name in (n.strip() for n in reader.text("分野", required=True).replace("、", "・").split("・")):
            if not name:
                continue
            field_id = lookup.field(reader, name)
            if field_id is not None:
                field_ids.append(field_id)
        if number and number in lookup.agreements:
            reader.fail("協約番号", _("協約番号「{number}」は既に登録されています").format(number=number))
        if number in seen:
            reader.fail("協約番号", _("協約番号「{number}」が{row}行目と重複しています").format(number=number, row=seen[number]))
        seen.setdefault(number, reader.row)
        terms = AgreementTerms(
            policy_affairs=tuple(a.format(town=town) for a in MODEL_POLICY_AFFAIRS), field_ids=tuple(field_ids),
            dispatch_start=start, dispatch_end=end, recruitment_cost_bearer=partner, personnel_cost_bearer=partner,
        )
        draft = AgreementDraft(number=number, partner=partner, concluded_on=concluded, terms=terms)
        if not reader.problems:
            for problem in validate_agreement(draft):
                reader.fail(_COLUMN_OF.get(problem.field, ""), problem.message)
        if reader.problems:
            preview.problems.extend(reader.problems)
        else:
            preview.drafts.append((reader.row, draft))
    if not preview.drafts and not preview.problems:
        preview.problems.append(RowProblem(2, "", _("取り込む行がありません")))
    return preview


@writes
@bulk_work
def import_agreements(session: Session, *, table: Table) -> Change:
    preview = preview_agreements(session, table=table)
    if preview.refused():
        raise ImportRefusedError(preview.problems)
    ids: list[int] = []
    for _row, draft in preview.drafts:
        ids.extend(create_agreement(session, draft=draft).ids)
    return Change("agreement", "import", tuple(ids), len(ids))
