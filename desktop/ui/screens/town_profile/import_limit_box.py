"""The largest amount one imported row may hold (an office setting), on the 自団体設定 screen."""

from __future__ import annotations

from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.domain.amount_limit import DEFAULT_IMPORT_AMOUNT_LIMIT_YEN
from desktop.domain.problems import ValidationError
from desktop.domain.yen import format_yen
from desktop.i18n import _
from desktop.store.repos.import_limits import get_import_amount_limit
from desktop.store.services.import_limits import set_import_amount_limit
from desktop.ui.common.context import AppContext
from desktop.ui.common.status_label import StatusLabel
from desktop.ui.common.yen_edit import YenEdit


class ImportLimitBox(QGroupBox):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(_("取込の金額上限"), parent)
        self.context = context
        self.limit_edit = YenEdit()
        self.save_button = QPushButton(_("上限を保存"))
        self.status_label = StatusLabel()
        note = QLabel(_("負担金の取込で1行の金額がこれを超えると、その行を誤りとして取り込みません"
                        "（桁の打ち間違いを防ぐため。初期値 {default}）").format(
                            default=format_yen(DEFAULT_IMPORT_AMOUNT_LIMIT_YEN)))
        note.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(QLabel(_("1行の上限（円）")))
        row.addWidget(self.limit_edit)
        row.addWidget(self.save_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(note)
        layout.addWidget(self.status_label)
        self.save_button.clicked.connect(self.save)
        self.load()

    def load(self) -> None:
        self.limit_edit.set_value(self.context.read(get_import_amount_limit))

    def save(self) -> bool:
        value = self.limit_edit.value()
        if value is None:
            self.status_label.error(self.limit_edit.problem() or "")
            return False
        try:
            self.context.run(set_import_amount_limit, limit_yen=value)
        except ValidationError as error:
            self.status_label.error(error.problems[0].message)
            return False
        self.status_label.ok(_("上限を{limit}にしました").format(limit=format_yen(value)))
        return True
