"""The report's fieldwork figures for a period [start, end]: outreach visits,
study sessions and congresses, organisations' ratings, recognition, and the
terms ending soon.

Flows count what is dated from ``start`` to ``end``, both days included;
``overdue_follow_ups`` and ``terms_ending_within_6_months`` are taken as of
``end``. Every figure is one aggregate query (set-based, portable SQL).

outreach.visits
    visits held in the period.
outreach.enterprises_visited
    distinct enterprises visited in the period.
outreach.surveys_without_party_org
    visits in the period with purpose ``survey`` to an enterprise that had
    no active party organisation on the day of the visit.
outreach.overdue_follow_ups
    visits on or before ``end`` whose next step was due before ``end`` and
    that no later visit to the same enterprise (on or before ``end``) closed
    (``registry.outreach.overdue_condition``).
activities.sessions
    study sessions (kind ``study``) held in the period.
activities.attendees, activities.party_attendees
    the attendances and the party members among them, summed over those
    study sessions (a count left empty counts as 0).
activities.party_attendance_rate
    party_attendees / attendees (a fraction, 4 decimals; None without
    attendees).
activities.congresses
    congresses held in the period.
ratings.<type>.<grade>
    organisations of the type whose rating for the period's year (the year
    of ``end``) has that grade; the latest rating set for an organisation
    and year counts. Every grade of the type's scale appears (0 if none).
recognition.models
    "Dân vận khéo" models registered for a year from ``start``'s year to
    ``end``'s year (models carry a year, not a date).
recognition.awards_collective, recognition.awards_individual
    awards dated in the period to organisations or enterprises, and to
    persons.
terms_ending_within_6_months
    organisations active on ``end`` whose current term (opened by their
    latest congress on or before ``end``) ends from ``end`` to ``end`` +
    6 months, both days included.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import and_, case, func, or_, select
from sqlmodel import Session

from dangdn_cli.models import (
    Activity,
    Award,
    EmulationModel,
    Organization,
    OrganizationEnterprise,
    Visit,
)
from dangdn_cli.registry import activities, outreach, recognition, rules
from dangdn_cli.registry.history import table_of
from dangdn_cli.vocabulary import ORG_TYPES

VISIT = table_of(Visit)
ACTIVITY = table_of(Activity)
AWARD = table_of(Award)
MODEL = table_of(EmulationModel)
ORG = table_of(Organization)
LINK = table_of(OrganizationEnterprise)


def _outreach(conn: Any, start: date, end: date) -> dict[str, int]:
    v = VISIT.alias("v")
    in_period = v.c.visited_on.between(start, end)
    flows = conn.execute(
        select(func.count(), func.count(func.distinct(v.c.enterprise_id))).where(in_period)
    ).one()
    # Survey visits with no party organisation covering the enterprise that
    # day: an anti-join (LEFT JOIN … IS NULL), which planners drive from the
    # visits; a correlated NOT EXISTS let SQLite scan organisations instead.
    party = (
        select(LINK.c.enterprise_id, ORG.c.founded_on, ORG.c.dissolved_on)
        .join(ORG, ORG.c.id == LINK.c.organization_id)
        .where(ORG.c.type == "party")
        .subquery("party")
    )
    covered = and_(
        party.c.enterprise_id == v.c.enterprise_id,
        party.c.founded_on <= v.c.visited_on,
        or_(party.c.dissolved_on.is_(None), party.c.dissolved_on > v.c.visited_on),
    )
    surveys = conn.execute(
        select(func.count(func.distinct(v.c.id)))
        .select_from(v.outerjoin(party, covered))
        .where(in_period, v.c.purpose == "survey", party.c.enterprise_id.is_(None))
    ).scalar_one()
    o = VISIT.alias("o")
    overdue = conn.execute(
        select(func.count()).select_from(o).where(outreach.overdue_condition(o, end))
    ).scalar_one()
    return {
        "visits": int(flows[0]),
        "enterprises_visited": int(flows[1]),
        "surveys_without_party_org": int(surveys),
        "overdue_follow_ups": int(overdue),
    }


def _activities(conn: Any, start: date, end: date) -> dict[str, Any]:
    a = ACTIVITY
    study = a.c.kind == "study"
    row = conn.execute(
        select(
            func.coalesce(func.sum(case((study, 1), else_=0)), 0),
            func.coalesce(func.sum(case((study, a.c.attendees), else_=0)), 0),
            func.coalesce(func.sum(case((study, a.c.party_attendees), else_=0)), 0),
            func.coalesce(func.sum(case((a.c.kind == "congress", 1), else_=0)), 0),
        ).where(a.c.held_on.between(start, end))
    ).one()
    attendees, party = int(row[1]), int(row[2])
    return {
        "sessions": int(row[0]),
        "attendees": attendees,
        "party_attendees": party,
        "party_attendance_rate": round(party / attendees, 4) if attendees else None,
        "congresses": int(row[3]),
    }


def _ratings(session: Session, year: int) -> dict[str, dict[str, int]]:
    latest = recognition.latest_ratings()
    rows = session.connection().execute(
        select(ORG.c.type, latest.c.grade, func.count())
        .select_from(latest)
        .join(ORG, ORG.c.id == latest.c.organization_id)
        .where(latest.c.year == year)
        .group_by(ORG.c.type, latest.c.grade)
    )
    out: dict[str, dict[str, int]] = {
        t: dict.fromkeys(rules.rating_grades(session, t), 0) for t in ORG_TYPES
    }
    for org_type, grade, n in rows:
        out.setdefault(org_type, {})[grade] = int(n)
    return out


def _recognition(conn: Any, start: date, end: date) -> dict[str, int]:
    models = conn.execute(
        select(func.count()).where(MODEL.c.year.between(start.year, end.year))
    ).scalar_one()
    awards = conn.execute(
        select(
            func.coalesce(func.sum(case((AWARD.c.target_kind == "person", 0), else_=1)), 0),
            func.coalesce(func.sum(case((AWARD.c.target_kind == "person", 1), else_=0)), 0),
        ).where(AWARD.c.awarded_on.between(start, end))
    ).one()
    return {
        "models": int(models),
        "awards_collective": int(awards[0]),
        "awards_individual": int(awards[1]),
    }


def _terms_ending(conn: Any, end: date) -> int:
    terms = activities.current_terms(end)
    return int(
        conn.execute(
            select(func.count())
            .select_from(terms)
            .where(activities.terms_ending_condition(terms, end))
        ).scalar_one()
    )


def compute(session: Session, start: date, end: date) -> dict[str, Any]:
    """The fieldwork figures for [start, end] (see the module docstring)."""
    conn = session.connection()
    return {
        "outreach": _outreach(conn, start, end),
        "activities": _activities(conn, start, end),
        "ratings": _ratings(session, end.year),
        "recognition": _recognition(conn, start, end),
        "terms_ending_within_6_months": _terms_ending(conn, end),
    }
