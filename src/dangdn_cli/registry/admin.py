"""The registry file itself, the profile and the audit log."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path
from typing import Any

from sqlalchemy import text as sql_text
from sqlmodel import Session, col, select

from dangdn_cli import clock, db, errors
from dangdn_cli.i18n import clean_text, tr
from dangdn_cli.models import AuditLog, ProfileEntry
from dangdn_cli.registry import audit

# The profile: what the report header and signature block need.
PROFILE_KEYS = {
    "superior_body": ("Cơ quan cấp trên (VD: HUYỆN ỦY AN BÌNH)", "Superior body"),
    "issuing_body": ("Cơ quan ban hành (VD: BAN TỔ CHỨC)", "Issuing body"),
    "symbol": ("Ký hiệu số văn bản (VD: BTCHU)", "Document number symbol"),
    "place": ("Địa danh (VD: An Bình)", "Place name"),
    "signer": ("Người ký", "Signer"),
    "signer_title": ("Chức vụ người ký (VD: TRƯỞNG BAN)", "Signer's title"),
    "signing_authority": ("Thẩm quyền ký (VD: T/M BAN THƯỜNG VỤ)", "Signing authority"),
    "recipients": ("Nơi nhận, cách nhau bởi dấu ;", "Recipients, separated by ;"),
    "deadline_half_year": (
        "Hạn báo cáo 6 tháng (ngày/tháng, mặc định 25/5)",
        "Six-month deadline (dd/mm)",
    ),
    "deadline_year": ("Hạn báo cáo năm (ngày/tháng, mặc định 25/12)", "Annual deadline (dd/mm)"),
}


def _sqlite_file() -> Path:
    path = db.sqlite_path()
    if path is None:
        raise errors.RegistryError(
            detail=tr(
                "lệnh này chỉ dùng cho sổ đăng ký SQLite; với PostgreSQL hãy dùng pg_dump",
                "this command is for SQLite registries; use pg_dump for PostgreSQL",
            )
        )
    return path


def check() -> dict[str, Any]:
    """PRAGMA integrity_check and foreign_key_check (SQLite) or a round trip."""
    engine = db.ready_engine()
    with engine.connect() as conn:
        if not db.is_sqlite(str(engine.url)):
            conn.execute(sql_text("SELECT 1"))
            return {"ok": True, "integrity": ["ok"], "foreign_keys": []}
        integrity = [r[0] for r in conn.exec_driver_sql("PRAGMA integrity_check")]
        foreign = [dict(r._mapping) for r in conn.exec_driver_sql("PRAGMA foreign_key_check")]
    return {
        "ok": integrity == ["ok"] and not foreign,
        "integrity": integrity,
        "foreign_keys": foreign,
    }


def backup(target: Path) -> Path:
    """Copy the registry with SQLite's online backup API (safe while in use)."""
    source = _sqlite_file()
    db.ready_engine()
    target = target.expanduser().resolve()
    if target == source:
        raise errors.ValidationError(
            detail=tr("tệp sao lưu trùng với sổ đăng ký", "the backup file is the registry itself")
        )
    target.parent.mkdir(parents=True, exist_ok=True)
    with sqlite3.connect(source) as src, sqlite3.connect(target) as dst:
        src.backup(dst)
    return target


def restore(backup_file: Path) -> Path:
    """Replace the registry with a backup, after checking the backup is sound."""
    target = _sqlite_file()
    backup_file = backup_file.expanduser().resolve()
    if not backup_file.is_file():
        raise errors.ValidationError(
            detail=tr(f"không có tệp {backup_file}", f"no file {backup_file}")
        )
    try:
        with sqlite3.connect(f"file:{backup_file}?mode=ro", uri=True) as src:
            ok = src.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            has_schema = src.execute(
                "SELECT 1 FROM sqlite_master WHERE name = 'alembic_version'"
            ).fetchone()
    except sqlite3.DatabaseError as exc:
        raise errors.ValidationError(
            detail=tr(
                f"{backup_file.name} không phải sổ đăng ký dangdn ({exc})",
                f"{backup_file.name} is not a dangdn registry ({exc})",
            )
        ) from None
    if not ok or not has_schema:
        raise errors.ValidationError(
            detail=tr(
                f"{backup_file.name} không phải sổ đăng ký dangdn hợp lệ",
                f"{backup_file.name} is not a sound dangdn registry",
            )
        )
    db.dispose_all()
    target.parent.mkdir(parents=True, exist_ok=True)
    with sqlite3.connect(backup_file) as src, sqlite3.connect(target) as dst:
        src.backup(dst)
    db.upgrade()
    return target


def profile_set(session: Session, key: str, value: str) -> dict[str, str]:
    if key not in PROFILE_KEYS:
        raise errors.InvalidChoice(
            field=tr("khóa hồ sơ", "profile key"), value=key, choices=", ".join(PROFILE_KEYS)
        )
    text = clean_text(value) or ""
    if key.startswith("deadline_"):
        try:
            day, month = (int(p) for p in text.split("/"))
            datetime(2024, month, day)
        except ValueError:
            raise errors.ValidationError(
                detail=tr(
                    f"hạn báo cáo phải có dạng ngày/tháng, VD 25/5: {text}",
                    f"a deadline is day/month, e.g. 25/5: {text}",
                )
            ) from None
    entry = session.get(ProfileEntry, key)
    before = entry.value if entry else None
    if entry is None:
        entry = ProfileEntry(key=key, value=text)
    else:
        entry.value = text
    session.add(entry)
    audit.record(session, "set", "profile", key, before=before, after=text)
    return {"key": key, "value": text}


def profile_show(session: Session) -> dict[str, str | None]:
    stored = {e.key: e.value for e in session.exec(select(ProfileEntry))}
    return {key: stored.get(key) for key in PROFILE_KEYS}


def log(session: Session, limit: int = 20, as_of: date | None = None) -> list[dict[str, Any]]:
    stmt = select(AuditLog)
    if as_of is not None:
        # Changes made up to the end of that day in the officer's time zone.
        local_zone = clock.now().astimezone().tzinfo
        end = datetime.combine(as_of + timedelta(days=1), time(), tzinfo=local_zone)
        stmt = stmt.where(col(AuditLog.at) < end.astimezone(timezone.utc))
    rows = session.exec(stmt.order_by(col(AuditLog.id).desc()).limit(limit))
    return [r.model_dump() for r in rows]
