"""Persons, their employment, and their memberships (party, union, youth,
women, veterans). A person is counted once however many memberships."""

from __future__ import annotations

from datetime import date, datetime, timezone
from functools import cache
from typing import Any

import sqlmodel
from sqlalchemy import Date, and_, bindparam, case, delete, func, or_, select, update
from sqlmodel import Session, col

from dangdn_cli import errors, validate
from dangdn_cli.i18n import fmt_date, fold, tr
from dangdn_cli.models import (
    AuditLog,
    Award,
    Candidate,
    Employment,
    Enterprise,
    Membership,
    Organization,
    Person,
)
from dangdn_cli.registry import audit, history, organizations, refs
from dangdn_cli.vocabulary import PARTY_STATUSES, ROLES, labels

GENDERS = ("nam", "nu")
ERASED = "[đã xóa / erased]"


def _now() -> datetime:
    return datetime.now(timezone.utc)


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
    gender = validate.choice(gender, GENDERS, tr("giới tính", "gender"))
    cccd = validate.id_number(id_number)
    if cccd is not None:
        holder = session.connection().execute(_holder_of(), {"cccd": cccd}).scalar()
        if holder is not None:
            raise errors.DuplicateIdNumber(id_number=cccd, person_id=holder)
    person = Person(
        full_name=full_name,
        name_key=fold(full_name),
        birth_date=birth,
        gender=gender,
        id_number=cccd,
        created_at=_now(),
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


def _overlapping(session: Session, person_id: int, kind: str, joined: date | None) -> int | None:
    """A membership of the same kind the person holds on ``joined`` or later."""
    left = col(Membership.left_on)
    still_on = or_(left.is_(None), left > joined) if joined else left.is_(None)
    found = session.execute(
        select(col(Membership.id))
        .where(col(Membership.person_id) == person_id, col(Membership.type) == kind, still_on)
        .order_by(col(Membership.id))
    ).scalar()
    return None if found is None else int(found)


def add_member(
    session: Session,
    name: str | None,
    kind: str,
    tax_code: str,
    person_id: int | None = None,
    birth: date | None = None,
    gender: str | None = None,
    id_number: str | None = None,
    joined: date | None = None,
    status: str | None = None,
    official_on: date | None = None,
    org_id: int | None = None,
    residence: bool = False,
    role: str = "worker",
    stable: bool = True,
    employed_from: date | None = None,
) -> dict[str, Any]:
    """Add a membership (creating the person and employment unless given).

    The employment starts at ``employed_from``, else ``joined``, else today.
    A party member is official unless ``status`` says probationary; with
    ``official_on`` they are probationary until that day."""
    kind = organizations.org_type(kind)
    role = validate.choice(role, ROLES, tr("vai trò", "role")) or "worker"
    if kind == "party":
        status = validate.choice(
            status or "official", PARTY_STATUSES, tr("đảng tịch (--status)", "party status")
        )
        validate.not_before(
            joined, official_on, tr("kết nạp", "admission"), tr("chính thức", "official")
        )
        if residence and org_id is not None:
            raise errors.ResidenceWithOrg()
    else:
        given = [
            option
            for option, value in (
                ("--status", status),
                ("--official-on", official_on),
                ("--residence", residence or None),
            )
            if value is not None
        ]
        if given:
            raise errors.PartyOnlyOption(options=", ".join(given))
    enterprise_id = refs.enterprise_id(session, tax_code)
    if org_id is not None:
        org = refs.organization(session, org_id)
        if org.type != kind:
            actual, wanted = labels("org_type", org.type), labels("org_type", kind)
            raise errors.WrongOrgType(
                org_id=org_id,
                actual_vi=actual["vi"],
                actual_en=actual["en"],
                wanted_vi=wanted["vi"],
                wanted_en=wanted["en"],
            )
        if org.dissolved_on is not None and (joined is None or org.dissolved_on <= joined):
            raise errors.AlreadyDissolved(org_id=org_id, on=fmt_date(org.dissolved_on))
    if person_id is not None:
        person = refs.person(session, person_id)
        assert person.id is not None
        clash = _overlapping(session, person.id, kind, joined)
        if clash is not None:
            names = labels("member_type", kind)
            raise errors.DuplicateMembership(
                person_id=person.id, member_id=clash, kind_vi=names["vi"], kind_en=names["en"]
            )
    else:
        person = new_person(session, name or "", birth, gender, id_number)
    assert person.id is not None
    start = employed_from or joined or date.today()
    employ(session, person.id, enterprise_id, start, stable, role)
    membership = Membership(
        person_id=person.id,
        type=kind,
        organization_id=org_id,
        joined_on=joined,
        status=status if kind == "party" else None,
        official_on=official_on if kind == "party" else None,
        residence=residence,
        created_at=_now(),
    )
    session.add(membership)
    session.flush()
    record = member_record(session, membership, max(start, date.today()))
    audit.record(session, "add", "membership", membership.id, after=record)
    return record


def _jobs(on: Any, enterprise_id: int | None = None) -> Any:
    """One employment per person in force on ``on`` (the latest started),
    optionally only at one enterprise."""
    rank = (
        func.row_number()
        .over(
            partition_by=col(Employment.person_id),
            order_by=(col(Employment.start_on).desc(), col(Employment.id).desc()),
        )
        .label("rank_")
    )
    stmt = select(
        col(Employment.person_id),
        col(Employment.enterprise_id),
        col(Employment.stable),
        col(Employment.role),
        rank,
    ).where(history.employment_active(on))
    if enterprise_id is not None:
        stmt = stmt.where(col(Employment.enterprise_id) == enterprise_id)
    ranked = stmt.subquery()
    return select(ranked).where(ranked.c.rank_ == 1).subquery()


def _members_select(on: Any, enterprise_id: int | None = None) -> Any:
    job = _jobs(on, enterprise_id)
    return (
        select(
            col(Membership.id),
            col(Membership.person_id),
            col(Person.full_name).label("name"),
            col(Person.birth_date),
            col(Person.gender),
            col(Person.id_number),
            col(Membership.type),
            col(Membership.organization_id),
            col(Organization.name).label("organization"),
            col(Membership.joined_on),
            col(Membership.left_on),
            col(Membership.status),
            col(Membership.official_on),
            col(Membership.residence),
            col(Enterprise.tax_code).label("enterprise"),
            job.c.role,
            job.c.stable.label("stable_employment"),
        )
        .join(Person, col(Person.id) == col(Membership.person_id))
        .join(Organization, col(Organization.id) == col(Membership.organization_id), isouter=True)
        .join(
            job,
            job.c.person_id == col(Membership.person_id),
            isouter=enterprise_id is None,
        )
        .join(Enterprise, col(Enterprise.id) == job.c.enterprise_id, isouter=True)
    )


def _member_row(row: Any, on: date) -> dict[str, Any]:
    record = dict(row)
    if record["type"] == "party":
        official_on = record["official_on"]
        official = official_on <= on if official_on else record["status"] == "official"
        record["status"] = "official" if official else "probationary"
    else:
        record["status"] = None
    record["residence"] = bool(record["residence"])
    stable = record["stable_employment"]
    record["stable_employment"] = None if stable is None else bool(stable)
    return record


def member_record(
    session: Session, membership: Membership, on: date | None = None
) -> dict[str, Any]:
    """A membership with its person and their employer on ``on`` (default today)."""
    on = on or date.today()
    params = {"on": on, "member_id": membership.id}
    row = session.connection().execute(_member_by_id(), params).mappings().one()
    return _member_row(row, on)


@cache
def _member_by_id() -> Any:
    # Built once with parameters: building this select costs more than running it.
    on = bindparam("on", type_=Date)
    return _members_select(on).where(col(Membership.id) == bindparam("member_id"))


def party_status(membership: Membership, on: date) -> str | None:
    if membership.type != "party":
        return None
    if membership.official_on is not None:
        return "official" if membership.official_on <= on else "probationary"
    return membership.status


def promote(session: Session, member_id: int, on: date) -> dict[str, Any]:
    """Make a probationary party member official from ``on``."""
    membership = refs.membership(session, member_id)
    if membership.type != "party":
        raise errors.NotPartyMember(member_id=member_id)
    if party_status(membership, on) == "official":
        raise errors.AlreadyOfficial(member_id=member_id, on=fmt_date(on))
    if membership.left_on is not None and membership.left_on <= on:
        raise errors.AlreadyLeft(member_id=member_id, on=fmt_date(membership.left_on))
    validate.not_before(
        membership.joined_on, on, tr("kết nạp", "admission"), tr("chính thức", "official")
    )
    before = member_record(session, membership, on)
    membership.status = "official"
    membership.official_on = on
    session.add(membership)
    session.flush()
    after = member_record(session, membership, on)
    audit.record(session, "promote", "membership", member_id, before=before, after=after)
    return after


def leave(session: Session, member_id: int, on: date) -> dict[str, Any]:
    """End a membership on ``on`` (in force before that day, not on it)."""
    membership = refs.membership(session, member_id)
    if membership.left_on is not None:
        raise errors.AlreadyLeft(member_id=member_id, on=fmt_date(membership.left_on))
    validate.not_before(membership.joined_on, on, tr("vào", "joining"), tr("rời", "leaving"))
    before = member_record(session, membership, on)
    membership.left_on = on
    session.add(membership)
    session.flush()
    after = member_record(session, membership, on)
    audit.record(session, "leave", "membership", member_id, before=before, after=after)
    return after


def list_members(
    session: Session,
    kind: str | None = None,
    tax_code: str | None = None,
    on: date | None = None,
    org_id: int | None = None,
) -> list[dict[str, Any]]:
    """Memberships in force on ``on``, with each person's employer that day
    (with ``tax_code``: only people employed there that day)."""
    on = on or date.today()
    enterprise_id = refs.enterprise_id(session, tax_code) if tax_code else None
    stmt = _members_select(on, enterprise_id).where(history.membership_active(on))
    if kind:
        stmt = stmt.where(col(Membership.type) == organizations.org_type(kind))
    if org_id is not None:
        refs.organization(session, org_id)
        stmt = stmt.where(col(Membership.organization_id) == org_id)
    stmt = stmt.order_by(col(Membership.type), col(Person.name_key), col(Membership.id))
    return [_member_row(r, on) for r in session.connection().execute(stmt).mappings()]


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
    on = on or date.today()
    memberships = conn.execute(
        _members_select(on)
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
        "memberships": [_member_row(m, on) for m in memberships],
    }


def list_persons(
    session: Session, search: str | None = None, on: date | None = None
) -> list[dict[str, Any]]:
    """Every person, with their employer on ``on``; ``search`` ignores case and
    diacritics."""
    on = on or date.today()
    job = _jobs(on)
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
    role = validate.choice(role, ROLES, tr("vai trò", "role"))
    current = list(
        session.exec(
            sqlmodel.select(Employment).where(
                col(Employment.person_id) == person_id, history.employment_active(on)
            )
        )
    )
    if any(job.enterprise_id == enterprise_id for job in current):
        raise errors.AlreadyWorksThere(person_id=person_id, tax_code=code, on=fmt_date(on))
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


def erase(session: Session, person_id: int) -> dict[str, Any]:
    """Remove a person and everything about them (a data-protection request).

    The audit log keeps that changes happened, not who they were about: the
    rows about this person, their memberships and candidacies lose their
    before/after and command; elsewhere their name and citizen ID are
    replaced (so a namesake's rows lose the name too, which errs on the safe
    side)."""
    person = refs.person(session, person_id)
    name, cccd = person.full_name, person.id_number
    conn = session.connection()
    membership_ids = [
        str(i)
        for i in conn.execute(
            select(col(Membership.id)).where(col(Membership.person_id) == person_id)
        ).scalars()
    ]
    candidate_ids = [
        str(i)
        for i in conn.execute(
            select(col(Candidate.id)).where(col(Candidate.person_id) == person_id)
        ).scalars()
    ]
    conn.execute(
        update(Candidate)
        .where(col(Candidate.membership_id).in_([int(i) for i in membership_ids]))
        .values(membership_id=None)
    )
    counts = {
        "candidates": conn.execute(
            delete(Candidate).where(col(Candidate.person_id) == person_id)
        ).rowcount,
        "memberships": conn.execute(
            delete(Membership).where(col(Membership.person_id) == person_id)
        ).rowcount,
        "employment": conn.execute(
            delete(Employment).where(col(Employment.person_id) == person_id)
        ).rowcount,
        # Awards name their target by kind and id, without a foreign key.
        "awards": conn.execute(
            delete(Award).where(
                col(Award.target_kind) == "person", col(Award.target_id) == person_id
            )
        ).rowcount,
    }
    conn.execute(delete(Person).where(col(Person.id) == person_id))
    session.expunge_all()
    _scrub_audit(session, str(person_id), membership_ids, candidate_ids, name, cccd)
    audit.record(session, "erase", "person", person_id, after=counts)
    return {"id": person_id, "erased": counts}


def _scrub_audit(
    session: Session,
    person_id: str,
    membership_ids: list[str],
    candidate_ids: list[str],
    name: str,
    cccd: str | None,
) -> None:
    conn = session.connection()
    entity, entity_id = col(AuditLog.entity), col(AuditLog.entity_id)
    before, after, command = col(AuditLog.before), col(AuditLog.after), col(AuditLog.command)
    gone = '{"erased": true}'
    conn.execute(
        update(AuditLog)
        .where(
            or_(
                and_(entity == "person", entity_id == person_id),
                and_(entity == "membership", entity_id.in_(membership_ids)),
                and_(entity == "candidate", entity_id.in_(candidate_ids)),
            )
        )
        .values(
            before=_if_set(before, gone),
            after=_if_set(after, gone),
            command=f"dangdn {ERASED}",
        )
    )
    for secret in (name, cccd):
        if not secret:
            continue
        pattern = f"%{secret}%"
        conn.execute(
            update(AuditLog)
            .where(or_(before.like(pattern), after.like(pattern), command.like(pattern)))
            .values(
                before=func.replace(before, secret, ERASED),
                after=func.replace(after, secret, ERASED),
                command=func.replace(command, secret, ERASED),
            )
        )


def _if_set(column: Any, value: str) -> Any:
    return case((column.is_(None), None), else_=value)
