"""What every import of a sheet shares: the errors it reports, its options,
finding the header row, and the ``Importer`` base class each kind of sheet
(``import_enterprises``, ``import_members``, ``import_orgs``) extends.

How an import runs (one transaction, nothing held in memory but a batch):
1. The sheet is read row by row; the header row is found among the first
   rows by its names (see ``columns``), so title lines above it are fine.
2. Each row is parsed and checked with the registry's validators and put,
   batch by batch, in a temporary staging table (with the row's problems in a
   second one). Nothing is written to the registry yet.
3. Set-based SQL over the staging table finds duplicates inside the file,
   unknown enterprises or organisations, and compares rows that already exist
   with the facts in force, deciding per row: new, same, update, skip, or a
   conflict (``--on-conflict``).
4. Any bad row and no ``--skip-bad``: the report (and ``--rejects`` sheet) is
   produced and the transaction rolled back. Otherwise the good rows are
   written with ``INSERT … SELECT`` from the staging table, and one audit row
   records the counts.

Re-importing a file changes nothing: rows equal to the registry are "same".
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from operator import itemgetter
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection
from sqlmodel import Session

from dangdn_cli import clock, errors
from dangdn_cli.i18n import fmt_date, tr
from dangdn_cli.interchange import columns
from dangdn_cli.interchange.cells import Column, display
from dangdn_cli.interchange.errors import (
    DiffersFromRegistry,
    DuplicateColumn,
    DuplicateInFile,
    MissingColumn,
)
from dangdn_cli.interchange.read import Row
from dangdn_cli.models import Enterprise
from dangdn_cli.registry.history import table_of

BATCH = 1000
REPORT_PROBLEMS = 1000  # problems listed in the report; --rejects has them all
HEADER_SCAN_ROWS = 20
ON_CONFLICT = ("error", "skip", "update")
# (rows read, fraction of the file read, phase: "read", "check" or "write")
Progress = Callable[[int, float | None, str], None]


@dataclass
class Options:
    dry_run: bool = False
    skip_bad: bool = False
    on_conflict: str = "error"
    as_of: date | None = None
    sheet: str | None = None
    encoding: str | None = None
    rejects: Path | None = None
    member_type: str | None = None


@dataclass
class Mapping:
    """Which file column holds which field."""

    header_row: int
    header_cells: list[Any]
    columns: list[tuple[int, Column]]
    ignored: list[str] = field(default_factory=list)

    def headers(self) -> dict[str, str]:
        return {col.key: text_of(self.header_cells[i]) for i, col in self.columns}


@dataclass
class Changes:
    """How a staged row differs from its registry record: the fields, and
    each difference as the officer reads it (header, old, new)."""

    fields: list[str] = field(default_factory=list)
    shown: list[tuple[str, Any, Any]] = field(default_factory=list)

    def note(self, key: str, label: str, old: Any, new: Any) -> None:
        self.fields.append(key)
        self.shown.append((label, old, new))

    def text(self) -> str:
        """ "Số lao động: 50 → 60; Tên: A → B" for a conflict message."""
        return "; ".join(f"{label}: {_show(old)} → {_show(new)}" for label, old, new in self.shown)


def text_of(value: Any) -> str:
    """A cell as the officer typed it, for messages."""
    if value is None:
        return ""
    if isinstance(value, float) and value == int(value):
        return str(int(value))
    if isinstance(value, datetime):
        return fmt_date(value.date())
    if isinstance(value, date):
        return fmt_date(value)
    return str(value).strip()


def empty_row(cells: list[Any]) -> bool:
    return all(c is None or (isinstance(c, str) and not c.strip()) for c in cells)


def find_header(kind: str, rows: Iterator[Row], path: Path) -> Mapping:
    """The header row: the first of the top rows that names the key column."""
    spec = columns.SPECS[kind]
    key = spec[0] if spec[0].required else next(c for c in spec if c.required)
    first: list[Any] | None = None
    for scanned, (row_no, cells) in enumerate(rows):
        if scanned >= HEADER_SCAN_ROWS:
            break
        if empty_row(cells):
            continue
        first = first if first is not None else cells
        matched = [(i, columns.match_header(kind, c)) for i, c in enumerate(cells)]
        if not any(col is key for _, col in matched):
            continue
        found: dict[str, int] = {}
        mapping = Mapping(row_no, list(cells), [])
        for i, col in matched:
            text = text_of(cells[i])
            if col is None:
                if text:
                    mapping.ignored.append(text)
                continue
            if col.kind == "info":
                continue
            if col.key in found:
                raise DuplicateColumn(
                    column=col.header(), first=text_of(cells[found[col.key]]), second=text
                )
            found[col.key] = i
            mapping.columns.append((i, col))
        for col in spec:
            if col.required and col.key not in found:
                raise MissingColumn(
                    path=path.name,
                    column=col.header(),
                    found=", ".join(text_of(c) for c in cells if text_of(c)) or "–",
                    kind=kind,
                )
        return mapping
    raise MissingColumn(
        path=path.name,
        column=key.header(),
        found=", ".join(text_of(c) for c in (first or []) if text_of(c)) or "–",
        kind=kind,
    )


# ---------------------------------------------------------------------------
# The staging tables and the base of each importer.


class Importer:
    """One import: subclasses define the staging columns, how a parsed row is
    staged, the set-based checks and the writes."""

    kind = ""
    entity = ""
    stage_name = ""

    def __init__(self, session: Session, options: Options, mapping: Mapping) -> None:
        self.session = session
        self.conn: Connection = session.connection()
        self.options = options
        self.mapping = mapping
        self.headers = mapping.headers()
        self.present = set(self.headers)
        self.today = clock.today()
        self.on = options.as_of or self.today
        self.now = clock.now()
        metadata = sa.MetaData()
        self.stage = sa.Table(
            self.stage_name,
            metadata,
            sa.Column("row_no", sa.Integer, primary_key=True, autoincrement=False),
            sa.Column("bad", sa.Boolean, nullable=False, default=False),
            sa.Column("action", sa.String(16)),
            *self.stage_columns(),
            prefixes=["TEMPORARY"],
        )
        self.problem = sa.Table(
            "dangdn_import_problem",
            metadata,
            sa.Column("seq", sa.Integer, primary_key=True, autoincrement=True),
            sa.Column("row_no", sa.Integer, nullable=False, index=True),
            sa.Column("col", sa.String),
            sa.Column("value", sa.String),
            sa.Column("reason", sa.String),
            prefixes=["TEMPORARY"],
        )
        self.extra_tables: list[sa.Table] = []
        self._plans: dict[str, tuple[str, list[str], dict[str, Any], list[int]]] = {}
        self.problems: list[dict[str, Any]] = []
        self.counts: dict[str, int] = {}

    # -- hooks ---------------------------------------------------------------
    def stage_columns(self) -> list[sa.Column[Any]]:
        raise NotImplementedError

    def stage_row(self, row_no: int, values: dict[str, Any], bad: bool) -> dict[str, Any]:
        """The staging row of a parsed row; call ``self.flag`` for row-level problems."""
        raise NotImplementedError

    def check(self) -> None:
        """Set-based checks; every good row gets an action."""
        raise NotImplementedError

    def write(self) -> dict[str, int]:
        """Write the rows whose action says so; return counts for the audit."""
        raise NotImplementedError

    def extra_indexes(self) -> list[tuple[str, list[str]]]:
        return []

    # -- helpers ---------------------------------------------------------------
    def create(self) -> None:
        for table in (self.stage, self.problem):
            self.conn.exec_driver_sql(f"DROP TABLE IF EXISTS {table.name}")
            table.create(self.conn)

    def index(self) -> None:
        """Index the loaded staging table (faster than indexing while loading)."""
        for name, cols in self.extra_indexes():
            sa.Index(f"ix_{self.stage_name}_{name}", *(self.stage.c[c] for c in cols)).create(
                self.conn
            )

    def drop(self) -> None:
        for table in (self.stage, self.problem, *self.extra_tables):
            table.drop(self.conn)

    def flag(self, row_no: int, key: str | None, value: Any, reason: str) -> None:
        """Record a problem with a row (``key``: the field, or None for the row)."""
        header = self.label(key) if key else ""
        self.problems.append(
            {"row_no": row_no, "col": header, "value": text_of(value), "reason": reason}
        )
        if len(self.problems) >= BATCH:
            self.flush_problems()

    def label(self, key: str) -> str:
        """The header of a field as the sheet has it, else as ours reads."""
        header = self.headers.get(key)
        if header:
            return header
        column = columns.column(self.kind, key)
        return column.header() if column is not None else key

    def shown(self, key: str, value: Any) -> Any:
        """A value as the officer reads it in a message (labels, not codes)."""
        column = columns.column(self.kind, key)
        if column is None or column.kind not in ("label", "yes_no"):
            return value
        return display(column, value)

    def flag_error(self, row_no: int, key: str | None, value: Any, exc: errors.DangdnError) -> None:
        self.flag(row_no, key, value, exc.message())

    def flush_problems(self) -> None:
        if self.problems:
            self.insert_rows(self.problem, self.problems)
            self.problems = []

    def insert_rows(self, table: sa.Table, rows: list[dict[str, Any]]) -> None:
        """Bulk insert into a staging table with the driver's executemany.

        SQLAlchemy's per-row parameter processing costs more than SQLite's
        insert itself here; staging values are plain (text, int, bool, date),
        so they are handed to the driver as they are (dates as ISO text on
        SQLite, as SQLAlchemy stores them)."""
        if table.name not in self._plans:
            self._plans[table.name] = self._plan(table)
        sql, names, blank, dates = self._plans[table.name]
        get = itemgetter(*names)
        values: list[Any] = [get({**blank, **row}) for row in rows]
        if dates:
            for n, row_values in enumerate(values):
                converted = list(row_values)
                for i in dates:
                    if converted[i] is not None:
                        converted[i] = converted[i].isoformat()
                values[n] = tuple(converted)
        self.conn.exec_driver_sql(sql, values)

    def _plan(self, table: sa.Table) -> tuple[str, list[str], dict[str, Any], list[int]]:
        cols = [c for c in table.columns if not (c.primary_key and c.autoincrement is True)]
        names = [c.name for c in cols]
        blank = {c.name: getattr(c.default, "arg", None) for c in cols}
        style = self.conn.dialect.paramstyle
        marks = ", ".join(
            "?" if style == "qmark" else "%s" if style in ("format", "pyformat") else f":{i + 1}"
            for i in range(len(names))
        )
        sql = f"INSERT INTO {table.name} ({', '.join(names)}) VALUES ({marks})"
        sqlite = self.conn.dialect.name == "sqlite"
        dates = [i for i, c in enumerate(cols) if sqlite and isinstance(c.type, sa.Date)]
        return sql, names, blank, dates

    def pages(self, stmt: sa.Select[Any], size: int = BATCH) -> Iterator[Sequence[Any]]:
        """Rows of a select on the staging table, in pages by row number, so the
        table can be updated between pages."""
        last = 0
        while True:
            page = self.conn.execute(
                stmt.where(self.stage.c.row_no > last).order_by(self.stage.c.row_no).limit(size)
            ).all()
            if not page:
                return
            yield page
            last = page[-1].row_no

    def decide_existing(self, stmt: sa.Select[Any], keys: Sequence[str]) -> None:
        """Page through the staged rows that match a registry record (``stmt``),
        let ``decide`` choose each one's action (and merged values for ``keys``),
        and write the choices back to the staging table."""
        row_no = self.stage.c.row_no
        update = (
            sa.update(self.stage)
            .where(row_no == sa.bindparam("b_row"))
            .values({k: sa.bindparam(f"b_{k}") for k in keys})
        )
        decide = (
            sa.update(self.stage)
            .where(row_no == sa.bindparam("b_row"))
            .values(action=sa.bindparam("b_action"))
        )
        for page in self.pages(stmt):
            decided: list[dict[str, Any]] = []
            updated: list[dict[str, Any]] = []
            for row in page:
                self.decide(row._mapping, decided, updated)
            if decided:
                self.conn.execute(decide, decided)
            if updated:
                self.conn.execute(update, updated)
            self.flush_problems()

    def decide(
        self, row: Any, decided: list[dict[str, Any]], updated: list[dict[str, Any]]
    ) -> None:
        """One existing record's staged row: append ``{b_row, b_action}`` to
        ``decided`` or the merged values to ``updated`` (the subclass's rule)."""
        raise NotImplementedError

    def differs(self, changes: Changes, key: str, old: Any, new: Any) -> bool:
        """Whether the sheet's value of ``key`` (None: not given) differs from
        the registry's; a difference is noted in ``changes``."""
        if new is None or new == old:
            return False
        changes.note(key, self.label(key), self.shown(key, old), self.shown(key, new))
        return True

    def settle(
        self, row_no: int, changes: Changes, decided: list[dict[str, Any]], same: str = "same"
    ) -> bool:
        """Decide a row matching a registry record: ``same`` when nothing
        differs, else as ``--on-conflict`` says: skip, flag the difference, or
        update (True: the caller merges the values)."""
        if not changes.fields:
            decided.append({"b_row": row_no, "b_action": same})
            return False
        if self.options.on_conflict == "skip":
            decided.append({"b_row": row_no, "b_action": "skip"})
            return False
        if self.options.on_conflict == "error":
            error = DiffersFromRegistry(changes=changes.text())
            self.flag_error(row_no, changes.fields[0], changes.shown[0][2], error)
            return False
        return True

    def enterprise_ids(self, table: sa.Table, *where: Any) -> None:
        """Give rows of a staging table the id of the enterprise their tax
        code names (None for an unknown code)."""
        ent = table_of(Enterprise).c
        found = sa.select(ent.id).where(ent.tax_code == table.c.tax_code).scalar_subquery()
        self.conn.execute(sa.update(table).where(*where).values(enterprise_id=found))

    def unknown_enterprises(self, table: sa.Table, key: str) -> None:
        """Flag, on the field ``key``, each tax code of a staging table that
        names no enterprise."""
        t = table.c
        unknown = sa.select(t.row_no, t.tax_code).where(
            t.tax_code.is_not(None), t.enterprise_id.is_(None)
        )
        for row_no, code in self.conn.execute(unknown.order_by(t.row_no, t.tax_code)):
            self.flag_error(row_no, key, code, errors.UnknownEnterprise(tax_code=code))
        self.flush_problems()

    def update_by_id(self, table: sa.Table, rows: list[dict[str, Any]]) -> None:
        """Update records of a registry table: each row maps ``id`` to the
        record and the other keys to the columns to set (all rows alike)."""
        if not rows:
            return
        names = [k for k in rows[0] if k != "id"]
        self.conn.execute(
            sa.update(table)
            .where(table.c.id == sa.bindparam("b_id"))
            .values({k: sa.bindparam(f"b_{k}") for k in names}),
            [{f"b_{k}": v for k, v in row.items()} for row in rows],
        )

    def duplicates(self, keys: list[str], what: str, column: str | None = None) -> None:
        """Flag every row repeating an earlier row's ``keys`` (none of them NULL),
        on the sheet field ``column`` (default the first key)."""
        s = self.stage.c
        cols = [s[k] for k in keys]
        first = (
            sa.select(*cols, sa.func.min(s.row_no).label("first"))
            .where(*(c.is_not(None) for c in cols))
            .group_by(*cols)
            .having(sa.func.count() > 1)
            .subquery()
        )
        shown = column or keys[0]
        stmt = (
            sa.select(s.row_no, first.c.first, s[shown])
            .join(first, sa.and_(*(first.c[k] == s[k] for k in keys)))
            .where(s.row_no > first.c.first)
        )
        for row_no, first_row, value in self.conn.execute(stmt.order_by(s.row_no)):
            self.flag_error(row_no, shown, value, DuplicateInFile(first=first_row, what=what))
        self.flush_problems()

    def undecided(self) -> Any:
        """Rows with no action yet and no problem so far."""
        self.flush_problems()
        s = self.stage.c
        flagged = sa.exists().where(self.problem.c.row_no == s.row_no)
        return sa.and_(s.action.is_(None), s.bad.is_(False), ~flagged)

    def set_action(self, action: str, *where: Any) -> None:
        """Give ``action`` to the undecided rows matching ``where``."""
        self.conn.execute(
            sa.update(self.stage).where(self.undecided(), *where).values(action=action)
        )

    def bad_rows(self) -> int:
        s = self.problem.c
        return int(self.conn.execute(sa.select(sa.func.count(sa.distinct(s.row_no)))).scalar() or 0)

    def reject_problem_rows(self) -> None:
        rows = sa.select(self.problem.c.row_no)
        self.conn.execute(
            sa.update(self.stage)
            .where(self.stage.c.row_no.in_(rows))
            .values(action="rejected", bad=True)
        )

    def action_counts(self) -> dict[str, int]:
        s = self.stage.c
        rows = self.conn.execute(sa.select(s.action, sa.func.count()).group_by(s.action))
        return {str(action): int(n) for action, n in rows}


def _show(value: Any) -> str:
    if value is None:
        return "∅"
    if isinstance(value, bool):
        return tr("có", "yes") if value else tr("không", "no")
    if isinstance(value, date):
        return fmt_date(value)
    return str(value)
