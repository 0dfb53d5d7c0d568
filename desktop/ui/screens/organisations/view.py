"""指定地域共同活動団体 — layout only: the filtered list on the left, the organisation in tabs
(基本情報, 要件, 履歴) on the right, the decision buttons under them."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTableWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.organisation import Action, Membership, OrganisationKind, OrgState
from desktop.i18n import _
from desktop.ui.common.date_edit import WarekiDateEdit
from desktop.ui.common.field_row import FieldForm
from desktop.ui.common.list_beside_detail import lay_out_list_beside_detail
from desktop.ui.common.list_panel import ListPanel
from desktop.ui.common.paged_table_model import PagedTableModel
from desktop.ui.common.status_label import StatusLabel
from desktop.ui.screens.organisations.requirements_table import RequirementsTable

# The decision buttons, in the order of an organisation's life.
DECISIONS = (Action.DESIGNATE, Action.REFUSE, Action.WITHDRAW_APPLICATION, Action.ORDER_IMPROVEMENT,
             Action.CONFIRM_IMPROVEMENT, Action.REVOKE, Action.DISSOLVE, Action.NOTIFY_CHANGE)


def _scrolled(widget: QWidget) -> QScrollArea:
    area = QScrollArea()
    area.setWidget(widget)
    area.setWidgetResizable(True)
    return area


class OrganisationsView(QWidget):
    def __init__(self, model: PagedTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        title = QLabel(_("指定地域共同活動団体"))
        title.setObjectName("screenTitle")
        self.list_panel = ListPanel(model, _("絞り込み（団体名・代表者・区域・指定番号）"))
        self.state_combo = QComboBox()
        self.state_combo.addItem(_("すべて"), None)
        for state in OrgState:
            self.state_combo.addItem(state.label, state.value)
        self.kind_combo = QComboBox()
        self.kind_combo.addItem(_("すべて"), None)
        for kind in OrganisationKind:
            self.kind_combo.addItem(kind.label, kind.value)
        self.area_combo = QComboBox()
        for caption, combo in ((_("状態(&J):"), self.state_combo), (_("種別:"), self.kind_combo),
                               (_("区域:"), self.area_combo)):
            # Sized by a few characters, not by the longest item (English labels are long).
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(6)
            label = QLabel(caption)
            label.setBuddy(combo)
            self.list_panel.filter_bar.addWidget(label)
            self.list_panel.filter_bar.addWidget(combo)
        self.list_panel.filter_bar.addStretch(1)
        self.new_button = QPushButton(_("新規登録(&N)"))
        self.import_button = QPushButton(_("団体の取込(&I)…"))
        list_buttons = QHBoxLayout()
        list_buttons.addWidget(self.new_button)
        list_buttons.addWidget(self.import_button)
        list_buttons.addStretch(1)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.list_panel, 1)
        left_layout.addLayout(list_buttons)

        self.tabs = QTabWidget()
        self.tabs.addTab(_scrolled(self._basics()), _("基本情報"))
        self.tabs.addTab(self._requirements(), _("要件"))
        self.tabs.addTab(self._history(), _("履歴"))

        self.heading = QLabel()
        self.heading.setStyleSheet("font-weight: bold;")
        self.status_label = StatusLabel()
        self.save_button = QPushButton(_("保存（訂正）(&S)"))
        self.save_button.setToolTip(_("入力の誤りを直します。指定を受けた団体の変更は「変更届」で記録します"))
        self.decision_buttons: dict[Action, QPushButton] = {a: QPushButton(a.label + "…") for a in DECISIONS}
        self.print_f5_button = QPushButton(_("申請書を印刷(&P)…"))
        self.print_f6_button = QPushButton(_("通知書を印刷…"))
        decisions = QGridLayout()
        for index, action in enumerate(DECISIONS):
            decisions.addWidget(self.decision_buttons[action], index // 3, index % 3)
        buttons = QHBoxLayout()
        buttons.addWidget(self.print_f5_button)
        buttons.addWidget(self.print_f6_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        lay_out_list_beside_detail(self, title, left, [self.heading, self.tabs, self.status_label, decisions, buttons],
                                   sizes=(460, 640))

    def _basics(self) -> QWidget:
        self.name_edit = QLineEdit()
        self.org_kind_combo = QComboBox()
        for kind in OrganisationKind:
            self.org_kind_combo.addItem(kind.label, kind)
        self.rep_title_edit = QLineEdit()
        self.rep_name_edit = QLineEdit()
        self.address_edit = QLineEdit()
        self.area_edit = QLineEdit()
        self.area_detail_edit = QLineEdit()
        self.member_spin = QSpinBox()
        self.member_spin.setRange(0, 1_000_000)
        self.membership_combo = QComboBox()
        for membership in Membership:
            self.membership_combo.addItem(membership.label, membership)
        self.contact_edit = QLineEdit()
        self.articles_edit = WarekiDateEdit()
        self.note_edit = QLineEdit()
        self.designation_label = QLabel()
        self.designation_label.setWordWrap(True)
        # Combos sized by a few characters, not by their longest (English) item, and labels that
        # wrap: the tab then fits beside the list in a 1280-pixel window without scrolling sideways.
        for combo in (self.org_kind_combo, self.membership_combo):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(10)
        basics = QWidget()
        form_layout = QFormLayout(basics)
        self.form = FieldForm(form_layout)
        self.form.add("name", _("団体名(&A)"), self.name_edit, _("規約どおりの名称で（髙・﨑・𠮷 など）"))
        self.form.add("kind", _("種別"), self.org_kind_combo)
        self.form.add("representative_title", _("代表者の職名"), self.rep_title_edit)
        self.form.add("representative_name", _("代表者氏名(&R)"), self.rep_name_edit)
        self.form.add("address", _("主たる事務所の所在地"), self.address_edit)
        self.form.add("area", _("活動区域(&K)"), self.area_edit, _("例: 東小学校区、中央地区"))
        self.form.add("area_detail", _("区域の大字・町丁"), self.area_detail_edit, _("「、」で区切って入力"))
        self.form.add("member_count", _("構成員数"), self.member_spin)
        self.form.add("membership", _("構成員の区分"), self.membership_combo)
        self.form.add("contact", _("連絡先"), self.contact_edit)
        self.form.add("articles_on", _("定款・規約の制定日"), self.articles_edit)
        self.form.add("note", _("備考"), self.note_edit)
        form_layout.addRow(_("指定"), self.designation_label)
        return basics

    def _requirements(self) -> QWidget:
        self.applied_edit = WarekiDateEdit()
        self.review_label = QLabel()
        self.review_label.setWordWrap(True)
        self.requirements = RequirementsTable()
        self.apply_button = QPushButton(_("申請を受け付ける(&U)"))
        self.save_review_button = QPushButton(_("審査内容を保存"))
        page = QWidget()
        layout = QVBoxLayout(page)
        top = QHBoxLayout()
        applied = QLabel(_("申請日:"))
        applied.setBuddy(self.applied_edit)
        top.addWidget(applied)
        top.addWidget(self.applied_edit)
        top.addStretch(1)
        # The buttons on a row of their own: beside the date they made the English window too wide.
        actions = QHBoxLayout()
        actions.addWidget(self.apply_button)
        actions.addWidget(self.save_review_button)
        actions.addStretch(1)
        layout.addLayout(top)
        layout.addLayout(actions)
        layout.addWidget(self.review_label)
        layout.addWidget(self.requirements, 1)
        return page

    def _history(self) -> QWidget:
        self.events_table = QTableWidget(0, 4)
        self.events_table.setHorizontalHeaderLabels([_("日付"), _("手続"), _("手続後の状態"), _("内容")])
        self.events_table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.events_table.horizontalHeader().setStretchLastSection(True)
        self.events_table.verticalHeader().setVisible(False)
        self.as_of_edit = WarekiDateEdit()
        self.as_of_button = QPushButton(_("この日時点の登録内容を表示"))
        self.as_of_text = QPlainTextEdit()
        self.as_of_text.setReadOnly(True)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(self.events_table, 2)
        row = QHBoxLayout()
        row.addWidget(QLabel(_("基準日:")))
        row.addWidget(self.as_of_edit)
        row.addWidget(self.as_of_button)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addWidget(self.as_of_text, 1)
        return page
