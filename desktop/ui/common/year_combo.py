"""A fiscal-year chooser (令和7年度 …) that keeps the clerk's choice when its years are refilled."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QWidget

from desktop.domain.fiscal_year import FiscalYear


class FiscalYearCombo(QComboBox):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)

    def set_years(self, years: list[FiscalYear], preferred: FiscalYear) -> None:
        """Refills without emitting; keeps the current year if it is still there, else `preferred`."""
        current = self.currentData()
        self.blockSignals(True)
        self.clear()
        for year in years:
            self.addItem(year.label(), year.year)
        index = self.findData(current) if current is not None else -1
        self.setCurrentIndex(index if index >= 0 else max(self.findData(preferred.year), 0))
        self.blockSignals(False)

    def fiscal_year(self) -> FiscalYear:
        return FiscalYear(self.currentData())

    def select_year(self, year: FiscalYear) -> None:
        self.setCurrentIndex(self.findData(year.year))
