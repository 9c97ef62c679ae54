"""Printing for people (Rich tables fitted to the terminal, records, summaries)
and for scripts (JSON on stdout), and the two shapes of most answers: one
record, or rows, each as JSON or for people. Printers of one command's
answers that another command also shows live in this package's modules
(``eligibility``, ``plans``)."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from datetime import date, datetime
from typing import Any

from rich import box
from rich.cells import cell_len
from rich.console import Console
from rich.measure import Measurement
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
    if isinstance(value, datetime):
        return fmt_date(value.date())
    if isinstance(value, date):
        return fmt_date(value)
    if isinstance(value, (list, tuple)):
        return ", ".join(cell(v) for v in value)
    return str(value)


def as_text(value: Any) -> str:
    """A value as it is, digits not grouped (a year reads 2024, not 2.024)."""
    return "" if value is None else str(value)


Column = tuple[str, str, str]  # key, Vietnamese header, English header

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
# Codes and dates read badly when broken over two lines.
NO_WRAP_KEYS = {"tax_code", "enterprise", "id_number", "at"}
# Columns of names, which get at least 18 characters.
WIDE_KEYS = {"name", "organization"}


def _no_wrap(key: str) -> bool:
    return key in NUMERIC_KEYS or key in NO_WRAP_KEYS or key.endswith(("_on", "_date"))


def table(
    rows: Iterable[dict[str, Any]],
    columns: Sequence[Column],
    title: str | None = None,
    formatters: dict[str, Callable[[Any], str]] | None = None,
    drop_empty: bool = False,
    width: int | None = None,
) -> Table:
    """A Rich table fitted to ``width`` (default: the terminal's).

    ``drop_empty`` leaves out columns with nothing in them. When the table is
    too wide, codes, numbers and dates keep their width and text columns
    share the rest, names getting the most."""
    formatters = formatters or {}
    rendered = [[formatters.get(key, cell)(row.get(key)) for key, _, _ in columns] for row in rows]
    keep = [
        i
        for i in range(len(columns))
        if not drop_empty or not rendered or any(r[i] for r in rendered)
    ]
    headers = [tr(columns[i][1], columns[i][2]) for i in keep]
    keys = [columns[i][0] for i in keep]
    widths = _fit(
        keys,
        headers,
        [[r[i] for r in rendered] for i in keep],
        (width or console.width) - (2 * len(keep) + 1),
    )
    result = Table(
        title=title,
        header_style="bold",
        title_justify="left",
        title_style="bold",
        box=box.SIMPLE_HEAD,
        padding=(0, 1, 0, 0),
    )
    for key, header, fitted in zip(keys, headers, widths, strict=True):
        result.add_column(
            header,
            justify="right" if key in NUMERIC_KEYS else "left",
            no_wrap=_no_wrap(key),
            overflow="fold",
            width=fitted,
        )
    for values in rendered:
        result.add_row(*(values[i] for i in keep))
    return result


def _fit(
    keys: Sequence[str], headers: Sequence[str], values: Sequence[Sequence[str]], available: int
) -> list[int | None]:
    """Column widths that fit ``available`` characters, or None (natural) each."""
    natural = [
        max([cell_len(header), *(cell_len(line) for v in column for line in v.splitlines())])
        for header, column in zip(headers, values, strict=True)
    ]
    if sum(natural) <= available:
        return [None] * len(keys)
    floors = []
    for key, header, full in zip(keys, headers, natural, strict=True):
        if _no_wrap(key):
            floors.append(full)
        else:
            word = max((cell_len(w) for w in header.split()), default=0)
            floors.append(min(full, max(word, 18 if key in WIDE_KEYS else 10)))
    spare = available - sum(floors)
    if spare <= 0:
        return list(floors)
    widths = list(floors)
    # Names first: a name read whole matters more than a long note.
    for i, key in enumerate(keys):
        if key in WIDE_KEYS and spare > 0:
            extra = min(natural[i] - widths[i], spare)
            widths[i] += extra
            spare -= extra
    wants = [full - width for full, width in zip(natural, widths, strict=True)]
    total = sum(wants) or 1
    return [width + want * spare // total for width, want in zip(widths, wants, strict=True)]


def print_table(
    rows: Sequence[dict[str, Any]],
    columns: Sequence[Column],
    title: str | None = None,
    formatters: dict[str, Callable[[Any], str]] | None = None,
    drop_empty: bool = True,
) -> None:
    built = table(rows, columns, title, formatters, drop_empty)
    # Codes and dates are never cut: when they alone overflow the terminal,
    # render wider and let the terminal wrap the lines.
    needed = Measurement.get(console, console.options.update(max_width=1_000), built).minimum
    target = console if needed <= console.width else Console(highlight=False, width=needed)
    target.print(built)
    if not rows:
        console.print(tr("(không có dòng nào)", "(no rows)"), style="dim")


def print_record(
    record: dict[str, Any],
    labels: dict[str, tuple[str, str]],
    formatters: dict[str, Callable[[Any], str]] | None = None,
    skip_empty: bool = True,
) -> None:
    """A single record as a two-column table of label and value (empty
    values left out unless ``skip_empty`` is False)."""
    formatters = formatters or {}
    result = Table(show_header=False, box=None, pad_edge=False)
    result.add_column(style="bold", no_wrap=True)
    result.add_column(overflow="fold")
    for key, (vi, en) in labels.items():
        if key not in record:
            continue
        text = formatters.get(key, cell)(record[key])
        if text or not skip_empty:
            result.add_row(tr(vi, en), text)
    console.print(result)


def print_summary(title: str, rows: Sequence[tuple[str, Any]]) -> None:
    """A small two-column table of label and number (for the demo summary)."""
    result = Table(
        title=title,
        title_justify="left",
        title_style="bold",
        show_header=False,
        box=box.SIMPLE,
        pad_edge=False,
    )
    result.add_column()
    result.add_column(justify="right")
    for name, value in rows:
        result.add_row(name, cell(value))
    console.print(result)


def print_record_or_json(
    record: dict[str, Any],
    as_json: bool,
    labels: dict[str, tuple[str, str]],
    message: str | None = None,
    formatters: dict[str, Callable[[Any], str]] | None = None,
    shown: dict[str, Any] | None = None,
) -> None:
    """A command's answer about one record: the record as JSON for scripts;
    for people the ``message`` (if any) and the record (or ``shown``, the same
    record as a person reads it) as label and value."""
    if as_json:
        print_json(record)
        return
    if message:
        success(message)
    print_record(record if shown is None else shown, labels, formatters)


def print_table_or_json(
    rows: Sequence[dict[str, Any]],
    as_json: bool,
    columns: Sequence[Column],
    title: str | None = None,
    formatters: dict[str, Callable[[Any], str]] | None = None,
    shown: Sequence[dict[str, Any]] | None = None,
) -> None:
    """A command's answer of many rows: JSON for scripts, a table for people
    (of ``shown``, the same rows as a person reads them, if given)."""
    if as_json:
        print_json(rows)
    else:
        print_table(rows if shown is None else shown, columns, title, formatters)


def success(message: str) -> None:
    # Not wrapped: a message often ends with a path to copy.
    console.print(message, style="green", markup=False, soft_wrap=True)
