"""Reading sheets row by row: CSV (any encoding, `,` `;` or tab), XLSX and
the other spreadsheet formats calamine reads.

XLSX is read with python-calamine (about six times faster than openpyxl on a
200,000-row sheet, see benchmarks/bench_import.py) unless the sheet is so
large that calamine, which holds the whole sheet, would use too much memory;
then openpyxl streams it in read-only mode. ``DANGDN_XLSX_READER=openpyxl``
or ``=calamine`` forces one.
"""

from __future__ import annotations

import codecs
import csv
import io
import os
import zipfile
from collections.abc import Iterator
from itertools import chain, islice
from pathlib import Path
from typing import Any

from dangdn_cli.i18n import tr
from dangdn_cli.interchange.errors import (
    BadEncoding,
    FileMissing,
    SheetNotFound,
    UnknownEncoding,
    UnreadableFile,
    UnsupportedFile,
)

CSV_SUFFIXES = (".csv", ".txt", ".tsv")
CALAMINE_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".xlsb", ".ods")
# Uncompressed sheet XML above this is streamed with openpyxl: calamine would
# hold about 1.5 times this in memory.
CALAMINE_MAX_XML_BYTES = 200 * 1024 * 1024

Row = tuple[int, list[Any]]  # (row number in the file, cells)


class Source:
    """A sheet read top to bottom. ``rows()`` yields every row with its number
    as the officer sees it (Excel's row number; for CSV the record number)."""

    reader = ""
    sheet: str | None = None

    def rows(self) -> Iterator[Row]:
        raise NotImplementedError

    def fraction(self) -> float | None:
        """How far through the file reading is (0..1), if known."""
        return None

    def close(self) -> None:
        pass


class CsvSource(Source):
    reader = "csv"

    def __init__(self, path: Path, encoding: str | None) -> None:
        name = encoding or _sniff_encoding(path)
        try:
            codec = codecs.lookup(name).name
        except LookupError:
            raise UnknownEncoding(encoding=name) from None
        # Plain UTF-8 would keep a byte-order mark in the first header.
        self.encoding = "utf-8-sig" if codec == "utf-8" else name
        self.path = path
        self.size = max(path.stat().st_size, 1)
        self.raw = open(path, "rb")  # noqa: SIM115 - closed by close()
        self.row = 0

    def rows(self) -> Iterator[Row]:
        text = io.TextIOWrapper(self.raw, encoding=self.encoding, newline="")
        try:
            head = list(islice(text, 30))
            reader = csv.reader(chain(head, text), delimiter=_delimiter(head))
            for row_no, cells in enumerate(reader, start=1):
                self.row = row_no
                yield row_no, cells
        except UnicodeDecodeError:
            raise BadEncoding(
                path=self.path.name, encoding=self.encoding, row=self.row + 1
            ) from None
        except csv.Error as exc:
            raise UnreadableFile(path=self.path.name, detail=str(exc)) from None

    def fraction(self) -> float | None:
        try:
            return min(self.raw.tell() / self.size, 1.0)
        except ValueError:  # closed
            return 1.0

    def close(self) -> None:
        self.raw.close()


def _sniff_encoding(path: Path) -> str:
    """UTF-16 when the file starts with its byte-order mark (Excel's "Unicode
    text"), else UTF-8 with or without BOM."""
    with open(path, "rb") as handle:
        start = handle.read(2)
    return "utf-16" if start in (b"\xff\xfe", b"\xfe\xff") else "utf-8-sig"


def _delimiter(lines: list[str]) -> str:
    """`,` unless `;` (Excel in a Vietnamese locale) or tab splits the top
    lines more consistently; quoted text does not count."""
    best, score = ",", (0, 0)
    for candidate in (",", ";", "\t"):
        counts = [_count_outside_quotes(line, candidate) for line in lines]
        used = [n for n in counts if n]
        candidate_score = (len(used), max(used, default=0))
        if candidate_score > score:
            best, score = candidate, candidate_score
    return best


def _count_outside_quotes(line: str, char: str) -> int:
    count, quoted = 0, False
    for ch in line:
        if ch == '"':
            quoted = not quoted
        elif ch == char and not quoted:
            count += 1
    return count


class CalamineSource(Source):
    reader = "calamine"

    def __init__(self, path: Path, sheet: str | None) -> None:
        from python_calamine import CalamineWorkbook

        try:
            self.book = CalamineWorkbook.from_path(str(path))
        except Exception as exc:  # a corrupt or password-protected file
            raise UnreadableFile(path=path.name, detail=_first_line(exc)) from None
        names = list(self.book.sheet_names)
        self.sheet = _pick_sheet(path, names, sheet)
        self.data = self.book.get_sheet_by_name(self.sheet)
        self.total = self.data.end[0] + 1 if self.data.end else 1
        self.row = 0

    def rows(self) -> Iterator[Row]:
        pad = [None] * (self.data.start[1] if self.data.start else 0)
        # calamine yields from the sheet's first row, from its first used column.
        for row_no, cells in enumerate(self.data.iter_rows(), start=1):
            self.row = row_no
            yield row_no, [*pad, *(None if c == "" else c for c in cells)]

    def fraction(self) -> float | None:
        return min(self.row / self.total, 1.0)

    def close(self) -> None:
        self.book.close()


class OpenpyxlSource(Source):
    reader = "openpyxl"

    def __init__(self, path: Path, sheet: str | None) -> None:
        from openpyxl import load_workbook

        try:
            self.book = load_workbook(path, read_only=True, data_only=True)
        except Exception as exc:
            raise UnreadableFile(path=path.name, detail=_first_line(exc)) from None
        self.sheet = _pick_sheet(path, list(self.book.sheetnames), sheet)
        self.data = self.book[self.sheet]
        self.total = max(self.data.max_row or 1, 1)
        self.row = 0

    def rows(self) -> Iterator[Row]:
        for row_no, cells in enumerate(self.data.iter_rows(values_only=True), start=1):
            self.row = row_no
            yield row_no, list(cells)

    def fraction(self) -> float | None:
        return min(self.row / self.total, 1.0)

    def close(self) -> None:
        self.book.close()


def _first_line(exc: Exception) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def _pick_sheet(path: Path, names: list[str], wanted: str | None) -> str:
    if not names:
        raise UnreadableFile(path=path.name, detail=tr("không có trang tính", "no sheets"))
    if wanted is None:
        return names[0]
    if wanted in names:
        return wanted
    folded = {n.strip().casefold(): n for n in names}
    if wanted.strip().casefold() in folded:
        return folded[wanted.strip().casefold()]
    raise SheetNotFound(path=path.name, sheet=wanted, sheets=", ".join(names))


def _sheet_xml_size(path: Path) -> int:
    try:
        with zipfile.ZipFile(path) as archive:
            sizes = [
                i.file_size for i in archive.infolist() if i.filename.startswith("xl/worksheets/")
            ]
    except (zipfile.BadZipFile, OSError):
        return 0
    return max(sizes, default=0)


def xlsx_reader(path: Path) -> str:
    """Which reader an XLSX file gets: calamine, or openpyxl for a huge sheet."""
    forced = os.environ.get("DANGDN_XLSX_READER", "").strip().lower()
    if forced in ("calamine", "openpyxl"):
        return forced
    return "openpyxl" if _sheet_xml_size(path) > CALAMINE_MAX_XML_BYTES else "calamine"


def open_source(path: Path, sheet: str | None = None, encoding: str | None = None) -> Source:
    if not path.is_file():
        raise FileMissing(path=str(path))
    suffix = path.suffix.lower()
    if suffix in CSV_SUFFIXES:
        return CsvSource(path, encoding)
    if suffix in (".xlsx", ".xlsm") and xlsx_reader(path) == "openpyxl":
        return OpenpyxlSource(path, sheet)
    if suffix in CALAMINE_SUFFIXES:
        return CalamineSource(path, sheet)
    raise UnsupportedFile(suffix=suffix or path.name)
