"""A completer over the official list of local governments for the code and name fields.

Typing 板橋 or 131199 (in either field) offers `131199 東京都 板橋区`; choosing it fills the
code, the name and, when given, the prefecture field. The list is bundled data
(desktop/resources/local_governments.csv, see domain/local_governments.py).
"""

from __future__ import annotations

from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtWidgets import QCompleter, QLineEdit

from desktop.domain.local_governments import LocalGovernment, local_governments
from desktop.i18n import _


def _model(parent: QLineEdit) -> QStringListModel:
    """`131199 東京都 板橋区 イタバシク`: the code first, so a chosen line names its entry."""
    return QStringListModel([entry.label() + " " + entry.kana for entry in local_governments()], parent)


def attach_local_gov_completer(code_edit: QLineEdit | None, name_edit: QLineEdit | None,
                               prefecture_edit: QLineEdit | None = None) -> list[QCompleter]:
    """One completer per given field; each fills every given field when an entry is chosen."""
    by_code = {entry.code: entry for entry in local_governments()}
    completers: list[QCompleter] = []

    def fill(entry: LocalGovernment) -> None:
        if code_edit is not None:
            code_edit.setText(entry.code)
            code_edit.textEdited.emit(entry.code)  # the screen validates as if typed
        if name_edit is not None:
            name_edit.setText(entry.name)
            name_edit.textEdited.emit(entry.name)
        if prefecture_edit is not None:
            prefecture_edit.setText(entry.prefecture)
            prefecture_edit.textEdited.emit(entry.prefecture)

    for edit in (code_edit, name_edit):
        if edit is None:
            continue
        completer = QCompleter(_model(edit), edit)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setMaxVisibleItems(12)

        edit.setCompleter(completer)

        def chosen(text: str) -> None:
            # Connected after setCompleter, so this runs once the line edit has taken the whole
            # completion text: the fields are then set to the entry's parts.
            entry = by_code.get(text.split(" ", 1)[0])
            if entry is not None:
                fill(entry)

        completer.activated[str].connect(chosen)  # type: ignore[index]  # the text overload
        edit.setToolTip(_("団体名か全国地方公共団体コードの一部を入力すると、公式の一覧から選べます"))
        completers.append(completer)
    return completers
