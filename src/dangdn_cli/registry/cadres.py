"""Cadres assigned under a plan (cán bộ chuyên trách, kiêm nhiệm), with the
enterprises each is in charge of, checked against the plan's caps.

Assignments end on ``to_on`` exclusive (like every end date here): an
assignment ``--to 2024-07-01`` and another ``--from 2024-07-01`` never
overlap. A plan without a cap for a kind does not limit that kind.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import and_, func, or_, select
from sqlmodel import Session

from dangdn_cli import clock, validate
from dangdn_cli.i18n import fmt_date, tr
from dangdn_cli.models import Cadre, CadreEnterprise, Enterprise, Plan, PlanCadreCap
from dangdn_cli.registry import audit, plans, refs
from dangdn_cli.registry.errors import CadreCapReached, CadreOutsideWindow
from dangdn_cli.registry.history import table_of
from dangdn_cli.vocabulary import CADRE_KIND


def _in_force(on: date) -> Any:
    cad = table_of(Cadre)
    return and_(cad.c.from_on <= on, or_(cad.c.to_on.is_(None), cad.c.to_on > on))


def assigned_counts(session: Session, plan: Plan, on: date) -> dict[str, int]:
    cad = table_of(Cadre)
    rows = session.connection().execute(
        select(cad.c.kind, func.count())
        .where(cad.c.plan_id == plan.id, _in_force(on))
        .group_by(cad.c.kind)
    )
    return {kind: int(n) for kind, n in rows}


def add_cadre(
    session: Session,
    name: str,
    kind: str,
    plan_code: str,
    from_on: date,
    to_on: date | None = None,
    tax_codes: list[str] | None = None,
) -> dict[str, Any]:
    """Assign a cadre to a plan; beyond the plan's cap for the kind on any day
    of the assignment is an error naming the cap."""
    name = validate.required_text(name, tr("Họ và tên cán bộ (--name)", "Cadre name (--name)"))
    kind = refs.code(CADRE_KIND, kind) or ""
    plan = plans.get(session, plan_code)
    assert plan.id is not None
    validate.not_before(from_on, to_on, tr("bắt đầu phân công", "from"), tr("kết thúc", "to"))
    if not plan.start_on <= from_on <= plan.end_on:
        raise CadreOutsideWindow(
            on=fmt_date(from_on),
            code=plan.code,
            start=fmt_date(plan.start_on),
            end=fmt_date(plan.end_on),
        )
    enterprise_ids = list(
        dict.fromkeys(refs.enterprise_id(session, code) for code in (tax_codes or []))
    )
    cap_t = table_of(PlanCadreCap)
    cap = (
        session.connection()
        .execute(select(cap_t.c.cap).where(cap_t.c.plan_id == plan.id, cap_t.c.kind == kind))
        .scalar()
    )
    if cap is not None:
        _check_cap(session, plan, kind, int(cap), from_on, to_on)
    cadre = Cadre(
        plan_id=plan.id, name=name, kind=kind, from_on=from_on, to_on=to_on, created_at=clock.now()
    )
    return audit.added(
        session,
        cadre,
        "cadre",
        lambda new_id: list_cadres(session, cadre_id=new_id)[0],
        lambda new_id: [CadreEnterprise(cadre_id=new_id, enterprise_id=e) for e in enterprise_ids],
    )


def _check_cap(
    session: Session, plan: Plan, kind: str, cap: int, from_on: date, to_on: date | None
) -> None:
    """The most assignments in force at once during [from_on, to_on) comes at
    its first day or at the start of another assignment inside it."""
    cad = table_of(Cadre)
    conn = session.connection()
    overlapping = and_(
        cad.c.plan_id == plan.id,
        cad.c.kind == kind,
        or_(cad.c.to_on.is_(None), cad.c.to_on > from_on),
    )
    if to_on is not None:
        overlapping = and_(overlapping, cad.c.from_on < to_on)
    starts = conn.execute(
        select(cad.c.from_on).where(overlapping, cad.c.from_on > from_on).distinct()
    ).scalars()
    for day in sorted({from_on, *starts}):
        count = conn.execute(
            select(func.count()).where(cad.c.plan_id == plan.id, cad.c.kind == kind, _in_force(day))
        ).scalar_one()
        if count + 1 > cap:
            raise CadreCapReached(
                code=plan.code, cap=cap, kind=CADRE_KIND.label(kind), on=fmt_date(day), count=count
            )


def list_cadres(
    session: Session,
    plan_code: str | None = None,
    on: date | None = None,
    cadre_id: int | None = None,
) -> list[dict[str, Any]]:
    """Cadre assignments with their enterprises (only those in force on ``on`` if given)."""
    cad, plan_t, ce, ent = (
        table_of(Cadre),
        table_of(Plan),
        table_of(CadreEnterprise),
        table_of(Enterprise),
    )
    stmt = (
        select(
            cad.c.id,
            plan_t.c.code.label("plan"),
            cad.c.name,
            cad.c.kind,
            cad.c.from_on,
            cad.c.to_on,
        )
        .join(plan_t, plan_t.c.id == cad.c.plan_id)
        .order_by(plan_t.c.code, cad.c.kind, cad.c.from_on, cad.c.id)
    )
    if plan_code is not None:
        stmt = stmt.where(cad.c.plan_id == plans.get(session, plan_code).id)
    if on is not None:
        stmt = stmt.where(_in_force(on))
    if cadre_id is not None:
        stmt = stmt.where(cad.c.id == cadre_id)
    conn = session.connection()
    rows = [dict(r) for r in conn.execute(stmt).mappings()]
    ids = [r["id"] for r in rows]
    codes: dict[int, list[str]] = {}
    for cid, code in conn.execute(
        select(ce.c.cadre_id, ent.c.tax_code)
        .join(ent, ent.c.id == ce.c.enterprise_id)
        .where(ce.c.cadre_id.in_(ids))
        .order_by(ent.c.tax_code)
    ):
        codes.setdefault(cid, []).append(code)
    for row in rows:
        row["enterprises"] = codes.get(row["id"], [])
    return rows
