"""Filter-as-you-type over the audit trail through the trigram index of revision 0007.

FTS5's trigram tokenizer answers a phrase of three characters or more from its index. A shorter
text (a two-character name such as 髙﨑 is common) is looked up in the index's vocabulary
instead: every indexed text ends with line breaks, so each one- or two-character substring
starts some indexed trigram, and the entries holding any of those trigrams are the matches.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, Subquery, literal_column, or_, select, table, text
from sqlalchemy.orm import Session

from desktop.store.models.audit import AuditEntry

_SEARCH = table("audit_search")
# A one-character text that starts more trigrams than this narrows little and costs a long
# vocabulary walk, so such a search reads the trail with LIKE instead.
MAX_SHORT_TERMS = 400
# A text search counts up to this many matches (plus one, to know there are more).
SEARCH_COUNT_CAP = 10_000
_short_cache: dict[tuple[str, object], list[str] | None] = {}


def _phrase(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def short_terms(session: Session, fragment: str) -> list[str] | None:
    """The indexed trigrams that start with `fragment` (one or two characters), or None when too
    many do. The vocabulary holds trigrams case-folded, as the tokenizer folds them."""
    folded = fragment.lower()
    # The screen asks twice per keystroke (count, then rows). The newest entry's hash stands for
    # the whole trail (it is chained), so an answer kept under it is still true, in any file.
    head = session.execute(text("SELECT hash FROM audit_entry ORDER BY id DESC LIMIT 1")).scalar()
    if (folded, head) in _short_cache:
        return _short_cache[(folded, head)]
    rows = session.execute(
        text("SELECT term FROM audit_search_terms WHERE term >= :low AND term < :high LIMIT :cap"),
        {"low": folded, "high": folded + "\U0010ffff", "cap": MAX_SHORT_TERMS + 1},
    ).scalars().all()
    found = None if len(rows) > MAX_SHORT_TERMS else [str(r) for r in rows]
    if len(_short_cache) > 64:
        _short_cache.clear()
    _short_cache[(folded, head)] = found
    return found


def hit_rows(session: Session, typed: str) -> Subquery | None:
    """The ids (column `id`) of entries whose searched columns contain `typed`, newest first, or
    None when the index cannot narrow the search (see MAX_SHORT_TERMS).

    The ORDER BY inside keeps SQLite from flattening the subquery into the join, so the index
    stays the outer loop: with an indexed filter (user, action) the planner otherwise walks
    that index and probes the full-text index once per entry."""
    if len(typed) >= 3:
        query = _phrase(typed)
    else:
        terms = short_terms(session, typed)
        if terms is None:
            return None
        # No trigram starts with it: a phrase that matches nothing keeps one shape of query.
        query = " OR ".join(_phrase(t) for t in terms) if terms else _phrase(typed + "\n\n\n")
    rowid: ColumnElement[int] = literal_column("audit_search.rowid")
    return (select(rowid.label("id")).select_from(_SEARCH)
            .where(literal_column("audit_search").op("MATCH")(query))
            .order_by(rowid.desc()).subquery("hit"))


def like_scan(typed: str) -> ColumnElement[bool]:
    """The searched columns by LIKE (case-folded for ASCII like the index); % and _ are literal."""
    columns: tuple[Any, ...] = (AuditEntry.entity, AuditEntry.summary, AuditEntry.os_user, AuditEntry.action,
                                AuditEntry.after_json)
    return or_(*(column.contains(typed, autoescape=True) for column in columns))
