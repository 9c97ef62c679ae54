"""Printing for people (Rich tables) and for scripts (JSON on stdout)."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from datetime import date, datetime
from typing import Any

from rich.console import Console
from rich.table import Table

from dangdn_cli.i18n import fmt_date, fmt_int, tr

console = Console(highlight=False)
err_console = Console(stderr=True, highlight=False)


def _default(value: Any) -> Any:
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return str(value)


def to_json(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2, default=_default)


def print_json(data: Any) -> None:
    # Plain print: Rich would wrap long lines and break the JSON.
    print(to_json(data))


def cell(value: Any) -> str:
    """A value as a person reads it: numbers grouped, dates dd/mm/yyyy."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return tr("có", "yes") if value else tr("không", "no")
    if isinstance(value, int):
        return fmt_int(value)
    if isinstance(value, (date, datetime)):
        return fmt_date(value if isinstance(value, date) else value.date())
    if isinstance(value, (list, tuple)):
        return ", ".join(cell(v) for v in value)
    return str(value)


Column = tuple[str, str, str]  # key, Vietnamese header, English header


def table(
    rows: Iterable[dict[str, Any]],
    columns: Sequence[Column],
    title: str | None = None,
    formatters: dict[str, Callable[[Any], str]] | None = None,
) -> Table:
    formatters = formatters or {}
    result = Table(title=title, header_style="bold", title_justify="left")
    for key, vi, en in columns:
        numeric = key in NUMERIC_KEYS
        result.add_column(tr(vi, en), justify="right" if numeric else "left", overflow="fold")
    for row in rows:
        result.add_row(*(formatters.get(k, cell)(row.get(k)) for k, _, _ in columns))
    return result


# Columns aligned right.
NUMERIC_KEYS = {
    "id",
    "workers",
    "stable_workers",
    "female_workers",
    "young_workers",
    "members",
    "person_id",
    "organization_id",
    "count",
}


def print_table(
    rows: Sequence[dict[str, Any]],
    columns: Sequence[Column],
    title: str | None = None,
    formatters: dict[str, Callable[[Any], str]] | None = None,
) -> None:
    console.print(table(rows, columns, title, formatters))
    if not rows:
        console.print(tr("(không có dòng nào)", "(no rows)"), style="dim")


def print_record(record: dict[str, Any], labels: dict[str, tuple[str, str]]) -> None:
    """A single record as a two-column table of label and value."""
    result = Table(show_header=False, box=None)
    result.add_column(style="bold")
    result.add_column()
    for key, (vi, en) in labels.items():
        if key in record:
            result.add_row(tr(vi, en), cell(record[key]))
    console.print(result)


def success(message: str) -> None:
    console.print(message, style="green", markup=False)
