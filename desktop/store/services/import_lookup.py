"""Finding the agreement, post and field an imported row names; a miss lists the near matches.

An import never creates a record the clerk did not ask for: an unknown agreement, field or
post is an error naming the records it was probably meant to be. Only the roster import may
create posts, and only when the clerk confirms it (the preview's choice, or --create-posts).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.domain.near_matches import matching_key, near_matches, same_spelling
from desktop.domain.periods import Period
from desktop.domain.staffing import AgreementContext, OtherAssignment
from desktop.i18n import _
from desktop.importing.cells import RowReader
from desktop.store.models.agreement import Agreement, Field, Post
from desktop.store.models.staffing import Assignment, StaffMember
from desktop.store.repos.agreements import post_label
from desktop.store.repos.staffing import agreement_context


def split_post(text: str) -> tuple[str, str]:
    """'健康福祉課／保健師' → ('健康福祉課', '保健師'); a text without ／ is a department only."""
    for separator in ("／", "/"):
        if separator in text:
            department, job = text.split(separator, 1)
            return department.strip(), job.strip()
    return text.strip(), ""


def hint(candidates: list[str]) -> str:
    if not candidates:
        return ""
    return _("（近いもの: {names}）").format(names="、".join(f"「{c}」" for c in candidates))


@dataclass(frozen=True)
class NewPost:
    """A post a roster row names that the agreement does not have yet."""

    agreement_id: int
    agreement_number: str
    department: str
    job: str
    near: tuple[str, ...] = field(default=(), compare=False)  # existing posts it resembles

    @property
    def label(self) -> str:
        return f"{self.agreement_number} {post_label(self.department, self.job)}"


class ImportLookup:
    """Caches the office's agreements, fields, posts and staff for the length of one import: each
    is read once, not once per row, so that a file of 100,000 rows is checked in about a second
    and a bad row at its end is refused as fast as one at its start."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.agreements = {a.number: a.id for a in session.scalars(select(Agreement))}
        self.fields = {f.name: f.id for f in session.scalars(select(Field))}
        self._posts: dict[int, dict[tuple[str, str], int]] = {}
        self._staff: dict[tuple[str, str], int] | None = None
        # matching key of a name, and of a reading → the staff (id, name, reading) who have it
        self._by_name: dict[str, list[tuple[int, str, str]]] = {}
        self._by_reading: dict[str, list[tuple[int, str, str]]] = {}
        self._staff_on_post: dict[int, dict[str, list[int]]] = {}
        self._contexts: dict[int, AgreementContext | None] = {}
        # (what, text) → the near matches of a name that matched nothing: a file that repeats a
        # mistyped name on every row asks difflib once
        self._near: dict[tuple[object, str], tuple[str | None, tuple[str, ...]]] = {}
        self._assignments: dict[int, list[OtherAssignment]] | None = None

    def _near_matches(self, what: object, text: str, candidates: list[str]) -> tuple[str | None, tuple[str, ...]]:
        """(the candidate spelled the same but for spaces and width, the near matches), once per text."""
        key = (what, text)
        if key not in self._near:
            self._near[key] = (same_spelling(text, candidates), tuple(near_matches(text, candidates)))
        return self._near[key]

    def agreement(self, reader: RowReader, number: str, column: str = "協約番号") -> int | None:
        found = self.agreements.get(number.strip())
        if found is None:
            reader.fail(column, _("協約番号「{number}」の協約が登録されていません").format(number=number)
                        + hint(list(self._near_matches("agreement", number, list(self.agreements))[1])))
        return found

    def field(self, reader: RowReader, name: str, column: str = "分野") -> int | None:
        found = self.fields.get(name)
        if found is None:
            reader.fail(column, _("分野「{field}」は分野マスタにありません").format(field=name)
                        + hint(list(self._near_matches("field", name, list(self.fields))[1])))
        return found

    def posts(self, agreement_id: int) -> dict[tuple[str, str], int]:
        if agreement_id not in self._posts:
            rows = self.session.execute(select(Post.department, Post.job, Post.id)
                                        .where(Post.agreement_id == agreement_id))
            self._posts[agreement_id] = {(d, j): i for d, j, i in rows}
        return self._posts[agreement_id]

    def post(self, reader: RowReader, agreement_id: int, number: str, text: str, *,
             create: bool = False, creatable: bool = True, column: str = "派遣先ポスト") -> int | NewPost | None:
        """The post's id; a NewPost when it is unknown and `create` allows it; None after an error.

        A name that differs from an existing post only in spaces, width or separator is an error
        even when creating: it is the same post mistyped, and a second one would be counted as a
        new first-year post in the claim.
        """
        department, job = split_post(text)
        posts = self.posts(agreement_id)
        found = posts.get((department, job))
        if found is not None:
            return found
        twin, near = self._near_matches(agreement_id, text, [post_label(d, j) for d, j in posts])
        if twin is not None:
            reader.fail(column, _("派遣先ポスト「{post}」は協約{number}にありません。既にある「{existing}」と"
                                  "空白・全角半角・区切りだけが違います。同じポストなら「{existing}」と書いてください")
                        .format(post=text, number=number, existing=twin))
            return None
        if create:
            return NewPost(agreement_id, number, department, job, near)
        if not creatable:
            reader.fail(column, _("派遣先ポスト「{post}」は協約{number}にありません{hint}").format(
                post=text, number=number, hint=hint(list(near))))
            return None
        reader.fail(column, _("派遣先ポスト「{post}」は協約{number}にありません{hint}。新しいポストなら、取込画面で"
                              "作成を確認するか、--create-posts を付けて取り込んでください")
                    .format(post=text, number=number, hint=hint(list(near))))
        return None

    def staff_on_post(self, post_id: int) -> dict[str, list[int]]:
        """Name → the ids of the staff of that name ever assigned to the post: one query per post
        for the whole import, not one per row (100,000 rows are checked in about a second)."""
        if post_id not in self._staff_on_post:
            found: dict[str, list[int]] = {}
            for name, staff_id in self.session.execute(
                    select(StaffMember.name, StaffMember.id).distinct()
                    .join(Assignment, Assignment.staff_id == StaffMember.id)
                    .where(Assignment.post_id == post_id).order_by(StaffMember.id)):
                found.setdefault(name, []).append(staff_id)
            self._staff_on_post[post_id] = found
        return self._staff_on_post[post_id]

    def _load_staff(self) -> dict[tuple[str, str], int]:
        if self._staff is None:
            self._staff = {}
            for staff_id, name, reading in self.session.execute(
                    select(StaffMember.id, StaffMember.name, StaffMember.reading).order_by(StaffMember.id)):
                self._staff.setdefault((name, reading), staff_id)
                self._by_name.setdefault(matching_key(name), []).append((staff_id, name, reading))
                self._by_reading.setdefault(matching_key(reading), []).append((staff_id, name, reading))
        return self._staff

    def staff_id(self, name: str, reading: str) -> int | None:
        """The staff member of exactly that name and reading (the first, as find_staff_id)."""
        return self._load_staff().get((name, reading))

    def similar_staff(self, name: str, reading: str) -> list[str]:
        """Staff already on file who may be the person a new roster row names, as 'name（reading）'.

        The same reading under another spelling (髙崎/髙﨑), the same name with another
        reading, or a name that differs only in spacing or width.
        """
        self._load_staff()
        candidates = set(self._by_name.get(matching_key(name), ())) | set(self._by_reading.get(matching_key(reading), ()))
        return [f"{n}（{r}）" for _id, n, r in sorted(candidates) if (n, r) != (name, reading)][:3]

    def agreement_context(self, agreement_id: int) -> AgreementContext | None:
        if agreement_id not in self._contexts:
            self._contexts[agreement_id] = agreement_context(self.session, agreement_id)
        return self._contexts[agreement_id]

    def other_assignments(self, staff_id: int) -> list[OtherAssignment]:
        """The person's assignments on file, for the no-overlap rule (all read at the first ask)."""
        if self._assignments is None:
            self._assignments = {}
            for staff, start, end, department, job in self.session.execute(
                    select(Assignment.staff_id, Assignment.start_on, Assignment.end_on, Post.department, Post.job)
                    .join(Post, Post.id == Assignment.post_id).order_by(Assignment.id)):
                self._assignments.setdefault(staff, []).append(
                    OtherAssignment(Period(start, end), post_label(department, job)))
        return self._assignments.get(staff_id, [])
