"""負担金の取込: budget lines, invoices, payments and refunds from CSV/xlsx, all or nothing."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy.orm import Session

from desktop.domain.amount_limit import check_amount
from desktop.domain.contribution import (
    MoneyKind,
    MoneyRowDraft,
    kind_from_text,
    validate_money_row,
    year_choices,
)
from desktop.domain.fiscal_year import FiscalYear
from desktop.domain.near_matches import near_matches
from desktop.domain.problems import ImportRefusedError, RowProblem, Severity
from desktop.i18n import _
from desktop.importing.bulk import bulk_work
from desktop.importing.cells import (
    MAX_MEMO,
    ColumnPicker,
    ParseMemo,
    RowReader,
    enough_problems,
    missing_columns,
    reach,
)
from desktop.importing.tabular import Table
from desktop.importing.templates import PAYMENT_COLUMNS, PAYMENT_REQUIRED
from desktop.store import audit
from desktop.store.access import writes
from desktop.store.models.contribution import MoneyRow
from desktop.store.repos.import_limits import get_import_amount_limit
from desktop.store.services.change import Change
from desktop.store.services.contributions import apply_draft
from desktop.store.services.import_lookup import ImportLookup, hint

_COLUMN_OF = {"post_id": "派遣先ポスト", "staff_id": "氏名", "amount_yen": "金額", "on_date": "日付",
              "fiscal_year": "会計年度", "due_on": "期日", "number": "番号"}


@dataclass
class PaymentPreview:
    problems: list[RowProblem] = field(default_factory=list)
    count: int = 0  # rows that would be written, and their sum
    total_yen: int = 0
    # The rows themselves, kept only for the import that writes them: a check alone (the
    # preview, a refusal) would hold 100,000 of them for nothing (QUALITY.md: 200 MB).
    drafts: list[tuple[int, MoneyRowDraft]] = field(default_factory=list)

    @property
    def errors(self) -> list[RowProblem]:
        return [p for p in self.problems if p.severity is Severity.ERROR]

    def refused(self, confirmed: bool) -> bool:
        """Errors refuse the file; warnings too until the clerk has confirmed them."""
        return bool(self.errors or (self.problems and not confirmed))



# Every column but the amount, the number and the note: rows that share them share everything
# read from them (the agreement, post and staff, dates, fiscal year and their problems), and a
# file of 100,000 rows repeats the same few hundred of them.
_CONTEXT_COLUMNS = ("協約番号", "派遣先ポスト", "氏名", "区分", "日付", "期日", "会計年度")


@dataclass(frozen=True)
class _Context:
    """What a row's context columns say, with their problems as (column, message, severity):
    those the row shows before its amount's, after them, and those of the whole draft."""

    kind: MoneyKind | None
    on_date: date | None
    due_on: date | None
    fiscal_year: FiscalYear | None
    post_id: int | None
    staff_id: int | None
    before: tuple[tuple[str, str, Severity], ...]
    after: tuple[tuple[str, str, Severity], ...]
    of_draft: tuple[tuple[str, str, Severity], ...]


def _problem_parts(problems: list[RowProblem]) -> tuple[tuple[str, str, Severity], ...]:
    return tuple((p.column, p.message, p.severity) for p in problems)


def _read_context(lookup: ImportLookup, reader: RowReader) -> _Context:
    number = reader.text("協約番号", required=True)
    post_text = reader.text("派遣先ポスト", required=True)
    name = reader.text("氏名")
    kind_text = reader.text("区分", required=True)
    kind = kind_from_text(kind_text) if kind_text else None
    if kind_text and kind is None:
        reader.fail("区分", _("「{text}」は区分として使えません（予算・請求・支払・戻入）").format(text=kind_text))
    on_date = reader.date("日付", required=kind is not MoneyKind.BUDGET)
    before = _problem_parts(reader.problems)
    del reader.problems[:]
    due_on = reader.date("期日")
    year_text = reader.text("会計年度")
    fiscal_year: FiscalYear | None = reader.fiscal_year("会計年度") if year_text else None
    if not year_text and on_date is not None and kind is not None:
        choices = year_choices(kind, on_date)
        fiscal_year = choices[-1]
        if len(choices) > 1:
            reader.problems.append(RowProblem(reader.row, "会計年度", _(
                "出納整理期間（4月1日〜5月31日）の{kind}で会計年度が空欄です。{year}として取り込みます"
                "（前年度分なら会計年度の列に{previous}と書いてください）").format(
                kind=kind.label, year=fiscal_year.label(), previous=choices[0].label()), Severity.WARNING))
    elif not year_text and kind is MoneyKind.BUDGET:
        reader.fail("会計年度", _("予算の行には会計年度を書いてください"))
    agreement_id = lookup.agreement(reader, number) if number else None
    post_id = None
    if agreement_id is not None and post_text:
        found_post = lookup.post(reader, agreement_id, number, post_text, creatable=False)
        post_id = found_post if isinstance(found_post, int) else None
    staff_id = None
    if name and post_id is not None:
        staff = lookup.staff_on_post(post_id)
        found = staff.get(name, [])
        if not found:
            reader.fail("氏名", _("{name}さんは「{post}」に派遣された記録がありません").format(name=name, post=post_text)
                        + hint(near_matches(name, list(staff))))
        elif len(found) > 1:
            reader.fail("氏名", _("「{post}」に{name}さんが複数います。名簿で区別してください").format(name=name, post=post_text))
        else:
            staff_id = found[0]
    after = _problem_parts(reader.problems)
    of_draft: list[RowProblem] = []
    if kind is not None and not any(severity is Severity.ERROR for _c, _m, severity in before + after):
        # The draft's own rules never look at the amount but for its type and sign, which a
        # parsed amount always passes: they hold for every amount of this context.
        draft = MoneyRowDraft(kind, post_id, staff_id, fiscal_year, on_date, 0, "", due_on, "")
        faulted = {column for column, _m, _s in before + after}
        for problem in validate_money_row(draft):
            column = _COLUMN_OF.get(problem.field, "")
            if column not in faulted:
                of_draft.append(RowProblem(reader.row, column, problem.message))
    return _Context(kind, on_date, due_on, fiscal_year, post_id, staff_id, before, after, _problem_parts(of_draft))


class _RowReading:
    """Reads payment rows, each context read once (up to MAX_MEMO of them, to bound memory)."""

    def __init__(self, header: list[str], lookup: ImportLookup, memo: ParseMemo, limit_yen: int) -> None:
        self.lookup = lookup
        self.memo = memo
        self.limit_yen = limit_yen
        self.contexts: dict[tuple[str, ...], _Context] = {}
        self._context = ColumnPicker(header, _CONTEXT_COLUMNS)

    def read(self, reader: RowReader) -> tuple[_Context, int] | None:
        """The row's context and amount, when the row can be written (its problems: the reader's)."""
        cells = reader.cells
        key = self._context.texts(cells)
        context = self.contexts.get(key)
        if context is None:
            context = _read_context(self.lookup, RowReader(reader.header, cells, reader.row, self.memo))
            if len(self.contexts) < MAX_MEMO:
                self.contexts[key] = context
        row = reader.row
        problems = reader.problems
        if context.before:  # most rows have no problem: no generator is made for them
            problems.extend(RowProblem(row, *parts) for parts in context.before)
        amount = reader.yen("金額", required=True)
        too_much = check_amount(amount, self.limit_yen) if amount is not None else None
        if too_much is not None:
            reader.fail("金額", too_much.message)
        if context.after:
            problems.extend(RowProblem(row, *parts) for parts in context.after)
        if context.kind is None or amount is None or (problems and any(p.severity is Severity.ERROR for p in problems)):
            return None
        if context.of_draft:
            problems.extend(RowProblem(row, *parts) for parts in context.of_draft)
            if any(severity is Severity.ERROR for _c, _m, severity in context.of_draft):
                return None
        return context, amount


def _draft(reader: RowReader, context: _Context, amount: int) -> MoneyRowDraft:
    assert context.kind is not None  # a row without a kind is never written (_RowReading.read)
    return MoneyRowDraft(context.kind, context.post_id, context.staff_id, context.fiscal_year, context.on_date,
                         amount, reader.text("番号"), context.due_on, reader.text("摘要"))


@writes
@bulk_work
def preview_payments(session: Session, *, table: Table, keep_drafts: bool = False) -> PaymentPreview:
    preview = PaymentPreview(problems=missing_columns(table.header, PAYMENT_REQUIRED) + table.problems)
    if preview.problems:  # missing columns, too many rows, or control characters: a wrong file
        return preview
    memo = ParseMemo(table.header)
    reading = _RowReading(table.header, ImportLookup(session), memo, get_import_amount_limit(session))
    for offset, cells in enumerate(table.rows.leading(reach(table.header, PAYMENT_COLUMNS))):
        if not cells:
            continue
        if enough_problems(preview.problems, offset + 2):
            break
        reader = RowReader(table.header, cells, offset + 2, memo)
        good = reading.read(reader)
        if reader.problems:
            preview.problems.extend(reader.problems)
        if good is not None:
            preview.count += 1
            preview.total_yen += good[1]
            if keep_drafts:  # a check alone never needs the drafts (a third of its time)
                preview.drafts.append((reader.row, _draft(reader, *good)))
    if not preview.count and not preview.problems:
        preview.problems.append(RowProblem(2, "", _("取り込む行がありません")))
    return preview


@writes
@bulk_work
def import_payments(session: Session, *, table: Table, confirmed: bool = False, source: str = "") -> Change:
    preview = preview_payments(session, table=table, keep_drafts=True)
    if preview.refused(confirmed):
        raise ImportRefusedError(preview.problems)
    ids = []
    for _row, draft in preview.drafts:
        row = MoneyRow(number="", note="")
        apply_draft(row, draft)
        session.add(row)
        session.flush()
        ids.append(row.id)
    audit.record(session, entity="money_row", entity_id="import", action="import",
                 after={"source": source, "rows": len(ids), "total_yen": preview.total_yen, "ids": ids},
                 summary=_("負担金の取込 {count}件 {total}円").format(count=len(ids), total=f"{preview.total_yen:,}"))
    return Change("money_row", "import", tuple(ids), len(ids))
