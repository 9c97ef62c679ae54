"""The questions of eligibility as set-based SQL: the rules' checks in force
for a type, and one statement per question that joins each enterprise to its
facts in force (an index seek per enterprise through the
``(enterprise_id, effective_on)`` indexes) and to per-enterprise member counts
(one GROUP BY over membership ⋈ employment). Only the rows asked for (the
eligible ones, the near ones, the joint candidates, or every one considered)
come back, as plain dicts; ``count_eligible`` and ``eligible_enterprises``
answer here, with no sentences.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import (
    Select,
    and_,
    case,
    func,
    literal_column,
    null,
    or_,
    select,
    true,
)
from sqlalchemy.sql import ColumnElement
from sqlmodel import Session

from dangdn_cli.models import (
    Employment,
    Enterprise,
    EnterpriseStatus,
    EnterpriseVersion,
    Membership,
    Workforce,
)
from dangdn_cli.registry import history, rules
from dangdn_cli.registry.organizations import org_type as checked_type

# The rule holding each type's count threshold.
COUNT_RULE = {
    "party": "party.min_official_members",
    "union": "union.min_stable_workers",
    "youth": "youth.min_members",
    "women": "women.min_members",
    "veterans": "veterans.min_members",
}


@dataclass(frozen=True)
class Check:
    """One rule applied to the rows: its key, what it needs, the row column it reads."""

    rule: str
    kind: str  # "flag" | "count"
    required: Any
    column: str


def checks_for(org_type: str, values: dict[str, Any]) -> list[Check]:
    """The checks in force for a type (a switch set to false drops its check)."""
    out: list[Check] = []
    if org_type == "party":
        if values["party.require_stable_operation"]:
            out.append(Check("party.require_stable_operation", "flag", True, "stable_operation"))
        if values["party.require_law_compliance"]:
            out.append(Check("party.require_law_compliance", "flag", True, "law_compliant"))
    elif org_type != "union" and values[f"{org_type}.require_party_org"]:
        out.append(Check(f"{org_type}.require_party_org", "flag", True, "has_party_org"))
    out.append(Check(COUNT_RULE[org_type], "count", values[COUNT_RULE[org_type]], "counted"))
    return out


def _member_counts(org_type: str, on: date, detail: bool) -> Any:
    """Per enterprise, distinct persons whose membership of the type and whose
    employment there are both in force on ``on``.

    For the party: ``counted`` = official on stable terms, ``probationary`` =
    not yet official on stable terms, ``unstable`` = official without a stable
    contract (reported, not counted). Without ``detail`` only ``counted`` is
    computed (the others read 0): one COUNT DISTINCT instead of three."""
    member = history.table_of(Membership)
    job = history.table_of(Employment)
    where = [
        member.c.type == org_type,
        history.in_force(member.c.joined_on, member.c.left_on, on),
        history.in_force(job.c.start_on, job.c.end_on, on),
    ]
    joined = member.join(job, job.c.person_id == member.c.person_id)
    if org_type != "party" or not detail:
        if org_type == "party":
            where.extend([history.party_official(on), job.c.stable == true()])
        return (
            select(
                job.c.enterprise_id,
                func.count(func.distinct(member.c.person_id)).label("counted"),
                literal_column("0").label("probationary"),
                literal_column("0").label("unstable"),
            )
            .select_from(joined)
            .where(*where)
            .group_by(job.c.enterprise_id)
            .subquery("counts")
        )
    official = history.party_official(on)
    stable = job.c.stable == true()
    person = member.c.person_id

    def distinct(*whens: tuple[Any, Any]) -> Any:
        return func.count(func.distinct(case(*whens, else_=null())))

    return (
        select(
            job.c.enterprise_id,
            distinct((and_(official, stable), person)).label("counted"),
            # CASE order matters: official_on NULL makes ``official`` NULL, not false.
            distinct((official, null()), (stable, person)).label("probationary"),
            distinct((and_(official, ~stable), person)).label("unstable"),
        )
        .select_from(joined)
        .where(*where)
        .group_by(job.c.enterprise_id)
        .subquery("counts")
    )


def _covered(org_type: str, on: date) -> Any:
    return history.enterprises_with_org(org_type, on)


def rows_query(org_type: str, on: date, checks: Sequence[Check], mode: str) -> Select[Any]:
    """The considered enterprises with what the checks read, filtered by mode:
    ``eligible`` (every check passes), ``near`` (only the count fails, and
    something is there), ``joint`` (party: 1 to threshold-1 counted), ``all``."""
    ent = history.table_of(Enterprise)
    status = history.table_of(EnterpriseStatus).alias("status_now")
    version = history.table_of(EnterpriseVersion).alias("version_now")
    workforce = history.table_of(Workforce).alias("workforce_now")
    detail = mode in ("near", "all")
    counts = _member_counts(org_type, on, detail) if org_type != "union" else None

    stable_workers = func.coalesce(workforce.c.stable, 0)
    counted: Any = stable_workers if counts is None else func.coalesce(counts.c.counted, 0)
    zero: Any = literal_column("0")
    probationary: Any = zero if counts is None else func.coalesce(counts.c.probationary, 0)
    unstable: Any = zero if counts is None else func.coalesce(counts.c.unstable, 0)
    has_party_org: Any = (
        ent.c.id.in_(_covered("party", on)) if org_type not in ("party", "union") else true()
    )
    columns: dict[str, Any] = {
        "stable_operation": version.c.stable_operation,
        "law_compliant": version.c.law_compliant,
        "has_party_org": has_party_org,
        "counted": counted,
    }

    def passes(check: Check) -> ColumnElement[bool]:
        if check.kind == "flag":
            return columns[check.column] == true()
        return columns[check.column] >= check.required

    flags = [passes(c) for c in checks if c.kind == "flag"]
    count_check = next(c for c in checks if c.kind == "count")
    # Drive from the member counts when every answer needs a member there
    # (thresholds are at least 1): a few thousand seeks instead of a million.
    needs_members = counts is not None and mode != "all"
    source: Any = ent
    if counts is not None:
        source = ent.join(counts, counts.c.enterprise_id == ent.c.id, isouter=not needs_members)
    source = source.join(status, status.c.id == history.latest_id(EnterpriseStatus, on, ent.c.id))
    source = source.join(
        version, version.c.id == history.latest_id(EnterpriseVersion, on, ent.c.id), isouter=True
    )
    source = source.join(
        workforce, workforce.c.id == history.latest_id(Workforce, on, ent.c.id), isouter=True
    )
    query = (
        select(
            ent.c.id,
            ent.c.tax_code,
            version.c.name,
            version.c.commune,
            version.c.zone,
            func.coalesce(workforce.c.total, 0).label("workers"),
            stable_workers.label("stable_workers"),
            version.c.stable_operation,
            version.c.law_compliant,
            has_party_org.label("has_party_org"),
            counted.label("counted"),
            probationary.label("probationary"),
            unstable.label("unstable"),
        )
        .select_from(source)
        .where(status.c.status == "active", ent.c.id.not_in(_covered(org_type, on)))
    )
    if mode == "eligible":
        query = query.where(*flags, passes(count_check))
    elif mode == "near":
        something = or_(counted > 0, probationary > 0)
        query = query.where(*flags, ~passes(count_check), something)
    elif mode == "joint":
        query = query.where(*flags, counted >= 1, counted < count_check.required)
    return query


def prepare(session: Session, org_type: str) -> tuple[str, dict[str, Any], list[Check]]:
    """The type (checked), the rules in force and the type's checks."""
    kind = checked_type(org_type)
    values = rules.get_rules(session)
    return kind, values, checks_for(kind, values)


def run(session: Session, query: Select[Any]) -> list[dict[str, Any]]:
    """The rows of a query as plain dicts."""
    result = session.connection().execute(query)
    keys = list(result.keys())
    return [dict(zip(keys, row, strict=True)) for row in result]


def facts(row: dict[str, Any]) -> dict[str, Any]:
    """What every answer says of an enterprise: tax_code, name, commune,
    zone, workers, stable_workers, members (what the count rule counts)."""
    return {
        "tax_code": row["tax_code"],
        "name": row["name"],
        "commune": row["commune"],
        "zone": row["zone"],
        "workers": int(row["workers"]),
        "stable_workers": int(row["stable_workers"]),
        "members": int(row["counted"]),
    }


def count_eligible(session: Session, org_type: str, on: date) -> int:
    """How many enterprises qualify on ``on`` and have no organisation of the type."""
    kind, _values, checks = prepare(session, org_type)
    query = rows_query(kind, on, checks, "eligible").subquery()
    return int(session.connection().execute(select(func.count()).select_from(query)).scalar_one())


def eligible_enterprises(session: Session, org_type: str, on: date) -> list[dict[str, Any]]:
    """The qualifying enterprises as plain rows for reports (``facts``),
    ordered by name."""
    kind, _values, checks = prepare(session, org_type)
    out = [facts(r) for r in run(session, rows_query(kind, on, checks, "eligible"))]
    out.sort(key=lambda r: (r["name"] or "", r["tax_code"]))
    return out
