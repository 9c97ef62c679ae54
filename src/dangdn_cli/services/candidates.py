"""The candidate pipeline (quần chúng ưu tú): identified, trained,
introduced, admitted or dropped. Admission creates the probationary party
membership."""

from __future__ import annotations

from datetime import date, datetime, timezone
from typing import Any

from sqlalchemy import select
from sqlmodel import Session

from dangdn_cli import audit, errors, validate
from dangdn_cli.i18n import tr
from dangdn_cli.models import (
    STAGES,
    Candidate,
    Enterprise,
    Membership,
    Organization,
    OrganizationEnterprise,
    Person,
)
from dangdn_cli.services import enterprises, history, organizations, people

ORDER = ("identified", "trained", "introduced", "admitted")
FINAL = ("admitted", "dropped")


def get(session: Session, candidate_id: int) -> Candidate:
    candidate = session.get(Candidate, candidate_id)
    if candidate is None:
        raise errors.UnknownCandidate(candidate_id=candidate_id)
    return candidate


def stage_on(candidate: Candidate | dict[str, Any], on: date | None = None) -> str | None:
    """The furthest stage reached on or before ``on`` (dropped ends the pipeline)."""

    def value(stage: str) -> date | None:
        if isinstance(candidate, dict):
            return candidate.get(f"{stage}_on")
        return getattr(candidate, f"{stage}_on")

    reached = None
    for stage in (*ORDER, "dropped"):
        when = value(stage)
        if when is not None and (on is None or when <= on):
            reached = stage
    return reached


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
    enterprise_id = enterprises.get_id(session, tax_code)
    if introduced_by is not None:
        organizations.get(session, introduced_by)
    identified = identified or date.today()
    if person_id is not None:
        person = people.get_person(session, person_id)
    else:
        person = people.new_person(session, name or "", birth, gender, id_number)
    assert person.id is not None
    people.employ(session, person.id, enterprise_id, identified, True, "worker")
    candidate = Candidate(
        person_id=person.id,
        enterprise_id=enterprise_id,
        introduced_by=introduced_by,
        identified_on=identified,
        created_at=datetime.now(timezone.utc),
    )
    session.add(candidate)
    session.flush()
    record = show(session, candidate.id or 0)
    audit.record(session, "add", "candidate", candidate.id, after=record)
    return record


def advance(session: Session, candidate_id: int, stage: str, on: date) -> dict[str, Any]:
    stage = validate.choice(stage, STAGES[1:], tr("giai đoạn", "stage")) or ""
    candidate = get(session, candidate_id)
    current = stage_on(candidate)
    if current in FINAL:
        raise errors.StateError(
            detail=tr(
                f"quần chúng {candidate_id} đã ở giai đoạn cuối ({current})",
                f"candidate {candidate_id} has already reached a final stage ({current})",
            )
        )
    if getattr(candidate, f"{stage}_on") is not None:
        raise errors.StateError(
            detail=tr(
                f"quần chúng {candidate_id} đã qua giai đoạn {stage}",
                f"candidate {candidate_id} already reached the stage {stage}",
            )
        )
    previous = max(
        (d for d in (candidate.identified_on, candidate.trained_on, candidate.introduced_on) if d),
        default=None,
    )
    validate.not_before(previous, on, tr("giai đoạn trước", "previous stage"), tr(stage, stage))
    before = show(session, candidate_id)
    setattr(candidate, f"{stage}_on", on)
    if stage == "admitted":
        # Admission: the probationary party membership, in the cell covering the workplace.
        cell = (
            session.connection()
            .execute(
                select(Organization.id)
                .join(
                    OrganizationEnterprise,
                    OrganizationEnterprise.organization_id == Organization.id,
                )  # type: ignore[arg-type]
                .where(
                    OrganizationEnterprise.enterprise_id == candidate.enterprise_id,
                    Organization.type == "party",
                    history.org_active(on),
                )
                .order_by(Organization.id)
            )
            .first()
        )
        membership = Membership(
            person_id=candidate.person_id,
            type="party",
            organization_id=cell[0] if cell else None,
            joined_on=on,
            status="probationary",
            created_at=datetime.now(timezone.utc),
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


def _select() -> Any:
    return (
        select(
            Candidate.id,
            Candidate.person_id,
            Person.full_name.label("name"),  # type: ignore[attr-defined]
            Enterprise.tax_code.label("enterprise"),
            Candidate.introduced_by,  # type: ignore[attr-defined]
            Candidate.identified_on,
            Candidate.trained_on,
            Candidate.introduced_on,
            Candidate.admitted_on,
            Candidate.dropped_on,
            Candidate.membership_id,
        )
        .join(Person, Person.id == Candidate.person_id)  # type: ignore[arg-type]
        .join(Enterprise, Enterprise.id == Candidate.enterprise_id)  # type: ignore[arg-type]
    )


def show(session: Session, candidate_id: int) -> dict[str, Any]:
    get(session, candidate_id)
    row = (
        session.connection().execute(_select().where(Candidate.id == candidate_id)).mappings().one()
    )
    return _record(dict(row), None)


def list_(
    session: Session, stage: str | None = None, on: date | None = None
) -> list[dict[str, Any]]:
    """Candidates identified by ``on``, each with the stage reached that day."""
    stage = validate.choice(stage, STAGES, tr("giai đoạn", "stage"))
    stmt = _select().order_by(Person.name_key, Candidate.id)
    if on is not None:
        stmt = stmt.where(Candidate.identified_on <= on)  # type: ignore[operator]
    records = [_record(dict(r), on) for r in session.connection().execute(stmt).mappings()]
    return [r for r in records if stage is None or r["stage"] == stage]
