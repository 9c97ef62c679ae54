"""What a report shows, read once in one transaction (``collect``): the
figures of the period, the breakdowns by commune and by sector, the
organisations founded and dissolved, the enterprises that qualify for an
organisation they lack, the issuing body's profile and, for a plan's
multi-year review, its stocks at the start against those at the end."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from sqlalchemy import select
from sqlmodel import Session

from dangdn_cli import catalogue, clock
from dangdn_cli.analysis import breakdown, eligibility, figures, report_figures
from dangdn_cli.analysis.periods import Period, parse_period
from dangdn_cli.models import Enterprise, EnterpriseVersion, Organization, OrganizationEnterprise
from dangdn_cli.registry import admin, history, rules
from dangdn_cli.registry.history import table_of
from dangdn_cli.vocabulary import ORG_TYPES


@dataclass
class ReportData:
    period: Period
    figures: dict[str, Any]
    by_commune: list[dict[str, Any]]
    by_sector: list[dict[str, Any]]
    founded_orgs: list[dict[str, Any]]
    dissolved_orgs: list[dict[str, Any]]
    eligible: list[dict[str, Any]]
    profile: dict[str, str | None]
    union_threshold: int | None
    issued_on: date
    review: dict[str, Any] | None = None
    notes: dict[str, list[str]] = field(default_factory=dict)


def _orgs_dated(session: Session, column: str, start: date, end: date) -> list[dict[str, Any]]:
    """Organisations founded (or dissolved) within [start, end], with the
    enterprises they cover named as of ``end``."""
    org = table_of(Organization)
    link = table_of(OrganizationEnterprise)
    ent = table_of(Enterprise)
    version = history.latest(EnterpriseVersion, end)
    when = org.c[column]
    decision = org.c.decision if column == "founded_on" else org.c.dissolution_decision
    stmt = (
        select(
            org.c.id,
            org.c.type,
            org.c.name,
            when.label("on"),
            decision.label("decision"),
            ent.c.tax_code,
            version.c.name.label("enterprise"),
            version.c.commune,
            version.c.zone,
        )
        .select_from(
            org.outerjoin(link, link.c.organization_id == org.c.id)
            .outerjoin(ent, ent.c.id == link.c.enterprise_id)
            .outerjoin(version, version.c.enterprise_id == ent.c.id)
        )
        .where(when >= start, when <= end)
        .order_by(when, org.c.id, ent.c.id)
    )
    out: dict[int, dict[str, Any]] = {}
    for row in session.connection().execute(stmt).mappings():
        item = out.setdefault(
            row["id"],
            {
                "id": row["id"],
                "type": row["type"],
                "name": row["name"],
                "on": row["on"],
                "decision": row["decision"],
                "enterprises": [],
            },
        )
        if row["tax_code"]:
            item["enterprises"].append(
                {
                    "tax_code": row["tax_code"],
                    "name": row["enterprise"],
                    "place": row["zone"] or row["commune"],
                }
            )
    return list(out.values())


def _eligible(session: Session, on: date) -> list[dict[str, Any]]:
    return [
        {"type": kind, **item}
        for kind in ORG_TYPES
        for item in eligibility.eligible_enterprises(session, kind, on)
    ]


def flatten(figures: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    """Scalar figures by dotted name (lists such as targets are left out)."""
    out: dict[str, Any] = {}
    for key, value in figures.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            out.update(flatten(value, f"{name}."))
        elif not isinstance(value, list):
            out[name] = value
    return out


def is_stock(name: str) -> bool:
    """A figure the multi-year review compares at the start and at the end: a
    count or rate as of a day (enterprises, coverage, organisations active,
    members), not a flow within the period nor a fieldwork figure."""
    parts = name.split(".")
    if parts[0] in ("enterprises", "union_coverage", "eligible_without_org"):
        return True
    if parts[0] == "organizations":
        return parts[-1] in ("active", "enterprises_covered")
    if parts[0] == "members":
        return parts[-1] in ("total", "official", "probationary", "owners")
    return False


def _review(session: Session, period: Period, figures_end: dict[str, Any]) -> dict[str, Any]:
    """The plan's stocks the day before it started against those at its end."""
    baseline = period.start - timedelta(days=1)
    at_start = figures.compute(session, baseline, baseline)
    start_flat, end_flat = flatten(at_start), flatten(figures_end)
    rows = []
    for name, end_value in end_flat.items():
        if not is_stock(name):
            continue
        start_value = start_flat.get(name)
        change = None
        if isinstance(end_value, (int, float)) and isinstance(start_value, (int, float)):
            change = end_value - start_value
            if isinstance(change, float):
                change = round(change, 4)
        rows.append({"figure": name, "start": start_value, "end": end_value, "change": change})
    return {"start_on": baseline.isoformat(), "end_on": period.end.isoformat(), "rows": rows}


def resolve_period(
    session: Session, code: str, cutoff: date | str | None = None, today: date | None = None
) -> Period:
    """Parse the period; a plan still running is reviewed as of today."""
    period = parse_period(code, cutoff, session)
    today = today or clock.today()
    if period.kind == "plan" and period.cutoff is None and period.start <= today < period.end:
        period = parse_period(code, today, session)
    return period


def collect(
    session: Session,
    period: Period,
    plan: str | None = None,
    issued_on: date | None = None,
) -> ReportData:
    """Everything a report shows, read once in one transaction."""
    if plan is not None:
        parse_period(f"plan:{plan}", session=session)  # an unknown plan is an error
    result = report_figures.compute(session, period.start, period.end, period.code)
    if plan is not None:
        result["targets"] = [t for t in result.get("targets", []) if t.get("plan") == plan]
        result["funding"] = [f for f in result.get("funding", []) if f.get("plan") == plan]
    data = ReportData(
        period=period,
        figures=result,
        by_commune=breakdown.breakdown(session, period.end, "commune"),
        by_sector=breakdown.breakdown(session, period.end, "sector"),
        founded_orgs=_orgs_dated(session, "founded_on", period.start, period.end),
        dissolved_orgs=_orgs_dated(session, "dissolved_on", period.start, period.end),
        eligible=_eligible(session, period.end),
        profile=admin.profile_show(session),
        union_threshold=rules.count_rule(rules.get_rules(session), "union.min_stable_workers"),
        issued_on=issued_on or clock.today(),
    )
    if period.kind == "plan":
        data.review = _review(session, period, result)
    return data


def review_json(data: ReportData) -> dict[str, Any]:
    """``report --json`` for a plan's multi-year review."""
    assert data.review is not None
    rows = [{**row, "label": catalogue.label(row["figure"])} for row in data.review["rows"]]
    return {
        "period": data.period.as_dict(),
        "review": {**data.review, "rows": rows},
        "figures": data.figures,
    }
