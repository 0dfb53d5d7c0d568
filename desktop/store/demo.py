"""The demo office: デモ町 under A県 (the ministry's model agreement names the parties A県 and B町);
a fictional town, marked デモ, with a code that names no local government; grows as features land."""

from __future__ import annotations

import dataclasses
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.domain.agreement import MODEL_POLICY_AFFAIRS, AgreementDraft, AgreementTerms
from desktop.domain.contribution import MoneyKind, MoneyRowDraft
from desktop.domain.fiscal_year import FiscalYear
from desktop.domain.local_governments import DEMO_LOCAL_GOV_CODE
from desktop.domain.staffing import AssignmentDraft, DispatchForm, EmploymentType
from desktop.domain.town import TownCategory, TownProfile
from desktop.store.models.agreement import Field
from desktop.store.repos.staffing import get_assignment
from desktop.store.services.agreements import create_agreement, create_post
from desktop.store.services.contributions import record_money_row
from desktop.store.services.staffing import save_assignment
from desktop.store.services.town import update_town_profile

DEMO_TOWN = TownProfile(
    name="デモ町",
    prefecture="A県",
    # Passes the check digit, names no local government (see domain/local_governments.py).
    local_gov_code=DEMO_LOCAL_GOV_CODE,
    category=TownCategory.TOWN_VILLAGE,
    mayor_title="デモ町長",
    mayor_name="髙﨑 𠮷太郎",
    document_prefix="デモ町総",
)
DEMO_AGREEMENT_NUMBER = "A県デモ町第1号"

# (department, job)
DEMO_POSTS = (("健康福祉課", "保健師"), ("子育て支援課", "保育士"), ("税務課", "徴収担当"), ("建設課", "用地担当"))

# name, reading, field, employment, dispatch form, post index, start, end
DEMO_STAFF = (
    ("𠮷田 花子", "よしだ はなこ", "保育士", EmploymentType.FIXED_TERM, DispatchForm.LOCAL_AUTONOMY_ACT, 1,
     date(2024, 4, 1), date(2025, 3, 31)),
    ("佐藤 剛", "さとう つよし", "税務", EmploymentType.PERMANENT, DispatchForm.OTHER, 2,
     date(2024, 10, 1), date(2026, 3, 31)),
    ("髙﨑 美咲", "たかさき みさき", "保健師", EmploymentType.FIXED_TERM, DispatchForm.LOCAL_AUTONOMY_ACT, 0,
     date(2025, 4, 1), date(2026, 3, 31)),
    ("渡邊 健一", "わたなべ けんいち", "保育士", EmploymentType.PART_TIME, DispatchForm.LOCAL_AUTONOMY_ACT, 1,
     date(2025, 4, 1), date(2026, 3, 31)),
    ("鈴木 一郎", "すずき いちろう", "用地", EmploymentType.FIXED_TERM, DispatchForm.LOCAL_AUTONOMY_ACT, 3,
     date(2025, 10, 1), date(2027, 3, 31)),
)


def demo_town(town_code: str | None = None, town_name: str | None = None) -> TownProfile:
    """デモ町, or another town with its own code and name (for trying the prefecture's side)."""
    name = town_name or DEMO_TOWN.name
    return dataclasses.replace(DEMO_TOWN, name=name, local_gov_code=town_code or DEMO_TOWN.local_gov_code,
                               mayor_title=f"{name}長", document_prefix=f"{name}総")


def demo_seed(town_code: str | None) -> int:
    """The seed of another town's figures (build_demo_office): counted from 131016, the demo's code
    before it became fictional, so each town made with `demo --town-code` keeps its figures."""
    return int(town_code) - 131016 if town_code and town_code != DEMO_TOWN.local_gov_code else 0


def _demo_agreement(fields: dict[str, int], town: str) -> AgreementDraft:
    return AgreementDraft(
        number=f"A県{town}第1号",
        partner="A県",
        resolution_on=date(2024, 3, 15),
        concluded_on=date(2024, 3, 25),
        notice_on=date(2024, 3, 27),
        notified_on=date(2024, 3, 28),
        terms=AgreementTerms(
            policy_affairs=tuple(a.format(town=town) for a in MODEL_POLICY_AFFAIRS),
            problem="母子保健・子育て支援、町税の滞納整理及び道路改良に伴う用地取得",
            expertise="保健師、保育士、地方税の徴収及び用地取得",
            field_ids=tuple(fields[n] for n in ("保健師", "保育士", "税務", "用地")),
            staff_count=4,
            assigned_affairs="母子保健、保育、町税の徴収及び道路用地の取得",
            dispatch_start=date(2024, 4, 1),
            dispatch_end=date(2027, 3, 31),
            recruitment_cost_bearer="A県",
            personnel_cost_bearer="A県",
            contribution_note=f"自治法派遣（地方自治法第252条の17）による職員の給料・手当・旅費は、{town}が負担金としてA県に支払う。",
        ),
    )


# (person index in DEMO_STAFF, fiscal year, budget, [(invoice date, due, amount, paid on or None)], refunds)
_Q = ((7, 10), (10, 10), (1, 10), (4, 10))


def _quarterly(year: int, amount: int, paid_days: tuple[date | None, ...]) -> list[tuple[date, date, int, date | None]]:
    rows = []
    for (month, day), paid in zip(_Q, paid_days, strict=True):
        invoice_year = year + 1 if month < 7 else year  # January and April fall in the next calendar year
        issued = date(invoice_year, month, day)
        rows.append((issued, date(invoice_year, month, 30 if month == 4 else 31), amount, paid))
    return rows


DEMO_MONEY = (
    # 𠮷田 (FY2024): the April 2025 payment belongs to FY2024 (出納整理期間), then a settlement refund.
    (0, 2024, 5_200_000, _quarterly(2024, 1_300_000, (date(2024, 7, 25), date(2024, 10, 25), date(2025, 1, 24),
                                                     date(2025, 4, 25))), ((date(2025, 5, 20), 35_000),)),
    # 髙﨑 (FY2025): all four quarters paid, the last in April 2026.
    (2, 2025, 5_600_000, _quarterly(2025, 1_400_000, (date(2025, 7, 25), date(2025, 10, 24), date(2026, 1, 23),
                                                     date(2026, 4, 24))), ()),
    # 渡邊 (FY2025): the fourth quarter was never paid — an overdue invoice.
    (3, 2025, 2_400_000, _quarterly(2025, 600_000, (date(2025, 7, 25), date(2025, 10, 24), date(2026, 1, 23),
                                                   None)), ()),
    # 鈴木 (from October 2025): odd yen, the second half paid in May 2026 for FY2025.
    (4, 2025, 2_900_630, [(date(2026, 1, 9), date(2026, 1, 31), 1_450_315, date(2026, 1, 23)),
                          (date(2026, 4, 10), date(2026, 4, 30), 1_450_315, date(2026, 5, 15))], ()),
)


def _record_money(session: Session, post_ids: list[int], staff_ids: list[int], seed: int) -> None:
    order = 1000
    for person, year, demo_budget, demo_invoices, refunds in DEMO_MONEY:
        # Another town's figures: every amount × (10 + seed mod 7) / 10, whole yen.
        budget = demo_budget * (10 + seed % 7) // 10
        invoices = [(issued, due, amount * (10 + seed % 7) // 10, paid) for issued, due, amount, paid in demo_invoices]
        post = post_ids[DEMO_STAFF[person][5]]
        staff = staff_ids[person]
        fiscal_year = FiscalYear(year)

        def add(kind: MoneyKind, on: date | None, amount: int, number: str = "", due: date | None = None,
                note: str = "", *, post: int = post, staff: int = staff, fiscal_year: FiscalYear = fiscal_year) -> None:
            record_money_row(session, draft=MoneyRowDraft(kind, post, staff, fiscal_year, on, amount, number, due, note))

        add(MoneyKind.BUDGET, date(year, 4, 1), budget, note="当初予算（節18 負担金、補助及び交付金）")
        for index, (issued, due, amount, paid_on) in enumerate(invoices, start=1):
            add(MoneyKind.INVOICE, issued, amount, f"A県人第{order + index}号", due, f"第{index}四半期分")
            if paid_on is not None:
                add(MoneyKind.PAYMENT, paid_on, amount, f"支出第{order + 500 + index}号", note=f"第{index}四半期分")
        for refunded_on, amount in refunds:
            add(MoneyKind.REFUND, refunded_on, amount, note="精算による戻入（旅費の確定）")
        order += 100


def build_demo_office(session: Session, *, town: TownProfile = DEMO_TOWN, seed: int = 0) -> None:
    """Fills an empty office with the demo data, through the same services a clerk uses;
    seed 0 gives デモ町's figures, another seed scales every amount."""
    update_town_profile(session, profile=town)
    fields = {f.name: f.id for f in session.scalars(select(Field))}
    agreement_id = create_agreement(session, draft=_demo_agreement(fields, town.name)).ids[0]
    post_ids = [create_post(session, agreement_id=agreement_id, department=d, job=j).ids[0] for d, j in DEMO_POSTS]
    staff_ids = []
    for name, reading, field, employment, form, post, start, end in DEMO_STAFF:
        change = save_assignment(session, assignment_id=None, confirmed=True, draft=AssignmentDraft(
            name=name, reading=reading, post_id=post_ids[post], field_id=fields[field],
            employment_type=employment, dispatch_form=form, start_on=start, end_on=end,
            hired_for_support=employment is EmploymentType.PERMANENT,
        ))
        staff_ids.append(_staff_of(session, change.ids[0]))
    _record_money(session, post_ids, staff_ids, seed)
    from desktop.store.demo_organisations import build_demo_organisations

    build_demo_organisations(session)


def _staff_of(session: Session, assignment_id: int) -> int:
    detail = get_assignment(session, assignment_id)
    assert detail is not None
    return detail.staff_id
