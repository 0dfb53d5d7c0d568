"""連携協約 (地方自治法第252条の2第1項): the model agreement's five articles as data, and their checks."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from desktop.domain.periods import Period
from desktop.domain.problems import Problem
from desktop.i18n import _

# 第一条 of the ministry's model agreement.
MODEL_POLICY_AFFAIRS = (
    "{town}において不足する専門人材の採用に関する事務",
    "{town}において不足する専門人材の派遣に関する事務",
)


@dataclass(frozen=True)
class AgreementTerms:
    """The content of 第一条〜第五条; amendments replace it as a whole and keep the old one."""

    policy_affairs: tuple[str, ...] = ()          # 第一条 基本方針: the affairs cooperated on
    problem: str = ""                             # 第二条 〇〇 (課題)
    expertise: str = ""                           # 第二条 ×× (専門性)
    field_ids: tuple[int, ...] = ()               # 第二条 the fields named (分野)
    staff_count: int = 1                          # 第三条 職員〇名
    assigned_affairs: str = ""                    # 第三条2 〇〇の事務
    dispatch_start: date | None = None            # 第四条 派遣期間 (inclusive)
    dispatch_end: date | None = None
    recruitment_cost_bearer: str = ""             # 第五条 採用に要する経費
    personnel_cost_bearer: str = ""               # 第五条2 人件費等
    contribution_note: str = ""                   # 第五条 the town's 負担金, if any

    @property
    def dispatch_period(self) -> Period | None:
        if self.dispatch_start is None or self.dispatch_end is None:
            return None
        return Period(self.dispatch_start, self.dispatch_end)


@dataclass(frozen=True)
class AgreementDraft:
    """What the agreements screen edits: identity, procedure dates and the current terms."""

    number: str = ""                              # 協約番号
    partner: str = ""                             # 相手方団体 (SendingBody)
    title: str = "専門人材の確保及び派遣に関する連携協約"
    resolution_on: date | None = None             # 議会の議決日
    concluded_on: date | None = None              # 締結日
    notice_on: date | None = None                 # 告示日
    notified_on: date | None = None               # 届出日 (知事・大臣への届出)
    dispute_requested_on: date | None = None      # 自治紛争処理委員への申請日
    dispute_note: str = ""
    terms: AgreementTerms = field(default_factory=AgreementTerms)


@dataclass(frozen=True)
class AmendmentDraft:
    """協約変更: a dated change with its own procedure; the new terms replace the old from effective_on."""

    effective_on: date
    summary: str
    resolution_on: date | None = None
    concluded_on: date | None = None
    notice_on: date | None = None
    notified_on: date | None = None


def _date_order(problems: list[Problem], earlier: tuple[str, date | None, str],
                later: tuple[str, date | None, str]) -> None:
    (_f1, d1, label1), (f2, d2, label2) = earlier, later
    if d1 is not None and d2 is not None and d2 < d1:
        problems.append(Problem(f2, _("{later}は{earlier}より後の日付にしてください").format(later=label2, earlier=label1)))


def validate_terms(terms: AgreementTerms) -> list[Problem]:
    problems: list[Problem] = []
    if terms.dispatch_start is None:
        problems.append(Problem("dispatch_start", _("派遣期間の開始日を入力してください")))
    if terms.dispatch_end is None:
        problems.append(Problem("dispatch_end", _("派遣期間の終了日を入力してください")))
    if terms.dispatch_start and terms.dispatch_end and terms.dispatch_end < terms.dispatch_start:
        problems.append(Problem("dispatch_end", _("派遣期間の終了日は開始日より後にしてください")))
    if terms.staff_count < 1:
        problems.append(Problem("staff_count", _("派遣職員数は1名以上で入力してください")))
    if not terms.field_ids:
        problems.append(Problem("field_ids", _("協約で定める分野を1つ以上選んでください")))
    return problems


def validate_agreement(draft: AgreementDraft) -> list[Problem]:
    problems: list[Problem] = []
    if not draft.number.strip():
        problems.append(Problem("number", _("協約番号を入力してください")))
    if not draft.partner.strip():
        problems.append(Problem("partner", _("相手方団体を入力してください（例: A県）")))
    resolution = ("resolution_on", draft.resolution_on, _("議会の議決日"))
    concluded = ("concluded_on", draft.concluded_on, _("締結日"))
    _date_order(problems, resolution, concluded)
    _date_order(problems, concluded, ("notice_on", draft.notice_on, _("告示日")))
    _date_order(problems, concluded, ("notified_on", draft.notified_on, _("届出日")))
    _date_order(problems, concluded, ("dispute_requested_on", draft.dispute_requested_on, _("紛争処理の申請日")))
    return problems + validate_terms(draft.terms)


def validate_amendment(amendment: AmendmentDraft, concluded_on: date | None, last_effective: date | None) -> list[Problem]:
    problems: list[Problem] = []
    if not amendment.summary.strip():
        problems.append(Problem("summary", _("変更の内容を入力してください")))
    if concluded_on is None:
        problems.append(Problem("effective_on", _("締結前の協約は変更できません。締結日を先に入力してください")))
    elif amendment.effective_on < concluded_on:
        problems.append(Problem("effective_on", _("変更の効力発生日は締結日より後にしてください")))
    if last_effective is not None and amendment.effective_on <= last_effective:
        problems.append(Problem("effective_on", _("変更の効力発生日は前回の変更より後にしてください")))
    return problems


def validate_abolition(abolished_on: date, concluded_on: date | None) -> list[Problem]:
    if concluded_on is not None and abolished_on < concluded_on:
        return [Problem("abolished_on", _("廃止日は締結日より後にしてください"))]
    return []
