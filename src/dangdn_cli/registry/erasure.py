"""Erasing a person on a data-protection request: the person, their
memberships, candidacies, employment and awards are deleted, and the audit
log keeps that changes happened but not who they were about. The rows about
the person, their memberships and candidacies lose their before/after and
command; elsewhere their name and citizen ID are replaced by a marker (so a
namesake's rows lose the name too, which errs on the safe side)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import and_, case, delete, func, or_, select, update
from sqlmodel import Session, col

from dangdn_cli.models import AuditLog, Award, Candidate, Employment, Membership, Person
from dangdn_cli.registry import audit, refs

ERASED = "[đã xóa / erased]"


def erase(session: Session, person_id: int) -> dict[str, Any]:
    """Remove a person and everything about them; scrub the audit log of them
    (see the module docstring). Returns how many rows of each kind went."""
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
