"""Progress against a plan: each target with what is achieved, its rate, on
track or met, and a projection; the founding support due; the cadres
assigned against the caps. Also the ``targets`` and ``funding`` rows of a
report, one per plan whose window overlaps the period.

Figures come from ``figures.compute`` (one function computes each figure):
flows are counted within the plan's window up to the date asked (never past
its end), stocks and rates as of that date. A target is on track when what is
achieved is at least ``target × elapsed share of the window`` (both ends of
the window count as days in it); once the window has fully elapsed, on track
means met. The projection carries the pace so far to the end of the window:
a flow grows in proportion to time, a stock keeps its change since the day
before the window opened.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from sqlalchemy import select
from sqlmodel import Session

from dangdn_cli import catalogue, clock
from dangdn_cli.analysis import figures
from dangdn_cli.models import Plan
from dangdn_cli.registry import cadres, plans
from dangdn_cli.registry.history import table_of
from dangdn_cli.vocabulary import CADRE_KIND

_EPSILON = 1e-9


def _window_share(start: date, end: date, through: date) -> float:
    total = (end - start).days + 1
    elapsed = (through - start).days + 1
    return max(0, min(elapsed, total)) / total


def _projection(
    name: str, achieved: Any, baseline: Any, share: float, finished: bool
) -> float | int | None:
    if achieved is None:
        return None
    if finished:
        return plans.number(achieved) if isinstance(achieved, (int, float)) else achieved
    if share <= 0:
        return None
    if catalogue.is_flow(name):
        value = achieved / share
    else:
        start = baseline if isinstance(baseline, (int, float)) else achieved
        value = start + (achieved - start) / share
    if name in catalogue.RATE_FIGURES:
        return round(min(max(value, 0.0), 1.0), 4)
    return round(max(value, 0.0), 2)


def _progress(session: Session, plan: Plan, as_of: date, project: bool) -> dict[str, Any]:
    start, end = plan.start_on, plan.end_on
    through = min(as_of, end)
    share = _window_share(start, end, through)
    finished = as_of >= end
    status = "finished" if finished else "not_started" if as_of < start else "running"
    record = plans.records(session, [plan])[0]
    # Only the sections the targets and the founding support need.
    sections = {t["figure"].split(".", 1)[0] for t in record["targets"]}
    if record["funding"]:
        sections.add("organizations")
    figs = figures.compute(session, start, through, plan.code, sections=sections)
    baseline: dict[str, Any] | None = None
    stocks = {
        t["figure"].split(".", 1)[0]
        for t in record["targets"]
        if not catalogue.is_flow(t["figure"])
    }
    if project and not finished and stocks:
        # Stocks on the day before the window opened, to project their change.
        baseline = figures.compute(
            session, start, start - timedelta(days=1), plan.code, sections=stocks
        )
    targets = []
    for target in record["targets"]:
        name, goal = target["figure"], target["value"]
        achieved = catalogue.lookup(figs, name)
        expected = goal * share
        reached = achieved is not None and achieved + _EPSILON >= goal
        row = {
            "figure": name,
            "label": catalogue.label(name),
            "target": goal,
            "achieved": achieved,
            "rate": (achieved / goal) if achieved is not None and goal else None,
            "expected": round(expected, 4),
            "on_track": achieved is not None and achieved + _EPSILON >= expected,
            "met": reached if finished else None,
        }
        if project:
            base = catalogue.lookup(baseline, name) if baseline else None
            row["projection"] = _projection(name, achieved, base, share, finished)
        targets.append(row)
    funding = []
    for item in record["funding"]:
        founded = int(catalogue.lookup(figs, f"organizations.{item['type']}.founded") or 0)
        paid_for = min(founded, item["max_count"])
        funding.append(
            {
                "type": item["type"],
                "founded": founded,
                "max_count": item["max_count"],
                "paid_for": paid_for,
                "amount_per_org": item["amount"],
                "total": paid_for * item["amount"],
            }
        )
    assigned = cadres.assigned_counts(session, plan, through)
    cadre_rows = [
        {"kind": kind, "cap": record["cadre_caps"].get(kind), "assigned": assigned.get(kind, 0)}
        for kind in CADRE_KIND
        if kind in record["cadre_caps"] or assigned.get(kind)
    ]
    return {
        "plan": plan.code,
        "title": plan.title,
        "issuer": plan.issuer,
        "start": start,
        "end": end,
        "as_of": as_of,
        "through": through,
        "status": status,
        "elapsed_share": round(share, 4),
        "targets": targets,
        "funding": funding,
        "funding_total": sum(f["total"] for f in funding),
        "cadres": cadre_rows,
    }


def _plans(session: Session, *conditions: Any) -> list[Plan]:
    """The plans meeting ``conditions``, by start then code."""
    plan_t = table_of(Plan)
    query = select(Plan).where(*conditions).order_by(plan_t.c.start_on, plan_t.c.code)
    return list(session.exec(query).scalars())  # type: ignore[call-overload]


def progress(session: Session, code: str, as_of: date | None = None) -> dict[str, Any]:
    """A plan's progress on ``as_of`` (default today): every target with what is
    achieved, its rate, on track / met and a projection; founding support due;
    cadres assigned against the caps."""
    return _progress(session, plans.get(session, code), as_of or clock.today(), project=True)


def progress_all(session: Session, as_of: date | None = None) -> list[dict[str, Any]]:
    """Progress of every plan whose window has opened by ``as_of``."""
    as_of = as_of or clock.today()
    opened = _plans(session, table_of(Plan).c.start_on <= as_of)
    return [_progress(session, p, as_of, project=True) for p in opened]


def targets_and_funding(
    session: Session, start: date, end: date
) -> dict[str, list[dict[str, Any]]]:
    """A report's ``targets`` rows (plan, figure, label, target, achieved,
    rate, on track, met) and ``funding`` rows (plan, type, founded, paid for,
    amount per organisation, total) for the plans whose window overlaps
    ``[start, end]``, each as of ``end`` (within its window)."""
    plan_t = table_of(Plan)
    overlapping = _plans(session, plan_t.c.start_on <= end, plan_t.c.end_on >= start)
    targets: list[dict[str, Any]] = []
    funding: list[dict[str, Any]] = []
    for plan in overlapping:
        result = _progress(session, plan, end, project=False)
        for row in result["targets"]:
            targets.append(
                {
                    "plan": plan.code,
                    "figure": row["figure"],
                    "label": row["label"],
                    "target": row["target"],
                    "achieved": row["achieved"],
                    "rate": row["rate"],
                    "on_track": row["on_track"],
                    "met": row["met"],
                }
            )
        for row in result["funding"]:
            funding.append(
                {
                    "plan": plan.code,
                    "type": row["type"],
                    "founded": row["founded"],
                    "paid_for": row["paid_for"],
                    "amount_per_org": row["amount_per_org"],
                    "total": row["total"],
                }
            )
    return {"targets": targets, "funding": funding}
