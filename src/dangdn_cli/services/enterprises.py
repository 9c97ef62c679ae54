"""Enterprises: add, update as of a date, close and reopen, show and list."""

from __future__ import annotations

from datetime import date, datetime, timezone
from typing import Any

from sqlalchemy import select
from sqlmodel import Session

from dangdn_cli import audit, errors, validate
from dangdn_cli.i18n import clean_text, fold, tr
from dangdn_cli.models import (
    SECTORS,
    STATUSES,
    Enterprise,
    EnterpriseStatus,
    EnterpriseVersion,
    Workforce,
)
from dangdn_cli.services import history

DESCRIPTIVE = ("name", "sector", "address", "commune", "district", "province", "zone", "owner_name")
FLAGS = ("stable_operation", "law_compliant")
COUNTS = {
    "total": ("workers", "Số lao động", "Workers"),
    "stable": ("stable_workers", "Số lao động ổn định", "Stable workers"),
    "female": ("female_workers", "Số lao động nữ", "Female workers"),
    "young": ("young_workers", "Số lao động trẻ", "Young workers"),
}


def today() -> date:
    return date.today()


def _now() -> datetime:
    return datetime.now(timezone.utc)


def clean_fields(fields: dict[str, Any]) -> dict[str, Any]:
    """Validate and normalise enterprise fields given by a user or an import.

    Keys absent or None are left out (meaning "unchanged" for an update).
    """
    out: dict[str, Any] = {}
    for key in DESCRIPTIVE:
        if fields.get(key) is not None:
            out[key] = clean_text(fields[key])
    if "name" in fields and fields["name"] is not None and not out.get("name"):
        raise errors.EmptyValue(field=tr("Tên doanh nghiệp", "Enterprise name"))
    if out.get("sector") is not None:
        out["sector"] = validate.choice(out["sector"], SECTORS, tr("loại hình", "sector"))
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


def get_id(session: Session, tax_code: str) -> int:
    """The enterprise id for a tax code, or UnknownEnterprise."""
    code = validate.tax_code(tax_code)
    found = session.exec(select(Enterprise.id).where(Enterprise.tax_code == code)).first()  # type: ignore[call-overload]
    if found is None:
        raise errors.UnknownEnterprise(tax_code=code)
    return int(found[0])


def add(
    session: Session, tax_code: str, fields: dict[str, Any], as_of: date | None = None
) -> dict[str, Any]:
    """Register an enterprise with its first version, status and workforce.

    The facts are dated ``as_of``, else the founding date, else today.
    """
    code = validate.tax_code(tax_code)
    clean = clean_fields(fields)
    if not clean.get("name"):
        raise errors.EmptyValue(field=tr("Tên doanh nghiệp", "Enterprise name"))
    existing = session.exec(select(Enterprise.id).where(Enterprise.tax_code == code)).first()  # type: ignore[call-overload]
    if existing is not None:
        raise errors.DuplicateTaxCode(tax_code=code)
    snapshot = {k: clean.get(k) for k in COUNTS}
    snapshot["total"] = snapshot["total"] or 0
    snapshot["stable"] = snapshot["stable"] or 0
    _check_workforce(snapshot)
    founded = clean.get("founded_on")
    effective = as_of or founded or today()
    enterprise = Enterprise(tax_code=code, founded_on=founded, created_at=_now())
    session.add(enterprise)
    session.flush()
    assert enterprise.id is not None
    version = {k: clean.get(k) for k in DESCRIPTIVE if clean.get(k) is not None}
    version.setdefault("sector", "tu_nhan")
    session.add(
        EnterpriseVersion(
            enterprise_id=enterprise.id,
            effective_on=effective,
            name_key=fold(clean["name"]),
            stable_operation=clean.get("stable_operation", True),
            law_compliant=clean.get("law_compliant", True),
            **version,
        )
    )
    session.add(
        EnterpriseStatus(enterprise_id=enterprise.id, effective_on=effective, status="active")
    )
    session.add(Workforce(enterprise_id=enterprise.id, effective_on=effective, **snapshot))
    session.flush()
    record = show(session, code, max(effective, today()))
    audit.record(session, "add", "enterprise", code, after=record)
    return record


def update(
    session: Session, tax_code: str, fields: dict[str, Any], as_of: date | None = None
) -> dict[str, Any]:
    """Record changed attributes, flags or workforce as facts dated ``as_of``."""
    enterprise_id = get_id(session, tax_code)
    code = validate.tax_code(tax_code)
    on = as_of or today()
    clean = clean_fields(fields)
    if not clean:
        raise errors.EmptyValue(field=tr("Thông tin cần cập nhật", "The fields to update"))
    before = show(session, code, on)
    state = _state_row(session, enterprise_id, on)
    if "founded_on" in clean:
        ent = session.get(Enterprise, enterprise_id)
        assert ent is not None
        ent.founded_on = clean["founded_on"]
        session.add(ent)
    changed_version = {k: clean[k] for k in (*DESCRIPTIVE, *FLAGS) if k in clean}
    if changed_version:
        base = {k: state.get(k) for k in (*DESCRIPTIVE, *FLAGS)} if state else {}
        base.update(changed_version)
        if not base.get("name"):
            raise errors.EmptyValue(field=tr("Tên doanh nghiệp", "Enterprise name"))
        base["stable_operation"] = bool(base.get("stable_operation", True))
        base["law_compliant"] = bool(base.get("law_compliant", True))
        base["sector"] = base.get("sector") or "tu_nhan"
        session.add(
            EnterpriseVersion(
                enterprise_id=enterprise_id, effective_on=on, name_key=fold(base["name"]), **base
            )
        )
    changed_counts = {k: clean[k] for k in COUNTS if k in clean}
    if changed_counts:
        snapshot = {
            "total": (state or {}).get("workers") or 0,
            "stable": (state or {}).get("stable_workers") or 0,
            "female": (state or {}).get("female_workers"),
            "young": (state or {}).get("young_workers"),
        }
        snapshot.update(changed_counts)
        _check_workforce(snapshot)
        session.add(Workforce(enterprise_id=enterprise_id, effective_on=on, **snapshot))
    session.flush()
    after = show(session, code, on)
    audit.record(session, "update", "enterprise", code, before=before, after=after)
    return after


def _state_row(session: Session, enterprise_id: int, on: date) -> dict[str, Any] | None:
    query = history.enterprise_state(on).where(Enterprise.__table__.c.id == enterprise_id)
    row = session.connection().execute(query).mappings().first()
    if row is None:
        return None
    state = dict(row)
    return state


def set_status(session: Session, tax_code: str, on: date, status: str) -> dict[str, Any]:
    """Close (suspend or dissolve) or reopen (``active``) an enterprise from ``on``."""
    status = validate.choice(status, STATUSES, tr("trạng thái", "status")) or "active"
    enterprise_id = get_id(session, tax_code)
    code = validate.tax_code(tax_code)
    before = _state_row(session, enterprise_id, on)
    current = before["status"] if before else None
    if status == "active" and current == "active":
        raise errors.StateError(
            detail=tr(
                f"doanh nghiệp {code} đang hoạt động vào ngày {on:%d/%m/%Y}",
                f"enterprise {code} is active on {on.isoformat()}",
            )
        )
    if status != "active" and current != "active":
        raise errors.StateError(
            detail=tr(
                f"doanh nghiệp {code} không hoạt động vào ngày {on:%d/%m/%Y}",
                f"enterprise {code} is not active on {on.isoformat()}",
            )
        )
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
    """The enterprise as of ``on`` (default today), with its organisations."""
    from dangdn_cli.services import organizations

    on = on or today()
    enterprise_id = get_id(session, tax_code)
    state = _state_row(session, enterprise_id, on)
    if state is None:
        # Not yet registered on that day: show its first known facts, marked.
        ent = session.get(Enterprise, enterprise_id)
        assert ent is not None
        first = session.exec(
            select(EnterpriseVersion)
            .where(EnterpriseVersion.enterprise_id == enterprise_id)  # type: ignore[call-overload]
            .order_by(EnterpriseVersion.effective_on)  # type: ignore[arg-type]
        ).first()[0]
        state = {
            "id": ent.id,
            "tax_code": ent.tax_code,
            "founded_on": ent.founded_on,
            **{k: getattr(first, k) for k in (*DESCRIPTIVE, *FLAGS)},
            "status": None,
            "workers": None,
            "stable_workers": None,
            "female_workers": None,
            "young_workers": None,
        }
    record = _public(state)
    record["as_of"] = on
    record["organizations"] = organizations.covering(session, enterprise_id, on)
    return record


def _public(row: dict[str, Any]) -> dict[str, Any]:
    keys = (
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
    out = {k: row.get(k) for k in keys}
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
    """Enterprises registered by ``on``, filtered, ordered by name."""
    from dangdn_cli.models import ORG_TYPES

    on = on or today()
    query = history.enterprise_state(on)
    sub = query.subquery()
    stmt = select(sub)
    if commune:
        stmt = stmt.where(sub.c.commune == clean_text(commune))
    if zone:
        stmt = stmt.where(sub.c.zone == clean_text(zone))
    if search:
        stmt = stmt.where(sub.c.name_key.like(f"%{fold(search)}%"))
    if without:
        kind = validate.choice(without, ORG_TYPES, tr("loại tổ chức", "organisation type")) or ""
        stmt = stmt.where(
            sub.c.status == "active", sub.c.id.not_in(history.enterprises_with_org(kind, on))
        )
    stmt = stmt.order_by(sub.c.name_key, sub.c.tax_code)
    if limit:
        stmt = stmt.limit(limit)
    rows = session.connection().execute(stmt).mappings()
    return [_public(dict(r)) for r in rows]
