"""Persons, their employment, and their memberships (party, union, youth,
women, veterans). A person is counted once however many memberships."""

from __future__ import annotations

from datetime import date, datetime, timezone
from typing import Any

from sqlalchemy import and_, select
from sqlmodel import Session

from dangdn_cli import audit, errors, validate
from dangdn_cli.i18n import clean_text, fold, tr
from dangdn_cli.models import (
    ORG_TYPES,
    PARTY_STATUSES,
    ROLES,
    Employment,
    Enterprise,
    Membership,
    Organization,
    Person,
)
from dangdn_cli.services import enterprises, history, organizations

GENDERS = ("nam", "nu")


def _now() -> datetime:
    return datetime.now(timezone.utc)


def get_person(session: Session, person_id: int) -> Person:
    person = session.get(Person, person_id)
    if person is None:
        raise errors.UnknownPerson(person_id=person_id)
    return person


def get_membership(session: Session, member_id: int) -> Membership:
    membership = session.get(Membership, member_id)
    if membership is None:
        raise errors.UnknownMember(member_id=member_id)
    return membership


def new_person(
    session: Session,
    name: str,
    birth: date | None = None,
    gender: str | None = None,
    id_number: str | None = None,
) -> Person:
    full_name = validate.required_text(name, tr("Họ và tên", "Full name"))
    gender = validate.choice(gender, GENDERS, tr("giới tính", "gender"))
    cccd = validate.id_number(id_number)
    if cccd is not None:
        holder = session.exec(select(Person.id).where(Person.id_number == cccd)).first()  # type: ignore[call-overload]
        if holder is not None:
            raise errors.DuplicateIdNumber(id_number=cccd, person_id=holder[0])
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


def employ(
    session: Session, person_id: int, enterprise_id: int, start: date, stable: bool, role: str
) -> Employment | None:
    """Start an employment unless the person already works there on ``start``."""
    current = session.exec(
        select(Employment).where(  # type: ignore[call-overload]
            Employment.person_id == person_id,
            Employment.enterprise_id == enterprise_id,
            history.employment_active(start),
        )
    ).first()
    if current is not None:
        return None
    job = Employment(
        person_id=person_id, enterprise_id=enterprise_id, start_on=start, stable=stable, role=role
    )
    session.add(job)
    session.flush()
    return job


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
    """Add a membership (creating the person and employment unless given)."""
    kind = organizations.org_type(kind)
    role = validate.choice(role, ROLES, tr("vai trò", "role")) or "worker"
    enterprise_id = enterprises.get_id(session, tax_code)
    if kind == "party":
        status = validate.choice(
            status or "official", PARTY_STATUSES, tr("trạng thái đảng viên", "party status")
        )
        validate.not_before(
            joined, official_on, tr("vào Đảng", "admission"), tr("chính thức", "official")
        )
    elif status is not None or official_on is not None or residence:
        raise errors.ValidationError(
            detail=tr(
                "--status, --official-on và --residence chỉ dùng cho đảng viên (--type party)",
                "--status, --official-on and --residence apply to party members only (--type party)",
            )
        )
    if org_id is not None:
        org = organizations.get(session, org_id)
        if org.type != kind:
            raise errors.ValidationError(
                detail=tr(
                    f"tổ chức {org_id} là loại {org.type}, không phải {kind}",
                    f"organisation {org_id} is of type {org.type}, not {kind}",
                )
            )
    if person_id is not None:
        person = get_person(session, person_id)
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
    record = member_record(session, membership)
    audit.record(session, "add", "membership", membership.id, after=record)
    return record


def member_record(
    session: Session, membership: Membership, on: date | None = None
) -> dict[str, Any]:
    on = on or date.today()
    person = get_person(session, membership.person_id)
    employer = (
        session.connection()
        .execute(
            select(Enterprise.tax_code)
            .join(Employment, Employment.enterprise_id == Enterprise.id)  # type: ignore[arg-type]
            .where(Employment.person_id == person.id, history.employment_active(on))
            .order_by(Employment.start_on.desc())  # type: ignore[union-attr]
        )
        .first()
    )
    return {
        "id": membership.id,
        "person_id": person.id,
        "name": person.full_name,
        "type": membership.type,
        "organization_id": membership.organization_id,
        "joined_on": membership.joined_on,
        "left_on": membership.left_on,
        "status": party_status(membership, on),
        "official_on": membership.official_on,
        "residence": membership.residence,
        "enterprise": employer[0] if employer else None,
        "id_number": person.id_number,
    }


def party_status(membership: Membership, on: date) -> str | None:
    if membership.type != "party":
        return None
    if membership.official_on is not None:
        return "official" if membership.official_on <= on else "probationary"
    return membership.status


def promote(session: Session, member_id: int, on: date) -> dict[str, Any]:
    membership = get_membership(session, member_id)
    if membership.type != "party":
        raise errors.StateError(
            detail=tr(f"{member_id} không phải đảng viên", f"{member_id} is not a party membership")
        )
    if party_status(membership, on) == "official":
        raise errors.StateError(
            detail=tr(
                f"đảng viên {member_id} đã là đảng viên chính thức vào ngày {on:%d/%m/%Y}",
                f"member {member_id} is already official on {on.isoformat()}",
            )
        )
    validate.not_before(
        membership.joined_on, on, tr("vào Đảng", "admission"), tr("chính thức", "official")
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
    membership = get_membership(session, member_id)
    if membership.left_on is not None:
        raise errors.StateError(
            detail=tr(
                f"{member_id} đã rời tổ chức ngày {membership.left_on:%d/%m/%Y}",
                f"{member_id} already left on {membership.left_on.isoformat()}",
            )
        )
    validate.not_before(membership.joined_on, on, tr("gia nhập", "joining"), tr("rời", "leaving"))
    before = member_record(session, membership, on)
    membership.left_on = on
    session.add(membership)
    session.flush()
    after = member_record(session, membership, on)
    audit.record(session, "leave", "membership", member_id, before=before, after=after)
    return after


def list_members(
    session: Session, kind: str | None = None, tax_code: str | None = None, on: date | None = None
) -> list[dict[str, Any]]:
    """Memberships in force on ``on``, with each person's employer that day."""
    on = on or date.today()
    job = (
        select(Employment.person_id, Employment.enterprise_id, Employment.stable, Employment.role)
        .where(history.employment_active(on))
        .subquery()
    )
    stmt = (
        select(
            Membership.id,
            Membership.person_id,
            Person.full_name.label("name"),
            Membership.type,  # type: ignore[attr-defined]
            Membership.organization_id,
            Organization.name.label("organization"),  # type: ignore[union-attr]
            Membership.joined_on,
            Membership.status,
            Membership.official_on,
            Membership.residence,
            Enterprise.tax_code.label("enterprise"),
            job.c.role,
            job.c.stable,  # type: ignore[attr-defined]
            Person.birth_date,
            Person.gender,
            Person.id_number,
        )
        .join(Person, Person.id == Membership.person_id)  # type: ignore[arg-type]
        .join(Organization, Organization.id == Membership.organization_id, isouter=True)  # type: ignore[arg-type]
        .join(job, job.c.person_id == Membership.person_id, isouter=True)
        .join(Enterprise, Enterprise.id == job.c.enterprise_id, isouter=True)  # type: ignore[arg-type]
        .where(history.membership_active(on))
        .order_by(Membership.type, Person.name_key, Membership.id)
    )
    if kind:
        stmt = stmt.where(Membership.type == organizations.org_type(kind))
    if tax_code:
        stmt = stmt.where(job.c.enterprise_id == enterprises.get_id(session, tax_code))
    out = []
    for row in session.connection().execute(stmt).mappings():
        record = dict(row)
        if record["type"] == "party":
            official_on = record["official_on"]
            official = official_on <= on if official_on else record["status"] == "official"
            record["status"] = "official" if official else "probationary"
        record["residence"] = bool(record["residence"])
        record["stable"] = None if record["stable"] is None else bool(record["stable"])
        out.append(record)
    return out


def show_person(session: Session, person_id: int) -> dict[str, Any]:
    person = get_person(session, person_id)
    conn = session.connection()
    jobs = conn.execute(
        select(
            Employment.id,
            Enterprise.tax_code.label("enterprise"),
            Employment.start_on,  # type: ignore[attr-defined]
            Employment.end_on,
            Employment.stable,
            Employment.role,
        )
        .join(Enterprise, Enterprise.id == Employment.enterprise_id)  # type: ignore[arg-type]
        .where(Employment.person_id == person_id)
        .order_by(Employment.start_on)  # type: ignore[arg-type]
    ).mappings()
    memberships = session.exec(
        select(Membership).where(Membership.person_id == person_id).order_by(Membership.id)  # type: ignore[call-overload,arg-type]
    ).scalars()
    return {
        "id": person.id,
        "name": person.full_name,
        "birth_date": person.birth_date,
        "gender": person.gender,
        "id_number": person.id_number,
        "employment": [{**dict(j), "stable": bool(j["stable"])} for j in jobs],
        "memberships": [member_record(session, m) for m in memberships],
    }


def list_persons(
    session: Session, search: str | None = None, on: date | None = None
) -> list[dict[str, Any]]:
    on = on or date.today()
    job = (
        select(Employment.person_id, Employment.enterprise_id)
        .where(history.employment_active(on))
        .subquery()
    )
    stmt = (
        select(
            Person.id,
            Person.full_name.label("name"),
            Person.birth_date,
            Person.gender,  # type: ignore[attr-defined]
            Person.id_number,
            Enterprise.tax_code.label("enterprise"),
        )  # type: ignore[attr-defined]
        .join(job, job.c.person_id == Person.id, isouter=True)
        .join(Enterprise, Enterprise.id == job.c.enterprise_id, isouter=True)  # type: ignore[arg-type]
        .order_by(Person.name_key, Person.id)
    )
    if search:
        stmt = stmt.where(Person.name_key.like(f"%{fold(search)}%"))  # type: ignore[attr-defined]
    return [dict(r) for r in session.connection().execute(stmt).mappings()]


def move(
    session: Session,
    person_id: int,
    tax_code: str,
    on: date,
    stable: bool = True,
    role: str | None = None,
) -> dict[str, Any]:
    """End the person's current employment on ``on`` and start a new one that day."""
    get_person(session, person_id)
    enterprise_id = enterprises.get_id(session, tax_code)
    role = validate.choice(role, ROLES, tr("vai trò", "role"))
    current = list(
        session.exec(
            select(Employment).where(
                Employment.person_id == person_id, history.employment_active(on)
            )  # type: ignore[call-overload]
        ).scalars()
    )
    if any(job.enterprise_id == enterprise_id for job in current):
        raise errors.StateError(
            detail=tr(
                f"người {person_id} đã làm việc tại {tax_code} vào ngày {on:%d/%m/%Y}",
                f"person {person_id} already works at {tax_code} on {on.isoformat()}",
            )
        )
    before = show_person(session, person_id)
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
    after = show_person(session, person_id)
    audit.record(session, "move", "person", person_id, before=before, after=after)
    return after


def erase(session: Session, person_id: int) -> dict[str, Any]:
    """Remove a person and everything about them (a data-protection request)."""
    from sqlalchemy import delete, update

    from dangdn_cli.models import Candidate

    get_person(session, person_id)
    conn = session.connection()
    membership_ids = select(Membership.id).where(Membership.person_id == person_id)
    conn.execute(
        update(Candidate)
        .where(and_(Candidate.membership_id.in_(membership_ids)))  # type: ignore[union-attr]
        .values(membership_id=None)
    )
    counts = {
        "candidates": conn.execute(
            delete(Candidate).where(Candidate.person_id == person_id)
        ).rowcount,
        "memberships": conn.execute(
            delete(Membership).where(Membership.person_id == person_id)
        ).rowcount,
        "employment": conn.execute(
            delete(Employment).where(Employment.person_id == person_id)
        ).rowcount,
    }
    conn.execute(delete(Person).where(Person.id == person_id))
    session.expunge_all()
    # The log keeps that an erasure happened, not who it was.
    audit.record(session, "erase", "person", person_id, after=counts)
    return {"id": person_id, "erased": counts}
