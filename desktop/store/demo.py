"""The demo office: B町 under A県 as in the ministry's model agreement; grows as features land."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.domain.agreement import MODEL_POLICY_AFFAIRS, AgreementDraft, AgreementTerms
from desktop.domain.staffing import AssignmentDraft, DispatchForm, EmploymentType
from desktop.domain.town import TownCategory, TownProfile
from desktop.store.models.agreement import Field
from desktop.store.services.agreements import create_agreement, create_post
from desktop.store.services.staffing import save_assignment
from desktop.store.services.town import update_town_profile

DEMO_TOWN = TownProfile(
    name="B町",
    prefecture="A県",
    # A valid code (check digit 6) for a fictional town; real towns enter their own.
    local_gov_code="131016",
    category=TownCategory.TOWN_VILLAGE,
    mayor_title="B町長",
    mayor_name="髙﨑 𠮷太郎",
    document_prefix="B町総",
)
DEMO_AGREEMENT_NUMBER = "A県B町第1号"

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


def _demo_agreement(fields: dict[str, int]) -> AgreementDraft:
    return AgreementDraft(
        number=DEMO_AGREEMENT_NUMBER,
        partner="A県",
        resolution_on=date(2024, 3, 15),
        concluded_on=date(2024, 3, 25),
        notice_on=date(2024, 3, 27),
        notified_on=date(2024, 3, 28),
        terms=AgreementTerms(
            policy_affairs=tuple(a.format(town="B町") for a in MODEL_POLICY_AFFAIRS),
            problem="母子保健・子育て支援、町税の滞納整理及び道路改良に伴う用地取得",
            expertise="保健師、保育士、地方税の徴収及び用地取得",
            field_ids=tuple(fields[n] for n in ("保健師", "保育士", "税務", "用地")),
            staff_count=4,
            assigned_affairs="母子保健、保育、町税の徴収及び道路用地の取得",
            dispatch_start=date(2024, 4, 1),
            dispatch_end=date(2027, 3, 31),
            recruitment_cost_bearer="A県",
            personnel_cost_bearer="A県",
            contribution_note="自治法派遣（地方自治法第252条の17）による職員の給料・手当・旅費は、B町が負担金としてA県に支払う。",
        ),
    )


def build_demo_office(session: Session) -> None:
    """Fills an empty office with the demo data, through the same services a clerk uses."""
    update_town_profile(session, profile=DEMO_TOWN)
    fields = {f.name: f.id for f in session.scalars(select(Field))}
    agreement_id = create_agreement(session, draft=_demo_agreement(fields)).ids[0]
    post_ids = [create_post(session, agreement_id=agreement_id, department=d, job=j).ids[0] for d, j in DEMO_POSTS]
    for name, reading, field, employment, form, post, start, end in DEMO_STAFF:
        save_assignment(session, assignment_id=None, confirmed=True, draft=AssignmentDraft(
            name=name, reading=reading, post_id=post_ids[post], field_id=fields[field],
            employment_type=employment, dispatch_form=form, start_on=start, end_on=end,
            hired_for_support=employment is EmploymentType.PERMANENT,
        ))
