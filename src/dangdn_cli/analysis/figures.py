"""Every figure of SPEC §4, computed set-based from the history.

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
- ``breakdown`` by commune groups an enterprise under its industrial zone
  when it has one, else its commune (``group_kind`` says which); an
  organisation counts once, under the enterprise with the lowest id among
  those it covers; a member counts once per type, under the enterprise
  with the lowest id among those employing them on the date. Those with no
  group go under ``None``, so the groups always add up to ``compute``'s
  figures.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import date
from typing import Any

from sqlalchemy import and_, case, distinct, func, literal, select, union_all
from sqlalchemy.sql import ColumnElement
from sqlmodel import Session

from dangdn_cli.catalogue import MEMBER_TYPES
from dangdn_cli.models import (
    Candidate,
    Employment,
    Enterprise,
    EnterpriseStatus,
    EnterpriseVersion,
    Membership,
    Organization,
    OrganizationEnterprise,
    Workforce,
)
from dangdn_cli.registry import history, rules
from dangdn_cli.vocabulary import ORG_TYPES

CANDIDATE_STAGES = ("identified", "trained", "introduced", "admitted")


def _between(column: Any, start: date, end: date) -> ColumnElement[bool]:
    return and_(column >= start, column <= end)


def _count_if(condition: ColumnElement[bool]) -> Any:
    return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)


def _rate(part: int | None, whole: int | None) -> float | None:
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
                _count_if(eligible),
                _count_if(and_(eligible, covered["union"])),
                *(_count_if(covered[kind]) for kind in ORG_TYPES),
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
            "rate": _rate(union_covered, union_eligible),
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
            _count_if(history.org_active(end)),
            _count_if(_between(org.c.founded_on, start, end)),
            _count_if(_between(org.c.dissolved_on, start, end)),
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
            select(*(_count_if(_between(cand.c[f"{s}_on"], start, end)) for s in CANDIDATE_STAGES))
        )
        .one()
    )
    return {stage: int(value or 0) for stage, value in zip(CANDIDATE_STAGES, row, strict=True)}


def _eligible_without_org(session: Session, end: date) -> dict[str, int]:
    from dangdn_cli.analysis import eligibility

    return {kind: int(eligibility.count_eligible(session, kind, end)) for kind in ORG_TYPES}


def _fieldwork(session: Session, start: date, end: date) -> dict[str, Any]:
    try:
        from dangdn_cli.analysis import fieldwork
    except ModuleNotFoundError as exc:
        if exc.name != "dangdn_cli.analysis.fieldwork":
            raise
        return {}
    return dict(fieldwork.compute(session, start, end))


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
        result.update(_fieldwork(session, start, end))
    return result


# --- Breakdown for the annex tables -------------------------------------------------

BREAKDOWN_KEYS = (
    "enterprises",
    "workers",
    "stable_workers",
    "party_orgs",
    "party_members",
    "unions",
    "union_members",
    "youth",
    "youth_members",
    "women",
    "women_members",
    "veterans",
    "veterans_members",
    "union_eligible",
    "union_covered",
)
_ORG_KEYS = {
    "party": "party_orgs",
    "union": "unions",
    "youth": "youth",
    "women": "women",
    "veterans": "veterans",
}
_MEMBER_KEYS = {
    "party": "party_members",
    "union": "union_members",
    "youth": "youth_members",
    "women": "women_members",
    "veterans": "veterans_members",
}


def breakdown(session: Session, on: date, by: str = "commune") -> list[dict[str, Any]]:
    """Stocks on ``on`` per commune (or industrial zone) or per sector.

    Each row: ``group`` (None for the unknown), ``group_kind`` (``zone``,
    ``commune`` or ``sector``; None when unknown), the counts of
    BREAKDOWN_KEYS (``youth``/``women``/``veterans`` are organisations, their
    members are ``*_members``) and ``union_coverage_rate``. Columns add up to
    ``compute(…, end=on)``'s figures.
    """
    if by not in ("commune", "sector"):
        from dangdn_cli import errors
        from dangdn_cli.i18n import tr

        raise errors.InvalidChoice(
            field=tr("cách chia", "breakdown"), value=by, choices="commune, sector"
        )
    conn = session.connection()
    min_stable = rules.count_rule(rules.get_rules(session), "union.min_stable_workers")
    state = enterprise_facts(on, with_attributes=True)
    if by == "commune":
        group_expr: Any = func.coalesce(state.c.zone, state.c.commune)
        kind_expr: Any = case(
            (state.c.zone.is_not(None), literal("zone")),
            (state.c.commune.is_not(None), literal("commune")),
            else_=None,
        )
    else:
        group_expr = state.c.sector
        kind_expr = case((state.c.sector.is_not(None), literal("sector")), else_=None)
    groups = select(
        state.c.id.label("enterprise_id"), group_expr.label("grp"), kind_expr.label("kind")
    ).subquery()

    rows: dict[Any, dict[str, Any]] = {}

    def row_for(group: Any, kind: Any) -> dict[str, Any]:
        if group not in rows:
            rows[group] = {"group": group, "group_kind": kind, **dict.fromkeys(BREAKDOWN_KEYS, 0)}
        elif rows[group]["group_kind"] is None:
            rows[group]["group_kind"] = kind
        return rows[group]

    covered = history.enterprises_with_org("union", on)
    eligible = and_(state.c.stable_workers.is_not(None), state.c.stable_workers >= min_stable)
    for group, kind, count, workers, stable, elig, cov in conn.execute(
        select(
            group_expr,
            func.max(kind_expr),
            func.count(),
            func.coalesce(func.sum(state.c.workers), 0),
            func.coalesce(func.sum(state.c.stable_workers), 0),
            _count_if(eligible),
            _count_if(and_(eligible, state.c.id.in_(covered))),
        )
        .where(state.c.status == "active")
        .group_by(group_expr)
    ):
        row = row_for(group, kind)
        row.update(
            enterprises=int(count),
            workers=int(workers),
            stable_workers=int(stable),
            union_eligible=int(elig),
            union_covered=int(cov),
        )

    # Each active organisation under the enterprise with the lowest id it covers.
    org = history.table_of(Organization)
    oe = history.table_of(OrganizationEnterprise)
    anchored = (
        select(org.c.type, func.min(oe.c.enterprise_id).label("enterprise_id"))
        .select_from(org.outerjoin(oe, oe.c.organization_id == org.c.id))
        .where(history.org_active(on))
        .group_by(org.c.id, org.c.type)
        .subquery()
    )
    # Each member once per type, under the lowest-id enterprise employing them that day.
    mem = history.table_of(Membership)
    emp = history.table_of(Employment)
    members = (
        select(mem.c.type, func.min(emp.c.enterprise_id).label("enterprise_id"))
        .select_from(
            mem.outerjoin(
                emp,
                and_(emp.c.person_id == mem.c.person_id, history.employment_active(on)),
            )
        )
        .where(history.membership_active(on))
        .group_by(mem.c.type, mem.c.person_id)
        .subquery()
    )
    # Counts per (what, enterprise), rolled up to the groups in one join.
    per_enterprise = union_all(
        select(
            literal("org").label("what"),
            anchored.c.type,
            anchored.c.enterprise_id,
            func.count().label("n"),
        ).group_by(anchored.c.type, anchored.c.enterprise_id),
        select(
            literal("member").label("what"),
            members.c.type,
            members.c.enterprise_id,
            func.count().label("n"),
        ).group_by(members.c.type, members.c.enterprise_id),
    ).subquery()
    for what, kind_row, group, kind, count in conn.execute(
        select(
            per_enterprise.c.what,
            per_enterprise.c.type,
            groups.c.grp,
            func.max(groups.c.kind),
            func.sum(per_enterprise.c.n),
        )
        .select_from(
            per_enterprise.outerjoin(
                groups, groups.c.enterprise_id == per_enterprise.c.enterprise_id
            )
        )
        .group_by(per_enterprise.c.what, per_enterprise.c.type, groups.c.grp)
    ):
        keys = _ORG_KEYS if what == "org" else _MEMBER_KEYS
        if kind_row in keys:
            row_for(group, kind)[keys[kind_row]] += int(count)

    out = sorted(rows.values(), key=lambda r: (r["group"] is None, str(r["group"] or "")))
    for row in out:
        row["union_coverage_rate"] = _rate(row["union_covered"], row["union_eligible"])
    return out


def totals(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """The totals row of a breakdown (equal to ``compute``'s figures)."""
    out: dict[str, Any] = {"group": None, "group_kind": "total"}
    for key in BREAKDOWN_KEYS:
        out[key] = sum(r[key] for r in rows)
    out["union_coverage_rate"] = _rate(out["union_covered"], out["union_eligible"])
    return out
