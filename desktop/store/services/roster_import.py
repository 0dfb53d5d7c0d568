"""名簿の取込: every row is checked first; one bad row and nothing is written."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.domain.periods import Period
from desktop.domain.problems import ImportRefusedError, RowProblem, Severity
from desktop.domain.staffing import (
    AssignmentDraft,
    DispatchForm,
    EmploymentType,
    OtherAssignment,
    dispatch_form_from_text,
    employment_type_from_text,
    validate_assignment,
)
from desktop.domain.text import normalise_reading
from desktop.i18n import _
from desktop.importing.cells import RowReader, missing_columns
from desktop.importing.tabular import Table
from desktop.importing.templates import ROSTER_COLUMNS
from desktop.store import audit
from desktop.store.models.agreement import Field, Post
from desktop.store.models.staffing import Assignment, StaffMember
from desktop.store.repos.agreements import find_agreement_id, find_post_id, post_label
from desktop.store.repos.staffing import agreement_context, find_staff_id, other_assignments
from desktop.store.services.change import Change

# The column the overlap and period rules point at, for the clerk's eye.
_COLUMN_OF = {"name": "氏名", "reading": "ふりがな", "post_id": "派遣先ポスト", "field_id": "分野",
              "start_on": "派遣開始日", "end_on": "派遣終了日"}


def split_post(text: str) -> tuple[str, str]:
    """'健康福祉課／保健師' → ('健康福祉課', '保健師'); a text without ／ is a department only."""
    for separator in ("／", "/"):
        if separator in text:
            department, job = text.split(separator, 1)
            return department.strip(), job.strip()
    return text.strip(), ""


@dataclass
class RosterLine:
    row: int
    agreement_id: int
    agreement_number: str
    department: str
    job: str
    draft: AssignmentDraft
    staff_id: int | None


@dataclass
class RosterPreview:
    lines: list[RosterLine] = field(default_factory=list)
    problems: list[RowProblem] = field(default_factory=list)
    new_posts: list[str] = field(default_factory=list)
    new_staff: list[str] = field(default_factory=list)

    @property
    def errors(self) -> list[RowProblem]:
        return [p for p in self.problems if p.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[RowProblem]:
        return [p for p in self.problems if p.severity is Severity.WARNING]


def preview_roster(session: Session, *, table: Table) -> RosterPreview:
    """Checks every row against the rules and the office file, writing nothing."""
    preview = RosterPreview(problems=missing_columns(table.header, ROSTER_COLUMNS))
    if preview.problems:
        return preview
    fields = {f.name: f.id for f in session.scalars(select(Field))}
    planned: dict[tuple[str, str], list[OtherAssignment]] = {}
    new_posts: set[tuple[int, str, str]] = set()
    for offset, cells in enumerate(table.rows):
        if not any(cells):
            continue
        line = _read_line(session, RowReader(table.header, cells, offset + 2), fields, planned, preview)
        if line is None:
            continue
        preview.lines.append(line)
        if find_post_id(session, line.agreement_id, line.department, line.job) is None:
            key = (line.agreement_id, line.department, line.job)
            if key not in new_posts:
                new_posts.add(key)
                preview.new_posts.append(f"{line.agreement_number} {post_label(line.department, line.job)}")
        if line.staff_id is None and line.draft.name not in preview.new_staff:
            preview.new_staff.append(line.draft.name)
    if not preview.lines and not preview.problems:
        preview.problems.append(RowProblem(2, "", _("取り込む行がありません")))
    return preview


def _read_line(session: Session, reader: RowReader, fields: dict[str, int],
               planned: dict[tuple[str, str], list[OtherAssignment]], preview: RosterPreview) -> RosterLine | None:
    number = reader.text("協約番号", required=True)
    name = reader.text("氏名", required=True)
    reading = normalise_reading(reader.text("ふりがな", required=True))
    field_name = reader.text("分野", required=True)
    employment_text = reader.text("任用形態", required=True)
    dispatch_text = reader.text("派遣形態", required=True)
    post_text = reader.text("派遣先ポスト", required=True)
    start, end = reader.date("派遣開始日", required=True), reader.date("派遣終了日", required=True)
    employment = employment_type_from_text(employment_text) if employment_text else None
    if employment_text and employment is None:
        reader.fail("任用形態", _("「{text}」は任用形態として使えません（任期の定めのない常勤職員・任期付職員・非常勤職員）").format(text=employment_text))
    dispatch = dispatch_form_from_text(dispatch_text) if dispatch_text else None
    if dispatch_text and dispatch is None:
        reader.fail("派遣形態", _("「{text}」は派遣形態として使えません（自治法派遣・その他）").format(text=dispatch_text))
    agreement_id = find_agreement_id(session, number) if number else None
    if number and agreement_id is None:
        reader.fail("協約番号", _("協約番号「{number}」の協約が登録されていません").format(number=number))
    field_id = fields.get(field_name)
    if field_name and field_id is None:
        reader.fail("分野", _("分野「{field}」は分野マスタにありません").format(field=field_name))
    department, job = split_post(post_text)
    # The post may not exist yet (the import creates it): -1 stands for "the post named in this row".
    draft = AssignmentDraft(name=name, reading=reading, post_id=-1, field_id=field_id,
                            employment_type=employment or EmploymentType.FIXED_TERM,
                            dispatch_form=dispatch or DispatchForm.LOCAL_AUTONOMY_ACT, start_on=start, end_on=end)
    staff_id = find_staff_id(session, name, reading) if name and reading else None
    others = list(planned.get((name, reading), []))
    if staff_id is not None:
        others += other_assignments(session, staff_id)
    context = agreement_context(session, agreement_id) if agreement_id is not None else None
    # A column the cell reader already faulted (empty, unreadable date …) says it best; the
    # rules add what they find in the other columns.
    faulted = {p.column for p in reader.problems}
    for problem in validate_assignment(draft, context, others, field_name):
        column = _COLUMN_OF.get(problem.field, "")
        if column not in faulted:
            reader.problems.append(RowProblem(reader.row, column, problem.message, problem.severity))
    preview.problems.extend(reader.problems)
    if any(p.severity is Severity.ERROR for p in reader.problems) or agreement_id is None:
        return None
    assert start is not None and end is not None
    planned.setdefault((name, reading), []).append(
        OtherAssignment(Period(start, end), _("この名簿の{row}行目").format(row=reader.row)))
    return RosterLine(reader.row, agreement_id, number, department, job, draft, staff_id)


def import_roster(session: Session, *, table: Table, confirmed: bool = False, source: str = "") -> Change:
    """Writes every line, creating missing posts and staff, or raises ImportRefusedError and writes nothing."""
    preview = preview_roster(session, table=table)
    if preview.errors or (preview.warnings and not confirmed):
        raise ImportRefusedError(preview.problems)
    created: list[int] = []
    staff_by_key: dict[tuple[str, str], int] = {}
    for line in preview.lines:
        post_id = find_post_id(session, line.agreement_id, line.department, line.job)
        if post_id is None:
            post = Post(agreement_id=line.agreement_id, department=line.department, job=line.job, note="")
            session.add(post)
            session.flush()
            post_id = post.id
        key = (line.draft.name, line.draft.reading)
        staff_id = line.staff_id or staff_by_key.get(key)
        if staff_id is None:
            staff = StaffMember(name=line.draft.name, reading=line.draft.reading, note="")
            session.add(staff)
            session.flush()
            staff_id = staff.id
        staff_by_key[key] = staff_id
        d = line.draft
        assert d.field_id is not None and d.start_on is not None and d.end_on is not None
        assignment = Assignment(staff_id=staff_id, post_id=post_id, field_id=d.field_id,
                                employment_type=d.employment_type.value, dispatch_form=d.dispatch_form.value,
                                hired_for_support=False, start_on=d.start_on, end_on=d.end_on, note="")
        session.add(assignment)
        session.flush()
        created.append(assignment.id)
    audit.record(session, entity="assignment", entity_id="import", action="import",
                 after={"source": source, "rows": len(created), "new_posts": preview.new_posts,
                        "new_staff": preview.new_staff, "assignment_ids": created},
                 summary=_("名簿の取込 {count}件").format(count=len(created)))
    return Change("assignment", "import", tuple(created), len(created))
