"""ORM classes, one module per aggregate; importing this package registers them all."""

from desktop.store.models.agreement import (
    Agreement,
    AgreementField,
    AgreementVersion,
    Field,
    Post,
    SendingBody,
)
from desktop.store.models.audit import AuditEntry
from desktop.store.models.base import Base
from desktop.store.models.carry_out import CarryOutRecord
from desktop.store.models.claim import Claim, MeasureParameterRow
from desktop.store.models.contribution import MoneyRow
from desktop.store.models.organisation import (
    OrdinanceHeading,
    OrdinanceItemRow,
    Organisation,
    OrgApplication,
    OrgEvent,
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
from desktop.store.models.staffing import Assignment, StaffMember
from desktop.store.models.town import OfficeSetting, Town
from desktop.store.models.user import User

__all__ = [
    "Agreement", "AgreementField", "AgreementVersion", "Assignment", "AuditEntry", "Base", "CarryOutRecord", "Claim", "Field", "MeasureParameterRow", "MoneyRow",
    "OfficeSetting", "OrdinanceHeading", "OrdinanceItemRow", "OrgApplication", "OrgContract", "OrgCoordination",
    "OrgEvent", "OrgLease", "OrgOrder", "OrgReportRequest", "OrgRevocation", "OrgSupport", "Organisation", "Post",
    "SendingBody", "StaffMember", "Town", "User",
]
