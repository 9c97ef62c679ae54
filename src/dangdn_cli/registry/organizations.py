"""Organisations: party organisations, trade unions, youth unions, women's
and veterans' associations. Each covers one enterprise or several (a joint
organisation), from its founding day until its dissolution (exclusive); an
enterprise has at most one organisation of a type at a time. A party
organisation is a đảng bộ cơ sở from ``PARTY_COMMITTEE_MIN_MEMBERS`` members
on, a chi bộ below."""

from __future__ import annotations

from datetime import date
from typing import Any

import sqlmodel
from sqlalchemy import func, or_, select
from sqlmodel import Session, col

from dangdn_cli import clock, errors, validate
from dangdn_cli.i18n import clean_text, fmt_date, tr
from dangdn_cli.models import Enterprise, Membership, Organization, OrganizationEnterprise
from dangdn_cli.registry import audit, history, refs
from dangdn_cli.vocabulary import DEFAULT_ORG_NAME, ORG_TYPE, PARTY_COMMITTEE_MIN_MEMBERS, labels


def org_type(value: str) -> str:
    """An organisation type code as typed, checked against the vocabulary."""
    return refs.code(ORG_TYPE, value) or ""


def default_name(kind: str, enterprise_names: list[str]) -> str:
    """The default name: "Chi bộ Công ty TNHH X", or "Chi bộ ghép X – Y" (joint)."""
    prefix = DEFAULT_ORG_NAME[kind]
    if len(enterprise_names) == 1:
        return f"{prefix} {enterprise_names[0]}"
    return f"{prefix} ghép {' – '.join(enterprise_names)}"


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
    """Found an organisation covering one or more enterprises.

    An enterprise closed on the founding day, or already covered by an
    organisation of the same type in force then or later, is refused."""
    kind = org_type(kind)
    if not tax_codes:
        raise errors.EmptyValue(
            field=tr("Doanh nghiệp (--enterprise)", "Enterprise (--enterprise)")
        )
    enterprise_ids = list(dict.fromkeys(refs.enterprise_id(session, code) for code in tax_codes))
    names = []
    for enterprise_id in enterprise_ids:
        state = refs.enterprise_state(session, enterprise_id, founded_on)
        names.append(_check_can_found(session, kind, enterprise_id, founded_on, state))
    org = Organization(
        type=kind,
        name=clean_text(name) or default_name(kind, names),
        founded_on=founded_on,
        decision=clean_text(decision),
        superior=clean_text(superior),
        leader=clean_text(leader),
        created_at=clock.now(),
    )
    shown_on = max(founded_on, clock.today())
    return audit.added(
        session,
        org,
        "organization",
        lambda new_id: show(session, new_id, shown_on),
        lambda new_id: [
            OrganizationEnterprise(organization_id=new_id, enterprise_id=e) for e in enterprise_ids
        ],
    )


def _check_can_found(
    session: Session,
    kind: str,
    enterprise_id: int,
    founded_on: date,
    state: dict[str, Any] | None,
) -> str:
    """Refuse a founding in a closed enterprise or a second organisation of a
    type; return the enterprise's name (for the default organisation name)."""
    if state is not None and state["status"] != "active":
        raise errors.EnterpriseNotActive(tax_code=state["tax_code"], on=fmt_date(founded_on))
    dissolved = col(Organization.dissolved_on)
    clash = session.execute(
        history.orgs_covering(enterprise_id, kind).where(
            or_(dissolved.is_(None), dissolved > founded_on)
        )
    ).scalar()
    if state is None:
        # Not registered yet on that day: its first recorded name.
        first = refs.first_version(session, enterprise_id)
        state = {"tax_code": refs.tax_code_of(session, enterprise_id), "name": first.name}
    if clash is not None:
        names = labels("org_type", kind)
        raise errors.AlreadyCovered(
            tax_code=state["tax_code"], org_id=clash, kind_vi=names["vi"], kind_en=names["en"]
        )
    return str(state["name"])


def dissolve(
    session: Session, org_id: int, on: date, decision: str | None = None
) -> dict[str, Any]:
    org = refs.organization(session, org_id)
    if org.dissolved_on is not None:
        raise errors.AlreadyDissolved(org_id=org_id, on=fmt_date(org.dissolved_on))
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
        select(col(OrganizationEnterprise.organization_id), col(Enterprise.tax_code))
        .join(Enterprise, col(Enterprise.id) == col(OrganizationEnterprise.enterprise_id))
        .where(col(OrganizationEnterprise.organization_id).in_(org_ids))
        .order_by(col(Enterprise.tax_code))
    )
    out: dict[int, list[str]] = {}
    for org_id, code in rows:
        out.setdefault(org_id, []).append(code)
    return out


def _member_counts(session: Session, org_ids: list[int], on: date) -> dict[int, int]:
    rows = session.connection().execute(
        select(
            col(Membership.organization_id), func.count(func.distinct(col(Membership.person_id)))
        )
        .where(col(Membership.organization_id).in_(org_ids), history.membership_active(on))
        .group_by(col(Membership.organization_id))
    )
    return {int(org_id or 0): int(n) for org_id, n in rows}


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
    on = on or clock.today()
    org = refs.organization(session, org_id)
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
    on = on or clock.today()
    stmt = sqlmodel.select(Organization)
    if kind:
        stmt = stmt.where(col(Organization.type) == org_type(kind))
    if include_inactive:
        stmt = stmt.where(col(Organization.founded_on) <= on)
    else:
        stmt = stmt.where(history.org_active(on))
    stmt = stmt.order_by(col(Organization.type), col(Organization.id))
    orgs = list(session.exec(stmt))
    ids = [o.id for o in orgs if o.id is not None]
    codes = _enterprises_of(session, ids)
    members = _member_counts(session, ids, on)
    return [_record(o, codes.get(o.id or 0, []), members.get(o.id or 0, 0), on) for o in orgs]


def covering(session: Session, enterprise_id: int, on: date) -> list[dict[str, Any]]:
    """The organisations covering an enterprise on ``on``."""
    rows = (
        session.connection()
        .execute(
            select(
                col(Organization.id),
                col(Organization.type),
                col(Organization.name),
                col(Organization.founded_on),
            )
            .join(
                OrganizationEnterprise,
                col(OrganizationEnterprise.organization_id) == col(Organization.id),
            )
            .where(
                col(OrganizationEnterprise.enterprise_id) == enterprise_id, history.org_active(on)
            )
            .order_by(col(Organization.type), col(Organization.id))
        )
        .mappings()
    )
    return [dict(r) for r in rows]
