"""The report's figures of a period, computed set-based from the history:
active enterprises and their workers, organisations active, founded and
dissolved per type (and the enterprises each covers), members per type
(party: official, probationary, admitted, owners), union coverage of the
enterprises with enough stable workers, candidates at each stage, the
enterprises eligible with no organisation of a type, and the fieldwork
figures of ``fieldwork``.

One function computes each figure: ``compute`` serves ``report``, ``plan
progress`` and the demo. Flows count facts dated within ``[start, end]``,
both days included; stocks are as of ``end``. Because every fact carries its
date, a past period gives the same numbers after later edits dated after it.

Choices (documented here because reports depend on them):
- ``enterprises.*`` count enterprises whose status on ``end`` is active.
- ``organizations.<type>.enterprises_covered`` counts active enterprises
  covered by an active organisation of the type (a joint cell covers several).
- ``members.<type>.total`` counts distinct persons with a membership of the
  type in force on ``end`` (a person is counted once); ``probationary`` is
  ``total - official``; ``admitted`` / ``joined`` count distinct persons whose
  membership of the type is dated within the period.
- ``union_coverage.rate`` is ``covered / eligible`` as a fraction, and
  ``None`` when no enterprise is eligible (no denominator: not "0 %").
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import date
from typing import Any

from sqlalchemy import and_, case, distinct, func, literal, select
from sqlalchemy.sql import ColumnElement
from sqlmodel import Session

from dangdn_cli.analysis import eligibility, fieldwork
from dangdn_cli.catalogue import MEMBER_TYPES
from dangdn_cli.models import (
    Candidate,
    Employment,
    Enterprise,
    EnterpriseStatus,
    EnterpriseVersion,
    Membership,
    Organization,
    Workforce,
)
from dangdn_cli.registry import history, rules
from dangdn_cli.vocabulary import ORG_TYPES, STAGES

# The stages a candidate reaches, each a figure (dropping out is not one).
CANDIDATE_STAGES = tuple(stage for stage in STAGES if stage != "dropped")


def _between(column: Any, start: date, end: date) -> ColumnElement[bool]:
    return and_(column >= start, column <= end)


def count_if(condition: ColumnElement[bool]) -> Any:
    """How many rows of the aggregate meet ``condition`` (0, never NULL)."""
    return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)


def rate(part: int | None, whole: int | None) -> float | None:
    """``part / whole`` as a fraction; None without a denominator (not "0 %")."""
    return part / whole if whole and part is not None else None


def _official(on: date) -> ColumnElement[bool]:
    return history.party_official(on)


def enterprise_facts(on: date, with_attributes: bool = False) -> Any:
    """One row per enterprise registered by ``on``: id, status, workers,
    stable_workers (and commune, zone, sector with ``with_attributes``) in
    force that day — the same facts as ``history.enterprise_state``."""
    ent = history.table_of(Enterprise)
    status = history.table_of(EnterpriseStatus).alias("status_now")
    workforce = history.table_of(Workforce).alias("workforce_now")
    columns: list[Any] = [
        ent.c.id,
        status.c.status,
        workforce.c.total.label("workers"),
        workforce.c.stable.label("stable_workers"),
    ]
    joined = ent.join(
        status, status.c.id == history.latest_id(EnterpriseStatus, on, ent.c.id)
    ).outerjoin(workforce, workforce.c.id == history.latest_id(Workforce, on, ent.c.id))
    if with_attributes:
        version = history.table_of(EnterpriseVersion).alias("version_now")
        columns += [version.c.commune, version.c.zone, version.c.sector]
        joined = joined.outerjoin(
            version, version.c.id == history.latest_id(EnterpriseVersion, on, ent.c.id)
        )
    return select(*columns).select_from(joined).subquery()


def _enterprises(session: Session, end: date, min_stable: int) -> dict[str, Any]:
    """Enterprise stocks, union coverage and the enterprises each type covers,
    in one pass over the enterprises active on ``end``."""
    state = enterprise_facts(end)
    eligible = and_(
        state.c.stable_workers.is_not(None), state.c.stable_workers >= literal(min_stable)
    )
    covered = {kind: state.c.id.in_(history.enterprises_with_org(kind, end)) for kind in ORG_TYPES}
    row = (
        session.connection()
        .execute(
            select(
                func.count(),
                func.coalesce(func.sum(state.c.workers), 0),
                func.coalesce(func.sum(state.c.stable_workers), 0),
                count_if(eligible),
                count_if(and_(eligible, covered["union"])),
                *(count_if(covered[kind]) for kind in ORG_TYPES),
            ).where(state.c.status == "active")
        )
        .one()
    )
    active, workers, stable, union_eligible, union_covered, *by_type = (int(v or 0) for v in row)
    return {
        "enterprises": {"active": active, "workers": workers, "stable_workers": stable},
        "union_coverage": {
            "eligible": union_eligible,
            "covered": union_covered,
            "rate": rate(union_covered, union_eligible),
        },
        "covered": dict(zip(ORG_TYPES, by_type, strict=True)),
    }


def _organizations(
    session: Session, start: date, end: date, covered: dict[str, int]
) -> dict[str, Any]:
    org = history.table_of(Organization)
    out = {
        k: {"active": 0, "founded": 0, "dissolved": 0, "enterprises_covered": covered.get(k, 0)}
        for k in ORG_TYPES
    }
    rows = session.connection().execute(
        select(
            org.c.type,
            count_if(history.org_active(end)),
            count_if(_between(org.c.founded_on, start, end)),
            count_if(_between(org.c.dissolved_on, start, end)),
        ).group_by(org.c.type)
    )
    for kind, active, founded, dissolved in rows:
        if kind in out:
            out[kind].update(active=int(active), founded=int(founded), dissolved=int(dissolved))
    return out


def _members(session: Session, start: date, end: date) -> dict[str, Any]:
    mem = history.table_of(Membership)
    emp = history.table_of(Employment)
    conn = session.connection()
    out: dict[str, dict[str, Any]] = {
        "party": {"total": 0, "official": 0, "probationary": 0, "admitted": 0, "owners": 0},
        **{k: {"total": 0, "joined": 0} for k in MEMBER_TYPES},
    }
    # One row per person and type, so a person is counted once per type.
    per_person = (
        select(
            mem.c.type,
            mem.c.person_id,
            func.max(case((and_(mem.c.type == "party", _official(end)), 1), else_=0)).label(
                "official"
            ),
        )
        .where(history.membership_active(end))
        .group_by(mem.c.type, mem.c.person_id)
        .subquery()
    )
    rows = conn.execute(
        select(
            per_person.c.type, func.count(), func.coalesce(func.sum(per_person.c.official), 0)
        ).group_by(per_person.c.type)
    )
    for kind, total, official in rows:
        if kind not in out:
            continue
        out[kind]["total"] = int(total)
        if kind == "party":
            out[kind]["official"] = int(official)
            out[kind]["probationary"] = int(total) - int(official)
    rows = conn.execute(
        select(mem.c.type, func.count(distinct(mem.c.person_id)))
        .where(_between(mem.c.joined_on, start, end))
        .group_by(mem.c.type)
    )
    for kind, joined in rows:
        if kind in out:
            out[kind]["admitted" if kind == "party" else "joined"] = int(joined)
    owners = conn.execute(
        select(func.count(distinct(mem.c.person_id)))
        .select_from(mem.join(emp, emp.c.person_id == mem.c.person_id))
        .where(
            mem.c.type == "party",
            history.membership_active(end),
            history.employment_active(end),
            emp.c.role == "owner",
        )
    ).scalar_one()
    out["party"]["owners"] = int(owners or 0)
    return out


def _candidates(session: Session, start: date, end: date) -> dict[str, int]:
    cand = history.table_of(Candidate)
    row = (
        session.connection()
        .execute(
            select(*(count_if(_between(cand.c[f"{s}_on"], start, end)) for s in CANDIDATE_STAGES))
        )
        .one()
    )
    return {stage: int(value or 0) for stage, value in zip(CANDIDATE_STAGES, row, strict=True)}


def _eligible_without_org(session: Session, end: date) -> dict[str, int]:
    return {kind: int(eligibility.count_eligible(session, kind, end)) for kind in ORG_TYPES}


FIELDWORK_SECTIONS = frozenset(
    {"outreach", "activities", "ratings", "recognition", "terms_ending_within_6_months"}
)
SECTIONS = (
    "enterprises",
    "organizations",
    "members",
    "union_coverage",
    "candidates",
    "eligible_without_org",
    *sorted(FIELDWORK_SECTIONS),
)


def compute(
    session: Session,
    start: date,
    end: date,
    code: str | None = None,
    *,
    sections: Collection[str] | None = None,
) -> dict[str, Any]:
    """Every figure of the period ``[start, end]`` but the plans' rows, nested
    by the dots (``report_figures.compute`` adds ``targets`` and ``funding``).

    ``sections`` (top-level keys, e.g. ``{"organizations", "union_coverage"}``)
    computes only those, for callers that need a few figures of a large registry.
    """
    wanted = set(SECTIONS if sections is None else sections)
    result: dict[str, Any] = {
        "period": {
            "code": code or f"{start.isoformat()}..{end.isoformat()}",
            "start": start.isoformat(),
            "end": end.isoformat(),
        }
    }
    if wanted & {"enterprises", "organizations", "union_coverage"}:
        in_force = rules.get_rules(session)
        base = _enterprises(session, end, rules.count_rule(in_force, "union.min_stable_workers"))
        result["enterprises"] = base["enterprises"]
        if "organizations" in wanted:
            result["organizations"] = _organizations(session, start, end, base["covered"])
        if "members" in wanted:
            result["members"] = _members(session, start, end)
        result["union_coverage"] = base["union_coverage"]
    elif "members" in wanted:
        result["members"] = _members(session, start, end)
    if "candidates" in wanted:
        result["candidates"] = _candidates(session, start, end)
    if "eligible_without_org" in wanted:
        result["eligible_without_org"] = _eligible_without_org(session, end)
    if wanted & FIELDWORK_SECTIONS:
        result.update(fieldwork.compute(session, start, end))
    return result
