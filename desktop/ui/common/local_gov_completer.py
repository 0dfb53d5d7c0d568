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


def _line(entry: LocalGovernment) -> str:
    """`131199 東京都 板橋区 イタバシク`: the code first, so a chosen line names its entry; a
    designated city's ward says so (`011011 北海道 札幌市中央区 サッポロシチュウオウク （行政区）`)."""
    line = entry.label() + " " + entry.kana
    return line + " " + _("（行政区）") if entry.is_ward else line


def _model(parent: QLineEdit, wards: bool) -> QStringListModel:
    return QStringListModel([_line(entry) for entry in local_governments() if wards or not entry.is_ward], parent)


def attach_local_gov_completer(code_edit: QLineEdit | None, name_edit: QLineEdit | None,
                               prefecture_edit: QLineEdit | None = None, *, wards: bool = True) -> list[QCompleter]:
    """One completer per given field; each fills every given field when an entry is chosen.
    `wards=False` leaves the designated cities' wards out (a field naming a party, which a ward
    never is); with them, the town profile finds 札幌市中央区 and then says why it is refused."""
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
        completer = QCompleter(_model(edit, wards), edit)
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
