"""Memberships: a person's place in the party, a trade union, the youth
union, a women's or veterans' association, from the day they joined until
the day they left (exclusive). A party member is probationary until the day
they are made official. A membership is added (creating the person and their
job unless given), promoted, ended, listed as of a day, and shown with the
person and their employer that day."""

from __future__ import annotations

from datetime import date
from functools import cache
from typing import Any

from sqlalchemy import Date, bindparam, or_, select
from sqlmodel import Session, col

from dangdn_cli import clock, errors, validate
from dangdn_cli.i18n import fmt_date, tr
from dangdn_cli.models import Membership, Person
from dangdn_cli.registry import audit, history, organizations, people, refs
from dangdn_cli.registry.errors import (
    AlreadyLeft,
    AlreadyOfficial,
    DuplicateMembership,
    NotPartyMember,
)
from dangdn_cli.vocabulary import PARTY_STATUS, ROLE, labels


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


def _check_party_options(
    kind: str,
    joined: date | None,
    status: str | None,
    official_on: date | None,
    org_id: int | None,
    residence: bool,
) -> str | None:
    """The party status a new membership starts with (None for other kinds);
    the party-only options given to another kind are refused."""
    if kind != "party":
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
        return None
    status = validate.choice(
        status or "official", PARTY_STATUS.codes, tr("đảng tịch (--status)", "party status")
    )
    validate.not_before(
        joined, official_on, tr("kết nạp", "admission"), tr("chính thức", "official")
    )
    if residence and org_id is not None:
        raise errors.ResidenceWithOrg()
    return status


def _check_org(session: Session, org_id: int, kind: str, joined: date | None) -> None:
    """The organisation is of the membership's kind and not dissolved by ``joined``."""
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
    role = refs.code(ROLE, role) or "worker"
    status = _check_party_options(kind, joined, status, official_on, org_id, residence)
    enterprise_id = refs.enterprise_id(session, tax_code)
    if org_id is not None:
        _check_org(session, org_id, kind, joined)
    if person_id is not None:
        person = refs.person(session, person_id)
        assert person.id is not None
        clash = _overlapping(session, person.id, kind, joined)
        if clash is not None:
            names = labels("member_type", kind)
            raise DuplicateMembership(
                person_id=person.id, member_id=clash, kind_vi=names["vi"], kind_en=names["en"]
            )
    else:
        person = people.new_person(session, name or "", birth, gender, id_number)
    assert person.id is not None
    start = employed_from or joined or clock.today()
    people.employ(session, person.id, enterprise_id, start, stable, role)
    membership = Membership(
        person_id=person.id,
        type=kind,
        organization_id=org_id,
        joined_on=joined,
        status=status,
        official_on=official_on if kind == "party" else None,
        residence=residence,
        created_at=clock.now(),
    )
    shown_on = max(start, clock.today())
    return audit.added(
        session, membership, "membership", lambda _: member_record(session, membership, shown_on)
    )


def member_record(
    session: Session, membership: Membership, on: date | None = None
) -> dict[str, Any]:
    """A membership with its person and their employer on ``on`` (default today)."""
    on = on or clock.today()
    params = {"on": on, "member_id": membership.id}
    row = session.connection().execute(_member_by_id(), params).mappings().one()
    return history.member_row(row, on)


@cache
def _member_by_id() -> Any:
    # Built once with parameters: building this select costs more than running it.
    on = bindparam("on", type_=Date)
    return history.memberships_on(on).where(col(Membership.id) == bindparam("member_id"))


def party_status(membership: Membership, on: date) -> str | None:
    """A party member's status on ``on`` (None for other memberships)."""
    if membership.type != "party":
        return None
    official = history.is_official(membership.official_on, membership.status, on)
    return "official" if official else "probationary"


def _change(
    session: Session, membership: Membership, action: str, on: date, **fields: Any
) -> dict[str, Any]:
    """Set ``fields`` on the membership, with an audit row of the record as
    it was and is on ``on``."""
    before = member_record(session, membership, on)
    for name, value in fields.items():
        setattr(membership, name, value)
    session.add(membership)
    session.flush()
    after = member_record(session, membership, on)
    audit.record(session, action, "membership", membership.id, before=before, after=after)
    return after


def promote(session: Session, member_id: int, on: date) -> dict[str, Any]:
    """Make a probationary party member official from ``on``."""
    membership = refs.membership(session, member_id)
    if membership.type != "party":
        raise NotPartyMember(member_id=member_id)
    if party_status(membership, on) == "official":
        raise AlreadyOfficial(member_id=member_id, on=fmt_date(on))
    if membership.left_on is not None and membership.left_on <= on:
        raise AlreadyLeft(member_id=member_id, on=fmt_date(membership.left_on))
    validate.not_before(
        membership.joined_on, on, tr("kết nạp", "admission"), tr("chính thức", "official")
    )
    return _change(session, membership, "promote", on, status="official", official_on=on)


def leave(session: Session, member_id: int, on: date) -> dict[str, Any]:
    """End a membership on ``on`` (in force before that day, not on it)."""
    membership = refs.membership(session, member_id)
    if membership.left_on is not None:
        raise AlreadyLeft(member_id=member_id, on=fmt_date(membership.left_on))
    validate.not_before(membership.joined_on, on, tr("vào", "joining"), tr("rời", "leaving"))
    return _change(session, membership, "leave", on, left_on=on)


def list_members(
    session: Session,
    kind: str | None = None,
    tax_code: str | None = None,
    on: date | None = None,
    org_id: int | None = None,
) -> list[dict[str, Any]]:
    """Memberships in force on ``on``, with each person's employer that day
    (with ``tax_code``: only people employed there that day)."""
    on = on or clock.today()
    enterprise_id = refs.enterprise_id(session, tax_code) if tax_code else None
    stmt = history.memberships_on(on, enterprise_id).where(history.membership_active(on))
    if kind:
        stmt = stmt.where(col(Membership.type) == organizations.org_type(kind))
    if org_id is not None:
        refs.organization(session, org_id)
        stmt = stmt.where(col(Membership.organization_id) == org_id)
    stmt = stmt.order_by(col(Membership.type), col(Person.name_key), col(Membership.id))
    return [history.member_row(r, on) for r in session.connection().execute(stmt).mappings()]
