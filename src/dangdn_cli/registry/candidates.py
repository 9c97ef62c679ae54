"""The candidate pipeline (quần chúng ưu tú): a person identified at their
workplace, trained, introduced (by the union or youth organisation), then
admitted to the party or dropped. Each stage has its date, in that order;
a candidate's stage on a day is the furthest reached by then. Admission
creates the probationary party membership in the party organisation covering
the workplace that day."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import case, func, or_, select
from sqlmodel import Session, col

from dangdn_cli import clock, validate
from dangdn_cli.i18n import fmt_date
from dangdn_cli.models import Candidate, Enterprise, Membership, Person
from dangdn_cli.registry import audit, history, people, refs
from dangdn_cli.registry.errors import (
    AlreadyCandidate,
    AlreadyPartyMember,
    CandidateFinal,
    CandidateStageDone,
    NotIntroducer,
)
from dangdn_cli.vocabulary import STAGE, label, labels

# The stages a candidate goes through, in order; "dropped" may end it at any one.
ORDER = tuple(stage for stage in STAGE.codes if stage != "dropped")
FINAL = ("admitted", "dropped")
# Who may introduce a candidate to the party.
INTRODUCERS = ("union", "youth")


def stage_on(candidate: Candidate | dict[str, Any], on: date | None = None) -> str | None:
    """The furthest stage reached on or before ``on`` (dropped ends the pipeline)."""

    def value(stage: str) -> date | None:
        if isinstance(candidate, dict):
            return candidate.get(f"{stage}_on")
        when: date | None = getattr(candidate, f"{stage}_on")
        return when

    reached = None
    for stage in STAGE.codes:
        when = value(stage)
        if when is not None and (on is None or when <= on):
            reached = stage
    return reached


def _party_membership(session: Session, person_id: int) -> int | None:
    """The person's party membership not yet ended, if any."""
    found = session.execute(
        select(col(Membership.id)).where(
            col(Membership.person_id) == person_id,
            col(Membership.type) == "party",
            col(Membership.left_on).is_(None),
        )
    ).scalar()
    return None if found is None else int(found)


def add(
    session: Session,
    name: str | None,
    tax_code: str,
    identified: date | None = None,
    introduced_by: int | None = None,
    person_id: int | None = None,
    birth: date | None = None,
    gender: str | None = None,
    id_number: str | None = None,
) -> dict[str, Any]:
    """Add a candidate identified on ``identified`` (default today), creating
    the person (unless ``person_id``) and their employment there."""
    enterprise_id = refs.enterprise_id(session, tax_code)
    if introduced_by is not None:
        org = refs.organization(session, introduced_by)
        if org.type not in INTRODUCERS:
            names = labels("org_type", org.type)
            raise NotIntroducer(org_id=introduced_by, actual_vi=names["vi"], actual_en=names["en"])
    identified = identified or clock.today()
    if person_id is not None:
        person = refs.person(session, person_id)
        member = _party_membership(session, person_id)
        if member is not None:
            raise AlreadyPartyMember(person_id=person_id, member_id=member)
        open_candidacy = session.execute(
            select(col(Candidate.id)).where(
                col(Candidate.person_id) == person_id,
                col(Candidate.admitted_on).is_(None),
                col(Candidate.dropped_on).is_(None),
            )
        ).scalar()
        if open_candidacy is not None:
            raise AlreadyCandidate(person_id=person_id, candidate_id=open_candidacy)
    else:
        person = people.new_person(session, name or "", birth, gender, id_number)
    assert person.id is not None
    people.employ(session, person.id, enterprise_id, identified, True, "worker")
    candidate = Candidate(
        person_id=person.id,
        enterprise_id=enterprise_id,
        introduced_by=introduced_by,
        identified_on=identified,
        created_at=clock.now(),
    )
    return audit.added(session, candidate, "candidate", lambda new_id: show(session, new_id))


def _check_order(candidate: Candidate, stage: str, on: date) -> None:
    """A stage's date falls after the earlier stages and before the later ones."""
    dates = {s: getattr(candidate, f"{s}_on") for s in ORDER}
    if stage == "dropped":
        earlier, later = [s for s in ORDER if dates[s]], []
    else:
        index = ORDER.index(stage)
        earlier = [s for s in ORDER[:index] if dates[s]]
        later = [s for s in ORDER[index + 1 :] if dates[s]]
    if earlier:
        last = max(earlier, key=lambda s: dates[s])
        validate.not_before(dates[last], on, label("stage", last), label("stage", stage))
    if later:
        first = min(later, key=lambda s: dates[s])
        validate.not_before(on, dates[first], label("stage", stage), label("stage", first))


def advance(session: Session, candidate_id: int, stage: str, on: date) -> dict[str, Any]:
    """Record that a candidate reached a stage on ``on``. Admission creates
    the probationary party membership, in the party organisation covering
    the workplace that day (if any)."""
    stage = refs.code(STAGE, stage, "--stage", among=STAGE.codes[1:]) or ""
    candidate = refs.candidate(session, candidate_id)
    current = stage_on(candidate)
    if current in FINAL:
        names = labels("stage", current)
        raise CandidateFinal(candidate_id=candidate_id, stage_vi=names["vi"], stage_en=names["en"])
    done = getattr(candidate, f"{stage}_on")
    if done is not None:
        names = labels("stage", stage)
        raise CandidateStageDone(
            candidate_id=candidate_id, stage_vi=names["vi"], stage_en=names["en"], on=fmt_date(done)
        )
    _check_order(candidate, stage, on)
    before = show(session, candidate_id)
    setattr(candidate, f"{stage}_on", on)
    if stage == "admitted":
        member = _party_membership(session, candidate.person_id)
        if member is not None:
            raise AlreadyPartyMember(person_id=candidate.person_id, member_id=member)
        cell = session.execute(
            history.orgs_covering(candidate.enterprise_id, "party").where(history.org_active(on))
        ).scalar()
        membership = Membership(
            person_id=candidate.person_id,
            type="party",
            organization_id=cell,
            joined_on=on,
            status="probationary",
            created_at=clock.now(),
        )
        session.add(membership)
        session.flush()
        candidate.membership_id = membership.id
    session.add(candidate)
    session.flush()
    after = show(session, candidate_id)
    audit.record(session, "advance", "candidate", candidate_id, before=before, after=after)
    return after


def _record(row: dict[str, Any], on: date | None) -> dict[str, Any]:
    out = dict(row)
    out["stage"] = stage_on(row, on)
    return out


def stage_column(on: date | None = None) -> Any:
    """SQL for the furthest stage reached on ``on`` (any recorded, if None),
    the same as ``stage_on``: dropped, else admitted, else introduced…"""
    whens = []
    for stage in reversed(STAGE.codes):
        when = col(getattr(Candidate, f"{stage}_on"))
        reached = when.is_not(None) if on is None else when <= on
        whens.append((reached, stage))
    return case(*whens, else_=None)


def _select() -> Any:
    return (
        select(
            col(Candidate.id),
            col(Candidate.person_id),
            col(Person.full_name).label("name"),
            col(Enterprise.tax_code).label("enterprise"),
            col(Candidate.introduced_by),
            col(Candidate.identified_on),
            col(Candidate.trained_on),
            col(Candidate.introduced_on),
            col(Candidate.admitted_on),
            col(Candidate.dropped_on),
            col(Candidate.membership_id),
        )
        .join(Person, col(Person.id) == col(Candidate.person_id))
        .join(Enterprise, col(Enterprise.id) == col(Candidate.enterprise_id))
    )


def show(session: Session, candidate_id: int, on: date | None = None) -> dict[str, Any]:
    """A candidate with every stage date and the stage reached on ``on``
    (default: the furthest recorded)."""
    refs.candidate(session, candidate_id)
    row = (
        session.connection().execute(_select().where(col(Candidate.id) == candidate_id)).mappings()
    ).one()
    return _record(dict(row), on)


def list_(
    session: Session,
    stage: str | None = None,
    on: date | None = None,
    tax_code: str | None = None,
) -> list[dict[str, Any]]:
    """Candidates identified by ``on``, each with the stage reached that day
    (with ``stage``: only those at that stage)."""
    stage = refs.code(STAGE, stage, "--stage")
    stmt = _select().order_by(col(Person.name_key), col(Candidate.id))
    if on is not None:
        stmt = stmt.where(
            or_(col(Candidate.identified_on).is_(None), col(Candidate.identified_on) <= on)
        )
    if tax_code:
        stmt = stmt.where(col(Candidate.enterprise_id) == refs.enterprise_id(session, tax_code))
    if stage is not None:
        stmt = stmt.where(stage_column(on) == stage)
    return [_record(dict(r), on) for r in session.connection().execute(stmt).mappings()]


def count_by_stage(session: Session, on: date | None = None) -> dict[str, int]:
    """How many candidates have reached each stage by ``on`` (furthest stage)."""
    stage = stage_column(on).label("stage")
    rows = session.connection().execute(
        select(stage, func.count()).where(stage.is_not(None)).group_by(stage)
    )
    counts = {str(name): int(n) for name, n in rows}
    return {name: counts.get(name, 0) for name in STAGE.codes}
