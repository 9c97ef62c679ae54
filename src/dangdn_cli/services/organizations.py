"""Organisations: party cells, unions, youth, women's and veterans' chapters."""

from __future__ import annotations

from datetime import date, datetime, timezone
from typing import Any

from sqlalchemy import func, select
from sqlmodel import Session

from dangdn_cli import audit, errors, validate
from dangdn_cli.i18n import clean_text, tr
from dangdn_cli.models import (
    ORG_TYPES,
    Enterprise,
    Membership,
    Organization,
    OrganizationEnterprise,
)
from dangdn_cli.services import history

# A party organisation with this many members or more is a đảng bộ cơ sở.
PARTY_COMMITTEE_MIN_MEMBERS = 30


def org_type(value: str) -> str:
    return validate.choice(value, ORG_TYPES, tr("loại tổ chức", "organisation type")) or ""


def get(session: Session, org_id: int) -> Organization:
    org = session.get(Organization, org_id)
    if org is None:
        raise errors.UnknownOrganization(org_id=org_id)
    return org


def add(
    session: Session,
    kind: str,
    tax_codes: list[str],
    founded_on: date,
    name: str | None = None,
    decision: str | None = None,
    superior: str | None = None,
    leader: str | None = None,
) -> dict[str, Any]:
    from dangdn_cli.services import enterprises

    kind = org_type(kind)
    if not tax_codes:
        raise errors.EmptyValue(
            field=tr("Doanh nghiệp (--enterprise)", "Enterprise (--enterprise)")
        )
    enterprise_ids = list(dict.fromkeys(enterprises.get_id(session, code) for code in tax_codes))
    org = Organization(
        type=kind,
        name=clean_text(name),
        founded_on=founded_on,
        decision=clean_text(decision),
        superior=clean_text(superior),
        leader=clean_text(leader),
        created_at=datetime.now(timezone.utc),
    )
    session.add(org)
    session.flush()
    assert org.id is not None
    for enterprise_id in enterprise_ids:
        session.add(OrganizationEnterprise(organization_id=org.id, enterprise_id=enterprise_id))
    session.flush()
    record = show(session, org.id)
    audit.record(session, "add", "organization", org.id, after=record)
    return record


def dissolve(
    session: Session, org_id: int, on: date, decision: str | None = None
) -> dict[str, Any]:
    org = get(session, org_id)
    if org.dissolved_on is not None:
        raise errors.StateError(
            detail=tr(
                f"tổ chức {org_id} đã giải thể ngày {org.dissolved_on:%d/%m/%Y}",
                f"organisation {org_id} was dissolved on {org.dissolved_on.isoformat()}",
            )
        )
    validate.not_before(
        org.founded_on, on, tr("thành lập", "founding"), tr("giải thể", "dissolution")
    )
    before = show(session, org_id)
    org.dissolved_on = on
    org.dissolution_decision = clean_text(decision)
    session.add(org)
    session.flush()
    after = show(session, org_id)
    audit.record(session, "dissolve", "organization", org_id, before=before, after=after)
    return after


def _enterprises_of(session: Session, org_ids: list[int]) -> dict[int, list[str]]:
    rows = session.connection().execute(
        select(OrganizationEnterprise.organization_id, Enterprise.tax_code)
        .join(Enterprise, Enterprise.id == OrganizationEnterprise.enterprise_id)  # type: ignore[arg-type]
        .where(OrganizationEnterprise.organization_id.in_(org_ids))  # type: ignore[attr-defined]
        .order_by(Enterprise.tax_code)
    )
    out: dict[int, list[str]] = {}
    for org_id, code in rows:
        out.setdefault(org_id, []).append(code)
    return out


def _member_counts(session: Session, org_ids: list[int], on: date) -> dict[int, int]:
    rows = session.connection().execute(
        select(Membership.organization_id, func.count(func.distinct(Membership.person_id)))
        .where(Membership.organization_id.in_(org_ids), history.membership_active(on))  # type: ignore[union-attr]
        .group_by(Membership.organization_id)
    )
    return {org_id: n for org_id, n in rows}


def _record(org: Organization, codes: list[str], members: int, on: date) -> dict[str, Any]:
    active = org.founded_on <= on and (org.dissolved_on is None or org.dissolved_on > on)
    level = None
    if org.type == "party":
        level = "dang_bo_co_so" if members >= PARTY_COMMITTEE_MIN_MEMBERS else "chi_bo"
    return {
        "id": org.id,
        "type": org.type,
        "level": level,
        "name": org.name,
        "founded_on": org.founded_on,
        "decision": org.decision,
        "superior": org.superior,
        "leader": org.leader,
        "dissolved_on": org.dissolved_on,
        "dissolution_decision": org.dissolution_decision,
        "active": active,
        "members": members,
        "enterprises": codes,
    }


def show(session: Session, org_id: int, on: date | None = None) -> dict[str, Any]:
    on = on or date.today()
    org = get(session, org_id)
    codes = _enterprises_of(session, [org_id]).get(org_id, [])
    members = _member_counts(session, [org_id], on).get(org_id, 0)
    return _record(org, codes, members, on)


def list_(
    session: Session,
    kind: str | None = None,
    on: date | None = None,
    include_inactive: bool = False,
) -> list[dict[str, Any]]:
    """Organisations active on ``on`` (all ever founded with ``include_inactive``)."""
    on = on or date.today()
    stmt = select(Organization)
    if kind:
        stmt = stmt.where(Organization.type == org_type(kind))
    if not include_inactive:
        stmt = stmt.where(history.org_active(on))
    stmt = stmt.order_by(Organization.type, Organization.id)  # type: ignore[arg-type]
    orgs = list(session.exec(stmt).scalars())  # type: ignore[call-overload]
    ids = [o.id for o in orgs]
    codes = _enterprises_of(session, ids)
    members = _member_counts(session, ids, on)
    return [_record(o, codes.get(o.id, []), members.get(o.id, 0), on) for o in orgs]


def covering(session: Session, enterprise_id: int, on: date) -> list[dict[str, Any]]:
    """The organisations covering an enterprise on ``on``."""
    rows = (
        session.connection()
        .execute(
            select(Organization.id, Organization.type, Organization.name, Organization.founded_on)
            .join(OrganizationEnterprise, OrganizationEnterprise.organization_id == Organization.id)  # type: ignore[arg-type]
            .where(OrganizationEnterprise.enterprise_id == enterprise_id, history.org_active(on))
            .order_by(Organization.type)
        )
        .mappings()
    )
    return [dict(r) for r in rows]
