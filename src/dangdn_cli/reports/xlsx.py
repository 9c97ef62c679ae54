"""The Excel annex (biểu mẫu): the figures broken down by commune (or
industrial zone) and by sector with a totals row equal to the report's
figures, the lists behind the report, and a sheet per fieldwork section.

Numbers are written as numbers (rates as a percent format), headers bold, the
header row frozen. Sheet texts are Vietnamese, like the report they annex.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from dangdn_cli.reports.context import ReportData, flatten
from dangdn_cli.reports.fields import figure_label, grade_name, org_name, sector_name

INT_FORMAT = "#,##0"
RATE_FORMAT = "0.0%"
MONEY_FORMAT = "#,##0"

# key, header; the columns of the breakdown sheets.
BREAKDOWN_COLUMNS: list[tuple[str, str]] = [
    ("enterprises", "Doanh nghiệp"),
    ("workers", "Lao động"),
    ("party_orgs", "Tổ chức đảng"),
    ("party_members", "Đảng viên"),
    ("unions", "Công đoàn cơ sở"),
    ("union_members", "Đoàn viên công đoàn"),
    ("youth", "Tổ chức đoàn"),
    ("women", "Chi hội phụ nữ"),
    ("veterans", "Chi hội cựu chiến binh"),
    ("union_coverage_rate", "Tỷ lệ có công đoàn"),
]
GROUP_KINDS = {"zone": "Khu công nghiệp", "commune": "Xã/phường", "sector": "Loại hình"}


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
    if by == "sector":
        return sector_name(row.get("group"), vi=True)
    return str(row["group"]) if row.get("group") else "(chưa rõ)"


def _breakdown_sheet(
    book: Any, title: str, rows: list[dict[str, Any]], by: str, figures: dict[str, Any]
) -> None:
    from dangdn_cli.analysis import breakdown

    first = "Xã/phường, khu công nghiệp" if by == "commune" else "Loại hình"
    headers = ["STT", first]
    if by == "commune":
        headers.append("Là")
    headers.extend(h for _, h in BREAKDOWN_COLUMNS)
    lead = len(headers) - len(BREAKDOWN_COLUMNS)
    body = []
    for n, row in enumerate(rows, start=1):
        line: list[Any] = [n, _group_name(row, by)]
        if by == "commune":
            line.append(GROUP_KINDS.get(row.get("group_kind") or "", ""))
        line += [row.get(key) for key, _ in BREAKDOWN_COLUMNS]
        body.append(line)
    totals = breakdown.totals(rows)
    # The report's own rate, so the annex and the report agree to the digit.
    totals["union_coverage_rate"] = figures.get("union_coverage", {}).get(
        "rate", totals["union_coverage_rate"]
    )
    total: list[Any] = ["", "Tổng cộng"] + ([""] if by == "commune" else [])
    total += [totals.get(key) for key, _ in BREAKDOWN_COLUMNS]
    formats = {lead + i: INT_FORMAT for i in range(len(BREAKDOWN_COLUMNS))}
    formats[len(headers) - 1] = RATE_FORMAT
    _sheet(book, title, headers, body, formats, total, freeze="C2")


def _figures_sheet(book: Any, data: ReportData) -> None:
    rows = []
    for name, value in flatten(data.figures).items():
        if name.startswith("period."):
            continue
        rows.append([name, figure_label(name, vi=True), value])
    fmt = _sheet(book, "Số liệu", ["Tên số liệu", "Ý nghĩa", "Giá trị"], rows)
    for (cell,) in fmt.iter_rows(min_row=2, min_col=3, max_col=3):
        name = fmt.cell(row=cell.row, column=1).value or ""
        cell.number_format = RATE_FORMAT if str(name).endswith("rate") else INT_FORMAT


def _section_sheet(book: Any, title: str, section: str, data: ReportData) -> None:
    """A fieldwork section's figures, one per row."""
    values = data.figures.get(section)
    if section == "ratings":
        rows = [
            [org_name(kind, vi=True), grade_name(kind, grade, vi=True), count]
            for kind, grades in (values or {}).items()
            for grade, count in (grades or {}).items()
        ]
        _sheet(book, title, ["Loại tổ chức", "Xếp loại", "Số tổ chức"], rows, {2: INT_FORMAT})
        return
    rows = []
    for name, value in flatten({section: values or {}}).items():
        rows.append([figure_label(name, vi=True), value])
    sheet = _sheet(book, title, ["Số liệu", "Giá trị"], rows)
    for (cell,) in sheet.iter_rows(min_row=2, min_col=2, max_col=2):
        label = str(sheet.cell(row=cell.row, column=1).value or "")
        cell.number_format = RATE_FORMAT if "Tỷ lệ" in label else INT_FORMAT


def write(data: ReportData, out: Path) -> Path:
    """Write the annex workbook to ``out`` (.xlsx)."""
    from openpyxl import Workbook

    from dangdn_cli.reports.docx import OutputUnwritable

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
                figure_label(t.get("figure", ""), vi=True),
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
                org_name(f.get("type", ""), vi=True),
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
                org_name(o["type"], vi=True),
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
                org_name(e["type"], vi=True),
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
        rows = [
            [figure_label(r["figure"], vi=True), r["start"], r["end"], r["change"]]
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
        for row in sheet.iter_rows(min_row=2, min_col=2, max_col=4):
            label = str(sheet.cell(row=row[0].row, column=1).value or "")
            for cell in row:
                cell.number_format = RATE_FORMAT if "Tỷ lệ" in label else INT_FORMAT
    out = Path(out)
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        book.save(out)
    except OSError as exc:
        raise OutputUnwritable(path=out, reason=exc.strerror or str(exc)) from None
    return out
