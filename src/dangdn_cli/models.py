"""The registry's tables (SPEC §1). Facts carry the date they take effect;
nothing is overwritten, so any past date can be queried.

Conventions: ``effective_on`` starts a fact that holds until the next one
of its kind; ``*_on`` end dates (``left_on``, ``end_on``, ``dissolved_on``)
are exclusive: the fact holds before that day, not on it.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Index, UniqueConstraint
from sqlmodel import Field, SQLModel


class Enterprise(SQLModel, table=True):
    """Identity of an enterprise; its attributes live in dated versions."""

    id: int | None = Field(default=None, primary_key=True)
    tax_code: str = Field(unique=True, max_length=14)
    founded_on: date | None = None
    created_at: datetime


class EnterpriseVersion(SQLModel, table=True):
    """The enterprise's descriptive attributes and flags from a date on."""

    __tablename__ = "enterprise_version"
    __table_args__ = (Index("ix_enterprise_version_at", "enterprise_id", "effective_on"),)

    id: int | None = Field(default=None, primary_key=True)
    enterprise_id: int = Field(foreign_key="enterprise.id")
    effective_on: date
    name: str
    name_key: str = Field(index=True)  # folded for accent-insensitive search
    sector: str = "tu_nhan"
    address: str | None = None
    commune: str | None = Field(default=None, index=True)
    district: str | None = None
    province: str | None = None
    zone: str | None = Field(default=None, index=True)
    owner_name: str | None = None
    stable_operation: bool = True
    law_compliant: bool = True


class EnterpriseStatus(SQLModel, table=True):
    __tablename__ = "enterprise_status"
    __table_args__ = (Index("ix_enterprise_status_at", "enterprise_id", "effective_on"),)

    id: int | None = Field(default=None, primary_key=True)
    enterprise_id: int = Field(foreign_key="enterprise.id")
    effective_on: date
    status: str


class Workforce(SQLModel, table=True):
    """A workforce snapshot; the one in force is the latest on or before a date."""

    __table_args__ = (Index("ix_workforce_at", "enterprise_id", "effective_on"),)

    id: int | None = Field(default=None, primary_key=True)
    enterprise_id: int = Field(foreign_key="enterprise.id")
    effective_on: date
    total: int = 0
    stable: int = 0
    female: int | None = None
    young: int | None = None


class Organization(SQLModel, table=True):
    __table_args__ = (Index("ix_organization_type_dates", "type", "founded_on", "dissolved_on"),)

    id: int | None = Field(default=None, primary_key=True)
    type: str
    name: str | None = None
    founded_on: date
    decision: str | None = None
    superior: str | None = None
    leader: str | None = None
    dissolved_on: date | None = None
    dissolution_decision: str | None = None
    created_at: datetime


class OrganizationEnterprise(SQLModel, table=True):
    """Which enterprises an organisation covers (a joint cell covers several)."""

    __tablename__ = "organization_enterprise"

    organization_id: int = Field(foreign_key="organization.id", primary_key=True)
    enterprise_id: int = Field(foreign_key="enterprise.id", primary_key=True, index=True)


class Person(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    full_name: str
    name_key: str = Field(index=True)
    birth_date: date | None = None
    gender: str | None = None
    id_number: str | None = Field(default=None, unique=True)
    created_at: datetime


class Employment(SQLModel, table=True):
    __table_args__ = (
        Index("ix_employment_enterprise", "enterprise_id", "start_on", "end_on"),
        Index("ix_employment_person", "person_id", "start_on"),
    )

    id: int | None = Field(default=None, primary_key=True)
    person_id: int = Field(foreign_key="person.id")
    enterprise_id: int = Field(foreign_key="enterprise.id")
    start_on: date
    end_on: date | None = None
    stable: bool = True
    role: str = "worker"


class Membership(SQLModel, table=True):
    """A person's membership of one kind. For the party: admitted on
    ``joined_on``, official from ``official_on`` (NULL with status
    ``official`` means official throughout)."""

    __table_args__ = (
        Index("ix_membership_type_person", "type", "person_id"),
        Index("ix_membership_org", "organization_id"),
    )

    id: int | None = Field(default=None, primary_key=True)
    person_id: int = Field(foreign_key="person.id")
    type: str
    organization_id: int | None = Field(default=None, foreign_key="organization.id")
    joined_on: date | None = None
    left_on: date | None = None
    status: str | None = None
    official_on: date | None = None
    residence: bool = False
    created_at: datetime


class Candidate(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    person_id: int = Field(foreign_key="person.id")
    enterprise_id: int = Field(foreign_key="enterprise.id", index=True)
    introduced_by: int | None = Field(default=None, foreign_key="organization.id")
    identified_on: date | None = None
    trained_on: date | None = None
    introduced_on: date | None = None
    admitted_on: date | None = None
    dropped_on: date | None = None
    membership_id: int | None = Field(default=None, foreign_key="membership.id")
    created_at: datetime


class ProfileEntry(SQLModel, table=True):
    __tablename__ = "profile"

    key: str = Field(primary_key=True)
    value: str


class Rule(SQLModel, table=True):
    """An eligibility threshold or a rating scale, with its source."""

    key: str = Field(primary_key=True)
    value: str
    source: str | None = None


class AuditLog(SQLModel, table=True):
    __tablename__ = "audit_log"

    id: int | None = Field(default=None, primary_key=True)
    at: datetime = Field(index=True)
    os_user: str
    command: str
    action: str
    entity: str
    entity_id: str | None = None
    before: str | None = None  # JSON
    after: str | None = None  # JSON


class Plan(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(unique=True)
    title: str
    issuer: str | None = None
    start_on: date
    end_on: date
    created_at: datetime


class PlanTarget(SQLModel, table=True):
    __tablename__ = "plan_target"
    __table_args__ = (UniqueConstraint("plan_id", "figure"),)

    id: int | None = Field(default=None, primary_key=True)
    plan_id: int = Field(foreign_key="plan.id")
    figure: str
    value: float


class PlanFunding(SQLModel, table=True):
    __tablename__ = "plan_funding"
    __table_args__ = (UniqueConstraint("plan_id", "org_type"),)

    id: int | None = Field(default=None, primary_key=True)
    plan_id: int = Field(foreign_key="plan.id")
    org_type: str
    amount: int  # whole VND for each organisation founded
    max_count: int  # the most organisations it pays for


class PlanCadreCap(SQLModel, table=True):
    __tablename__ = "plan_cadre_cap"
    __table_args__ = (UniqueConstraint("plan_id", "kind"),)

    id: int | None = Field(default=None, primary_key=True)
    plan_id: int = Field(foreign_key="plan.id")
    kind: str  # full_time | part_time
    cap: int


class Cadre(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    plan_id: int = Field(foreign_key="plan.id", index=True)
    name: str
    kind: str
    from_on: date
    to_on: date | None = None
    created_at: datetime


class CadreEnterprise(SQLModel, table=True):
    __tablename__ = "cadre_enterprise"

    cadre_id: int = Field(foreign_key="cadre.id", primary_key=True)
    enterprise_id: int = Field(foreign_key="enterprise.id", primary_key=True)


class Visit(SQLModel, table=True):
    __table_args__ = (Index("ix_visit_enterprise", "enterprise_id", "visited_on"),)

    id: int | None = Field(default=None, primary_key=True)
    enterprise_id: int = Field(foreign_key="enterprise.id")
    visited_on: date = Field(index=True)
    cadre: str
    met: str | None = None
    purpose: str = "survey"
    outcome: str | None = None
    next_step: str | None = None
    next_due_on: date | None = None
    created_at: datetime


class Activity(SQLModel, table=True):
    __table_args__ = (Index("ix_activity_org", "organization_id", "held_on"),)

    id: int | None = Field(default=None, primary_key=True)
    organization_id: int = Field(foreign_key="organization.id")
    kind: str  # study | congress | other
    held_on: date = Field(index=True)
    topic: str | None = None
    attendees: int | None = None
    party_attendees: int | None = None
    term_end_on: date | None = None
    created_at: datetime


class Rating(SQLModel, table=True):
    """A yearly rating; setting it again adds a row, the latest counts."""

    __table_args__ = (Index("ix_rating_org_year", "organization_id", "year"),)

    id: int | None = Field(default=None, primary_key=True)
    organization_id: int = Field(foreign_key="organization.id")
    year: int
    grade: str
    created_at: datetime


class Award(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    target_kind: str  # org | enterprise | person
    target_id: int
    awarded_on: date = Field(index=True)
    level: str
    decision: str | None = None
    title: str | None = None
    created_at: datetime


class EmulationModel(SQLModel, table=True):
    """A registered "Dân vận khéo" model."""

    __tablename__ = "emulation_model"

    id: int | None = Field(default=None, primary_key=True)
    organization_id: int = Field(foreign_key="organization.id")
    year: int = Field(index=True)
    name: str
    created_at: datetime
