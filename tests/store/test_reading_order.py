"""Names sort by reading, hiragana and katakana alike; the readings stay as typed."""

from __future__ import annotations

from datetime import date

from desktop.domain.text import compare_readings, reading_sort_key
from desktop.store.db import Office
from desktop.store.repos.staffing import list_assignments
from tests.store.test_agreements import add_post, assign, make_agreement


def test_the_sort_key_folds_hiragana_katakana_and_half_width() -> None:
    assert reading_sort_key("たかさき") == reading_sort_key("タカサキ") == reading_sort_key("ﾀｶｻｷ") == "タカサキ"
    assert compare_readings("あおき", "イトウ") < 0 < compare_readings("イトウ", "あおき")
    assert compare_readings("すずき", "スズキ") != 0    # equal keys still order stably


def test_staff_sort_by_reading_whatever_kana_was_typed(office: Office) -> None:
    post = add_post(office, make_agreement(office))
    people = [("渡辺 一", "わたなべ はじめ"), ("青木 二", "アオキ ジ"), ("伊藤 三", "いとう さん"), ("鈴木 四", "ｽｽﾞｷ ｼ")]
    for year, (name, reading) in enumerate(people):
        assign(office, post, date(2025 + year % 3, 4, 1), date(2025 + year % 3, 9, 30), name=name, reading=reading)
    with office.reader() as session:
        by_name = [r.name for r in list_assignments(session, sort_key="name")]
        by_default = {r.name: r.reading for r in list_assignments(session)}
    assert by_name == ["青木 二", "伊藤 三", "鈴木 四", "渡辺 一"]
    assert by_default["伊藤 三"] == "いとう さん" and by_default["青木 二"] == "アオキ ジ"   # stored as typed
    assert by_default["鈴木 四"] == "スズキ シ"                                      # half-width made full
