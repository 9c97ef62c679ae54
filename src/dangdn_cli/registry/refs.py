"""Finding a record by the key a person types: an enterprise by its tax code,
an organisation, person, membership or candidate by its id; the state an
enterprise is in on a day; a code of the vocabulary as typed; and the LIKE
pattern of a search. Every aggregate of the registry looks records up here,
so none needs another's private helpers."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import cache
from typing import Any, TypeVar

import sqlmodel
from sqlalchemy import Date, bindparam, select
from sqlmodel import Session, col

from dangdn_cli import errors, validate
from dangdn_cli.models import (
    Candidate,
    Enterprise,
    EnterpriseVersion,
    Membership,
    Organization,
    Person,
)
from dangdn_cli.registry import history
from dangdn_cli.registry.errors import UnknownCandidate, UnknownMember, UnknownPerson
from dangdn_cli.vocabulary import Group

Record = TypeVar("Record")


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


def _get(
    session: Session, model: type[Record], record_id: int, missing: Callable[[], Exception]
) -> Record:
    """The record of ``model`` with that id, or the error ``missing`` makes."""
    found = session.get(model, record_id)
    if found is None:
        raise missing()
    return found


def organization(session: Session, org_id: int) -> Organization:
    return _get(session, Organization, org_id, lambda: errors.UnknownOrganization(org_id=org_id))


def person(session: Session, person_id: int) -> Person:
    return _get(session, Person, person_id, lambda: UnknownPerson(person_id=person_id))


def membership(session: Session, member_id: int) -> Membership:
    return _get(session, Membership, member_id, lambda: UnknownMember(member_id=member_id))


def candidate(session: Session, candidate_id: int) -> Candidate:
    return _get(
        session, Candidate, candidate_id, lambda: UnknownCandidate(candidate_id=candidate_id)
    )


def code(
    group: Group, value: str | None, option: str = "", among: tuple[str, ...] = ()
) -> str | None:
    """A code of ``group`` (or only ``among`` those) as typed; None stays None.
    Another word is an InvalidChoice naming the group's field (and the
    ``option`` it came by)."""
    field = group.field()
    field = field[:1].lower() + field[1:]
    choices = among or group.codes
    return validate.choice(value, choices, f"{field} ({option})" if option else field)


def like(text: str) -> str:
    """A LIKE pattern for a substring, with the user's % and _ taken literally."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"
