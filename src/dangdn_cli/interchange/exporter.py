"""Export enterprises, members and organisations as of a date to .csv (UTF-8
with BOM, so Excel shows Vietnamese) or .xlsx (bold frozen header, column
widths, real dates). The headers are the ones ``dangdn import`` reads, so an
exported sheet imports back unchanged.

Text cells are neutralised against formula injection (``=``, ``+``, ``-``,
``@``, tab, CR: a quote is put in front; import removes it). Citizen IDs are
masked unless ``reveal``; a masked sheet cannot bring the IDs back.
"""

from __future__ import annotations

import csv
import os
import tempfile
from collections.abc import Iterator, Sequence
from datetime import date, datetime
from pathlib import Path
from types import TracebackType
from typing import Any

from sqlalchemy import RowMapping, Select, and_, func, select
from sqlmodel import Session

from dangdn_cli.i18n import mask_id, tr
from dangdn_cli.interchange import columns
from dangdn_cli.interchange.cells import Column, display, neutralise
from dangdn_cli.interchange.errors import CannotWrite, UnsupportedExport
from dangdn_cli.models import (
    Employment,
    Enterprise,
    Membership,
    Organization,
    OrganizationEnterprise,
    Person,
)
from dangdn_cli.registry import history
from dangdn_cli.registry.history import table_of

SUFFIXES = (".csv", ".xlsx")
DATE_FORMAT = "DD/MM/YYYY"
STREAM = 2000


def _csv_value(value: Any) -> Any:
    """Text is quoted (csv.QUOTE_NONNUMERIC), numbers are not."""
    if value is None:
        return ""
    if isinstance(value, str):
        return neutralise(value)
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, datetime):
        return value.strftime("%d/%m/%Y %H:%M:%S")
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    return value


class SheetWriter:
    """Writes rows to .csv or .xlsx as they come (nothing held in memory).

    The file appears only when writing succeeds (a temporary file is renamed).
    """

    def __init__(
        self,
        path: Path,
        headers: Sequence[str],
        widths: Sequence[int] | None = None,
        title: str = "Sheet1",
    ) -> None:
        self.path = path
        self.suffix = path.suffix.lower()
        if self.suffix not in SUFFIXES:
            raise UnsupportedExport(suffix=self.suffix or path.name)
        self.rows = 0
        try:
            handle, tmp = tempfile.mkstemp(
                prefix=f".{path.name}.", suffix=self.suffix, dir=path.parent
            )
        except OSError as exc:
            raise CannotWrite(path=str(path), detail=exc.strerror or str(exc)) from None
        self.tmp = Path(tmp)
        if self.suffix == ".csv":
            self.file = os.fdopen(handle, "w", encoding="utf-8-sig", newline="")
            # Quoted text keeps a tab or `;` in a cell from looking like a separator.
            self.csv = csv.writer(self.file, quoting=csv.QUOTE_NONNUMERIC)
            self.csv.writerow([neutralise(h) for h in headers])
        else:
            os.close(handle)
            self._open_xlsx(headers, widths, title)

    def _open_xlsx(self, headers: Sequence[str], widths: Sequence[int] | None, title: str) -> None:
        from openpyxl import Workbook
        from openpyxl.cell import WriteOnlyCell
        from openpyxl.styles import Font
        from openpyxl.utils import get_column_letter

        self.book = Workbook(write_only=True)
        self.sheet = self.book.create_sheet(title[:31])
        self.sheet.freeze_panes = "A2"
        for i, width in enumerate(widths or [], start=1):
            self.sheet.column_dimensions[get_column_letter(i)].width = width
        bold = Font(bold=True)
        cells = []
        for header in headers:
            cell = WriteOnlyCell(self.sheet, value=neutralise(header))
            cell.font = bold
            cells.append(cell)
        self.sheet.append(cells)
        self._cell = WriteOnlyCell

    def write(self, values: Sequence[Any]) -> None:
        self.rows += 1
        if self.suffix == ".csv":
            self.csv.writerow([_csv_value(v) for v in values])
            return
        out: list[Any] = []
        for value in values:
            if isinstance(value, str):
                out.append(neutralise(value) or None)
            elif isinstance(value, date):
                cell = self._cell(self.sheet, value=value)
                cell.number_format = DATE_FORMAT
                out.append(cell)
            else:
                out.append(value)
        self.sheet.append(out)

    def close(self) -> None:
        try:
            if self.suffix == ".csv":
                self.file.close()
            else:
                self.book.save(self.tmp)
            os.replace(self.tmp, self.path)
        except OSError as exc:
            self.tmp.unlink(missing_ok=True)
            raise CannotWrite(path=str(self.path), detail=exc.strerror or str(exc)) from None

    def abort(self) -> None:
        if self.suffix == ".csv":
            self.file.close()
        self.tmp.unlink(missing_ok=True)

    def __enter__(self) -> SheetWriter:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if kind is None:
            self.close()
        else:
            self.abort()


# ---------------------------------------------------------------------------
# What each sheet holds, as dicts keyed by column key, in a stable order.


def _stream(session: Session, stmt: Select[Any]) -> Iterator[RowMapping]:
    """The rows of a query as mappings, fetched in batches of ``STREAM``."""
    return session.connection().execution_options(yield_per=STREAM).execute(stmt).mappings()


def _enterprise_rows(session: Session, on: date, reveal: bool) -> Iterator[dict[str, Any]]:
    state = history.enterprise_state(on).subquery()
    stmt = select(state).order_by(state.c.tax_code)
    for row in _stream(session, stmt):
        record = dict(row)
        for flag in ("stable_operation", "law_compliant"):
            record[flag] = None if row[flag] is None else bool(row[flag])
        yield record


def _member_rows(session: Session, on: date, reveal: bool) -> Iterator[dict[str, Any]]:
    emp = table_of(Employment).c
    # One job per person (the latest started) so a member is exported once.
    ranked = (
        select(
            emp.person_id,
            emp.enterprise_id,
            emp.start_on,
            emp.stable,
            emp.role,
            func.row_number()
            .over(partition_by=emp.person_id, order_by=(emp.start_on.desc(), emp.id.desc()))
            .label("rank_"),
        )
        .where(history.employment_active(on))
        .subquery()
    )
    m = table_of(Membership).c
    p = table_of(Person).c
    org = table_of(Organization).c
    ent = table_of(Enterprise).c
    stmt = (
        select(
            p.full_name,
            p.birth_date,
            p.gender,
            p.id_number,
            m.type,
            ent.tax_code,
            m.joined_on,
            m.status,
            m.official_on,
            org.id.label("organization_id"),
            org.name.label("org_name"),
            m.residence,
            ranked.c.role,
            ranked.c.stable,
            ranked.c.start_on,
        )
        .select_from(table_of(Membership))
        .join(table_of(Person), p.id == m.person_id)
        # The organisation only while it exists on the day: a member recorded
        # in a cell founded later (or dissolved already) had none then.
        .join(
            table_of(Organization),
            and_(
                org.id == m.organization_id, history.in_force(org.founded_on, org.dissolved_on, on)
            ),
            isouter=True,
        )
        .join(ranked, and_(ranked.c.person_id == m.person_id, ranked.c.rank_ == 1), isouter=True)
        .join(table_of(Enterprise), ent.id == ranked.c.enterprise_id, isouter=True)
        .where(history.membership_active(on))
        .order_by(m.type, p.name_key, m.id)
    )
    for row in _stream(session, stmt):
        party = row["type"] == "party"
        status = None
        if party:
            official_on = row["official_on"]
            official = official_on <= on if official_on else row["status"] == "official"
            status = "official" if official else "probationary"
        yield {
            "name": row["full_name"],
            "birth_date": row["birth_date"],
            "gender": row["gender"],
            "id_number": mask_id(row["id_number"], reveal) or None,
            "type": row["type"],
            "enterprise": row["tax_code"],
            "joined_on": row["joined_on"],
            "status": status,
            "official_on": row["official_on"] if party else None,
            "org_id": row["organization_id"],
            "org_name": row["org_name"],
            "residence": bool(row["residence"]) if party else None,
            "role": row["role"],
            "stable": None if row["stable"] is None else bool(row["stable"]),
            "employed_from": row["start_on"],
        }


def _org_rows(session: Session, on: date, reveal: bool) -> Iterator[dict[str, Any]]:
    org = table_of(Organization).c
    link = table_of(OrganizationEnterprise).c
    ent = table_of(Enterprise).c
    founded = org.founded_on <= on
    orgs = _stream(session, select(table_of(Organization)).where(founded).order_by(org.id))
    codes = iter(
        session.connection()
        .execute(
            select(link.organization_id, ent.tax_code)
            .join(table_of(Organization), org.id == link.organization_id)
            .join(table_of(Enterprise), ent.id == link.enterprise_id)
            .where(founded)
            .order_by(link.organization_id, ent.tax_code)
        )
        .all()
    )
    pending = next(codes, None)
    for row in orgs:
        own: list[str] = []
        while pending is not None and pending[0] <= row["id"]:
            if pending[0] == row["id"]:
                own.append(pending[1])
            pending = next(codes, None)
        dissolved = row["dissolved_on"] is not None and row["dissolved_on"] <= on
        yield {
            "id": row["id"],
            "type": row["type"],
            "name": row["name"],
            "enterprises": own,
            "founded_on": row["founded_on"],
            "decision": row["decision"],
            "superior": row["superior"],
            "leader": row["leader"],
            "dissolved_on": row["dissolved_on"] if dissolved else None,
            "dissolution_decision": row["dissolution_decision"] if dissolved else None,
        }


SOURCES = {"enterprises": _enterprise_rows, "members": _member_rows, "orgs": _org_rows}
TITLES = {
    "enterprises": ("Doanh nghiệp", "Enterprises"),
    "members": ("Thành viên", "Members"),
    "orgs": ("Tổ chức", "Organisations"),
}


def export(
    session: Session, kind: str, path: Path, on: date, reveal: bool = False
) -> dict[str, Any]:
    """Write the sheet of ``kind`` as of ``on`` to ``path``; returns what was written."""
    kind = columns.sheet_kind(kind)
    spec: tuple[Column, ...] = columns.SPECS[kind]
    rows = SOURCES[kind](session, on, reveal)
    with SheetWriter(
        path, [c.header() for c in spec], [c.width for c in spec], tr(*TITLES[kind])
    ) as sheet:
        for record in rows:
            sheet.write([display(c, record.get(c.key)) for c in spec])
    return {
        "type": kind,
        "file": str(path),
        "rows": sheet.rows,
        "as_of": on,
        "revealed": bool(reveal and kind == "members"),
    }
