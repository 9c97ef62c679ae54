"""Enterprises: add, update as of a date, close and reopen, show and list.

An enterprise is its tax code; what is known of it is dated facts (its
name, sector, address and flags; its status; its workforce), each in force
from its day until the next fact of its kind. ``show`` adds the
organisations covering it and its latest outreach visits."""

from __future__ import annotations

from datetime import date
from typing import Any, NoReturn

from sqlalchemy import or_, select
from sqlmodel import Session, col

from dangdn_cli import clock, errors, validate
from dangdn_cli.i18n import clean_text, fmt_date, fold, tr
from dangdn_cli.models import Enterprise, EnterpriseStatus, EnterpriseVersion, Workforce
from dangdn_cli.registry import audit, history, organizations, outreach, refs
from dangdn_cli.registry.errors import DuplicateTaxCode, EnterpriseAlreadyActive, NotRegisteredYet
from dangdn_cli.vocabulary import SECTOR, STATUS

DESCRIPTIVE = ("name", "sector", "address", "commune", "district", "province", "zone", "owner_name")
FLAGS = ("stable_operation", "law_compliant")
COUNTS = {
    "total": ("workers", "Số lao động", "Workers"),
    "stable": ("stable_workers", "Số lao động ổn định", "Stable workers"),
    "female": ("female_workers", "Số lao động nữ", "Female workers"),
    "young": ("young_workers", "Số lao động trẻ", "Young workers"),
}
PUBLIC_KEYS = (
    "id",
    "tax_code",
    "name",
    "sector",
    "address",
    "commune",
    "district",
    "province",
    "zone",
    "founded_on",
    "owner_name",
    "status",
    "stable_operation",
    "law_compliant",
    "workers",
    "stable_workers",
    "female_workers",
    "young_workers",
)


def _name_label() -> str:
    return tr("Tên doanh nghiệp", "Enterprise name")


def clean_fields(fields: dict[str, Any]) -> dict[str, Any]:
    """Validate and normalise enterprise fields given by a user or an import.

    Keys absent or None are left out (meaning "unchanged" for an update).
    Counts may be given by their option names (``workers``) or their column
    names (``total``).
    """
    out: dict[str, Any] = {}
    for key in DESCRIPTIVE:
        if fields.get(key) is not None:
            out[key] = clean_text(str(fields[key]))
    if fields.get("name") is not None and not out.get("name"):
        raise errors.EmptyValue(field=_name_label())
    if out.get("sector") is not None:
        out["sector"] = refs.code(SECTOR, out["sector"])
    for key in FLAGS:
        if fields.get(key) is not None:
            out[key] = bool(fields[key])
    for key, (option, vi, en) in COUNTS.items():
        value = fields.get(option, fields.get(key))
        if value is not None:
            out[key] = validate.count(int(value), tr(vi, en))
    if fields.get("founded_on") is not None:
        out["founded_on"] = validate.parse_date(fields["founded_on"])
    return out


def _check_workforce(snapshot: dict[str, Any]) -> None:
    total = snapshot.get("total") or 0
    if (snapshot.get("stable") or 0) > total:
        raise errors.StableAboveTotal(stable=snapshot["stable"], total=total)
    for key in ("female", "young"):
        part = snapshot.get(key)
        if part is not None and part > total:
            label = tr(COUNTS[key][1], COUNTS[key][2])
            raise errors.PartAboveTotal(field=label, part=part, total=total)


def _version(enterprise_id: int, on: date, attributes: dict[str, Any]) -> EnterpriseVersion:
    name = attributes["name"]
    return EnterpriseVersion(
        enterprise_id=enterprise_id,
        effective_on=on,
        name=name,
        name_key=fold(name),
        sector=attributes.get("sector") or "tu_nhan",
        address=attributes.get("address"),
        commune=attributes.get("commune"),
        district=attributes.get("district"),
        province=attributes.get("province"),
        zone=attributes.get("zone"),
        owner_name=attributes.get("owner_name"),
        stable_operation=bool(attributes.get("stable_operation", True)),
        law_compliant=bool(attributes.get("law_compliant", True)),
    )


def _workforce(enterprise_id: int, on: date, snapshot: dict[str, Any]) -> Workforce:
    return Workforce(
        enterprise_id=enterprise_id,
        effective_on=on,
        total=snapshot.get("total") or 0,
        stable=snapshot.get("stable") or 0,
        female=snapshot.get("female"),
        young=snapshot.get("young"),
    )


def add(
    session: Session,
    tax_code: str,
    fields: dict[str, Any],
    as_of: date | None = None,
    *,
    record: bool = True,
) -> dict[str, Any]:
    """Register an enterprise with its first version, status and workforce.

    The facts are dated ``as_of``, else the founding date, else today.
    ``record=False`` (bulk loading) skips building the shown record and
    returns only ``id`` and ``tax_code``; the audit row is still written.
    """
    code = validate.tax_code(tax_code)
    clean = clean_fields(fields)
    if not clean.get("name"):
        raise errors.EmptyValue(field=_name_label())
    snapshot = {k: clean.get(k) for k in COUNTS}
    _check_workforce(snapshot)
    founded = clean.get("founded_on")
    effective = as_of or founded or clock.today()
    validate.not_before(founded, as_of, tr("thành lập", "founding"), "--as-of")
    if refs.find_enterprise(session, code) is not None:
        raise DuplicateTaxCode(tax_code=code)
    enterprise = Enterprise(tax_code=code, founded_on=founded, created_at=clock.now())
    session.add(enterprise)
    session.flush()
    assert enterprise.id is not None
    session.add(_version(enterprise.id, effective, clean))
    session.add(
        EnterpriseStatus(enterprise_id=enterprise.id, effective_on=effective, status="active")
    )
    session.add(_workforce(enterprise.id, effective, snapshot))
    session.flush()
    if not record:
        audit.record(session, "add", "enterprise", code, after={"tax_code": code, **clean})
        return {"id": enterprise.id, "tax_code": code}
    shown = show(session, code, max(effective, clock.today()))
    audit.record(session, "add", "enterprise", code, after=shown)
    return shown


def update(
    session: Session, tax_code: str, fields: dict[str, Any], as_of: date | None = None
) -> dict[str, Any]:
    """Record changed attributes, flags or workforce as facts dated ``as_of``
    (default today). Earlier dates keep reading the earlier facts; facts
    already recorded for later dates stay in force from their own dates."""
    enterprise_id = refs.enterprise_id(session, tax_code)
    code = validate.tax_code(tax_code)
    on = as_of or clock.today()
    clean = clean_fields(fields)
    if not clean:
        raise errors.EmptyValue(field=tr("Thông tin cần cập nhật", "The fields to update"))
    state = refs.enterprise_state(session, enterprise_id, on)
    if state is None:
        _not_yet(session, enterprise_id, code, on)
    before = show(session, code, on)
    if "founded_on" in clean:
        ent = session.get(Enterprise, enterprise_id)
        assert ent is not None
        ent.founded_on = clean["founded_on"]
        session.add(ent)
    changed_version = {k: clean[k] for k in (*DESCRIPTIVE, *FLAGS) if k in clean}
    if changed_version:
        base = {k: state.get(k) for k in (*DESCRIPTIVE, *FLAGS)}
        base.update(changed_version)
        session.add(_version(enterprise_id, on, base))
    changed_counts = {k: clean[k] for k in COUNTS if k in clean}
    if changed_counts:
        snapshot = {
            "total": state.get("workers") or 0,
            "stable": state.get("stable_workers") or 0,
            "female": state.get("female_workers"),
            "young": state.get("young_workers"),
        }
        snapshot.update(changed_counts)
        _check_workforce(snapshot)
        session.add(_workforce(enterprise_id, on, snapshot))
    session.flush()
    after = show(session, code, on)
    audit.record(session, "update", "enterprise", code, before=before, after=after)
    return after


def _not_yet(session: Session, enterprise_id: int, code: str, on: date) -> NoReturn:
    first = _first_day(session, enterprise_id)
    raise NotRegisteredYet(tax_code=code, first=fmt_date(first), on=fmt_date(on))


def _first_day(session: Session, enterprise_id: int) -> date:
    first = session.execute(
        select(col(EnterpriseStatus.effective_on))
        .where(col(EnterpriseStatus.enterprise_id) == enterprise_id)
        .order_by(col(EnterpriseStatus.effective_on))
    ).scalar()
    assert first is not None
    return first


def set_status(session: Session, tax_code: str, on: date, status: str) -> dict[str, Any]:
    """Close (suspend or dissolve) or reopen (``active``) an enterprise from ``on``."""
    status = refs.code(STATUS, status) or "active"
    enterprise_id = refs.enterprise_id(session, tax_code)
    code = validate.tax_code(tax_code)
    before = refs.enterprise_state(session, enterprise_id, on)
    current = before["status"] if before else None
    if before is None:
        _not_yet(session, enterprise_id, code, on)
    if status == "active" and current == "active":
        raise EnterpriseAlreadyActive(tax_code=code, on=fmt_date(on))
    if status != "active" and current != "active":
        raise errors.EnterpriseNotActive(tax_code=code, on=fmt_date(on))
    session.add(EnterpriseStatus(enterprise_id=enterprise_id, effective_on=on, status=status))
    session.flush()
    after = show(session, code, on)
    audit.record(
        session,
        "close" if status != "active" else "reopen",
        "enterprise",
        code,
        before={"status": current},
        after={"status": status, "on": on},
    )
    return after


def show(session: Session, tax_code: str, on: date | None = None) -> dict[str, Any]:
    """The enterprise as of ``on`` (default today), with its organisations
    and its latest outreach visits.

    Before its first recorded day it shows its first known attributes with
    no status and no workforce."""
    on = on or clock.today()
    enterprise_id = refs.enterprise_id(session, tax_code)
    state = refs.enterprise_state(session, enterprise_id, on)
    if state is None:
        ent = session.get(Enterprise, enterprise_id)
        assert ent is not None
        first = refs.first_version(session, enterprise_id)
        state = {
            "id": ent.id,
            "tax_code": ent.tax_code,
            "founded_on": ent.founded_on,
            **{k: getattr(first, k) for k in (*DESCRIPTIVE, *FLAGS)},
        }
    shown = _public(state)
    shown["as_of"] = on
    shown["organizations"] = organizations.covering(session, enterprise_id, on)
    shown["latest_visits"] = outreach.latest_visits(session, enterprise_id, on=on)
    return shown


def _public(row: dict[str, Any]) -> dict[str, Any]:
    out = {k: row.get(k) for k in PUBLIC_KEYS}
    for key in FLAGS:
        if out[key] is not None:
            out[key] = bool(out[key])
    return out


def list_(
    session: Session,
    on: date | None = None,
    commune: str | None = None,
    zone: str | None = None,
    search: str | None = None,
    without: str | None = None,
    limit: int | None = None,
) -> list[dict[str, Any]]:
    """Enterprises registered by ``on``, filtered, ordered by name.

    ``search`` matches the name without regard to case or diacritics (so
    "nguyen", "Nguyễn" and a decomposed "Nguyễn" are alike), or the start of
    the tax code. Commune and zone match without regard to case or
    diacritics too. ``without`` keeps active enterprises with no active
    organisation of that type."""
    on = on or clock.today()
    sub = history.enterprise_state(on).subquery()
    stmt = select(sub)
    if without:
        kind = organizations.org_type(without)
        stmt = stmt.where(
            sub.c.status == "active", sub.c.id.not_in(history.enterprises_with_org(kind, on))
        )
    if commune and commune.strip():
        stmt = stmt.where(sub.c.commune.in_(_spellings(session, "commune", commune)))
    if zone and zone.strip():
        stmt = stmt.where(sub.c.zone.in_(_spellings(session, "zone", zone)))
    if search and search.strip():
        text = search.strip()
        by_name = sub.c.name_key.like(refs.like(fold(text)), escape="\\")
        if text.replace("-", "").isdigit():
            stmt = stmt.where(or_(by_name, sub.c.tax_code.like(f"{text}%")))
        else:
            stmt = stmt.where(by_name)
    stmt = stmt.order_by(sub.c.name_key, sub.c.tax_code)
    if limit:
        stmt = stmt.limit(limit)
    return [_public(dict(r)) for r in session.connection().execute(stmt).mappings()]


def _spellings(session: Session, field: str, wanted: str) -> list[str]:
    """The stored spellings of a commune or zone that fold to the same key as
    ``wanted``, so "Tân Hòa", "tan hoa" and "Tân Hoà" all match. Communes and
    zones are few, so they are folded here rather than in SQL."""
    column = col(getattr(EnterpriseVersion, field))
    key = fold(wanted)
    names = session.execute(select(column).where(column.is_not(None)).distinct()).scalars()
    return [name for name in names if fold(name) == key]
