"""A record dialog lists every problem at once, each by its field, and uses the one money field."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from desktop.ui.common.yen_edit import YenEdit
from desktop.ui.screens.organisations.dialogs import DecisionDialog
from desktop.ui.screens.organisations.record_specs import CONTRACT_SPEC
from tests.ui.typing import replace_text


def test_every_problem_of_a_contract_shows_at_once(qtbot: QtBot) -> None:
    submitted: list[dict[str, object]] = []
    dialog = DecisionDialog("随意契約", "", CONTRACT_SPEC.fields(), submitted.append, None, CONTRACT_SPEC.check)
    qtbot.addWidget(dialog)
    dialog.show()
    amount = dialog.widgets["amount_yen"]
    assert isinstance(amount, YenEdit)
    replace_text(qtbot, amount, "12.5万円")
    replace_text(qtbot, dialog.widgets["start_on"], "R7/4/1")
    replace_text(qtbot, dialog.widgets["end_on"], "令和7年13月1日")
    assert not dialog.try_accept()
    assert submitted == []
    labels = dialog.form.problem_labels
    shown = {name for name, label in labels.items() if label.isVisibleTo(dialog)}
    assert shown == {"work", "amount_yen", "end_on", "rule_clause"}
    assert "金額として読めません" in labels["amount_yen"].text()
    assert "存在しない日付" in labels["end_on"].text()
    # Put right, the same dialog submits the amount with its separators read.
    replace_text(qtbot, dialog.widgets["work"], "清掃")
    replace_text(qtbot, amount, "１２５０００円")
    replace_text(qtbot, dialog.widgets["end_on"], "R8.3.31")
    replace_text(qtbot, dialog.widgets["rule_clause"], "B町契約規則第20条")
    assert dialog.try_accept()
    assert CONTRACT_SPEC.to_draft(submitted[0]).amount_yen == 125000  # type: ignore[arg-type]
