"""The demo's sample report: the Word report, its Excel annex and the
Markdown of the latest half-year in which the example district recorded
something (not an empty half-year still running)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sqlalchemy import func, select
from sqlmodel import Session

from dangdn_cli import clock, reports
from dangdn_cli.models import Activity, Membership, Organization, Visit
from dangdn_cli.registry.history import table_of


def latest_half_year(session: Session, today: date | None = None) -> str:
    """The half-year of the newest dated fact up to ``today`` (organisations
    founded, members joined, visits, activities): the demo reports a period in
    which things happened, not an empty current half-year."""
    today = today or clock.today()
    newest: date | None = None
    for column in (
        table_of(Organization).c.founded_on,
        table_of(Membership).c.joined_on,
        table_of(Visit).c.visited_on,
        table_of(Activity).c.held_on,
    ):
        found = session.execute(select(func.max(column)).where(column <= today)).scalar()
        if found is not None and (newest is None or found > newest):
            newest = found
    day = newest or today
    return f"{day.year}H{1 if day.month <= 6 else 2}"


def write_demo_reports(session: Session, out_dir: Path, period: str | None = None) -> list[Path]:
    """The Word report (bao-cao.docx), the Excel annex (phu-luc.xlsx) and the
    Markdown (bao-cao.md) in ``out_dir``, for ``period`` (default: the latest
    half-year in which something was recorded; a half-year still running is
    cut off today)."""
    today = clock.today()
    code = period or latest_half_year(session, today)
    resolved = reports.resolve_period(session, code)
    if resolved.start <= today < resolved.end:
        resolved = reports.resolve_period(session, code, today)
    data = reports.collect(session, resolved)
    out_dir = Path(out_dir)
    return reports.write_outputs(
        data,
        docx_path=out_dir / "bao-cao.docx",
        xlsx_path=out_dir / "phu-luc.xlsx",
        md_path=out_dir / "bao-cao.md",
    )
