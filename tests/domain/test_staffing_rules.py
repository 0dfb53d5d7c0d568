from __future__ import annotations

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from desktop.domain.periods import Period
from desktop.domain.problems import Severity
from desktop.domain.staffing import (
    AgreementContext,
    AssignmentDraft,
    DispatchForm,
    EmploymentType,
    OtherAssignment,
    dispatch_form_from_text,
    employment_type_from_text,
    validate_assignment,
    validate_staff,
)

AGREEMENT = AgreementContext("A県デモ町第1号", Period(date(2024, 4, 1), date(2027, 3, 31)), frozenset({1, 2}))


def draft(start: date | None = date(2025, 4, 1), end: date | None = date(2026, 3, 31), field_id: int = 1,
          name: str = "髙﨑 美咲", reading: str = "たかさき みさき") -> AssignmentDraft:
    return AssignmentDraft(name, reading, 10, field_id, EmploymentType.FIXED_TERM, DispatchForm.LOCAL_AUTONOMY_ACT,
                           start, end)


def fields_of(problems: list) -> set[str]:  # type: ignore[type-arg]
    return {p.field for p in problems}


def test_a_good_assignment_has_no_problem() -> None:
    assert validate_assignment(draft(), AGREEMENT, []) == []


def test_end_before_start() -> None:
    problems = validate_assignment(draft(date(2025, 4, 1), date(2025, 3, 31)), AGREEMENT, [])
    assert [(p.field, p.message) for p in problems] == [("end_on", "派遣終了日は派遣開始日より後にしてください")]


def test_period_outside_the_agreement() -> None:
    problems = validate_assignment(draft(date(2024, 3, 1), date(2025, 3, 31)), AGREEMENT, [])
    assert problems[0].field == "start_on"
    assert "協約A県デモ町第1号の派遣期間（令和6年4月1日〜令和9年3月31日）" in problems[0].message
    problems = validate_assignment(draft(date(2026, 4, 1), date(2027, 4, 1)), AGREEMENT, [])
    assert problems[0].field == "end_on"


def test_overlap_with_another_assignment_of_the_person() -> None:
    other = OtherAssignment(Period(date(2025, 10, 1), date(2026, 9, 30)), "子育て支援課／保育士")
    problems = validate_assignment(draft(), AGREEMENT, [other])
    assert len(problems) == 1 and problems[0].field == "start_on"
    assert "子育て支援課／保育士" in problems[0].message and "重なります" in problems[0].message
    touching = OtherAssignment(Period(date(2024, 4, 1), date(2025, 3, 31)), "x")
    assert validate_assignment(draft(), AGREEMENT, [touching]) == []


def test_field_not_named_by_the_agreement_is_a_warning() -> None:
    problems = validate_assignment(draft(field_id=5), AGREEMENT, [], "技術職員")
    assert [p.severity for p in problems] == [Severity.WARNING]
    assert "技術職員" in problems[0].message


def test_abolished_agreement() -> None:
    abolished = AgreementContext("X", AGREEMENT.dispatch_period, frozenset({1}), date(2025, 12, 31))
    problems = validate_assignment(draft(), abolished, [])
    assert any("廃止" in p.message for p in problems)


def test_staff_names_and_readings() -> None:
    assert validate_staff("𠮷田 ①", "よしだ") == []
    assert fields_of(validate_staff("", "")) == {"name", "reading"}
    assert validate_staff("山田", "yamada")[0].message == "ふりがなはひらがな・カタカナで入力してください"
    assert validate_staff("山田", "ヤマダ　タロウ") == []


def test_labels_are_read_back() -> None:
    for value in EmploymentType:
        assert employment_type_from_text(value.label) is value
    for form in DispatchForm:
        assert dispatch_form_from_text(form.label) is form
    assert employment_type_from_text("常勤") is EmploymentType.PERMANENT
    assert dispatch_form_from_text("派遣") is None


days = st.dates(min_value=date(2024, 4, 1), max_value=date(2027, 3, 31))


@given(days, days, days, days)
def test_overlap_is_symmetric_and_matches_day_sets(a: date, b: date, c: date, d: date) -> None:
    first, second = Period(min(a, b), max(a, b)), Period(min(c, d), max(c, d))
    assert first.overlaps(second) == second.overlaps(first)
    shares_a_day = max(first.start, second.start) <= min(first.end, second.end)
    assert first.overlaps(second) == shares_a_day
