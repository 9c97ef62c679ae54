"""The annex tables' breakdown: stocks on a date per commune (an enterprise
in an industrial zone goes under its zone, ``group_kind`` says which) or per
sector, with a totals row. An organisation counts once, under the enterprise
with the lowest id among those it covers; a member counts once per type,
under the enterprise with the lowest id among those employing them on the
date. Those with no group go under ``None``, so the groups always add up to
``figures.compute``'s figures.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import and_, case, func, literal, select, union_all
from sqlmodel import Session

from dangdn_cli import errors
from dangdn_cli.analysis.figures import count_if, enterprise_facts, rate
from dangdn_cli.i18n import tr
from dangdn_cli.models import Employment, Membership, Organization, OrganizationEnterprise
from dangdn_cli.registry import history, rules

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
            count_if(eligible),
            count_if(and_(eligible, state.c.id.in_(covered))),
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
        *(
            select(
                literal(what).label("what"),
                each.c.type,
                each.c.enterprise_id,
                func.count().label("n"),
            ).group_by(each.c.type, each.c.enterprise_id)
            for what, each in (("org", anchored), ("member", members))
        )
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
        row["union_coverage_rate"] = rate(row["union_covered"], row["union_eligible"])
    return out


def totals(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """The totals row of a breakdown (equal to ``compute``'s figures)."""
    out: dict[str, Any] = {"group": None, "group_kind": "total"}
    for key in BREAKDOWN_KEYS:
        out[key] = sum(r[key] for r in rows)
    out["union_coverage_rate"] = rate(out["union_covered"], out["union_eligible"])
    return out
