"""The demo district's fieldwork (examples/district/visits.csv, activities.csv,
ratings.csv, awards.csv, models.csv), loaded through the registry's own
functions after enterprises, organisations and members."""

from __future__ import annotations

from functools import partial
from pathlib import Path

from sqlalchemy import select
from sqlmodel import Session

from dangdn_cli import errors, validate
from dangdn_cli.demo.errors import FieldworkExampleError
from dangdn_cli.demo.rows import Row, day, load_rows, number, read_csv, text
from dangdn_cli.i18n import clean_text
from dangdn_cli.models import Organization, OrganizationEnterprise, Person
from dangdn_cli.registry import activities, outreach, recognition, refs
from dangdn_cli.registry.history import table_of

FIELDWORK_FILES = ("visits.csv", "activities.csv", "ratings.csv", "awards.csv", "models.csv")


def _rows(path: Path) -> list[Row]:
    """The rows of an example file; none when the folder lacks it."""
    return read_csv(path) if path.exists() else []


class _Keys:
    """Resolves the example files' keys to registry ids: an organisation by
    its ``key`` in organizations.csv (type, first enterprise, founding date),
    a person by their ``person`` key in members.csv (citizen ID, else name)."""

    def __init__(self, session: Session, folder: Path) -> None:
        self.session = session
        self.orgs = {r["key"]: r for r in _rows(folder / "organizations.csv") if r.get("key")}
        self.persons: dict[str, dict[str, str]] = {}
        for r in _rows(folder / "members.csv"):
            self.persons.setdefault(r.get("person", ""), r)
        self.cache: dict[tuple[str, str], int] = {}

    def org(self, key: str) -> int:
        if key.isdigit():
            return int(key)
        if ("org", key) not in self.cache:
            spec = self.orgs.get(key)
            if spec is None:
                raise errors.NotFound(detail=f"organizations.csv: {key}")
            first = spec["enterprises"].split(";")[0].strip()
            org, link = table_of(Organization), table_of(OrganizationEnterprise)
            found = (
                self.session.connection()
                .execute(
                    select(org.c.id)
                    .join(link, link.c.organization_id == org.c.id)
                    .where(
                        link.c.enterprise_id == refs.enterprise_id(self.session, first),
                        org.c.type == spec["type"],
                        org.c.founded_on == validate.parse_date(spec["founded"]),
                    )
                    .order_by(org.c.id)
                )
                .first()
            )
            if found is None:
                raise errors.NotFound(detail=f"organizations.csv: {key}")
            self.cache[("org", key)] = int(found[0])
        return self.cache[("org", key)]

    def person(self, key: str) -> int:
        if key.isdigit():
            return int(key)
        if ("person", key) not in self.cache:
            spec = self.persons.get(key)
            if spec is None:
                raise errors.NotFound(detail=f"members.csv: {key}")
            person = table_of(Person)
            stmt = select(person.c.id).order_by(person.c.id)
            if spec.get("id_number"):
                stmt = stmt.where(person.c.id_number == spec["id_number"])
            else:
                stmt = stmt.where(person.c.full_name == clean_text(spec["name"]))
            found = self.session.connection().execute(stmt).first()
            if found is None:
                raise errors.NotFound(detail=f"members.csv: {key}")
            self.cache[("person", key)] = int(found[0])
        return self.cache[("person", key)]


def _load_row(session: Session, keys: _Keys, file_name: str, row: Row) -> None:
    if file_name == "visits.csv":
        outreach.add_visit(
            session,
            row["tax_code"],
            validate.require_date(row.get("visited_on"), "visited_on"),
            row.get("cadre"),
            met=text(row, "met"),
            purpose=text(row, "purpose"),
            outcome=text(row, "outcome"),
            next_step=text(row, "next_step"),
            next_due_on=day(row, "next_due_on"),
        )
    elif file_name == "activities.csv":
        activities.add(
            session,
            keys.org(row["org"]),
            row["kind"],
            validate.require_date(row.get("held_on"), "held_on"),
            topic=text(row, "topic"),
            attendees=number(row, "attendees"),
            party_attendees=number(row, "party_attendees"),
            term_end_on=day(row, "term_end_on"),
        )
    elif file_name == "ratings.csv":
        recognition.set_rating(session, keys.org(row["org"]), int(row["year"]), row["grade"])
    elif file_name == "awards.csv":
        kind = row["to"]
        target = {
            "org": lambda: str(keys.org(row["org"])),
            "person": lambda: str(keys.person(row["person"])),
        }.get(kind, lambda: row["tax_code"])()
        recognition.add_award(
            session,
            kind,
            target,
            validate.require_date(row.get("awarded_on"), "awarded_on"),
            row.get("level"),
            decision=text(row, "decision"),
            title=text(row, "title"),
        )
    else:
        recognition.add_model(session, keys.org(row["org"]), int(row["year"]), row.get("name"))


def load_fieldwork_examples(session: Session, folder: Path) -> dict[str, int]:
    """Load the fieldwork example files of ``folder`` (FIELDWORK_FILES; a
    missing file is skipped) through the same checks as the commands, after
    enterprises, organisations and members are loaded. Organisations are
    named by their ``org`` key in organizations.csv, persons by their
    ``person`` key in members.csv, enterprises by ``tax_code``. A bad row
    raises FieldworkExampleError with the file and row number (header = 1).
    Returns the rows loaded per file name."""
    keys = _Keys(session, folder)
    return {
        name: load_rows(
            name,
            _rows(folder / name),
            partial(_load_row, session, keys, name),
            FieldworkExampleError,
        )
        for name in FIELDWORK_FILES
    }
