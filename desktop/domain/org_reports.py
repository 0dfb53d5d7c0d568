"""報告徴収 (地方自治法第260条の49第10項): the mayor asks a designated organisation to report on its
activities by a due date; a report not received by then is overdue."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from desktop.domain.problems import Problem
from desktop.i18n import _


@dataclass(frozen=True)
class ReportRequestDraft:
    requested_on: date | None = None
    items: str = ""                  # 報告を求める事項, one per line
    due_on: date | None = None
    received_on: date | None = None
    content: str = ""                # what the report said, once received

    def overdue(self, today: date) -> bool:
        """Not received and past its due date (the due date itself is still in time)."""
        return self.received_on is None and self.due_on is not None and self.due_on < today

    def status(self, today: date) -> str:
        if self.received_on is not None:
            return _("受理済み")
        return _("期限超過") if self.overdue(today) else _("未提出")


def validate_report_request(draft: ReportRequestDraft) -> list[Problem]:
    problems: list[Problem] = []
    if draft.requested_on is None:
        problems.append(Problem("requested_on", _("報告を求めた日を入力してください")))
    if not draft.items.strip():
        problems.append(Problem("items", _("報告を求める事項を入力してください")))
    if draft.due_on is None:
        problems.append(Problem("due_on", _("報告の期限を入力してください")))
    elif draft.requested_on is not None and draft.due_on <= draft.requested_on:
        problems.append(Problem("due_on", _("期限は報告を求めた日より後の日付にしてください")))
    if draft.received_on is not None and draft.requested_on is not None and draft.received_on < draft.requested_on:
        problems.append(Problem("received_on", _("受理日は報告を求めた日以後にしてください")))
    return problems
