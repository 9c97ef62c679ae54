"""Reading the example CSV files: their rows as dicts of stripped text, the
cells as text, dates, numbers and yes/no flags, and loading rows one by one
so that a bad row is reported with its file and row number."""

from __future__ import annotations

import csv
from collections.abc import Callable
from datetime import date
from pathlib import Path

from dangdn_cli import errors, validate
from dangdn_cli.demo import errors as demo_errors

Row = dict[str, str]


def read_csv(path: Path) -> list[Row]:
    """Rows of a UTF-8 CSV file (with or without BOM) as dicts of stripped text."""
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return [
            {(k or "").strip(): (v or "").strip() for k, v in row.items()}
            for row in csv.DictReader(handle)
        ]


def text(row: Row, key: str) -> str | None:
    value = (row.get(key) or "").strip()
    return value or None


def day(row: Row, key: str) -> date | None:
    return validate.parse_date(text(row, key))


def number(row: Row, key: str) -> int | None:
    value = text(row, key)
    return None if value is None else int(value)


def flag(row: Row, key: str) -> bool | None:
    """x / yes / có / 1 / true -> True; no / không / 0 / false -> False; empty -> None."""
    value = text(row, key)
    if value is None:
        return None
    return value.lower() in ("x", "yes", "có", "co", "1", "true")


def load_rows(
    file_name: str,
    rows: list[Row],
    load_row: Callable[[Row], None],
    error: type[demo_errors.ExampleDataError] = demo_errors.ExampleDataError,
) -> int:
    """Call ``load_row`` with each row in file order; a row it refuses raises
    ``error`` naming the file and the row (the header is row 1). Returns the
    number of rows."""
    for line, row in enumerate(rows, start=2):
        try:
            load_row(row)
        except errors.DangdnError as exc:
            raise error(file=file_name, row=line, message=exc.message()) from exc
        except (KeyError, ValueError) as exc:
            raise error(file=file_name, row=line, message=repr(exc)) from exc
    return len(rows)
