"""Set-based queries over dated facts: what was in force on a given day.

A fact dated D holds from D on until the next fact of its kind; an end date
is exclusive (in force before it, not on it). These builders return SQLAlchemy
Core selects that run the same on SQLite and PostgreSQL; ``member_row`` types
a row of ``memberships_on`` as of its day (the party status it had then).
"""

from __future__ import annotations

import calendar
from datetime import date
from typing import Any

from sqlalchemy import Select, Table, and_, func, or_, select
from sqlalchemy.sql import ColumnElement
from sqlmodel import col

from dangdn_cli.models import (
    Employment,
    Enterprise,
    EnterpriseStatus,
    EnterpriseVersion,
    Membership,
    Organization,
    OrganizationEnterprise,
    Person,
    Workforce,
)


def table_of(model: Any) -> Table:
    """The Core table of a SQLModel class (typed, unlike ``Model.__table__``)."""
    table: Table = model.__table__
    return table


def latest_id(model: Any, on: Any, enterprise_id: Any) -> Any:
    """The id of the row of ``model`` in force on ``on`` for one enterprise
    (the latest ``effective_on`` on or before it; ties go to the later entry),
    as a correlated scalar subquery: an index seek on (enterprise_id,
    effective_on) per enterprise, several times faster than ranking the whole
    table with a window function, on SQLite and PostgreSQL alike."""
    table = table_of(model).alias()
    return (
        select(table.c.id)
        .where(table.c.enterprise_id == enterprise_id, table.c.effective_on <= on)
        .order_by(table.c.effective_on.desc(), table.c.id.desc())
        .limit(1)
        .scalar_subquery()
    )


def latest(model: Any, on: Any) -> Any:
    """The rows of ``model`` in force on ``on``, one per enterprise (a
    subquery with the table's columns)."""
    table = table_of(model)
    ent = table_of(Enterprise)
    return (
        select(table)
        .select_from(ent)
        .join(table, table.c.id == latest_id(model, on, ent.c.id))
        .subquery()
    )


def add_months(day: date, months: int) -> date:
    """The same day ``months`` later (or earlier), clipped to the month's end
    (29/02/2024 + 12 months = 28/02/2025; 31/08 + 6 months = 28/02)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def in_force(start: Any, end: Any, on: date) -> ColumnElement[bool]:
    """start on or before ``on`` (or unknown) and end after it (or none)."""
    return and_(or_(start.is_(None), start <= on), or_(end.is_(None), end > on))


def org_active(on: date) -> ColumnElement[bool]:
    return in_force(col(Organization.founded_on), col(Organization.dissolved_on), on)


def membership_active(on: date) -> ColumnElement[bool]:
    return in_force(col(Membership.joined_on), col(Membership.left_on), on)


def employment_active(on: date) -> ColumnElement[bool]:
    return in_force(col(Employment.start_on), col(Employment.end_on), on)


def party_official(on: date) -> ColumnElement[bool]:
    """Official on ``on``: made official on or before it, or recorded official
    with no date (``is_official`` in SQL)."""
    official_on = col(Membership.official_on)
    return or_(
        official_on <= on,
        and_(col(Membership.status) == "official", official_on.is_(None)),
    )


def is_official(official_on: date | None, status: str | None, on: date) -> bool:
    """A party member is official on ``on`` when made official on or before
    it, or, with no such date, when recorded official."""
    return official_on <= on if official_on is not None else status == "official"


def jobs_on(on: Any, enterprise_id: int | None = None) -> Any:
    """Subquery: one employment per person in force on ``on`` (the latest
    started), optionally only at one enterprise."""
    rank = (
        func.row_number()
        .over(
            partition_by=col(Employment.person_id),
            order_by=(col(Employment.start_on).desc(), col(Employment.id).desc()),
        )
        .label("rank_")
    )
    stmt = select(
        col(Employment.person_id),
        col(Employment.enterprise_id),
        col(Employment.stable),
        col(Employment.role),
        rank,
    ).where(employment_active(on))
    if enterprise_id is not None:
        stmt = stmt.where(col(Employment.enterprise_id) == enterprise_id)
    ranked = stmt.subquery()
    return select(ranked).where(ranked.c.rank_ == 1).subquery()


def memberships_on(on: Any, enterprise_id: int | None = None) -> Any:
    """Every membership with its person, organisation and the person's
    employer on ``on`` (with ``enterprise_id``: only people employed there
    that day). The caller adds which memberships: in force, of a person…"""
    job = jobs_on(on, enterprise_id)
    return (
        select(
            col(Membership.id),
            col(Membership.person_id),
            col(Person.full_name).label("name"),
            col(Person.birth_date),
            col(Person.gender),
            col(Person.id_number),
            col(Membership.type),
            col(Membership.organization_id),
            col(Organization.name).label("organization"),
            col(Membership.joined_on),
            col(Membership.left_on),
            col(Membership.status),
            col(Membership.official_on),
            col(Membership.residence),
            col(Enterprise.tax_code).label("enterprise"),
            job.c.role,
            job.c.stable.label("stable_employment"),
        )
        .join(Person, col(Person.id) == col(Membership.person_id))
        .join(Organization, col(Organization.id) == col(Membership.organization_id), isouter=True)
        .join(
            job,
            job.c.person_id == col(Membership.person_id),
            isouter=enterprise_id is None,
        )
        .join(Enterprise, col(Enterprise.id) == job.c.enterprise_id, isouter=True)
    )


def member_row(row: Any, on: date) -> dict[str, Any]:
    """A row of ``memberships_on`` as plain data: a party member's status on
    ``on`` (official or probationary; None for other memberships), the flags
    as booleans."""
    record = dict(row)
    if record["type"] == "party":
        official = is_official(record["official_on"], record["status"], on)
        record["status"] = "official" if official else "probationary"
    else:
        record["status"] = None
    record["residence"] = bool(record["residence"])
    stable = record["stable_employment"]
    record["stable_employment"] = None if stable is None else bool(stable)
    return record


def enterprise_state(on: Any, enterprise_id: Any = None) -> Select[Any]:
    """One row per enterprise registered by ``on``: identity, attributes,
    status, flags and workforce in force that day (only one enterprise if
    ``enterprise_id`` is given). Both may be bound parameters."""
    ent = table_of(Enterprise)
    version = table_of(EnterpriseVersion).alias("version_now")
    status = table_of(EnterpriseStatus).alias("status_now")
    workforce = table_of(Workforce).alias("workforce_now")
    query = (
        select(
            ent.c.id,
            ent.c.tax_code,
            ent.c.founded_on,
            version.c.name,
            version.c.name_key,
            version.c.sector,
            version.c.address,
            version.c.commune,
            version.c.district,
            version.c.province,
            version.c.zone,
            version.c.owner_name,
            version.c.stable_operation,
            version.c.law_compliant,
            status.c.status,
            status.c.effective_on.label("status_since"),
            workforce.c.total.label("workers"),
            workforce.c.stable.label("stable_workers"),
            workforce.c.female.label("female_workers"),
            workforce.c.young.label("young_workers"),
            workforce.c.effective_on.label("workforce_on"),
        )
        .select_from(ent)
        .join(status, status.c.id == latest_id(EnterpriseStatus, on, ent.c.id))
        .join(version, version.c.id == latest_id(EnterpriseVersion, on, ent.c.id), isouter=True)
        .join(workforce, workforce.c.id == latest_id(Workforce, on, ent.c.id), isouter=True)
    )
    if enterprise_id is not None:
        query = query.where(ent.c.id == enterprise_id)
    return query


def enterprises_with_org(org_type: str, on: date) -> Select[Any]:
    """Ids of enterprises covered on ``on`` by an active organisation of a type."""
    return (
        select(col(OrganizationEnterprise.enterprise_id))
        .join(Organization, col(Organization.id) == col(OrganizationEnterprise.organization_id))
        .where(col(Organization.type) == org_type, org_active(on))
    )


def orgs_covering(enterprise_id: Any, org_type: str) -> Select[Any]:
    """Ids of the organisations of a type ever linked to an enterprise, oldest
    first (the caller says which are in force: ``org_active``…)."""
    return (
        select(col(Organization.id))
        .join(
            OrganizationEnterprise,
            col(OrganizationEnterprise.organization_id) == col(Organization.id),
        )
        .where(
            col(OrganizationEnterprise.enterprise_id) == enterprise_id,
            col(Organization.type) == org_type,
        )
        .order_by(col(Organization.id))
    )


def with_org(source: Any, *columns: Any) -> Select[Any]:
    """The rows of ``source`` (a table with ``organization_id``) with their
    id, organisation (``org_id``, ``org_type``, ``org_name``) and ``columns``."""
    org = table_of(Organization)
    return select(
        source.c.id,
        source.c.organization_id.label("org_id"),
        org.c.type.label("org_type"),
        org.c.name.label("org_name"),
        *columns,
    ).join(org, org.c.id == source.c.organization_id)


def between(stmt: Select[Any], column: Any, start: date | None, end: date | None) -> Select[Any]:
    """``stmt`` kept to the rows whose ``column`` falls from ``start`` to
    ``end``, both days included (no limit on a side given as None)."""
    if start is not None:
        stmt = stmt.where(column >= start)
    if end is not None:
        stmt = stmt.where(column <= end)
    return stmt


def current_name(enterprise_id: Any) -> Any:
    """Scalar subquery: an enterprise's latest recorded name (one index probe
    per row, instead of ranking every version for a few rows)."""
    version = table_of(EnterpriseVersion)
    return (
        select(version.c.name)
        .where(version.c.enterprise_id == enterprise_id)
        .order_by(version.c.effective_on.desc(), version.c.id.desc())
        .limit(1)
        .scalar_subquery()
    )
