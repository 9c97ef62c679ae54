"""Reports (issue 5): the six-month, annual and review report as a Word file
in the Party's format, the Excel annex, Markdown and the terminal summary.

``collect`` reads everything once; the writers format it:
``write_docx`` (docxtpl in a sandbox), ``xlsx.write``, ``markdown.write``.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from dangdn_cli.reports.context import (
    ReportData,
    collect,
    parse_notes,
    resolve_period,
    review_json,
    template_context,
)

if TYPE_CHECKING:
    from sqlmodel import Session

__all__ = [
    "ReportData",
    "collect",
    "latest_half_year",
    "parse_notes",
    "resolve_period",
    "review_json",
    "template_context",
    "write_demo_reports",
    "write_docx",
    "write_outputs",
]


def write_docx(
    data: ReportData,
    out: Path,
    template: Path | None = None,
    number: str | None = None,
) -> Path:
    """Render the Word report (with its chart) to ``out``."""
    from dangdn_cli.reports import chart, docx

    context = template_context(data, number)
    png, caption = chart.report_chart(data.by_commune, data.figures.get("targets", []))
    context["chart_caption"] = caption
    return docx.render(context, out, template, png)


def read_notes(path: Path) -> dict[str, list[str]]:
    from dangdn_cli import errors
    from dangdn_cli.i18n import tr

    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        reason = getattr(exc, "strerror", None) or str(exc)
        raise errors.ValidationError(
            detail=tr(
                f"không đọc được tệp ghi chú {path}: {reason}",
                f"cannot read the notes file {path}: {reason}",
            )
        ) from None
    return parse_notes(text)


def write_outputs(
    data: ReportData,
    *,
    docx_path: Path | None = None,
    xlsx_path: Path | None = None,
    md_path: Path | None = None,
    template: Path | None = None,
    number: str | None = None,
) -> list[Path]:
    """Write the files asked for; returns their paths."""
    from dangdn_cli.reports import markdown, xlsx

    written = []
    if docx_path is not None:
        written.append(write_docx(data, docx_path, template, number))
    if xlsx_path is not None:
        written.append(xlsx.write(data, xlsx_path))
    if md_path is not None:
        written.append(markdown.write(data, md_path))
    return written


def latest_half_year(session: Session, today: date | None = None) -> str:
    """The half-year of the newest dated fact up to ``today`` (organisations
    founded, members joined, visits, activities): the demo reports a period in
    which things happened, not an empty current half-year."""
    from sqlalchemy import func, select

    from dangdn_cli.models import Activity, Membership, Organization, Visit
    from dangdn_cli.reports.context import table_of

    today = today or date.today()
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
    """For ``dangdn demo``: the Word report (bao-cao.docx), the Excel annex
    (phu-luc.xlsx) and the Markdown (bao-cao.md) in ``out_dir``, for ``period``
    (default: the latest half-year in which something was recorded; a
    half-year still running is cut off today)."""
    today = date.today()
    code = period or latest_half_year(session, today)
    resolved = resolve_period(session, code)
    if resolved.start <= today < resolved.end:
        resolved = resolve_period(session, code, today)
    data = collect(session, resolved)
    out_dir = Path(out_dir)
    return write_outputs(
        data,
        docx_path=out_dir / "bao-cao.docx",
        xlsx_path=out_dir / "phu-luc.xlsx",
        md_path=out_dir / "bao-cao.md",
    )
