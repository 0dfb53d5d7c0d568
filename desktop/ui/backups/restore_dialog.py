"""ファイル → バックアップから復元: pick a backup, see what it holds against the current file, restore.

Nothing happens until the clerk presses 復元 with the comparison in front of them; a backup
of another office also needs its box ticked.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.wareki import format_wareki_datetime
from desktop.i18n import N_, _
from desktop.store.backup import SUFFIX, BackupInfo, list_backups
from desktop.store.backup_contents import COUNTED_TABLES, FileContents
from desktop.store.db import OfficeError
from desktop.store.restore import RestorePlan, newest_good_backup, plan_restore, restore_backup

REASON_LABELS = {
    "open": N_("起動時"), "daily": N_("毎日"), "manual": N_("手動"), "before-import": N_("取込の前"),
    "before-migration": N_("版の更新の前"), "before-restore": N_("復元の前"), "damaged": N_("壊れたファイル"),
}

# Restores and says what happened: None on success, else the message for the clerk.
Restorer = Callable[[Path, bool], str | None]


def restorer_without_window(office_path: Path) -> Restorer:
    """For the start-up path, when the office failed its open-time check and nothing holds it open."""
    def restore(backup_path: Path, allow_other_office: bool) -> str | None:
        try:
            restore_backup(office_path=office_path, backup_path=backup_path, allow_other_office=allow_other_office)
        except OfficeError as error:
            return str(error)
        return None

    return restore


def start_up_restore_dialog(office_path: Path, parent: QWidget | None = None) -> RestoreDialog:
    """The dialog the window can offer when the office fails its open-time check: this office's
    newest good backup already chosen, the comparison shown. The caller shows it only where a
    display can (see common/fatal.py) and reopens the office when it is accepted."""
    newest = newest_good_backup(office_path)
    return RestoreDialog(office_path, restorer_without_window(office_path), parent,
                         preselect=newest.path if newest else None)


def reason_label(code: str) -> str:
    return _(REASON_LABELS[code]) if code in REASON_LABELS else code


def size_text(size: int) -> str:
    return _("{size} KB").format(size=f"{max(1, size // 1024):,}")


def head_text(contents: FileContents | None) -> str:
    if contents is None or not contents.readable:
        return "-"
    head = contents.audit_head
    return _("No.{number} ({hash}…)").format(number=head.sequence, hash=head.short) if head else _("なし")


class RestoreDialog(QDialog):
    def __init__(self, office_path: Path, restorer: Restorer, parent: QWidget | None = None,
                 preselect: Path | None = None) -> None:
        super().__init__(parent)
        self.office_path = office_path
        self.restorer = restorer
        self.plan: RestorePlan | None = None
        self.setWindowTitle(_("バックアップから復元"))
        self.resize(760, 700)
        intro = QLabel(_("事務ファイル「{path}」をバックアップの内容に戻します。"
                         "戻す前に、今のファイルもバックアップします。").format(path=office_path))
        intro.setWordWrap(True)
        self.backups = QTableWidget(0, 3)
        self.backups.setHorizontalHeaderLabels([_("日時"), _("種類"), _("大きさ")])
        self.backups.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.backups.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.backups.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.backups.verticalHeader().setVisible(False)
        self.backups.horizontalHeader().setStretchLastSection(True)
        self.backups.setMaximumHeight(170)
        self.other_button = QPushButton(_("ほかのバックアップファイルを選ぶ(&O)…"))
        self.other_button.clicked.connect(self._choose_file)
        self.comparison = QTableWidget(0, 3)
        self.comparison.setHorizontalHeaderLabels([_("項目"), _("バックアップ"), _("現在の事務ファイル")])
        self.comparison.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.comparison.verticalHeader().setVisible(False)
        self.comparison.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setObjectName("problem")
        self.other_office = QCheckBox(_("別の事務所のバックアップであることを確認しました。それでも復元します"))
        self.other_office.setVisible(False)
        self.other_office.toggled.connect(lambda _on: self._update_button())
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.restore_button = self.buttons.addButton(_("復元(&R)"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.rejected.connect(self.reject)
        self.restore_button.clicked.connect(self._restore)
        row = QHBoxLayout()
        row.addWidget(QLabel(_("この事務所のバックアップ（新しい順）")), 1)
        row.addWidget(self.other_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(row)
        layout.addWidget(self.backups, 1)
        self.chosen = QLabel()
        self.chosen.setWordWrap(True)
        layout.addWidget(QLabel(_("バックアップの内容と現在の事務ファイル")))
        layout.addWidget(self.chosen)
        layout.addWidget(self.comparison, 3)
        layout.addWidget(self.message)
        layout.addWidget(self.other_office)
        layout.addWidget(self.buttons)
        self.infos: list[BackupInfo] = list_backups(office_path)
        self._fill_backups()
        self.backups.currentCellChanged.connect(lambda r, _c, _pr, _pc: self._select_row(r))
        rows = [i for i, info in enumerate(self.infos) if info.path == preselect]
        if self.infos:
            self.backups.selectRow(rows[0] if rows else 0)
        else:
            self.message.setText(_("この事務所のバックアップはまだありません。ほかのファイルを選べます"))
        self._update_button()

    def _fill_backups(self) -> None:
        self.backups.setRowCount(len(self.infos))
        for row, info in enumerate(self.infos):
            cells = (format_wareki_datetime(info.taken_at), reason_label(info.reason), size_text(info.size))
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(str(info.path))
                self.backups.setItem(row, column, item)
        self.backups.resizeColumnsToContents()

    def _select_row(self, row: int) -> None:
        if 0 <= row < len(self.infos):
            self.show_backup(self.infos[row].path)

    def _choose_file(self) -> None:
        path, _chosen = QFileDialog.getOpenFileName(
            self, _("復元するバックアップ"), str(self.office_path.parent),
            _("連携デスクのバックアップ (*{suffix} *.renkei);;すべてのファイル (*)").format(suffix=SUFFIX))
        if path:
            self.backups.clearSelection()
            self.show_backup(Path(path))

    def show_backup(self, backup_path: Path) -> None:
        """Fills the comparison; reads both files, changes nothing."""
        self.plan = plan = plan_restore(office_path=self.office_path, backup_path=backup_path)
        current = plan.current if plan.current is not None and plan.current.readable else None
        self.chosen.setText(_("バックアップ: {path}").format(path=backup_path))
        rows = [(_("日時"), format_wareki_datetime(plan.backup_taken_at), _("（現在）")),
                (_("スキーマの版"), str(plan.backup.schema_version), str(current.schema_version) if current else "-")]
        rows += [(_(label), f"{plan.backup.count(table):,}", f"{current.count(table):,}" if current else "-")
                 for table, label in COUNTED_TABLES]
        rows.append((_("最新の監査記録"), head_text(plan.backup), head_text(current)))
        self.comparison.setRowCount(len(rows))
        self.comparison.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        for row, cells in enumerate(rows):
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column and text != rows[row][3 - column] and row > 0:
                    item.setForeground(Qt.GlobalColor.darkRed)  # what the restore would change
                self.comparison.setItem(row, column, item)
        notes = list(plan.problems)
        if plan.current is not None and not plan.current.readable:
            notes.append(_("現在の事務ファイルは壊れています（{detail}）。そのまま保存してから復元します").format(
                detail=plan.current.integrity))
        if not plan.problems and not plan.same_office:
            notes.append(_("このバックアップは別の事務所のものです"))
        self.message.setText("\n".join(notes))
        self.other_office.setChecked(False)
        self.other_office.setVisible(not plan.problems and not plan.same_office)
        self._update_button()

    def _update_button(self) -> None:
        plan = self.plan
        ready = plan is not None and not plan.problems and (plan.same_office or self.other_office.isChecked())
        self.restore_button.setEnabled(ready)

    def _restore(self) -> None:
        if self.plan is None:
            return
        problem = self.restorer(self.plan.backup.path, not self.plan.same_office and self.other_office.isChecked())
        if problem is None:
            self.accept()
        else:
            self.message.setText(problem)
