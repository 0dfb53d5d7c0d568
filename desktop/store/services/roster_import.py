"""名簿の取込: every row is checked first; one bad row and nothing is written."""

from __future__ import annotations

from dataclasses import dataclass, field

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
from desktop.importing.bulk import bulk_work
from desktop.importing.cells import (
    ParseMemo,
    RowReader,
    enough_problems,
    missing_columns,
    too_many_rows,
)
from desktop.importing.tabular import Table
from desktop.importing.templates import ROSTER_COLUMNS
from desktop.store import audit
from desktop.store.access import writes
from desktop.store.models.agreement import Post
from desktop.store.models.staffing import Assignment, StaffMember
from desktop.store.services.change import Change
from desktop.store.services.import_lookup import ImportLookup, NewPost, hint

# The column the overlap and period rules point at, for the clerk's eye.
_COLUMN_OF = {"name": "氏名", "reading": "ふりがな", "post_id": "派遣先ポスト", "field_id": "分野",
              "start_on": "派遣開始日", "end_on": "派遣終了日"}


@dataclass
class RosterLine:
    row: int
    agreement_id: int
    agreement_number: str
    post: int | NewPost  # the post's id, or the post the clerk agreed to create
    draft: AssignmentDraft
    staff_id: int | None


@dataclass
class RosterPreview:
    lines: list[RosterLine] = field(default_factory=list)
    problems: list[RowProblem] = field(default_factory=list)
    new_posts: list[str] = field(default_factory=list)  # created on import (create_posts)
    unknown_posts: list[str] = field(default_factory=list)  # created if the clerk confirms
    post_hints: dict[str, str] = field(default_factory=dict)  # unknown post → its near matches
    new_staff: list[str] = field(default_factory=list)

    @property
    def errors(self) -> list[RowProblem]:
        return [p for p in self.problems if p.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[RowProblem]:
        return [p for p in self.problems if p.severity is Severity.WARNING]

    def refused(self, confirmed: bool) -> bool:
        """Errors refuse the file; warnings too until the clerk has confirmed them."""
        return bool(self.errors or (self.warnings and not confirmed))


@writes
@bulk_work
def preview_roster(session: Session, *, table: Table, create_posts: bool = False) -> RosterPreview:
    """Checks every row against the rules and the office file, writing nothing.

    A post the agreement does not have is an error listing the near matches, unless
    `create_posts` (the clerk confirmed it) makes it a post to create.
    """
    preview = RosterPreview(problems=missing_columns(table.header, ROSTER_COLUMNS) + table.problems
                                     + too_many_rows(len(table.rows)))
    if preview.problems:  # missing columns, too many rows, or control characters: a wrong file
        return preview
    lookup = ImportLookup(session)
    memo = ParseMemo(table.header)
    planned: dict[tuple[str, str], list[OtherAssignment]] = {}
    new_staff: set[str] = set()
    for offset, cells in enumerate(table.rows):
        if not any(cells):
            continue
        if enough_problems(preview.problems, offset + 2):
            break
        line = _read_line(session, lookup, RowReader(table.header, cells, offset + 2, memo), planned, preview,
                          create_posts)
        if line is None:
            continue
        preview.lines.append(line)
        if isinstance(line.post, NewPost) and line.post.label not in preview.new_posts:
            preview.new_posts.append(line.post.label)
            preview.post_hints[line.post.label] = hint(list(line.post.near))
        if line.staff_id is None and line.draft.name not in new_staff:
            new_staff.add(line.draft.name)
            preview.new_staff.append(line.draft.name)
    if create_posts:
        preview.unknown_posts = list(preview.new_posts)
    elif preview.errors:
        _find_unknown_posts(lookup, memo, table, preview)
    if not preview.lines and not preview.problems:
        preview.problems.append(RowProblem(2, "", _("取り込む行がありません")))
    return preview


def _find_unknown_posts(lookup: ImportLookup, memo: ParseMemo, table: Table, preview: RosterPreview) -> None:
    """The posts that confirming "create" would add: what the dialog offers the clerk."""
    found = preview.unknown_posts
    for offset, cells in enumerate(table.rows):
        reader = RowReader(table.header, cells, offset + 2, memo)
        agreement_id = lookup.agreements.get(reader.text("協約番号"))
        post_text = reader.text("派遣先ポスト")
        if agreement_id is None or not post_text:
            continue
        post = lookup.post(reader, agreement_id, reader.text("協約番号"), post_text, create=True)
        if isinstance(post, NewPost) and post.label not in found:
            found.append(post.label)
            preview.post_hints[post.label] = hint(list(post.near))


def _read_line(session: Session, lookup: ImportLookup, reader: RowReader,
               planned: dict[tuple[str, str], list[OtherAssignment]], preview: RosterPreview,
               create_posts: bool) -> RosterLine | None:
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
    agreement_id = lookup.agreement(reader, number) if number else None
    field_id = lookup.field(reader, field_name) if field_name else None
    post = (lookup.post(reader, agreement_id, number, post_text, create=create_posts)
            if agreement_id is not None and post_text else None)
    # A post still to be created has no id: -1 stands for "the post named in this row".
    draft = AssignmentDraft(name=name, reading=reading, post_id=post if isinstance(post, int) else -1,
                            field_id=field_id,
                            employment_type=employment or EmploymentType.FIXED_TERM,
                            dispatch_form=dispatch or DispatchForm.LOCAL_AUTONOMY_ACT, start_on=start, end_on=end)
    staff_id = lookup.staff_id(name, reading) if name and reading else None
    if staff_id is None and name and reading and (name, reading) not in planned:
        similar = lookup.similar_staff(name, reading)
        if similar:
            reader.problems.append(RowProblem(reader.row, "氏名", _(
                "{name}さんを新しい職員として登録します。既にいる{similar}と似ています。同じ人なら氏名とふりがなを"
                "合わせてください").format(name=name, similar="、".join(similar)), Severity.WARNING))
    others = list(planned.get((name, reading), []))
    if staff_id is not None:
        others += lookup.other_assignments(staff_id)
    context = lookup.agreement_context(agreement_id) if agreement_id is not None else None
    # A column the cell reader already faulted (empty, unreadable date …) says it best; the
    # rules add what they find in the other columns.
    faulted = {p.column for p in reader.problems}
    for problem in validate_assignment(draft, context, others, field_name):
        column = _COLUMN_OF.get(problem.field, "")
        if column not in faulted:
            reader.problems.append(RowProblem(reader.row, column, problem.message, problem.severity))
    preview.problems.extend(reader.problems)
    if any(p.severity is Severity.ERROR for p in reader.problems) or agreement_id is None or post is None:
        return None
    assert start is not None and end is not None
    planned.setdefault((name, reading), []).append(
        OtherAssignment(Period(start, end), _("この名簿の{row}行目").format(row=reader.row)))
    return RosterLine(reader.row, agreement_id, number, post, draft, staff_id)


@writes
@bulk_work
def import_roster(session: Session, *, table: Table, confirmed: bool = False, create_posts: bool = False,
                  source: str = "") -> Change:
    """Writes every line, creating missing staff (and posts when `create_posts`), or raises
    ImportRefusedError and writes nothing. The audit entry names the posts created."""
    preview = preview_roster(session, table=table, create_posts=create_posts)
    if preview.refused(confirmed):
        raise ImportRefusedError(preview.problems)
    created: list[int] = []
    staff_by_key: dict[tuple[str, str], int] = {}
    new_post_ids: dict[NewPost, int] = {}
    for line in preview.lines:
        if isinstance(line.post, NewPost):
            post_id = new_post_ids.get(line.post)
            if post_id is None:
                post = Post(agreement_id=line.post.agreement_id, department=line.post.department,
                            job=line.post.job, note="")
                session.add(post)
                session.flush()
                post_id = new_post_ids[line.post] = post.id
        else:
            post_id = line.post
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
