"""Persons and their employment. A person is recorded once, however many
memberships they hold (``memberships``); each job is an employment at one
enterprise from a day (until an exclusive end day), stable or not, in a
role. Here a person is created after checking their name, gender and
citizen ID, given a job, shown with their whole history, listed with their
employer on a day, and moved to another enterprise. Erasing a person is
``erasure``."""

from __future__ import annotations

from datetime import date
from functools import cache
from typing import Any

import sqlmodel
from sqlalchemy import Date, bindparam, or_, select
from sqlmodel import Session, col

from dangdn_cli import clock, validate
from dangdn_cli.i18n import fmt_date, fold, tr
from dangdn_cli.models import Employment, Enterprise, Membership, Person
from dangdn_cli.registry import audit, history, refs
from dangdn_cli.registry.errors import AlreadyWorksThere, DuplicateIdNumber
from dangdn_cli.vocabulary import GENDER, ROLE


@cache
def _holder_of() -> Any:
    return select(col(Person.id)).where(col(Person.id_number) == bindparam("cccd"))


def new_person(
    session: Session,
    name: str,
    birth: date | None = None,
    gender: str | None = None,
    id_number: str | None = None,
) -> Person:
    """Create a person after checking the name, gender and citizen ID."""
    full_name = validate.required_text(name, tr("Họ và tên (--name)", "Full name (--name)"))
    gender = refs.code(GENDER, gender)
    cccd = validate.id_number(id_number)
    if cccd is not None:
        holder = session.connection().execute(_holder_of(), {"cccd": cccd}).scalar()
        if holder is not None:
            raise DuplicateIdNumber(id_number=cccd, person_id=holder)
    person = Person(
        full_name=full_name,
        name_key=fold(full_name),
        birth_date=birth,
        gender=gender,
        id_number=cccd,
        created_at=clock.now(),
    )
    session.add(person)
    session.flush()
    return person


@cache
def _job_there() -> Any:
    end = col(Employment.end_on)
    return select(col(Employment.id)).where(
        col(Employment.person_id) == bindparam("person_id"),
        col(Employment.enterprise_id) == bindparam("enterprise_id"),
        or_(end.is_(None), end > bindparam("start", type_=Date)),
    )


def employ(
    session: Session, person_id: int, enterprise_id: int, start: date, stable: bool, role: str
) -> Employment | None:
    """Start an employment unless the person already works there on ``start``
    or from a later day on (a second membership then adds no second job)."""
    params = {"person_id": person_id, "enterprise_id": enterprise_id, "start": start}
    if session.connection().execute(_job_there(), params).first() is not None:
        return None
    job = Employment(
        person_id=person_id, enterprise_id=enterprise_id, start_on=start, stable=stable, role=role
    )
    session.add(job)
    session.flush()
    return job


def show_person(session: Session, person_id: int, on: date | None = None) -> dict[str, Any]:
    """A person with their whole employment history and every membership."""
    person = refs.person(session, person_id)
    conn = session.connection()
    jobs = conn.execute(
        select(
            col(Employment.id),
            col(Enterprise.tax_code).label("enterprise"),
            col(Employment.start_on),
            col(Employment.end_on),
            col(Employment.stable),
            col(Employment.role),
        )
        .join(Enterprise, col(Enterprise.id) == col(Employment.enterprise_id))
        .where(col(Employment.person_id) == person_id)
        .order_by(col(Employment.start_on), col(Employment.id))
    ).mappings()
    on = on or clock.today()
    memberships = conn.execute(
        history.memberships_on(on)
        .where(col(Membership.person_id) == person_id)
        .order_by(col(Membership.id))
    ).mappings()
    return {
        "id": person.id,
        "name": person.full_name,
        "birth_date": person.birth_date,
        "gender": person.gender,
        "id_number": person.id_number,
        "employment": [{**dict(j), "stable": bool(j["stable"])} for j in jobs],
        "memberships": [history.member_row(m, on) for m in memberships],
    }


def list_persons(
    session: Session, search: str | None = None, on: date | None = None
) -> list[dict[str, Any]]:
    """Every person, with their employer on ``on``; ``search`` ignores case and
    diacritics."""
    on = on or clock.today()
    job = history.jobs_on(on)
    stmt = (
        select(
            col(Person.id),
            col(Person.full_name).label("name"),
            col(Person.birth_date),
            col(Person.gender),
            col(Person.id_number),
            col(Enterprise.tax_code).label("enterprise"),
            job.c.role,
        )
        .join(job, job.c.person_id == col(Person.id), isouter=True)
        .join(Enterprise, col(Enterprise.id) == job.c.enterprise_id, isouter=True)
        .order_by(col(Person.name_key), col(Person.id))
    )
    if search and search.strip():
        stmt = stmt.where(col(Person.name_key).like(refs.like(fold(search)), escape="\\"))
    return [dict(r) for r in session.connection().execute(stmt).mappings()]


def move(
    session: Session,
    person_id: int,
    tax_code: str,
    on: date,
    stable: bool = True,
    role: str | None = None,
) -> dict[str, Any]:
    """End the person's current employment on ``on`` and start a new one that
    day; memberships go on."""
    refs.person(session, person_id)
    enterprise_id = refs.enterprise_id(session, tax_code)
    code = validate.tax_code(tax_code)
    role = refs.code(ROLE, role)
    current = list(
        session.exec(
            sqlmodel.select(Employment).where(
                col(Employment.person_id) == person_id, history.employment_active(on)
            )
        )
    )
    if any(job.enterprise_id == enterprise_id for job in current):
        raise AlreadyWorksThere(person_id=person_id, tax_code=code, on=fmt_date(on))
    before = show_person(session, person_id, on)
    for job in current:
        validate.not_before(
            job.start_on, on, tr("bắt đầu làm việc", "employment start"), tr("chuyển", "move")
        )
        job.end_on = on
        session.add(job)
    previous_role = current[0].role if current else "worker"
    session.add(
        Employment(
            person_id=person_id,
            enterprise_id=enterprise_id,
            start_on=on,
            stable=stable,
            role=role or previous_role,
        )
    )
    session.flush()
    after = show_person(session, person_id, on)
    audit.record(session, "move", "person", person_id, before=before, after=after)
    return after
