"""Reports: the six-month, annual and plan review report as a Word file in
the Party's format, its Excel annex, Markdown and the terminal summary.

``collect`` reads everything once (``collect.py``); the writers format it:
``write_docx`` (the template context of ``context.py`` rendered by docxtpl in
a sandbox, with the chart of ``chart.py``), ``xlsx.write``, ``markdown.write``.
The officer's own paragraphs come from a notes file (``notes.py``).
"""

from __future__ import annotations

from pathlib import Path

from dangdn_cli.reports import chart, docx, markdown, xlsx
from dangdn_cli.reports.collect import ReportData, collect, resolve_period, review_json
from dangdn_cli.reports.context import template_context
from dangdn_cli.reports.notes import parse_notes, read_notes

__all__ = [
    "ReportData",
    "collect",
    "parse_notes",
    "read_notes",
    "resolve_period",
    "review_json",
    "template_context",
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
    context = template_context(data, number)
    png, caption = chart.report_chart(data.by_commune, data.figures.get("targets", []))
    context["chart_caption"] = caption
    return docx.render(context, out, template, png)


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
    written = []
    if docx_path is not None:
        written.append(write_docx(data, docx_path, template, number))
    if xlsx_path is not None:
        written.append(xlsx.write(data, xlsx_path))
    if md_path is not None:
        written.append(markdown.write(data, md_path))
    return written
