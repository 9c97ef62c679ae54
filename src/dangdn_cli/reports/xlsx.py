"""The Excel annex (biểu mẫu): the figures broken down by commune (or
industrial zone) and by sector with a totals row equal to the report's
figures, the lists behind the report, and a sheet per fieldwork section.

Numbers are written as numbers (rates as a percent format), headers bold, the
header row frozen. Sheet texts are Vietnamese, like the report they annex.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from dangdn_cli import catalogue
from dangdn_cli.analysis import breakdown
from dangdn_cli.catalogue import is_rate
from dangdn_cli.reports.collect import ReportData, flatten
from dangdn_cli.reports.context import vietnamese
from dangdn_cli.reports.errors import writing
from dangdn_cli.vocabulary import ENTITY, MEMBER_TYPE, ORG_TYPE, SECTOR, grade_label

INT_FORMAT = "#,##0"
RATE_FORMAT = "0.0%"
MONEY_FORMAT = "#,##0"
GROUP_KINDS = {"zone": "Khu công nghiệp", "commune": "Xã/phường", "sector": "Loại hình"}


def breakdown_columns() -> list[tuple[str, str]]:
    """The columns of the breakdown sheets: (key, header)."""
    return [
        ("enterprises", ENTITY.label("enterprise", capital=True)),
        ("workers", "Lao động"),
        ("party_orgs", ORG_TYPE.label("party", capital=True)),
        ("party_members", MEMBER_TYPE.label("party", capital=True)),
        ("unions", ORG_TYPE.label("union", capital=True)),
        ("union_members", MEMBER_TYPE.label("union", capital=True)),
        ("youth", ORG_TYPE.label("youth", capital=True)),
        ("women", ORG_TYPE.label("women", capital=True)),
        ("veterans", ORG_TYPE.label("veterans", capital=True)),
        ("union_coverage_rate", "Tỷ lệ có công đoàn"),
    ]


def _sheet(
    book: Any,
    title: str,
    headers: list[str],
    rows: list[list[Any]],
    formats: dict[int, str] | None = None,
    total: list[Any] | None = None,
    freeze: str = "A2",
) -> Any:
    """A sheet with a bold frozen header row, number formats per column and
    widths that fit the text."""
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter

    formats = formats or {}
    sheet = book.create_sheet(title=title[:31])
    sheet.append(headers)
    for row in rows:
        sheet.append(row)
    if total is not None:
        sheet.append(total)
    bold = Font(bold=True)
    thin = Side(style="thin", color="999999")
    fill = PatternFill("solid", fgColor="DDE6F0")
    for cell in sheet[1]:
        cell.font = bold
        cell.fill = fill
        cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
        cell.border = Border(bottom=thin)
    if total is not None:
        for cell in sheet[sheet.max_row]:
            cell.font = bold
            cell.border = Border(top=thin)
    for index, fmt in formats.items():
        for (cell,) in sheet.iter_rows(min_row=2, min_col=index + 1, max_col=index + 1):
            cell.number_format = fmt
    for index, header in enumerate(headers):
        texts = [str(header)] + [
            str(r[index]) for r in rows if index < len(r) and r[index] is not None
        ]
        longest = max(len(t) for t in texts)
        width = min(45, max(8, longest + 2))
        if index in formats:
            width = min(width, max(10, len(str(header)) // 2 + 2))
        sheet.column_dimensions[get_column_letter(index + 1)].width = width
    sheet.row_dimensions[1].height = 32
    sheet.freeze_panes = freeze
    return sheet


def _group_name(row: dict[str, Any], by: str) -> str:
    if not row.get("group"):
        return "(chưa rõ)"
    if by == "sector":
        return SECTOR.label(row["group"], form="long")
    return str(row["group"])


def _breakdown_sheet(
    book: Any, title: str, rows: list[dict[str, Any]], by: str, figures: dict[str, Any]
) -> None:
    columns = breakdown_columns()
    first = "Xã/phường, khu công nghiệp" if by == "commune" else "Loại hình"
    headers = ["STT", first]
    if by == "commune":
        headers.append("Là")
    headers.extend(h for _, h in columns)
    lead = len(headers) - len(columns)
    body = []
    for n, row in enumerate(rows, start=1):
        line: list[Any] = [n, _group_name(row, by)]
        if by == "commune":
            line.append(GROUP_KINDS.get(row.get("group_kind") or "", ""))
        line += [row.get(key) for key, _ in columns]
        body.append(line)
    totals = breakdown.totals(rows)
    # The report's own rate, so the annex and the report agree to the digit.
    totals["union_coverage_rate"] = figures.get("union_coverage", {}).get(
        "rate", totals["union_coverage_rate"]
    )
    total: list[Any] = ["", "Tổng cộng"] + ([""] if by == "commune" else [])
    total += [totals.get(key) for key, _ in columns]
    formats = {lead + i: INT_FORMAT for i in range(len(columns))}
    formats[len(headers) - 1] = RATE_FORMAT
    _sheet(book, title, headers, body, formats, total, freeze="C2")


def _figures_sheet(book: Any, data: ReportData) -> None:
    names = [name for name in flatten(data.figures) if not name.startswith("period.")]
    flat = flatten(data.figures)
    rows = [[name, catalogue.label(name), flat[name]] for name in names]
    sheet = _sheet(book, "Số liệu", ["Tên số liệu", "Ý nghĩa", "Giá trị"], rows)
    _value_formats(sheet, names, first_col=3, last_col=3)


def _value_formats(sheet: Any, names: list[str], first_col: int, last_col: int) -> None:
    """Each body row's value cells as a percent when the row's figure is a
    rate, else as a whole number."""
    rows = sheet.iter_rows(min_row=2, min_col=first_col, max_col=last_col)
    for name, cells in zip(names, rows, strict=True):
        for cell in cells:
            cell.number_format = RATE_FORMAT if is_rate(name) else INT_FORMAT


def _section_sheet(book: Any, title: str, section: str, data: ReportData) -> None:
    """A fieldwork section's figures, one per row."""
    values = data.figures.get(section)
    if section == "ratings":
        rows = [
            [ORG_TYPE.label(kind), grade_label(grade, kind, capital=True), count]
            for kind, grades in (values or {}).items()
            for grade, count in (grades or {}).items()
        ]
        _sheet(book, title, ["Loại tổ chức", "Xếp loại", "Số tổ chức"], rows, {2: INT_FORMAT})
        return
    flat = flatten({section: values or {}})
    sheet = _sheet(
        book, title, ["Số liệu", "Giá trị"], [[catalogue.label(n), v] for n, v in flat.items()]
    )
    _value_formats(sheet, list(flat), first_col=2, last_col=2)


def write(data: ReportData, out: Path) -> Path:
    """Write the annex workbook to ``out`` (.xlsx), in Vietnamese."""
    with vietnamese():
        return _write(data, out)


def _write(data: ReportData, out: Path) -> Path:
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)
    _breakdown_sheet(book, "Theo xã, phường, KCN", data.by_commune, "commune", data.figures)
    _breakdown_sheet(book, "Theo loại hình", data.by_sector, "sector", data.figures)
    _figures_sheet(book, data)
    figures = data.figures
    if figures.get("targets"):
        rows = [
            [
                t.get("plan"),
                catalogue.label(t.get("figure", "")),
                t.get("target"),
                t.get("achieved"),
                t.get("rate"),
                "Đúng tiến độ" if t.get("on_track") else "Chậm tiến độ",
            ]
            for t in figures["targets"]
        ]
        _sheet(
            book,
            "Chỉ tiêu",
            ["Kế hoạch", "Chỉ tiêu", "Mục tiêu", "Đã đạt", "Tỷ lệ", "Đánh giá"],
            rows,
            {4: RATE_FORMAT},
        )
    if figures.get("funding"):
        rows = [
            [
                f.get("plan"),
                ORG_TYPE.label(f.get("type", "")),
                f.get("founded"),
                f.get("paid_for"),
                f.get("amount_per_org"),
                f.get("total"),
            ]
            for f in figures["funding"]
        ]
        total = [
            "Tổng cộng",
            "",
            "",
            "",
            "",
            sum(int(f.get("total") or 0) for f in figures["funding"]),
        ]
        _sheet(
            book,
            "Kinh phí hỗ trợ",
            [
                "Kế hoạch",
                "Loại tổ chức",
                "Thành lập",
                "Được hỗ trợ",
                "Mức hỗ trợ (đ)",
                "Thành tiền (đ)",
            ],
            rows,
            {2: INT_FORMAT, 3: INT_FORMAT, 4: MONEY_FORMAT, 5: MONEY_FORMAT},
            total,
        )
    if data.founded_orgs:
        rows = [
            [
                n,
                ORG_TYPE.label(o["type"]),
                o["name"],
                "; ".join(e["name"] or e["tax_code"] for e in o["enterprises"]),
                o["on"],
                o["decision"],
            ]
            for n, o in enumerate(data.founded_orgs, start=1)
        ]
        sheet = _sheet(
            book,
            "Tổ chức thành lập",
            ["STT", "Loại", "Tên tổ chức", "Doanh nghiệp", "Ngày thành lập", "Quyết định"],
            rows,
        )
        for (cell,) in sheet.iter_rows(min_row=2, min_col=5, max_col=5):
            cell.number_format = "DD/MM/YYYY"
    if data.eligible:
        rows = [
            [
                n,
                e.get("name"),
                e.get("tax_code"),
                e.get("commune"),
                e.get("zone"),
                ORG_TYPE.label(e["type"]),
            ]
            for n, e in enumerate(data.eligible, start=1)
        ]
        _sheet(
            book,
            "Đủ ĐK chưa có TC",
            [
                "STT",
                "Doanh nghiệp",
                "Mã số thuế",
                "Xã/phường",
                "Khu công nghiệp",
                "Đủ điều kiện lập",
            ],
            rows,
        )
    sections = {
        "outreach": "Tiếp cận DN",
        "activities": "Học tập, sinh hoạt",
        "ratings": "Đánh giá, xếp loại",
        "recognition": "Mô hình, khen thưởng",
    }
    for section, title in sections.items():
        if section in figures:
            _section_sheet(book, title, section, data)
    if data.review:
        names = [r["figure"] for r in data.review["rows"]]
        rows = [
            [catalogue.label(r["figure"]), r["start"], r["end"], r["change"]]
            for r in data.review["rows"]
        ]
        sheet = _sheet(
            book,
            "Sơ kết",
            [
                "Số liệu",
                f"Đầu kỳ ({data.review['start_on']})",
                f"Cuối kỳ ({data.review['end_on']})",
                "Tăng, giảm",
            ],
            rows,
        )
        _value_formats(sheet, names, first_col=2, last_col=4)
    out = Path(out)
    with writing(out):
        book.save(out)
    return out
