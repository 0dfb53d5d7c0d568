"""What each audited entity's after-image says about its row's columns (for replay_overlay).

Each function turns one audit entry's after-image into the columns it set, in the columns' own
terms (a Fraction '1/2' as the text the row keeps, a lease's area with its two decimals …), so
that the replay compares like for like. Where an entry's action itself fixes a column (a claim
submitted is 'submitted'), the action says it: the action is part of the chained entry too.
"""

from __future__ import annotations

import json
from contextlib import suppress
from decimal import Decimal, InvalidOperation
from fractions import Fraction
from typing import Any

from desktop.i18n import N_
from desktop.store.models.agreement import Agreement, Field, Post
from desktop.store.models.carry_out import CarryOutRecord
from desktop.store.models.claim import Claim, MeasureParameterRow
from desktop.store.models.organisation import (
    OrdinanceHeading,
    OrdinanceItemRow,
    Organisation,
    OrgApplication,
)
from desktop.store.models.organisation_records import (
    OrgContract,
    OrgCoordination,
    OrgLease,
    OrgOrder,
    OrgReportRequest,
    OrgRevocation,
    OrgSupport,
)
from desktop.store.models.town import Town
from desktop.store.models.user import User
from desktop.store.replay_overlay import Image, Overlaid, RowsSet

_ORG_STATE_KEYS = ("state", "designation_number", "designated_on", "notice_on")


def _organisation_image(action: str, after: Image) -> Image:
    """The organisation's columns an entry sets: its data (registration, correction, and the
    draft inside a 変更届) or its state (every decision); an application's image is not its row."""
    if action in ("create", "update"):
        return after
    if isinstance(after.get("draft"), dict):
        return dict(after["draft"])
    return {key: after[key] for key in _ORG_STATE_KEYS if key in after}


_AGREEMENT_TERM_SKIP = ("policy_affairs", "field_ids")  # a joined text column, and a table of their own


def _agreement_image(action: str, after: Image) -> Image:
    """An agreement's data (registration, correction), its current terms (also after a 協約変更,
    whose new terms replace the columns) and its abolition."""
    image: Image = {}
    if action in ("create", "update"):
        image.update({key: value for key, value in after.items() if key != "terms"})
    if isinstance(after.get("terms"), dict):
        image.update({key: value for key, value in after["terms"].items() if key not in _AGREEMENT_TERM_SKIP})
    if action == "abolish":
        image = {"abolished_on": after.get("abolished_on"), "abolition_note": after.get("note", "")}
    return image


def _claim_image(action: str, after: Image) -> Image:
    """A claim's life: submitted (with its frozen lines), decided, reopened (everything cleared).
    The frozen lines are compared as data: the row keeps them as JSON text."""
    if action == "submit":
        image = {"status": "submitted", "decided_on": None, "decided_yen": None}
        image.update({key: after[key] for key in ("submitted_on", "claimed_yen") if key in after})
        if "claim" in after:
            image["snapshot_json"] = after["claim"]
        return image
    if action == "decide":
        return {"status": "decided"} | {key: after[key] for key in ("decided_on", "decided_yen") if key in after}
    if action == "reopen":
        return {"status": "draft", "submitted_on": None, "claimed_yen": None, "decided_on": None,
                "decided_yen": None, "snapshot_json": None}
    return {}


def _measure_image(_action: str, after: Image) -> Image:
    """MeasureParameters as its row keeps them: the ratio as 'n/d', the lists as joined text."""
    image = dict(after)
    if isinstance(after.get("ratio"), str):
        try:
            ratio = Fraction(after["ratio"])
            image["ratio"] = f"{ratio.numerator}/{ratio.denominator}"
        except (ValueError, ZeroDivisionError):
            pass
    if isinstance(after.get("excluded_categories"), list):
        image["excluded_categories"] = ",".join(sorted(str(v) for v in after["excluded_categories"]))
    if isinstance(after.get("separate_fields"), list):
        image["separate_fields"] = "・".join(str(v) for v in after["separate_fields"])
    return image


def _org_record_image(_action: str, after: Image) -> Image:
    """An organisation's record (支援, 調整の求め, 随意契約, 貸付け, 報告徴収): its organisation and its draft."""
    record = after.get("record")
    if not isinstance(record, dict):
        return {}
    image = {"org_id": after.get("org_id")} | record
    if image.get("area_m2") is not None:  # a Decimal audited as '12.5' is kept as '12.50'
        with suppress(InvalidOperation):  # not a number: compared as audited, and so named as changed
            image["area_m2"] = f"{Decimal(str(image['area_m2'])):.2f}"
    return image


def _riding_records(entity: str) -> RowsSet:
    """Rows an organisation's decision writes besides the organisation (its improvement order,
    revocation, application), audited inside that decision's entry under "records". Entries from
    before these were recorded have no "records": they judge nothing."""
    def rows(_entity_id: str, _action: str, after: Image) -> list[tuple[int, Image | None]]:
        records = after.get("records")
        record = records.get(entity) if isinstance(records, dict) else None
        if not isinstance(record, dict) or not isinstance(record.get("id"), int):
            return []
        return [(record["id"], record)]
    return rows


def _json_text(value: Any) -> Any:
    """A JSON text column, read as data: its spacing and key order are not the row's content."""
    try:
        return json.loads(value)
    except (TypeError, ValueError):
        return value


OVERLAID = (
    Overlaid("agreement", N_("連携協約"), Agreement, _agreement_image),
    Overlaid("post", N_("派遣先ポスト"), Post),
    Overlaid("field", N_("分野"), Field),
    Overlaid("organisation", N_("地域団体"), Organisation, _organisation_image),
    Overlaid("town", N_("自団体設定"), Town),
    # Append-only by its triggers; a row removed with them dropped is named here.
    Overlaid("carry_out_record", N_("持出記録"), CarryOutRecord),
    # Name, role and whether disabled; sign-ins and failures carry no image (their counts are not audited).
    Overlaid("user", N_("利用者"), User),
    Overlaid("ordinance", N_("条例・規則の題名と番号"), OrdinanceHeading),
    Overlaid("ordinance_item", N_("条例の項目"), OrdinanceItemRow),
    Overlaid("measure", N_("措置率・上限等"), MeasureParameterRow, _measure_image),
    Overlaid("claim", N_("算定資料"), Claim, _claim_image, readers={"snapshot_json": _json_text}),
    Overlaid("org_support", N_("団体への支援"), OrgSupport, _org_record_image),
    Overlaid("org_coordination", N_("調整の求め"), OrgCoordination, _org_record_image),
    Overlaid("org_contract", N_("随意契約による委託"), OrgContract, _org_record_image),
    Overlaid("org_lease", N_("行政財産の貸付け"), OrgLease, _org_record_image),
    Overlaid("org_report_request", N_("報告徴収"), OrgReportRequest, _org_record_image),
    Overlaid("org_order", N_("改善命令"), OrgOrder, source="organisation", rows_set=_riding_records("org_order")),
    Overlaid("org_revocation", N_("指定の取消し"), OrgRevocation, source="organisation",
             rows_set=_riding_records("org_revocation")),
    Overlaid("org_application", N_("指定申請"), OrgApplication, source="organisation",
             rows_set=_riding_records("org_application"),
             readers={"content_json": _json_text, "decision_json": _json_text}),
)
