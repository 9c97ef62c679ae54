"""Outreach visits: a cadre's visit to or meeting with an enterprise, the
next step agreed and its due date; what is due; the demo's fieldwork data.

When a follow-up is closed (one simple rule, used everywhere: ``visit list
--overdue``, ``dangdn due``, the report's ``outreach.overdue_follow_ups``):
a visit's next step is *closed* as of a day D by any later visit to the
same enterprise on or before D ("later" = a later day, or the same day and
recorded after it). The later visit carries its own next step, if any.
A follow-up that is not closed is *overdue* on D when its due date is
before D (on the due day itself there is still time).
"""

from __future__ import annotations

import csv
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any

from sqlalchemy import Select, and_, case, exists, literal, or_, select
from sqlalchemy.sql import ColumnElement
from sqlmodel import Session

from dangdn_cli import errors, validate
from dangdn_cli.i18n import clean_text, fmt_date, tr
from dangdn_cli.models import Enterprise, EnterpriseVersion, Visit
from dangdn_cli.registry import audit
from dangdn_cli.registry.history import table_of

PURPOSES = ("survey", "advocacy", "founding", "other")
PURPOSE_LABELS = {
    "survey": ("khảo sát", "survey"),
    "advocacy": ("tuyên truyền, vận động", "advocacy"),
    "founding": ("chuẩn bị thành lập tổ chức", "preparing a founding"),
    "other": ("khác", "other"),
}
FOLLOW_UP_LABELS = {
    "open": ("chưa đến hạn", "open"),
    "overdue": ("quá hạn", "overdue"),
    "closed": ("đã gặp lại", "closed"),
}


VISIT = table_of(Visit)
ENTERPRISE = table_of(Enterprise)


class NextDueBeforeVisit(errors.ValidationError):
    """Hạn của bước tiếp theo ({due}) không được trước ngày gặp ({visited})."""

    en = "The next step's due date ({due}) cannot be before the visit ({visited})."


def purpose_label(code: Any) -> str:
    return tr(*PURPOSE_LABELS[code]) if code in PURPOSE_LABELS else str(code or "")


def follow_up_label(code: Any) -> str:
    return tr(*FOLLOW_UP_LABELS[code]) if code in FOLLOW_UP_LABELS else ""


def _closed(visit: Any, on: date) -> ColumnElement[bool]:
    """A later visit to the same enterprise on or before ``on`` closes ``visit``'s step."""
    later = VISIT.alias("later")
    return exists().where(
        later.c.enterprise_id == visit.c.enterprise_id,
        later.c.visited_on <= on,
        or_(
            later.c.visited_on > visit.c.visited_on,
            and_(later.c.visited_on == visit.c.visited_on, later.c.id > visit.c.id),
        ),
    )


def overdue_condition(visit: Any, on: date) -> ColumnElement[bool]:
    """``visit`` (a Visit table or alias) holds a follow-up overdue on ``on``."""
    return and_(
        visit.c.visited_on <= on,
        visit.c.next_due_on.is_not(None),
        visit.c.next_due_on < on,
        ~_closed(visit, on),
    )


def current_name(enterprise_id: Any) -> Any:
    """Scalar subquery: an enterprise's latest recorded name (one index probe
    per row, instead of ranking every version for a few rows)."""
    version = table_of(EnterpriseVersion)
    return (
        select(version.c.name)
        .where(version.c.enterprise_id == enterprise_id)
        .order_by(version.c.effective_on.desc(), version.c.id.desc())
        .limit(1)
        .scalar_subquery()
    )


def _select(on: date, *, overdue: bool = False) -> Select[Any]:
    """Visits with the enterprise's current name and the follow-up state on
    ``on``; only those overdue on ``on`` with ``overdue``."""
    v = VISIT.alias("v")
    follow_up: Any = case(
        (v.c.next_due_on.is_(None), literal(None)),
        (_closed(v, on), literal("closed")),
        (v.c.next_due_on < on, literal("overdue")),
        else_=literal("open"),
    )
    if overdue:
        follow_up = literal("overdue")  # known: spare a second probe per row
    stmt = (
        select(
            v.c.id,
            v.c.enterprise_id,
            ENTERPRISE.c.tax_code,
            current_name(v.c.enterprise_id).label("enterprise_name"),
            v.c.visited_on,
            v.c.cadre,
            v.c.met,
            v.c.purpose,
            v.c.outcome,
            v.c.next_step,
            v.c.next_due_on,
            follow_up.label("follow_up"),
        )
        .select_from(v)
        .join(ENTERPRISE, ENTERPRISE.c.id == v.c.enterprise_id)
    )
    # Filter with the plain condition: filtering on the CASE costs twice as much.
    return stmt.where(overdue_condition(v, on)) if overdue else stmt


def _record(row: Any, on: date) -> dict[str, Any]:
    out = dict(row)
    due = out.get("next_due_on")
    overdue = out.get("follow_up") == "overdue"
    out["days_overdue"] = (on - due).days if overdue and due is not None else None
    return out


def show_visit(session: Session, visit_id: int, on: date | None = None) -> dict[str, Any]:
    on = on or date.today()
    stmt = _select(on)
    row = session.connection().execute(stmt.where(stmt.selected_columns.id == visit_id)).mappings()
    return _record(row.one(), on)


def add_visit(
    session: Session,
    tax_code: str,
    visited_on: date,
    cadre: str | None,
    *,
    met: str | None = None,
    purpose: str | None = "survey",
    outcome: str | None = None,
    next_step: str | None = None,
    next_due_on: date | None = None,
) -> dict[str, Any]:
    """Record a visit. Errors: an empty cadre name, an unknown purpose, an
    unknown enterprise, a next-step due date before the visit."""
    from dangdn_cli.registry import enterprises

    cadre_name = validate.required_text(cadre, tr("Tên cán bộ (--cadre)", "Cadre name (--cadre)"))
    kind = validate.choice(purpose or "survey", PURPOSES, tr("mục đích", "purpose")) or "survey"
    enterprise_id = enterprises.get_id(session, tax_code)
    if next_due_on is not None and next_due_on < visited_on:
        raise NextDueBeforeVisit(due=fmt_date(next_due_on), visited=fmt_date(visited_on))
    visit = Visit(
        enterprise_id=enterprise_id,
        visited_on=visited_on,
        cadre=cadre_name,
        met=clean_text(met),
        purpose=kind,
        outcome=clean_text(outcome),
        next_step=clean_text(next_step),
        next_due_on=next_due_on,
        created_at=datetime.now(timezone.utc),
    )
    session.add(visit)
    session.flush()
    assert visit.id is not None
    record = show_visit(session, visit.id)
    audit.record(session, "add", "visit", visit.id, after=record)
    return record


def list_visits(
    session: Session,
    on: date | None = None,
    *,
    overdue: bool = False,
    tax_code: str | None = None,
) -> list[dict[str, Any]]:
    """Visits, newest first, each with its follow-up state on ``on`` (default
    today). Given ``on``, only visits up to that day; ``overdue``: only those
    whose follow-up is overdue on ``on`` (see the module docstring)."""
    from dangdn_cli.registry import enterprises

    as_of = on or date.today()
    stmt = _select(as_of, overdue=overdue)
    c = stmt.selected_columns
    if on is not None:
        stmt = stmt.where(c.visited_on <= as_of)
    if tax_code:
        stmt = stmt.where(c.enterprise_id == enterprises.get_id(session, tax_code))
    if overdue:
        stmt = stmt.order_by(c.next_due_on, c.id)
    else:
        stmt = stmt.order_by(c.visited_on.desc(), c.id.desc())
    return [_record(r, as_of) for r in session.connection().execute(stmt).mappings()]


def latest_visits(
    session: Session, enterprise_id: int, limit: int = 3, on: date | None = None
) -> list[dict[str, Any]]:
    """The enterprise's latest visits on or before ``on`` (default today),
    newest first, with the follow-up state that day (for ``enterprise show``)."""
    on = on or date.today()
    stmt = _select(on)
    c = stmt.selected_columns
    stmt = (
        stmt.where(c.enterprise_id == enterprise_id, c.visited_on <= on)
        .order_by(c.visited_on.desc(), c.id.desc())
        .limit(limit)
    )
    return [_record(r, on) for r in session.connection().execute(stmt).mappings()]


def due_items(session: Session, on: date) -> list[dict[str, Any]]:
    """What needs doing as of ``on``, most urgent first, for ``dangdn due``.

    Each item has ``kind`` (``overdue_follow_up``, ``term_expired`` — the
    current term ended before ``on`` and no congress opened a new one —, or
    ``term_ending`` — it ends within 6 months), ``due_on``, ``days`` (days
    left; negative when past), the subject (``tax_code``/``enterprise_name``
    or ``org_id``/``org_type``/``org_name``) and ``description`` (one line for
    a person, in the current language).
    """
    from dangdn_cli.registry import activities

    items: list[dict[str, Any]] = []
    for visit in list_visits(session, on, overdue=True):
        name = visit["enterprise_name"] or visit["tax_code"]
        step = visit["next_step"] or tr("bước tiếp theo", "the next step")
        items.append(
            {
                "kind": "overdue_follow_up",
                "due_on": visit["next_due_on"],
                "days": -visit["days_overdue"],
                "visit_id": visit["id"],
                "tax_code": visit["tax_code"],
                "enterprise_name": visit["enterprise_name"],
                "cadre": visit["cadre"],
                "next_step": visit["next_step"],
                "description": tr(
                    f"Quá hạn {visit['days_overdue']} ngày: {step} tại {name} "
                    f"(hạn {fmt_date(visit['next_due_on'])}, cán bộ {visit['cadre']}).",
                    f"{visit['days_overdue']} days overdue: {step} at {name} "
                    f"(due {fmt_date(visit['next_due_on'])}, cadre {visit['cadre']}).",
                ),
            }
        )
    for term in activities.terms_due(session, on):
        items.append(term)
    items.sort(key=lambda item: (item["due_on"], item["kind"]))
    return items


# --- the demo district's fieldwork (examples/district/*.csv) ---------------------

FIELDWORK_FILES = ("visits.csv", "activities.csv", "ratings.csv", "awards.csv", "models.csv")


class FieldworkExampleError(errors.ValidationError):
    """Dữ liệu mẫu {file}, dòng {row}: {message}"""

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
            from dangdn_cli.registry import enterprises

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
                        link.c.enterprise_id == enterprises.get_id(self.session, first),
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
            from dangdn_cli.models import Person

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
    from dangdn_cli.registry import activities, recognition

    if file_name == "visits.csv":
        add_visit(
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
