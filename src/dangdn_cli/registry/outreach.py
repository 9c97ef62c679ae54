"""Outreach visits: a cadre's visit to or meeting with an enterprise, the
next step agreed and its due date, and which follow-ups are overdue.

When a follow-up is closed (one simple rule, used everywhere: ``visit list
--overdue``, ``dangdn due``, the report's ``outreach.overdue_follow_ups``):
a visit's next step is *closed* as of a day D by any later visit to the
same enterprise on or before D ("later" = a later day, or the same day and
recorded after it). The later visit carries its own next step, if any.
A follow-up that is not closed is *overdue* on D when its due date is
before D (on the due day itself there is still time).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import Select, and_, case, exists, literal, or_, select
from sqlalchemy.sql import ColumnElement
from sqlmodel import Session

from dangdn_cli import clock, validate
from dangdn_cli.i18n import clean_text, fmt_date, tr
from dangdn_cli.models import Enterprise, Visit
from dangdn_cli.registry import audit, history, refs
from dangdn_cli.registry.errors import NextDueBeforeVisit
from dangdn_cli.registry.history import table_of
from dangdn_cli.vocabulary import PURPOSE

VISIT = table_of(Visit)
ENTERPRISE = table_of(Enterprise)


def _closed(visit: Any, on: date) -> ColumnElement[bool]:
    """A later visit to the same enterprise on or before ``on`` closes ``visit``'s step."""
    later = VISIT.alias("later")
    return exists().where(
        later.c.enterprise_id == visit.c.enterprise_id,
        later.c.visited_on <= on,
        or_(
            later.c.visited_on > visit.c.visited_on,
            and_(later.c.visited_on == visit.c.visited_on, later.c.id > visit.c.id),
        ),
    )


def overdue_condition(visit: Any, on: date) -> ColumnElement[bool]:
    """``visit`` (a Visit table or alias) holds a follow-up overdue on ``on``."""
    return and_(
        visit.c.visited_on <= on,
        visit.c.next_due_on.is_not(None),
        visit.c.next_due_on < on,
        ~_closed(visit, on),
    )


def _select(on: date, *, overdue: bool = False) -> Select[Any]:
    """Visits with the enterprise's current name and the follow-up state on
    ``on``; only those overdue on ``on`` with ``overdue``."""
    v = VISIT.alias("v")
    follow_up: Any = case(
        (v.c.next_due_on.is_(None), literal(None)),
        (_closed(v, on), literal("closed")),
        (v.c.next_due_on < on, literal("overdue")),
        else_=literal("open"),
    )
    if overdue:
        follow_up = literal("overdue")  # known: spare a second probe per row
    stmt = (
        select(
            v.c.id,
            v.c.enterprise_id,
            ENTERPRISE.c.tax_code,
            history.current_name(v.c.enterprise_id).label("enterprise_name"),
            v.c.visited_on,
            v.c.cadre,
            v.c.met,
            v.c.purpose,
            v.c.outcome,
            v.c.next_step,
            v.c.next_due_on,
            follow_up.label("follow_up"),
        )
        .select_from(v)
        .join(ENTERPRISE, ENTERPRISE.c.id == v.c.enterprise_id)
    )
    # Filter with the plain condition: filtering on the CASE costs twice as much.
    return stmt.where(overdue_condition(v, on)) if overdue else stmt


def _record(row: Any, on: date) -> dict[str, Any]:
    out = dict(row)
    due = out.get("next_due_on")
    overdue = out.get("follow_up") == "overdue"
    out["days_overdue"] = (on - due).days if overdue and due is not None else None
    return out


def show_visit(session: Session, visit_id: int, on: date | None = None) -> dict[str, Any]:
    on = on or clock.today()
    stmt = _select(on)
    row = session.connection().execute(stmt.where(stmt.selected_columns.id == visit_id)).mappings()
    return _record(row.one(), on)


def add_visit(
    session: Session,
    tax_code: str,
    visited_on: date,
    cadre: str | None,
    *,
    met: str | None = None,
    purpose: str | None = "survey",
    outcome: str | None = None,
    next_step: str | None = None,
    next_due_on: date | None = None,
) -> dict[str, Any]:
    """Record a visit. Errors: an empty cadre name, an unknown purpose, an
    unknown enterprise, a next-step due date before the visit."""
    cadre_name = validate.required_text(cadre, tr("Tên cán bộ (--cadre)", "Cadre name (--cadre)"))
    kind = refs.code(PURPOSE, purpose or "survey") or "survey"
    enterprise_id = refs.enterprise_id(session, tax_code)
    if next_due_on is not None and next_due_on < visited_on:
        raise NextDueBeforeVisit(due=fmt_date(next_due_on), visited=fmt_date(visited_on))
    visit = Visit(
        enterprise_id=enterprise_id,
        visited_on=visited_on,
        cadre=cadre_name,
        met=clean_text(met),
        purpose=kind,
        outcome=clean_text(outcome),
        next_step=clean_text(next_step),
        next_due_on=next_due_on,
        created_at=clock.now(),
    )
    return audit.added(session, visit, "visit", lambda new_id: show_visit(session, new_id))


def list_visits(
    session: Session,
    on: date | None = None,
    *,
    overdue: bool = False,
    tax_code: str | None = None,
) -> list[dict[str, Any]]:
    """Visits, newest first, each with its follow-up state on ``on`` (default
    today). Given ``on``, only visits up to that day; ``overdue``: only those
    whose follow-up is overdue on ``on`` (see the module docstring)."""
    as_of = on or clock.today()
    stmt = _select(as_of, overdue=overdue)
    c = stmt.selected_columns
    if on is not None:
        stmt = stmt.where(c.visited_on <= as_of)
    if tax_code:
        stmt = stmt.where(c.enterprise_id == refs.enterprise_id(session, tax_code))
    if overdue:
        stmt = stmt.order_by(c.next_due_on, c.id)
    else:
        stmt = stmt.order_by(c.visited_on.desc(), c.id.desc())
    return [_record(r, as_of) for r in session.connection().execute(stmt).mappings()]


def latest_visits(
    session: Session, enterprise_id: int, limit: int = 3, on: date | None = None
) -> list[dict[str, Any]]:
    """The enterprise's latest visits on or before ``on`` (default today),
    newest first, with the follow-up state that day (for ``enterprise show``)."""
    on = on or clock.today()
    stmt = _select(on)
    c = stmt.selected_columns
    stmt = (
        stmt.where(c.enterprise_id == enterprise_id, c.visited_on <= on)
        .order_by(c.visited_on.desc(), c.id.desc())
        .limit(limit)
    )
    return [_record(r, on) for r in session.connection().execute(stmt).mappings()]
