"""The demo district's fieldwork (examples/district/visits.csv, activities.csv,
ratings.csv, awards.csv, models.csv), loaded through the registry's own
functions after enterprises, organisations and members."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

from sqlalchemy import select
from sqlmodel import Session

from dangdn_cli import errors, validate
from dangdn_cli.i18n import clean_text
from dangdn_cli.models import Person
from dangdn_cli.registry import activities, outreach, recognition, refs
from dangdn_cli.registry.history import table_of

FIELDWORK_FILES = ("visits.csv", "activities.csv", "ratings.csv", "awards.csv", "models.csv")


class FieldworkExampleError(errors.ValidationError):
    vi = "Dữ liệu mẫu {file}, dòng {row}: {message}"
    en = "Example data {file}, row {row}: {message}"


def _rows(path: Path) -> list[dict[str, str]]:
    if not path.exists():
        return []
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return [
            {(k or "").strip(): (v or "").strip() for k, v in row.items()}
            for row in csv.DictReader(handle)
        ]


def _opt(row: dict[str, str], key: str) -> str | None:
    return row.get(key) or None


def _int(row: dict[str, str], key: str) -> int | None:
    value = row.get(key)
    return int(value) if value else None


def _day(row: dict[str, str], key: str) -> date | None:
    return validate.parse_date(row.get(key) or None)


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
            from dangdn_cli.models import Organization, OrganizationEnterprise

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


def _load_row(session: Session, keys: _Keys, file_name: str, row: dict[str, str]) -> None:
    if file_name == "visits.csv":
        outreach.add_visit(
            session,
            row["tax_code"],
            validate.require_date(row.get("visited_on"), "visited_on"),
            row.get("cadre"),
            met=_opt(row, "met"),
            purpose=_opt(row, "purpose"),
            outcome=_opt(row, "outcome"),
            next_step=_opt(row, "next_step"),
            next_due_on=_day(row, "next_due_on"),
        )
    elif file_name == "activities.csv":
        activities.add(
            session,
            keys.org(row["org"]),
            row["kind"],
            validate.require_date(row.get("held_on"), "held_on"),
            topic=_opt(row, "topic"),
            attendees=_int(row, "attendees"),
            party_attendees=_int(row, "party_attendees"),
            term_end_on=_day(row, "term_end_on"),
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
            decision=_opt(row, "decision"),
            title=_opt(row, "title"),
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
    counts: dict[str, int] = {}
    for file_name in FIELDWORK_FILES:
        rows = _rows(folder / file_name)
        for number, row in enumerate(rows, start=2):
            try:
                _load_row(session, keys, file_name, row)
            except errors.DangdnError as exc:
                raise FieldworkExampleError(
                    file=file_name, row=number, message=exc.message()
                ) from exc
            except (KeyError, ValueError) as exc:
                raise FieldworkExampleError(file=file_name, row=number, message=repr(exc)) from exc
        counts[file_name] = len(rows)
    return counts
