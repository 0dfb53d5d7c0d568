"""EXPLAIN QUERY PLAN of every list query: none reads a large table row by row from end to end.

The office file has no ANALYZE statistics here, so SQLite plans as it does for big tables (it
assumes about a million rows each). Each list's repository functions run with the arguments
the screens pass (filters, sorts, text); every statement they send is captured and explained.
A plan may walk an index in order (`SCAN t USING [COVERING] INDEX`: the ORDER BY of a LIMIT
window, or counting on the smallest index) but not scan a large table itself, with one
exception named below.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from datetime import date
from typing import Any

import pytest
from sqlalchemy import event

from desktop.domain.fiscal_year import FiscalYear
from desktop.store.db import Office
from desktop.store.demo import build_demo_office
from desktop.store.repos import agreements, audit, due, ledger, organisations, staffing
from desktop.store.repos.agreements import AGREEMENT_SORT
from desktop.store.repos.audit import AuditFilter
from desktop.store.repos.claims import get_claim
from desktop.store.repos.ledger import LEDGER_SORT
from desktop.store.repos.organisations import SORT as ORGANISATION_SORT
from desktop.store.repos.staffing import ASSIGNMENT_SORT, STATUS_CURRENT

LARGE = ("audit_entry", "money_row", "staff_member", "assignment", "organisation", "org_event", "post")
YEAR = FiscalYear(2025)
TODAY = date(2026, 11, 25)

Call = tuple[Callable[..., Any], dict[str, Any]]

CALLS: dict[str, list[Call]] = {
    "agreements": [(agreements.count_agreements, {"text": t}) for t in ("", "髙﨑")]
    + [(agreements.list_agreements, {"text": t, "sort_key": k}) for t in ("", "髙﨑") for k in (None, *AGREEMENT_SORT)],
    "assignments": [(staffing.count_assignments, {"text": "たか", "fiscal_year": YEAR, "today": TODAY})]
    + [(staffing.list_assignments, {"text": t, "fiscal_year": y, "status": s, "sort_key": k, "today": TODAY})
       for t in ("", "たか") for y in (None, YEAR) for s in ("all", STATUS_CURRENT) for k in (None, *ASSIGNMENT_SORT)],
    "ledger": [(ledger.ledger_summary, {"fiscal_year": YEAR, "text": t, "today": TODAY}) for t in ("", "髙﨑")]
    + [(ledger.list_ledger, {"fiscal_year": YEAR, "text": t, "overdue_only": o, "sort_key": k, "today": TODAY})
       for t in ("", "髙﨑") for o in (False, True) for k in (None, *LEDGER_SORT)]
    + [(ledger.list_money_rows, {"fiscal_year": YEAR, "post_id": 1, "staff_id": 1, "today": TODAY})],
    "claim": [(get_claim, {"fiscal_year": YEAR})],
    "audit": [(audit.audit_filter_choices, {})]
    + [(f, {"text": t, "where": w}) for f in (audit.list_audit_entries, audit.count_audit_entries)
       for t in ("", "髙", "髙﨑", "髙﨑町")
       for w in (None, AuditFilter(date_from=date(2025, 1, 1), date_to=date(2025, 12, 31)), AuditFilter(user="x"),
                 AuditFilter(entity="town"), AuditFilter(action="update"))],
    "organisations": [(organisations.count_organisations, {"text": "会", "state": "designated"})]
    + [(organisations.list_organisations, {"text": t, "state": s, "sort_key": k})
       for t in ("", "会") for s in (None, "designated") for k in (None, *ORGANISATION_SORT)],
    "deadlines": [(due.list_due, {"on": TODAY}),
                  # The window's first part (only the groups of the earliest invoices), then the rest.
                  (due.list_due_first, {"on": TODAY, "first_invoices": 1}),
                  (due.list_overdue_invoices_after, {"on": TODAY, "after": date(2025, 5, 1)})],
}

# The newest-first window of the whole trail walks the table backwards by its primary key and
# stops after LIMIT rows: a scan in name only.
NEWEST_FIRST = re.compile(r"ORDER BY (audit_entry\.)?id DESC\s+LIMIT", re.S)


@pytest.fixture(scope="module")
def plans(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Callable[[list[Call]], list[tuple[str, str]]]]:
    from desktop.store.db import open_office

    office: Office = open_office(tmp_path_factory.mktemp("plans") / "office.renkei")
    with office.transaction() as session:
        build_demo_office(session)
    seen: list[tuple[str, Any]] = []

    def capture(_conn: Any, _cursor: Any, statement: str, parameters: Any, _context: Any, _many: bool) -> None:
        seen.append((statement, parameters))

    event.listen(office.engine, "before_cursor_execute", capture)

    def explain(calls: list[Call]) -> list[tuple[str, str]]:
        """(statement, plan line) of every SELECT the calls send."""
        found = []
        with office.reader() as session:
            raw = session.connection().connection.driver_connection
            assert raw is not None
            for function, kwargs in calls:
                seen.clear()
                function(session, **kwargs)
                for statement, parameters in list(seen):
                    if statement.lstrip().upper().startswith(("SELECT", "WITH")):
                        found += [(statement, row[3])
                                  for row in raw.execute("EXPLAIN QUERY PLAN " + statement, parameters)]
        assert found, "no statement was captured"
        return found

    yield explain
    office.close()


def full_scans(found: list[tuple[str, str]]) -> list[str]:
    bad = []
    for statement, detail in found:
        match = re.match(r"SCAN (\w+)(?: AS \w+)?(.*)$", detail)
        if match is None or match.group(1) not in LARGE or "USING" in match.group(2):
            continue
        if match.group(1) == "audit_entry" and NEWEST_FIRST.search(statement) and "WHERE" not in statement:
            continue
        bad.append(f"{detail}\n    in: {' '.join(statement.split())[:300]}")
    return bad


@pytest.mark.parametrize("screen", sorted(CALLS))
def test_no_list_query_scans_a_large_table(screen: str, plans: Callable[[list[Call]], list[tuple[str, str]]]) -> None:
    assert full_scans(plans(CALLS[screen])) == []


def test_the_check_finds_a_full_scan(plans: Callable[[list[Call]], list[tuple[str, str]]]) -> None:
    """The check itself: LIKE over the trail, the old search, is a full scan and is named."""
    from desktop.store.repos import audit_search

    def old_search(session: Any) -> None:
        from sqlalchemy import select

        from desktop.store.models.audit import AuditEntry
        session.execute(select(AuditEntry.id).where(audit_search.like_scan("髙﨑")).limit(200)).all()

    assert full_scans(plans([(old_search, {})]))
