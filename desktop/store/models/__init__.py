"""ORM classes, one module per aggregate; importing this package registers them all."""

from desktop.store.models.audit import AuditEntry
from desktop.store.models.base import Base
from desktop.store.models.town import OfficeSetting, Town

__all__ = ["AuditEntry", "Base", "OfficeSetting", "Town"]
