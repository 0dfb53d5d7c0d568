"""A fiscal-year chooser (令和7年度 …) that keeps the clerk's choice when its years are refilled,
and, once it follows the AppContext, shares the working fiscal year with every other screen."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QComboBox, QWidget

from desktop.domain.fiscal_year import FiscalYear

if TYPE_CHECKING:
    from desktop.ui.common.context import AppContext


class FiscalYearCombo(QComboBox):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)

    def set_years(self, years: list[FiscalYear], preferred: FiscalYear) -> None:
        """Refills without emitting; keeps the current year if it is still there, else `preferred`
        (added to the list when no row has it yet, so the working year can always be shown)."""
        current = self.currentData()
        self.blockSignals(True)
        self.clear()
        for year in sorted(set(years) | {preferred}, reverse=True):
            self.addItem(year.label(), year.year)
        index = self.findData(current) if current is not None else -1
        self.setCurrentIndex(index if index >= 0 else max(self.findData(preferred.year), 0))
        self.blockSignals(False)

    def fiscal_year(self) -> FiscalYear:
        return FiscalYear(self.currentData())

    def select_year(self, year: FiscalYear) -> None:
        if self.findData(year.year) < 0:
            years = [FiscalYear(self.itemData(i)) for i in range(self.count())]
            self.blockSignals(True)
            self.clear()
            for each in sorted({*years, year}, reverse=True):
                self.addItem(each.label(), each.year)
            self.setCurrentIndex(-1)
            self.blockSignals(False)
        self.setCurrentIndex(self.findData(year.year))

    def follow(self, context: AppContext) -> None:
        """The clerk's choice becomes the working year; a choice made elsewhere is followed here."""
        self.currentIndexChanged.connect(
            lambda _i: context.set_working_year(self.fiscal_year()) if self.currentIndex() >= 0 else None)
        context.bus.year_changed.connect(self._followed)

    def _followed(self, year: FiscalYear) -> None:
        if self.currentData() != year.year:
            self.select_year(year)
