"""The demo's summary: what the fresh registry holds as of a day
(enterprises and workers, active organisations and members by type, party
members official and probationary, candidates by stage reached), counted
straight from the registry so that a test can check it against the CSV files."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import case, func, select
from sqlmodel import Session, col

from dangdn_cli.models import Membership, Organization
from dangdn_cli.registry import candidates, history
from dangdn_cli.vocabulary import ORG_TYPES


def summarize(session: Session, on: date) -> dict[str, Any]:
    """Counts as of ``on``: enterprises and workers, active organisations by
    type, members by type (persons), candidates by stage reached."""
    conn = session.connection()
    state = history.enterprise_state(on).subquery()
    active = state.c.status == "active"
    ent = (
        conn.execute(
            select(
                func.count().label("registered"),
                func.sum(case((active, 1), else_=0)).label("active"),
                func.sum(case((active, state.c.workers), else_=0)).label("workers"),
                func.sum(case((active, state.c.stable_workers), else_=0)).label("stable"),
            )
        )
        .mappings()
        .one()
    )
    orgs = dict(
        conn.execute(
            select(col(Organization.type), func.count())
            .where(history.org_active(on))
            .group_by(col(Organization.type))
        ).all()
    )
    members = dict(
        conn.execute(
            select(col(Membership.type), func.count(func.distinct(col(Membership.person_id))))
            .where(history.membership_active(on))
            .group_by(col(Membership.type))
        ).all()
    )
    official = conn.execute(
        select(func.count(func.distinct(col(Membership.person_id)))).where(
            col(Membership.type) == "party",
            history.membership_active(on),
            history.party_official(on),
        )
    ).scalar_one()
    stages = candidates.count_by_stage(session, on)
    return {
        "enterprises": {
            "registered": int(ent["registered"] or 0),
            "active": int(ent["active"] or 0),
            "closed": int((ent["registered"] or 0) - (ent["active"] or 0)),
        },
        "workers": {"total": int(ent["workers"] or 0), "stable": int(ent["stable"] or 0)},
        "organizations": {kind: int(orgs.get(kind, 0)) for kind in ORG_TYPES},
        "members": {kind: int(members.get(kind, 0)) for kind in ORG_TYPES},
        "party": {
            "official": int(official),
            "probationary": int(members.get("party", 0)) - int(official),
        },
        "candidates": stages,
    }
