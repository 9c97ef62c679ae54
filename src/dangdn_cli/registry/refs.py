"""Finding a record by the key a person types: an enterprise by its tax code,
an organisation, person or membership by its id; the state an enterprise is
in on a day; and the LIKE pattern of a search. Every aggregate of the
registry looks records up here, so none needs another's private helpers."""

from __future__ import annotations

from datetime import date
from functools import cache
from typing import Any

import sqlmodel
from sqlalchemy import Date, bindparam, select
from sqlmodel import Session, col

from dangdn_cli import errors, validate
from dangdn_cli.models import Enterprise, EnterpriseVersion, Membership, Organization, Person
from dangdn_cli.registry import history


@cache
def _id_by_code() -> Any:
    return select(col(Enterprise.id)).where(col(Enterprise.tax_code) == bindparam("code"))


def find_enterprise(session: Session, code: str) -> int | None:
    """The id of an already validated tax code, or None. Ids are remembered
    for the session's transaction (an enterprise is never deleted)."""
    known: dict[str, int] = session.info.setdefault("enterprise_ids", {})
    if code in known:
        return known[code]
    value = session.connection().execute(_id_by_code(), {"code": code}).scalar()
    if value is None:
        return None
    known[code] = int(value)
    return known[code]


def enterprise_id(session: Session, tax_code: str) -> int:
    """The enterprise id for a tax code, or UnknownEnterprise."""
    code = validate.tax_code(tax_code)
    found = find_enterprise(session, code)
    if found is None:
        raise errors.UnknownEnterprise(tax_code=code)
    return found


def tax_code_of(session: Session, enterprise: int) -> str:
    ent = session.get(Enterprise, enterprise)
    assert ent is not None
    return ent.tax_code


@cache
def _state_of_one() -> Any:
    # Built once with parameters: building this select costs more than running it.
    return history.enterprise_state(bindparam("on", type_=Date), bindparam("enterprise_id"))


def enterprise_state(session: Session, enterprise: int, on: date) -> dict[str, Any] | None:
    """The enterprise's facts in force on ``on`` (None before its first recorded day)."""
    params = {"on": on, "enterprise_id": enterprise}
    row = session.connection().execute(_state_of_one(), params).mappings().first()
    return None if row is None else dict(row)


def first_version(session: Session, enterprise: int) -> EnterpriseVersion:
    """The enterprise's first recorded attributes (for a day before it was registered)."""
    first = session.exec(
        sqlmodel.select(EnterpriseVersion)
        .where(col(EnterpriseVersion.enterprise_id) == enterprise)
        .order_by(col(EnterpriseVersion.effective_on), col(EnterpriseVersion.id))
    ).first()
    assert first is not None
    return first


def organization(session: Session, org_id: int) -> Organization:
    org = session.get(Organization, org_id)
    if org is None:
        raise errors.UnknownOrganization(org_id=org_id)
    return org


def person(session: Session, person_id: int) -> Person:
    found = session.get(Person, person_id)
    if found is None:
        raise errors.UnknownPerson(person_id=person_id)
    return found


def membership(session: Session, member_id: int) -> Membership:
    found = session.get(Membership, member_id)
    if found is None:
        raise errors.UnknownMember(member_id=member_id)
    return found


def like(text: str) -> str:
    """A LIKE pattern for a substring, with the user's % and _ taken literally."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"
