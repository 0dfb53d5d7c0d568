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
from desktop.i18n import _
from desktop.importing.cells import RowReader
from desktop.store.models.agreement import Agreement, Field, Post
from desktop.store.models.staffing import StaffMember
from desktop.store.repos.agreements import post_label


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
    """Caches the office's agreements, fields and posts for the length of one import."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.agreements = {a.number: a.id for a in session.scalars(select(Agreement))}
        self.fields = {f.name: f.id for f in session.scalars(select(Field))}
        self._posts: dict[int, dict[tuple[str, str], int]] = {}
        self._staff: list[tuple[str, str]] | None = None

    def agreement(self, reader: RowReader, number: str, column: str = "協約番号") -> int | None:
        found = self.agreements.get(number.strip())
        if found is None:
            reader.fail(column, _("協約番号「{number}」の協約が登録されていません").format(number=number)
                        + hint(near_matches(number, self.agreements)))
        return found

    def field(self, reader: RowReader, name: str, column: str = "分野") -> int | None:
        found = self.fields.get(name)
        if found is None:
            reader.fail(column, _("分野「{field}」は分野マスタにありません").format(field=name)
                        + hint(near_matches(name, self.fields)))
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
        labels = [post_label(d, j) for d, j in posts]
        twin = same_spelling(text, labels)
        if twin is not None:
            reader.fail(column, _("派遣先ポスト「{post}」は協約{number}にありません。既にある「{existing}」と"
                                  "空白・全角半角・区切りだけが違います。同じポストなら「{existing}」と書いてください")
                        .format(post=text, number=number, existing=twin))
            return None
        if create:
            return NewPost(agreement_id, number, department, job, tuple(near_matches(text, labels)))
        if not creatable:
            reader.fail(column, _("派遣先ポスト「{post}」は協約{number}にありません{hint}").format(
                post=text, number=number, hint=hint(near_matches(text, labels))))
            return None
        reader.fail(column, _("派遣先ポスト「{post}」は協約{number}にありません{hint}。新しいポストなら、取込画面で"
                              "作成を確認するか、--create-posts を付けて取り込んでください")
                    .format(post=text, number=number, hint=hint(near_matches(text, labels))))
        return None

    def similar_staff(self, name: str, reading: str) -> list[str]:
        """Staff already on file who may be the person a new roster row names, as 'name（reading）'.

        The same reading under another spelling (髙崎/髙﨑), the same name with another
        reading, or a name that differs only in spacing or width.
        """
        if self._staff is None:
            self._staff = [(s.name, s.reading) for s in self.session.scalars(select(StaffMember))]
        key = matching_key(name)
        reading_key = matching_key(reading)
        found = [f"{n}（{r}）" for n, r in self._staff
                 if (n, r) != (name, reading) and (matching_key(n) == key or matching_key(r) == reading_key)]
        return found[:3]
