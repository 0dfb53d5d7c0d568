"""The welcome of a first start, and the question asked when an office file is missing or empty.

A first start (the default office file, not made yet) is welcomed: the demo office or a new
empty office (whose town profile is asked first, on the dialog's second page), and where the
office file and its backups will live. A mistyped --db gets the same choices with the message
saying what is missing; nothing is answered silently. Only shown where a display can show it
(ui/app.py).
"""

from __future__ import annotations

from enum import Enum
from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.town import TownProfile
from desktop.i18n import _
from desktop.paths import backup_root
from desktop.ui.start.town_profile_form import TownProfileForm


class StartChoice(Enum):
    NEW_EMPTY = "new-empty"
    DEMO = "demo"
    OPEN_OTHER = "open-other"
    QUIT = "quit"


def welcome_text() -> str:
    return _("連携デスクへようこそ。\n"
             "まずデモ事務所（架空の町のデータ）で試すか、自団体の新しい空の事務所を作ってください。"
             "お持ちの事務ファイルを開くこともできます。")


def where_text(office: Path) -> str:
    return _("事務ファイルの場所: {office}\nバックアップの場所: {backups}（開くたびと毎日、自動で作られます。"
             "ファイル → バックアップの設定 で別のドライブに移せます）").format(
        office=office, backups=backup_root())


class MissingOfficeDialog(QDialog):
    """`message` says why the question is asked; `office` given and `first_start` true make it
    the welcome. After accept(): `choice`, and `profile` for a new empty office."""

    def __init__(self, message: str, parent: QWidget | None = None, *, office: Path | None = None,
                 first_start: bool = False) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("ようこそ") if first_start else _("事務ファイルがありません"))
        self.choice = StartChoice.QUIT
        self.profile: TownProfile | None = None
        intro = welcome_text() if first_start and office is not None else message + "\n\n" + _("どうしますか？")
        self.message = QLabel(intro)
        self.message.setWordWrap(True)
        self.where = QLabel(where_text(office) if office is not None else "")
        self.where.setWordWrap(True)
        self.where.setVisible(office is not None)
        self.buttons: dict[StartChoice, QPushButton] = {
            StartChoice.DEMO: QPushButton(_("デモ事務所で試す(&D)")),
            StartChoice.NEW_EMPTY: QPushButton(_("新しい空の事務所(&N)…")),
            StartChoice.OPEN_OTHER: QPushButton(_("別のファイルを開く(&O)…")),
            StartChoice.QUIT: QPushButton(_("終了(&Q)")),
        }
        row = QHBoxLayout()
        for choice, button in self.buttons.items():
            button.setAutoDefault(False)
            button.clicked.connect(lambda _checked=False, chosen=choice: self.choose(chosen))
            row.addWidget(button)
        choices = QWidget()
        choices_layout = QVBoxLayout(choices)
        choices_layout.addWidget(self.message)
        choices_layout.addWidget(self.where)
        choices_layout.addStretch(1)
        choices_layout.addLayout(row)

        self.pages = QStackedWidget()
        self.profile_form = TownProfileForm()
        self.back_button = QPushButton(_("戻る(&B)"))
        self.create_button = QPushButton(_("この内容で作成(&C)"))
        self.back_button.clicked.connect(lambda: self.pages.setCurrentIndex(0))
        self.create_button.clicked.connect(self.create_empty)
        profile_page = QWidget()
        profile_layout = QVBoxLayout(profile_page)
        profile_intro = QLabel(_("新しい事務所の自団体の情報を入力してください（あとで 自団体設定 で直せます）。"))
        profile_intro.setWordWrap(True)
        profile_layout.addWidget(profile_intro)
        profile_layout.addWidget(self.profile_form)
        profile_layout.addStretch(1)
        profile_buttons = QHBoxLayout()
        profile_buttons.addStretch(1)
        profile_buttons.addWidget(self.back_button)
        profile_buttons.addWidget(self.create_button)
        profile_layout.addLayout(profile_buttons)

        self.pages.addWidget(choices)
        self.pages.addWidget(profile_page)
        self.pages.currentChanged.connect(self._fit_page)
        self._fit_page(0)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)
        # Only a button already inside the dialog can be its default.
        self.buttons[StartChoice.DEMO if first_start else StartChoice.OPEN_OTHER].setDefault(True)
        self.setMinimumWidth(640)

    def choose(self, choice: StartChoice) -> None:
        self.choice = choice
        if choice is StartChoice.NEW_EMPTY:
            self.pages.setCurrentIndex(1)  # the town profile first
            self.profile_form.name_edit.setFocus()
        elif choice is StartChoice.QUIT:
            self.reject()
        else:
            self.accept()

    def _fit_page(self, current: int) -> None:
        """A stacked widget is as tall as its tallest page; the hidden page should not count."""
        for index in range(self.pages.count()):
            policy = QSizePolicy.Policy.Preferred if index == current else QSizePolicy.Policy.Ignored
            page = self.pages.widget(index)
            if page is not None:
                page.setSizePolicy(policy, policy)
        self.adjustSize()

    def create_empty(self) -> None:
        profile = self.profile_form.checked_profile()
        if profile is None:
            return
        self.choice = StartChoice.NEW_EMPTY
        self.profile = profile
        self.accept()
