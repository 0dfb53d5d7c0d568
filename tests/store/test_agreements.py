from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from desktop.domain.agreement import AgreementDraft, AgreementTerms, AmendmentDraft
from desktop.domain.expertise import FieldDraft
from desktop.domain.fiscal_year import FiscalYear
from desktop.domain.problems import ConfirmationNeededError, ValidationError
from desktop.domain.staffing import AssignmentDraft, DispatchForm, EmploymentType
from desktop.store.db import Office
from desktop.store.demo import DEMO_AGREEMENT_NUMBER, build_demo_office
from desktop.store.models.agreement import Field
from desktop.store.repos.agreements import (
    find_agreement_id,
    get_agreement,
    list_agreements,
    list_fields,
    list_posts,
    terms_as_of,
)
from desktop.store.repos.audit import list_audit_entries
from desktop.store.repos.staffing import count_assignments, list_assignments
from desktop.store.services.agreements import (
    abolish_agreement,
    amend_agreement,
    create_agreement,
    create_post,
    delete_post,
    save_field,
    update_agreement,
)
from desktop.store.services.staffing import delete_assignment, save_assignment


def field_ids(office: Office) -> dict[str, int]:
    with office.reader() as session:
        return {f.name: f.id for f in session.scalars(select(Field))}


def make_agreement(office: Office, number: str = "第2号", **terms: object) -> int:
    fields = field_ids(office)
    base = dict(field_ids=(fields["保健師"],), dispatch_start=date(2025, 4, 1), dispatch_end=date(2028, 3, 31))
    base.update(terms)
    with office.transaction() as session:
        return create_agreement(session, draft=AgreementDraft(
            number=number, partner="C県", concluded_on=date(2025, 3, 20), terms=AgreementTerms(**base),  # type: ignore[arg-type]
        )).ids[0]


def add_post(office: Office, agreement_id: int, department: str = "健康福祉課", job: str = "保健師") -> int:
    with office.transaction() as session:
        return create_post(session, agreement_id=agreement_id, department=department, job=job).ids[0]


def assign(office: Office, post_id: int, start: date, end: date, *, name: str = "髙﨑 美咲",
           reading: str = "たかさき みさき", field: str = "保健師", confirmed: bool = False) -> int:
    with office.transaction() as session:
        return save_assignment(session, assignment_id=None, confirmed=confirmed, draft=AssignmentDraft(
            name=name, reading=reading, post_id=post_id, field_id=field_ids(office)[field],
            employment_type=EmploymentType.FIXED_TERM, dispatch_form=DispatchForm.LOCAL_AUTONOMY_ACT,
            start_on=start, end_on=end)).ids[0]


def test_fields_are_preset_with_separate_measure(office: Office) -> None:
    with office.reader() as session:
        rows = {f.name: f.separate_measure for f in list_fields(session)}
    assert rows == {"保健師": False, "保育士": False, "税務": False, "用地": False,
                    "技術職員": True, "デジタル人材": True}


def test_field_master_is_editable_and_audited(office: Office) -> None:
    with office.transaction() as session:
        save_field(session, field_id=None, draft=FieldDraft("社会福祉士"))
    with pytest.raises(ValidationError, match="既に登録されています"), office.transaction() as session:
        save_field(session, field_id=None, draft=FieldDraft("保健師"))
    with office.reader() as session:
        assert "社会福祉士" in {f.name for f in list_fields(session)}
        assert list_audit_entries(session)[0].entity == "field"


def test_agreement_round_trip_and_unique_number(office: Office) -> None:
    agreement_id = make_agreement(office)
    with office.reader() as session:
        detail = get_agreement(session, agreement_id)
    assert detail is not None and detail.draft.partner == "C県"
    assert detail.draft.terms.dispatch_end == date(2028, 3, 31)
    with pytest.raises(ValidationError, match="既に登録されています"):
        make_agreement(office)


def test_agreement_rules_name_their_fields(office: Office) -> None:
    with pytest.raises(ValidationError) as caught, office.transaction() as session:
        create_agreement(session, draft=AgreementDraft(
            number="", partner="", concluded_on=date(2025, 3, 1), notice_on=date(2025, 2, 1),
            terms=AgreementTerms(dispatch_start=date(2025, 4, 1), dispatch_end=date(2025, 3, 1))))
    fields = {p.field for p in caught.value.problems}
    assert {"number", "partner", "notice_on", "dispatch_end", "field_ids"} <= fields


def test_amendment_keeps_history_and_as_of(office: Office) -> None:
    agreement_id = make_agreement(office)
    fields = field_ids(office)
    longer = AgreementTerms(field_ids=(fields["保健師"], fields["保育士"]), staff_count=2,
                            dispatch_start=date(2025, 4, 1), dispatch_end=date(2030, 3, 31))
    with office.transaction() as session:
        amend_agreement(session, agreement_id=agreement_id, terms=longer, amendment=AmendmentDraft(
            effective_on=date(2026, 4, 1), summary="派遣期間の延長、保育士の追加", resolution_on=date(2026, 3, 10)))
    with office.reader() as session:
        assert terms_as_of(session, agreement_id, date(2025, 3, 19)) is None
        before = terms_as_of(session, agreement_id, date(2026, 3, 31))
        after = terms_as_of(session, agreement_id, date(2026, 4, 1))
        detail = get_agreement(session, agreement_id)
    assert before is not None and before.terms.dispatch_end == date(2028, 3, 31) and before.kind == "original"
    assert after is not None and after.terms.dispatch_end == date(2030, 3, 31) and after.seq == 1
    assert detail is not None and len(detail.versions) == 2
    assert detail.draft.terms.staff_count == 2
    with pytest.raises(ValidationError, match="前回の変更より後"), office.transaction() as session:
        amend_agreement(session, agreement_id=agreement_id, terms=longer,
                        amendment=AmendmentDraft(effective_on=date(2026, 4, 1), summary="重複"))


def test_shortening_the_period_cannot_strand_an_assignment(office: Office) -> None:
    agreement_id = make_agreement(office)
    post = add_post(office, agreement_id)
    assign(office, post, date(2027, 4, 1), date(2028, 3, 31))
    with office.reader() as session:
        detail = get_agreement(session, agreement_id)
    assert detail is not None
    shorter = AgreementTerms(**{**detail.draft.terms.__dict__, "dispatch_end": date(2027, 3, 31)})
    with pytest.raises(ValidationError, match="新しい派遣期間の外"), office.transaction() as session:
        update_agreement(session, agreement_id=agreement_id, draft=AgreementDraft(
            **{**detail.draft.__dict__, "terms": shorter}))


def test_abolition_is_recorded_and_blocks_later_assignments(office: Office) -> None:
    agreement_id = make_agreement(office)
    post = add_post(office, agreement_id)
    with office.transaction() as session:
        abolish_agreement(session, agreement_id=agreement_id, abolished_on=date(2026, 3, 31), note="事務の終了")
    with pytest.raises(ValidationError, match="廃止されています"):
        assign(office, post, date(2026, 4, 1), date(2027, 3, 31))
    with pytest.raises(ValidationError, match="締結日より後"), office.transaction() as session:
        abolish_agreement(session, agreement_id=agreement_id, abolished_on=date(2020, 1, 1))


def test_posts_unique_and_protected(office: Office) -> None:
    agreement_id = make_agreement(office)
    post = add_post(office, agreement_id)
    with pytest.raises(ValidationError, match="既にあります"):
        add_post(office, agreement_id)
    assign(office, post, date(2025, 4, 1), date(2026, 3, 31))
    with pytest.raises(ValidationError, match="削除できません"), office.transaction() as session:
        delete_post(session, post_id=post)


def test_assignment_rules_against_the_office_file(office: Office) -> None:
    agreement_id = make_agreement(office)
    post = add_post(office, agreement_id)
    other_post = add_post(office, agreement_id, "子育て支援課", "保育士")
    first = assign(office, post, date(2025, 4, 1), date(2026, 3, 31))
    with pytest.raises(ValidationError, match="期間が重なります"):
        assign(office, other_post, date(2026, 3, 1), date(2027, 3, 31), field="保育士", confirmed=True)
    with pytest.raises(ValidationError, match="派遣期間（令和7年4月1日〜令和10年3月31日）の中"):
        assign(office, other_post, date(2025, 1, 1), date(2025, 3, 31), name="別人", reading="べつじん")
    with pytest.raises(ConfirmationNeededError, match="定められていません"):
        assign(office, other_post, date(2026, 4, 1), date(2027, 3, 31), field="保育士")
    second = assign(office, other_post, date(2026, 4, 1), date(2027, 3, 31), field="保育士", confirmed=True)
    with office.reader() as session:
        rows = list_assignments(session)
        assert [r.id for r in rows] == [first, second]
        assert rows[0].staff_id == rows[1].staff_id  # the same person, recognised by name and reading
    with office.transaction() as session:
        delete_assignment(session, assignment_id=second)
    with office.reader() as session:
        assert count_assignments(session) == 1


def test_demo_office_has_the_model_agreement(office: Office) -> None:
    with office.transaction() as session:
        build_demo_office(session)
    with office.reader() as session:
        agreement_id = find_agreement_id(session, DEMO_AGREEMENT_NUMBER)
        assert agreement_id is not None
        assert len(list_posts(session, agreement_id=agreement_id)) == 4
        rows = list_assignments(session)
        forms = {r.dispatch_form for r in rows}
        years = {FiscalYear.of(r.start_on) for r in rows}
        assert forms == {DispatchForm.LOCAL_AUTONOMY_ACT, DispatchForm.OTHER}
        assert {FiscalYear(2024), FiscalYear(2025)} <= years
        assert list_agreements(session)[0].post_count == 4


def test_list_filters_and_sorts_in_sql(office: Office) -> None:
    with office.transaction() as session:
        build_demo_office(session)
    with office.reader() as session:
        assert {r.name for r in list_assignments(session, text="𠮷")} == {"𠮷田 花子"}
        assert {r.name for r in list_assignments(session, text="たかさき")} == {"髙﨑 美咲"}
        assert count_assignments(session, text="保育士") == 2
        fy2024 = list_assignments(session, fiscal_year=FiscalYear(2024))
        assert {r.name for r in fy2024} == {"𠮷田 花子", "佐藤 剛"}
        today = date(2025, 6, 1)
        current = list_assignments(session, status="current", today=today)
        assert {r.name for r in current} == {"佐藤 剛", "髙﨑 美咲", "渡邊 健一"}
        assert {r.name for r in list_assignments(session, status="future", today=today)} == {"鈴木 一郎"}
        by_reading = [r.reading for r in list_assignments(session, sort_key="reading", descending=True)]
        assert by_reading == sorted(by_reading, reverse=True)
        page = list_assignments(session, sort_key="reading", offset=1, limit=2)
        assert [r.reading for r in page] == sorted(by_reading)[1:3]


def test_agreement_list_sorts_by_every_column(office: Office) -> None:
    make_agreement(office, "第2号")
    third = make_agreement(office, "第3号")
    add_post(office, third)
    with office.reader() as session:
        for key in ("number", "partner", "concluded_on", "dispatch_start", "fields", "posts", "versions",
                    "abolished_on"):
            rows = list_agreements(session, sort_key=key, descending=True)
            assert len(rows) == 2
        assert list_agreements(session, sort_key="posts", descending=True)[0].number == "第3号"
