"""Recognition: yearly quality ratings of organisations, awards (khen thưởng)
to organisations, enterprises or persons, and registered "Dân vận khéo"
emulation models.

A rating is set once per organisation and year; setting it again adds a row
(the old one stays, as the record of the change) and the latest counts.
Grades are codes from the organisation type's scale in the rules table
(``rating.<type>.grades``, best first), shown to people in Vietnamese.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import Select, and_, func, select
from sqlmodel import Session

from dangdn_cli import clock, validate
from dangdn_cli.i18n import clean_text, fmt_date, fold, tr
from dangdn_cli.models import (
    Award,
    EmulationModel,
    Enterprise,
    Organization,
    Person,
    Rating,
)
from dangdn_cli.registry import audit, history, organizations, refs, rules
from dangdn_cli.registry.errors import (
    DuplicateModel,
    InvalidGrade,
    InvalidTargetId,
    InvalidYear,
    YearOutsideOrgLife,
)
from dangdn_cli.registry.history import table_of
from dangdn_cli.vocabulary import AWARD_TARGET, ORG_TYPE, grade_label, grade_pair, key

RATING = table_of(Rating)
AWARD = table_of(Award)
MODEL = table_of(EmulationModel)
ORG = table_of(Organization)
ENTERPRISE = table_of(Enterprise)
PERSON = table_of(Person)


MIN_YEAR, MAX_YEAR = 1930, 2100


def _one(session: Session, stmt: Select[Any], record_id: Any) -> dict[str, Any]:
    """The one row of ``stmt`` whose ``id`` is ``record_id``."""
    found = stmt.where(stmt.selected_columns.id == record_id)
    return dict(session.connection().execute(found).mappings().one())


def _check_year(year: int) -> int:
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise InvalidYear(value=year, low=MIN_YEAR, high=MAX_YEAR)
    return year


def _check_org_year(org: Organization, year: int) -> None:
    dissolved = org.dissolved_on
    if year < org.founded_on.year or (dissolved is not None and year > dissolved.year):
        raise YearOutsideOrgLife(
            org_id=org.id,
            year=year,
            founded=fmt_date(org.founded_on),
            dissolved=tr(f", giải thể {fmt_date(dissolved)}", f", dissolved {fmt_date(dissolved)}")
            if dissolved
            else "",
        )


def parse_grade(session: Session, org_type: str, value: str | None) -> str:
    """A grade code of the type's scale, given as the code or its Vietnamese
    or English label (accents optional)."""
    scale = rules.rating_grades(session, org_type)
    text = (value or "").strip()
    wanted = key(text)
    for code in scale:
        pair = grade_pair(code, org_type)
        if wanted in {key(code), *(key(name) for name in pair or ())}:
            return code
    choices = ", ".join(f"{code} ({grade_label(code, org_type)})" for code in scale)
    raise InvalidGrade(value=text, type_label=ORG_TYPE.label(org_type), choices=choices)


# --- ratings --------------------------------------------------------------------


def latest_ratings() -> Any:
    """Subquery: the rating that counts for each organisation and year (the
    latest set), with ``organization_id``, ``year``, ``grade``, ``id``."""
    rank = (
        func.row_number()
        .over(
            partition_by=(RATING.c.organization_id, RATING.c.year),
            order_by=RATING.c.id.desc(),
        )
        .label("rank_")
    )
    ranked = select(RATING, rank).subquery()
    return (
        select(ranked.c.id, ranked.c.organization_id, ranked.c.year, ranked.c.grade)
        .where(ranked.c.rank_ == 1)
        .subquery()
    )


def _rating_record(row: Any) -> dict[str, Any]:
    out = dict(row)
    out["grade_label"] = grade_label(out["grade"], out["org_type"])
    return out


def _rating_select(source: Any) -> Select[Any]:
    return history.with_org(source, source.c.year, source.c.grade)


def set_rating(session: Session, org_id: int, year: int, grade: str | None) -> dict[str, Any]:
    """Rate an organisation for a year. Setting the same grade again changes
    nothing; a different grade adds a row that supersedes the old one."""
    _check_year(year)
    org = refs.organization(session, org_id)
    code = parse_grade(session, org.type, grade)
    _check_org_year(org, year)
    latest = latest_ratings()
    previous = (
        session.connection()
        .execute(
            _rating_select(latest).where(latest.c.organization_id == org_id, latest.c.year == year)
        )
        .mappings()
        .first()
    )
    before = _rating_record(previous) if previous else None
    if before is not None and before["grade"] == code:
        return {**before, "previous_grade": code, "changed": False}
    rating = Rating(organization_id=org_id, year=year, grade=code, created_at=clock.now())
    session.add(rating)
    session.flush()
    after = _rating_record(_one(session, _rating_select(RATING), rating.id))
    audit.record(session, "set", "rating", rating.id, before=before, after=after)
    return {**after, "previous_grade": before["grade"] if before else None, "changed": True}


def list_ratings(
    session: Session,
    *,
    year: int | None = None,
    org_id: int | None = None,
    org_type: str | None = None,
    include_history: bool = False,
) -> list[dict[str, Any]]:
    """The ratings that count (one per organisation and year), or every
    rating ever set with ``include_history`` (``superseded`` marks old ones)."""
    latest = latest_ratings()
    source = RATING if include_history else latest
    stmt = _rating_select(source)
    if include_history:
        stmt = stmt.add_columns(source.c.created_at.label("set_at"))
    if year is not None:
        stmt = stmt.where(source.c.year == year)
    if org_id is not None:
        stmt = stmt.where(source.c.organization_id == org_id)
    if org_type:
        stmt = stmt.where(ORG.c.type == organizations.org_type(org_type))
    stmt = stmt.order_by(source.c.year.desc(), ORG.c.type, ORG.c.id, source.c.id)
    rows = [_rating_record(r) for r in session.connection().execute(stmt).mappings()]
    if include_history:
        current = {
            r[0]
            for r in session.connection().execute(
                select(latest.c.id).where(latest.c.id.in_([r["id"] for r in rows]))
            )
        }
        for row in rows:
            row["superseded"] = row["id"] not in current
    return rows


# --- awards ---------------------------------------------------------------------


def _award_select() -> Select[Any]:
    name = func.coalesce(ORG.c.name, history.current_name(ENTERPRISE.c.id), PERSON.c.full_name)
    return (
        select(
            AWARD.c.id,
            AWARD.c.target_kind.label("to"),
            AWARD.c.target_id,
            ENTERPRISE.c.tax_code,
            name.label("target_name"),
            ORG.c.type.label("org_type"),
            AWARD.c.awarded_on,
            AWARD.c.level,
            AWARD.c.decision,
            AWARD.c.title,
        )
        .select_from(AWARD)
        .join(ORG, and_(AWARD.c.target_kind == "org", ORG.c.id == AWARD.c.target_id), isouter=True)
        .join(
            ENTERPRISE,
            and_(AWARD.c.target_kind == "enterprise", ENTERPRISE.c.id == AWARD.c.target_id),
            isouter=True,
        )
        .join(
            PERSON,
            and_(AWARD.c.target_kind == "person", PERSON.c.id == AWARD.c.target_id),
            isouter=True,
        )
    )


def _target_id(session: Session, kind: str, target: str | int) -> int:
    if kind == "enterprise":
        return refs.enterprise_id(session, str(target))
    text = str(target).strip()
    if not text.isdigit():
        raise InvalidTargetId(kind_label=AWARD_TARGET.label(kind), value=text)
    if kind == "org":
        refs.organization(session, int(text))
    else:
        refs.person(session, int(text))
    return int(text)


def add_award(
    session: Session,
    to: str | None,
    target: str | int,
    awarded_on: date,
    level: str | None,
    *,
    decision: str | None = None,
    title: str | None = None,
) -> dict[str, Any]:
    """An award to an organisation (``target`` = its id), an enterprise (its
    tax code) or a person (their id); ``level`` is the awarding level
    (e.g. "Tỉnh ủy", "UBND tỉnh"), free text."""
    kind = refs.code(AWARD_TARGET, to or "")
    assert kind is not None
    level_text = validate.required_text(
        level, tr("Cấp khen thưởng (--level)", "Award level (--level)")
    )
    target_id = _target_id(session, kind, target)
    award = Award(
        target_kind=kind,
        target_id=target_id,
        awarded_on=awarded_on,
        level=level_text,
        decision=clean_text(decision),
        title=clean_text(title),
        created_at=clock.now(),
    )
    return audit.added(
        session, award, "award", lambda new_id: _one(session, _award_select(), new_id)
    )


def list_awards(
    session: Session,
    *,
    to: str | None = None,
    start: date | None = None,
    end: date | None = None,
) -> list[dict[str, Any]]:
    """Awards, newest first, by target kind and dates (both days included)."""
    stmt = _award_select()
    if to:
        kind = refs.code(AWARD_TARGET, to)
        stmt = stmt.where(AWARD.c.target_kind == kind)
    stmt = history.between(stmt, AWARD.c.awarded_on, start, end)
    stmt = stmt.order_by(AWARD.c.awarded_on.desc(), AWARD.c.id.desc())
    return [dict(r) for r in session.connection().execute(stmt).mappings()]


# --- "Dân vận khéo" models ------------------------------------------------------


def _model_select() -> Select[Any]:
    return history.with_org(MODEL, MODEL.c.year, MODEL.c.name)


def add_model(session: Session, org_id: int, year: int, name: str | None) -> dict[str, Any]:
    """Register a "Dân vận khéo" model of an organisation for a year."""
    title = validate.required_text(name, tr("Tên mô hình (--name)", "Model name (--name)"))
    _check_year(year)
    org = refs.organization(session, org_id)
    _check_org_year(org, year)
    same = session.connection().execute(
        select(MODEL.c.id, MODEL.c.name).where(
            MODEL.c.organization_id == org_id, MODEL.c.year == year
        )
    )
    for model_id, existing in same:
        if fold(existing) == fold(title):
            raise DuplicateModel(org_id=org_id, name=existing, year=year, model_id=model_id)
    model = EmulationModel(organization_id=org_id, year=year, name=title, created_at=clock.now())
    return audit.added(
        session, model, "emulation_model", lambda new_id: _one(session, _model_select(), new_id)
    )


def list_models(
    session: Session, *, year: int | None = None, org_id: int | None = None
) -> list[dict[str, Any]]:
    stmt = _model_select()
    if year is not None:
        stmt = stmt.where(MODEL.c.year == year)
    if org_id is not None:
        stmt = stmt.where(MODEL.c.organization_id == org_id)
    stmt = stmt.order_by(MODEL.c.year.desc(), MODEL.c.id)
    return [dict(r) for r in session.connection().execute(stmt).mappings()]
