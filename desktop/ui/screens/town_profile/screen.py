"""自団体設定 — loads the profile, validates as the clerk types, saves through the service."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QVBoxLayout, QWidget

from desktop.domain.fiscal_year import FiscalYear
from desktop.domain.problems import ValidationError
from desktop.domain.town import TownProfile, grant_eligibility, validate_town_profile
from desktop.i18n import _
from desktop.store.repos.measure import measure_parameters_for
from desktop.store.repos.town import get_town_profile
from desktop.store.services.town import update_town_profile
from desktop.ui.common.context import AppContext
from desktop.ui.common.keyboard import install_form_keys
from desktop.ui.screens.town_profile.import_limit_box import ImportLimitBox
from desktop.ui.screens.town_profile.view import TownProfileView

ELIGIBLE_STYLE = "color: #1b5e20; font-weight: bold;"
INELIGIBLE_STYLE = "color: #b00020; font-weight: bold;"


class TownProfileScreen(TownProfileView):
    watches = frozenset({"town", "measure"})

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self._touched: set[str] = set()
        self.excluded_categories = self.context.read(
            measure_parameters_for, fiscal_year=FiscalYear.of(date.today())).excluded_categories
        for field, edit in (
            ("name", self.name_edit), ("prefecture", self.prefecture_edit),
            ("local_gov_code", self.code_edit), ("mayor_title", self.mayor_title_edit),
            ("mayor_name", self.mayor_name_edit), ("document_prefix", self.prefix_edit),
        ):
            edit.textEdited.connect(lambda _text, f=field: self._on_edited(f))
        self.category_combo.currentIndexChanged.connect(lambda _i: self._on_edited("category"))
        self.save_button.clicked.connect(self.save)
        self.revert_button.clicked.connect(self.load)
        install_form_keys(self.form.layout.parentWidget(), self.save, self.load)
        self.import_limit_box = ImportLimitBox(context)
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertWidget(layout.count() - 1, self.import_limit_box)  # above the closing stretch
        self.load()

    def load(self) -> None:
        profile = self.context.read(get_town_profile)
        self.name_edit.setText(profile.name)
        self.prefecture_edit.setText(profile.prefecture)
        self.code_edit.setText(profile.local_gov_code)
        self.category_combo.setCurrentIndex(self.category_combo.findData(profile.category))
        self.mayor_title_edit.setText(profile.mayor_title)
        self.mayor_name_edit.setText(profile.mayor_name)
        self.prefix_edit.setText(profile.document_prefix)
        self._touched.clear()
        self.form.clear()
        self.status_label.clear()
        self._show_eligibility()

    def profile_from_fields(self) -> TownProfile:
        return TownProfile(
            name=self.name_edit.text().strip(),
            prefecture=self.prefecture_edit.text().strip(),
            local_gov_code=self.code_edit.text().strip(),
            category=self.category_combo.currentData(),
            mayor_title=self.mayor_title_edit.text().strip(),
            mayor_name=self.mayor_name_edit.text().strip(),
            document_prefix=self.prefix_edit.text().strip(),
        )

    def _on_edited(self, field: str) -> None:
        self._touched.add(field)
        self.status_label.clear()
        self.form.show_problems(validate_town_profile(self.profile_from_fields()), only=self._touched)
        self._show_eligibility()

    def _show_eligibility(self) -> None:
        eligibility = grant_eligibility(self.category_combo.currentData(), self.excluded_categories)
        self.eligibility_label.setText(eligibility.reason)
        self.eligibility_label.setStyleSheet(ELIGIBLE_STYLE if eligibility.eligible else INELIGIBLE_STYLE)

    def save(self) -> bool:
        try:
            self.context.run(update_town_profile, profile=self.profile_from_fields())
        except ValidationError as error:
            self.form.show_problems(error.problems)
            self.status_label.error(_("入力に誤りがあります。赤字の項目を直してください。"))
            return False
        self.form.clear()
        self._touched.clear()
        self.status_label.ok(_("保存しました"))
        return True

    def on_change(self, _change: object) -> None:
        """Another screen changed the profile or the measure: reload unless the clerk is mid-edit."""
        self.excluded_categories = self.context.read(
            measure_parameters_for, fiscal_year=FiscalYear.of(date.today())).excluded_categories
        self._show_eligibility()
        if not self._touched:
            self.load()
