"""連携協約 — layout only: the list on the left, the agreement in tabs on the right."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.i18n import _
from desktop.ui.common.date_edit import WarekiDateEdit
from desktop.ui.common.field_row import FieldForm
from desktop.ui.common.list_beside_detail import lay_out_list_beside_detail
from desktop.ui.common.list_panel import ListPanel
from desktop.ui.common.local_gov_completer import attach_local_gov_completer
from desktop.ui.common.paged_table_model import PagedTableModel
from desktop.ui.common.status_label import StatusLabel
from desktop.ui.screens.agreements.terms_editor import TermsEditor


def _scrolled(widget: QWidget) -> QScrollArea:
    area = QScrollArea()
    area.setWidget(widget)
    area.setWidgetResizable(True)
    return area


class AgreementsView(QWidget):
    def __init__(self, model: PagedTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        title = QLabel(_("連携協約"))
        title.setObjectName("screenTitle")
        self.list_panel = ListPanel(model, _("絞り込み（協約番号・相手方・分野）"))
        self.new_button = QPushButton(_("新規(&N)"))
        self.import_button = QPushButton(_("協約の取込(&I)…"))
        list_buttons = QHBoxLayout()
        list_buttons.addWidget(self.new_button)
        list_buttons.addWidget(self.import_button)
        list_buttons.addStretch(1)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.list_panel, 1)
        left_layout.addLayout(list_buttons)

        # 基本・手続
        self.number_edit = QLineEdit()
        self.partner_edit = QLineEdit()
        self.title_edit = QLineEdit()
        self.resolution_edit = WarekiDateEdit()
        self.concluded_edit = WarekiDateEdit()
        self.notice_edit = WarekiDateEdit()
        self.notified_edit = WarekiDateEdit()
        self.dispute_edit = WarekiDateEdit()
        self.dispute_note_edit = QLineEdit()
        basics = QWidget()
        basics_layout = QFormLayout(basics)
        self.form = FieldForm(basics_layout)
        self.form.add("number", _("協約番号(&B)"), self.number_edit)
        self.form.add("partner", _("相手方団体(&T)"), self.partner_edit, _("派遣元の都道府県等（例: A県）"))
        self.partner_completer = attach_local_gov_completer(None, self.partner_edit, wards=False)
        self.form.add("title", _("件名"), self.title_edit)
        self.form.add("resolution_on", _("議会の議決日"), self.resolution_edit)
        self.form.add("concluded_on", _("締結日"), self.concluded_edit)
        self.form.add("notice_on", _("告示日"), self.notice_edit)
        self.form.add("notified_on", _("届出日"), self.notified_edit, _("知事（又は総務大臣）への届出"))
        self.form.add("dispute_requested_on", _("自治紛争処理委員への申請日"), self.dispute_edit,
                      _("協約に係る紛争の処理方策の提示を求めた場合のみ"))
        self.form.add("dispute_note", _("紛争処理の内容"), self.dispute_note_edit)

        # 条文
        self.terms_editor = TermsEditor()

        # 派遣先ポスト
        self.posts_table = QTableWidget(0, 4)
        self.posts_table.setHorizontalHeaderLabels([_("部署"), _("職"), _("備考"), _("派遣の記録")])
        self.posts_table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.posts_table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.posts_table.horizontalHeader().setStretchLastSection(True)
        self.add_post_button = QPushButton(_("ポストを追加…"))
        self.edit_post_button = QPushButton(_("編集…"))
        self.delete_post_button = QPushButton(_("削除"))
        posts = QWidget()
        posts_layout = QVBoxLayout(posts)
        posts_layout.addWidget(self.posts_table, 1)
        post_buttons = QHBoxLayout()
        for button in (self.add_post_button, self.edit_post_button, self.delete_post_button):
            post_buttons.addWidget(button)
        post_buttons.addStretch(1)
        posts_layout.addLayout(post_buttons)

        # 変更履歴
        self.versions_table = QTableWidget(0, 7)
        self.versions_table.setHorizontalHeaderLabels(
            [_("区分"), _("効力発生日"), _("内容"), _("議決日"), _("締結日"), _("告示日"), _("届出日")])
        self.versions_table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.versions_table.horizontalHeader().setStretchLastSection(True)
        self.as_of_edit = WarekiDateEdit()
        self.as_of_button = QPushButton(_("この日時点の協約を表示"))
        self.as_of_text = QPlainTextEdit()
        self.as_of_text.setReadOnly(True)
        history = QWidget()
        history_layout = QVBoxLayout(history)
        history_layout.addWidget(self.versions_table, 1)
        as_of_row = QHBoxLayout()
        as_of_row.addWidget(QLabel(_("基準日:")))
        as_of_row.addWidget(self.as_of_edit)
        as_of_row.addWidget(self.as_of_button)
        as_of_row.addStretch(1)
        history_layout.addLayout(as_of_row)
        history_layout.addWidget(self.as_of_text, 2)

        # 廃止
        self.abolished_edit = WarekiDateEdit()
        self.abolition_note_edit = QLineEdit()
        self.abolish_button = QPushButton(_("廃止を記録"))
        self.unabolish_button = QPushButton(_("廃止を取り消す"))
        abolition = QGroupBox(_("協約の廃止"))
        abolition_layout = QFormLayout(abolition)
        self.abolition_form = FieldForm(abolition_layout)
        self.abolition_form.add("abolished_on", _("廃止日"), self.abolished_edit)
        self.abolition_form.add("note", _("廃止の理由"), self.abolition_note_edit)
        abolition_buttons = QHBoxLayout()
        abolition_buttons.addWidget(self.abolish_button)
        abolition_buttons.addWidget(self.unabolish_button)
        abolition_buttons.addStretch(1)
        abolition_layout.addRow(abolition_buttons)
        abolition_page = QWidget()
        abolition_page_layout = QVBoxLayout(abolition_page)
        abolition_page_layout.addWidget(abolition)
        abolition_page_layout.addStretch(1)

        self.tabs = QTabWidget()
        self.tabs.addTab(_scrolled(basics), _("基本・手続"))
        self.tabs.addTab(_scrolled(self.terms_editor), _("条文（第一条〜第五条）"))
        self.tabs.addTab(posts, _("派遣先ポスト"))
        self.tabs.addTab(history, _("変更履歴"))
        self.tabs.addTab(abolition_page, _("廃止"))

        self.heading = QLabel()
        self.heading.setStyleSheet("font-weight: bold;")
        self.status_label = StatusLabel()
        self.status_label.setWordWrap(True)
        self.save_button = QPushButton(_("保存（訂正）(&S)"))
        self.save_button.setToolTip(_("入力の誤りを直します。協約の内容の変更は「変更として登録」を使います"))
        self.amend_button = QPushButton(_("変更として登録(&M)…"))
        self.delete_button = QPushButton(_("削除"))
        self.print_button = QPushButton(_("協約書を印刷(&P)…"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.delete_button)
        buttons.addWidget(self.print_button)
        buttons.addStretch(1)
        buttons.addWidget(self.amend_button)
        buttons.addWidget(self.save_button)
        lay_out_list_beside_detail(self, title, left, [self.heading, self.tabs, self.status_label, buttons],
                                   sizes=(400, 600))
