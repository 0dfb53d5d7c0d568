"""Which dialog each decision opens, and the service it runs: 指定, 不指定, 取下げ, 改善命令,
改善の確認, 取消, 辞退・解散, 変更届."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtWidgets import QWidget

from desktop.domain.designation import (
    Designation,
    Dissolution,
    DissolutionKind,
    ImprovementConfirmed,
    ImprovementOrder,
    Refusal,
    Revocation,
    RevocationGround,
)
from desktop.domain.organisation import Action, OrganisationDraft
from desktop.domain.problems import ValidationError
from desktop.i18n import _
from desktop.store.repos.organisations import OrganisationDetail
from desktop.store.services import organisations as services
from desktop.ui.common.context import AppContext
from desktop.ui.screens.organisations.dialogs import DecisionDialog, Field


def _d(values: dict[str, Any], name: str) -> date:
    value = values[name]
    if not isinstance(value, date):
        raise ValidationError.single(name, _("日付を入力してください"))
    return value


def decision_dialog(parent: QWidget, action: Action, detail: OrganisationDetail, draft: OrganisationDraft,
                    context: AppContext, done: Callable[[str], None]) -> DecisionDialog:
    org_id, today = detail.id, date.today()

    def run(service: Any, message: str, **kwargs: Any) -> None:
        context.run(service, org_id=org_id, **kwargs)
        done(message)

    fields: list[Field]
    submit: Callable[[dict[str, Any]], None]
    intro = detail.draft.name
    if action is Action.DESIGNATE:
        fields = [Field("number", _("指定番号")), Field("decided_on", _("指定日"), "date", default=today),
                  Field("notice_on", _("公示日"), "date", required=False),
                  Field("conditions", _("条件"), "text", required=False, hint=_("指定通知書に印刷されます"))]

        def submit(v: dict[str, Any]) -> None:
            run(services.designate, _("指定しました（指定通知書を印刷できます）"), decision=Designation(
                _d(v, "decided_on"), v["number"], v["notice_on"], v["conditions"]))
    elif action is Action.REFUSE:
        fields = [Field("decided_on", _("決定日"), "date", default=today),
                  Field("reasons", _("指定しない理由"), "text", hint=_("不指定通知書に教示とともに印刷されます"))]

        def submit(v: dict[str, Any]) -> None:
            run(services.refuse, _("不指定としました"), decision=Refusal(_d(v, "decided_on"), v["reasons"]))
    elif action is Action.WITHDRAW_APPLICATION:
        fields = [Field("on", _("取下げの日"), "date", default=today), Field("note", _("備考"), required=False)]

        def submit(v: dict[str, Any]) -> None:
            run(services.withdraw_application, _("申請の取下げを記録しました"), on=_d(v, "on"), note=v["note"])
    elif action is Action.ORDER_IMPROVEMENT:
        intro = _("地方自治法第260条の49第11項: 期限を定めて、改善のために必要な措置を命ずる")
        fields = [Field("ordered_on", _("命令日"), "date", default=today),
                  Field("failings", _("命令の理由"), "text"), Field("measures", _("講ずべき措置"), "text"),
                  Field("deadline", _("期限"), "date")]

        def submit(v: dict[str, Any]) -> None:
            run(services.order_improvement, _("改善命令を記録しました"), order=ImprovementOrder(
                _d(v, "ordered_on"), v["failings"], v["measures"], _d(v, "deadline")))
    elif action is Action.CONFIRM_IMPROVEMENT:
        fields = [Field("confirmed_on", _("確認日"), "date", default=today), Field("note", _("確認の内容"), required=False)]

        def submit(v: dict[str, Any]) -> None:
            run(services.confirm_improvement, _("改善を確認しました（指定中に戻りました）"),
                confirmed=ImprovementConfirmed(_d(v, "confirmed_on"), v["note"]))
    elif action is Action.REVOKE:
        intro = _("地方自治法第260条の49第12項。改善命令を経ずに要件の欠如で取り消すときは、"
                  "命令によっても改善を期待できないことが明らかである理由を記録してください。")
        fields = [Field("revoked_on", _("取消日"), "date", default=today),
                  Field("ground", _("取消の事由"), "choice", choices=tuple((g.label, g) for g in RevocationGround)),
                  Field("reason", _("理由となる事実"), "text")]

        def submit(v: dict[str, Any]) -> None:
            run(services.revoke, _("指定を取り消しました"), revocation=Revocation(
                _d(v, "revoked_on"), v["ground"], v["reason"]))
    elif action is Action.DISSOLVE:
        fields = [Field("on", _("日付"), "date", default=today),
                  Field("kind", _("区分"), "choice", choices=tuple((k.label, k) for k in DissolutionKind)),
                  Field("note", _("備考"), required=False)]

        def submit(v: dict[str, Any]) -> None:
            run(services.dissolve, _("辞退・解散を記録しました"), dissolution=Dissolution(_d(v, "on"), v["kind"], v["note"]))
    else:  # 変更届: the basic data now on screen becomes the new data from the effective date
        intro = _("基本情報タブに入力した内容を、変更届として効力発生日から適用します（変更前の内容は履歴に残ります）")
        fields = [Field("effective_on", _("効力発生日"), "date", default=today), Field("summary", _("変更の内容"))]

        def submit(v: dict[str, Any]) -> None:
            run(services.notify_change, _("変更届を記録しました"), draft=draft, effective_on=_d(v, "effective_on"),
                summary=v["summary"])
    return DecisionDialog(action.label, intro, fields, submit, parent)
