"""Declarative base with a naming convention (Alembic batch mode needs named constraints) and shared column types."""

from __future__ import annotations

from typing import Any

from sqlalchemy import CheckConstraint, Integer, MetaData
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.types import TypeDecorator

from desktop.domain.fiscal_year import FiscalYear

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class FiscalYearType(TypeDecorator[FiscalYear]):
    """A fiscal year stored as the integer year of its 1 April."""

    impl = Integer
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> int | None:
        if value is None:
            return None
        if isinstance(value, FiscalYear):
            return value.year
        return int(value)

    def process_result_value(self, value: Any, dialect: Dialect) -> FiscalYear | None:
        return None if value is None else FiscalYear(int(value))


def yen_check(column: str, name: str | None = None) -> CheckConstraint:
    """Money is whole, non-negative yen: SQLite would otherwise store 1.5 or '100' happily."""
    return CheckConstraint(
        f"{column} IS NULL OR (typeof({column}) = 'integer' AND {column} >= 0)", name=name or f"{column}_yen"
    )


def date_check(column: str, name: str | None = None) -> CheckConstraint:
    """A stored date is a real ISO calendar date. date(x) alone accepts 2025-02-30; with a
    modifier SQLite normalises it to 2025-03-02, which then differs from what was stored."""
    return CheckConstraint(
        f"{column} IS NULL OR date({column}, '+0 days') IS {column}", name=name or f"{column}_date"
    )
