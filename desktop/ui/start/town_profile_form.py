"""The town profile asked before a new empty office is made: name, prefecture, code, category,
mayor. The code and name fields complete from the official list of local governments."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QFormLayout, QLineEdit, QWidget

from desktop.domain.town import TownCategory, TownProfile, validate_town_profile
from desktop.i18n import _
from desktop.ui.common.field_row import FieldForm
from desktop.ui.common.local_gov_completer import attach_local_gov_completer
from desktop.ui.common.sequence_text import NameEdit


class TownProfileForm(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name_edit = QLineEdit()
        self.prefecture_edit = QLineEdit()
        self.code_edit = QLineEdit()
        self.code_edit.setMaxLength(8)
        self.category_combo = QComboBox()
        for category in TownCategory:
            self.category_combo.addItem(category.label, category)
        self.mayor_title_edit = QLineEdit(TownProfile().mayor_title)
        self.mayor_name_edit = NameEdit()
        self.form = FieldForm(QFormLayout(self))
        self.form.add("name", _("団体名(&N)"), self.name_edit,
                      _("団体名かコードの一部（例: 板橋、131199）を入力して一覧から選べます"))
        self.form.add("prefecture", _("都道府県(&P)"), self.prefecture_edit)
        self.form.add("local_gov_code", _("全国地方公共団体コード(&C)"), self.code_edit,
                      _("6桁（最後の1桁は検査数字）"))
        self.form.add("category", _("団体区分(&K)"), self.category_combo)
        self.form.add("mayor_title", _("首長の職名"), self.mayor_title_edit)
        self.form.add("mayor_name", _("首長の氏名(&M)"), self.mayor_name_edit)
        self.completers = attach_local_gov_completer(self.code_edit, self.name_edit, self.prefecture_edit)
        self._touched: set[str] = set()
        for field, edit in (("name", self.name_edit), ("prefecture", self.prefecture_edit),
                            ("local_gov_code", self.code_edit), ("mayor_title", self.mayor_title_edit),
                            ("mayor_name", self.mayor_name_edit)):
            edit.textEdited.connect(lambda _text, f=field: self._edited(f))

    def profile(self) -> TownProfile:
        return TownProfile(
            name=self.name_edit.text().strip(), prefecture=self.prefecture_edit.text().strip(),
            local_gov_code=self.code_edit.text().strip(), category=self.category_combo.currentData(),
            mayor_title=self.mayor_title_edit.text().strip(), mayor_name=self.mayor_name_edit.text().strip())

    def _edited(self, field: str) -> None:
        self._touched.add(field)
        self.form.show_problems(validate_town_profile(self.profile()), only=self._touched)

    def checked_profile(self) -> TownProfile | None:
        """The profile when every field is right; otherwise every problem shown by its field."""
        problems = validate_town_profile(self.profile())
        self.form.show_problems(problems)
        return None if problems else self.profile()
