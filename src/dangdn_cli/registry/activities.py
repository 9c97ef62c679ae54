"""Activities of an organisation: study sessions (học tập, quán triệt nghị
quyết), congresses (đại hội) opening a new term, and others.

An organisation's current term on a day D is the one opened by its latest
congress held on or before D; the term ends on that congress's
``term_end_on``.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import Select, func, select
from sqlmodel import Session

from dangdn_cli import clock, validate
from dangdn_cli.i18n import clean_text, fmt_date, tr
from dangdn_cli.models import Activity, Organization
from dangdn_cli.registry import audit, history, refs
from dangdn_cli.registry.errors import (
    AttendeesRequired,
    OrgDissolved,
    OrgNotFoundedYet,
    PartyAboveAttendees,
    TermEndNotAfterCongress,
    TermEndOnlyForCongress,
    TermEndRequired,
)
from dangdn_cli.registry.history import table_of
from dangdn_cli.vocabulary import ACTIVITY_KIND, ORG_TYPE

# A term ending within this many months is due for its congress.
TERM_WARNING_MONTHS = 6

ACTIVITY = table_of(Activity)
ORG = table_of(Organization)


def _select() -> Select[Any]:
    return history.with_org(
        ACTIVITY,
        ACTIVITY.c.kind,
        ACTIVITY.c.held_on,
        ACTIVITY.c.topic,
        ACTIVITY.c.attendees,
        ACTIVITY.c.party_attendees,
        ACTIVITY.c.term_end_on,
    )


def show(session: Session, activity_id: int) -> dict[str, Any]:
    row = (
        session.connection().execute(_select().where(ACTIVITY.c.id == activity_id)).mappings().one()
    )
    return dict(row)


def add(
    session: Session,
    org_id: int,
    kind: str | None,
    held_on: date,
    *,
    topic: str | None = None,
    attendees: int | None = None,
    party_attendees: int | None = None,
    term_end_on: date | None = None,
) -> dict[str, Any]:
    """Record an activity. A congress needs the end of the term it opens;
    party members attending never exceed the attendees; the organisation
    must exist and be active on the day."""
    kind = refs.code(ACTIVITY_KIND, kind or "") or ""
    validate.count(attendees, tr("Số người dự", "Attendees"))
    validate.count(party_attendees, tr("Số đảng viên dự", "Party members attending"))
    if party_attendees is not None:
        if attendees is None:
            raise AttendeesRequired()
        if party_attendees > attendees:
            raise PartyAboveAttendees(party=party_attendees, attendees=attendees)
    if kind == "congress":
        if term_end_on is None:
            raise TermEndRequired()
        if term_end_on <= held_on:
            raise TermEndNotAfterCongress(term_end=fmt_date(term_end_on), held=fmt_date(held_on))
    elif term_end_on is not None:
        raise TermEndOnlyForCongress()
    org = refs.organization(session, org_id)
    if held_on < org.founded_on:
        raise OrgNotFoundedYet(
            org_id=org_id, founded=fmt_date(org.founded_on), held=fmt_date(held_on)
        )
    if org.dissolved_on is not None and held_on >= org.dissolved_on:
        raise OrgDissolved(
            org_id=org_id, dissolved=fmt_date(org.dissolved_on), held=fmt_date(held_on)
        )
    activity = Activity(
        organization_id=org_id,
        kind=kind,
        held_on=held_on,
        topic=clean_text(topic),
        attendees=attendees,
        party_attendees=party_attendees,
        term_end_on=term_end_on,
        created_at=clock.now(),
    )
    return audit.added(session, activity, "activity", lambda new_id: show(session, new_id))


def list_(
    session: Session,
    *,
    org_id: int | None = None,
    kind: str | None = None,
    start: date | None = None,
    end: date | None = None,
) -> list[dict[str, Any]]:
    """Activities, newest first, filtered by organisation, kind and dates
    (both days included)."""
    stmt = _select()
    if org_id is not None:
        stmt = stmt.where(ACTIVITY.c.organization_id == org_id)
    if kind:
        code = refs.code(ACTIVITY_KIND, kind)
        stmt = stmt.where(ACTIVITY.c.kind == code)
    stmt = history.between(stmt, ACTIVITY.c.held_on, start, end)
    stmt = stmt.order_by(ACTIVITY.c.held_on.desc(), ACTIVITY.c.id.desc())
    return [dict(r) for r in session.connection().execute(stmt).mappings()]


def current_terms(on: date) -> Any:
    """Subquery: per organisation active on ``on``, the term opened by its
    latest congress held on or before ``on`` (``org_id``, ``congress_on``,
    ``term_end_on``; NULL end if that congress gave none)."""
    rank = (
        func.row_number()
        .over(
            partition_by=ACTIVITY.c.organization_id,
            order_by=(ACTIVITY.c.held_on.desc(), ACTIVITY.c.id.desc()),
        )
        .label("rank_")
    )
    ranked = (
        select(
            ACTIVITY.c.organization_id.label("org_id"),
            ACTIVITY.c.held_on.label("congress_on"),
            ACTIVITY.c.term_end_on,
            rank,
        )
        .where(ACTIVITY.c.kind == "congress", ACTIVITY.c.held_on <= on)
        .subquery()
    )
    return (
        select(ranked.c.org_id, ranked.c.congress_on, ranked.c.term_end_on)
        .join(ORG, ORG.c.id == ranked.c.org_id)
        .where(ranked.c.rank_ == 1, history.org_active(on))
        .subquery()
    )


def terms_ending_condition(terms: Any, on: date) -> Any:
    """The current term ends within 6 months of ``on``: ``on`` ≤ end ≤ ``on`` + 6 months."""
    return terms.c.term_end_on.between(on, history.add_months(on, TERM_WARNING_MONTHS))


def terms_due(session: Session, on: date) -> list[dict[str, Any]]:
    """Current terms (of organisations active on ``on``) that end within 6
    months (``term_ending``) or already ended with no new congress
    (``term_expired``), in the shape of ``outreach.due_items``."""
    terms = current_terms(on)
    stmt = (
        select(
            terms.c.org_id,
            ORG.c.type.label("org_type"),
            ORG.c.name.label("org_name"),
            terms.c.congress_on,
            terms.c.term_end_on,
        )
        .join(ORG, ORG.c.id == terms.c.org_id)
        .where(terms.c.term_end_on <= history.add_months(on, TERM_WARNING_MONTHS))
        .order_by(terms.c.term_end_on, terms.c.org_id)
    )
    items = []
    for row in session.connection().execute(stmt).mappings():
        end = row["term_end_on"]
        name = row["org_name"] or f"{ORG_TYPE.label(row['org_type'])} {row['org_id']}"
        expired = end < on
        if expired:
            text = tr(
                f"Nhiệm kỳ của {name} đã hết ngày {fmt_date(end)}, chưa có đại hội mới.",
                f"The term of {name} ended on {fmt_date(end)}; no new congress yet.",
            )
        else:
            text = tr(
                f"Nhiệm kỳ của {name} kết thúc ngày {fmt_date(end)}: chuẩn bị đại hội.",
                f"The term of {name} ends on {fmt_date(end)}: prepare the congress.",
            )
        items.append(
            {
                "kind": "term_expired" if expired else "term_ending",
                "due_on": end,
                "days": (end - on).days,
                "org_id": row["org_id"],
                "org_type": row["org_type"],
                "org_name": row["org_name"],
                "congress_on": row["congress_on"],
                "description": text,
            }
        )
    return items
