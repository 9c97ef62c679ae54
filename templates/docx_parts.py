"""The pieces the shipped Word template is made of, in python-docx: the page
and fonts of Hướng dẫn 36-HD/VPTW (A4, Times New Roman 14, margins
20/20/30/15 mm), paragraphs of one run (so that each docxtpl tag stays in one
piece of formatting), headings, docxtpl paragraph tags and conditional
paragraphs, bordered data tables with a row per item of a loop, and the
borderless tables of the header and the signature block."""

from __future__ import annotations

from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_COLOR_INDEX
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

FONT = "Times New Roman"
BODY_PT = 14
TABLE_PT = 12
ALIGN = {
    "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
    "center": WD_ALIGN_PARAGRAPH.CENTER,
    "left": WD_ALIGN_PARAGRAPH.LEFT,
    "right": WD_ALIGN_PARAGRAPH.RIGHT,
}


def _fonts(element) -> None:  # type: ignore[no-untyped-def]
    """Times New Roman for every script (Vietnamese needs hAnsi and cs too)."""
    rpr = element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = rpr.makeelement(qn("w:rFonts"), {})
        rpr.insert(0, fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), FONT)


def setup(doc) -> None:  # type: ignore[no-untyped-def]
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin = section.bottom_margin = Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    section.header_distance = section.footer_distance = Mm(10)
    normal = doc.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(BODY_PT)
    _fonts(normal.element)
    fmt = normal.paragraph_format
    fmt.space_before = Pt(0)
    fmt.space_after = Pt(6)
    fmt.line_spacing = 1.1
    for name in ("Table Grid",):
        style = doc.styles[name]
        style.font.name = FONT
        _fonts(style.element)
    core = doc.core_properties
    core.title = "Báo cáo xây dựng tổ chức đảng, đoàn thể trong doanh nghiệp"
    core.author = "dangdn"
    core.subject = ""
    core.comments = ""
    core.keywords = ""


def para(  # type: ignore[no-untyped-def]
    container,
    text: str = "",
    *,
    bold: bool = False,
    italic: bool = False,
    underline: bool = False,
    size: float | None = None,
    align: str = "justify",
    indent: bool = False,
    after: float | None = None,
    before: float | None = None,
    highlight: bool = False,
):
    """A paragraph of one run (so each template tag stays in one piece)."""
    p = container.add_paragraph()
    p.alignment = ALIGN[align]
    if indent:
        p.paragraph_format.first_line_indent = Mm(10)
    if after is not None:
        p.paragraph_format.space_after = Pt(after)
    if before is not None:
        p.paragraph_format.space_before = Pt(before)
    if text:
        run = p.add_run(text)
        run.bold = bold or None
        run.italic = italic or None
        run.underline = underline or None
        if size:
            run.font.size = Pt(size)
        if highlight:
            run.font.highlight_color = WD_COLOR_INDEX.YELLOW
    return p


def tag(container, text: str):  # type: ignore[no-untyped-def]
    """A docxtpl paragraph tag ({%p … %}): the paragraph vanishes on rendering."""
    return para(container, text, align="left", after=0)


def body(container, text: str):  # type: ignore[no-untyped-def]
    return para(container, text, indent=True)


def when(container, condition: str, text: str):  # type: ignore[no-untyped-def]
    """A body paragraph kept only when the template's ``condition`` holds."""
    tag(container, f"{{%p if {condition} %}}")
    body(container, text)
    tag(container, "{%p endif %}")


def more(container, count: str, text: str):  # type: ignore[no-untyped-def]
    """The note under a list cut short: how many rows were left out."""
    tag(container, f"{{%p if {count} %}}")
    para(container, text, italic=True, size=12)
    tag(container, "{%p endif %}")


def heading(container, text: str):  # type: ignore[no-untyped-def]
    p = para(container, text, bold=True, indent=True, before=6, align="left")
    p.paragraph_format.keep_with_next = True
    return p


def _cell(cell, text: str, *, bold: bool = False, align: str = "left", size=TABLE_PT):  # type: ignore[no-untyped-def]
    p = cell.paragraphs[0]
    p.alignment = ALIGN[align]
    p.paragraph_format.space_after = Pt(0)
    p.paragraph_format.first_line_indent = Mm(0)
    if text:
        run = p.add_run(text)
        run.bold = bold or None
        run.font.size = Pt(size)


def _widths(table, widths_mm: list[float]) -> None:  # type: ignore[no-untyped-def]
    """Column widths in the grid (LibreOffice reads these) and in every cell (Word)."""
    for col, width in zip(table._tbl.tblGrid.gridCol_lst, widths_mm, strict=True):
        col.w = Mm(width)
    for row in table.rows:
        for i, width in enumerate(widths_mm):
            row.cells[i].width = Mm(width)


def data_table(  # type: ignore[no-untyped-def]
    doc,
    headers: list[str],
    widths_mm: list[float],
    fields: list[str],
    loop: str,
    numeric: set[int] | None = None,
    total: list[str] | None = None,
):
    """A bordered table: a header row, then one row per item of ``loop``."""
    numeric = numeric or set()
    rows = 4 + (1 if total else 0)
    table = doc.add_table(rows=rows, cols=len(headers))
    table.style = doc.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    for i, text in enumerate(headers):
        _cell(table.rows[0].cells[i], text, bold=True, align="center")
    _cell(table.rows[1].cells[0], f"{{%tr for {loop} %}}")
    for i, text in enumerate(fields):
        _cell(table.rows[2].cells[i], text, align="right" if i in numeric else "left")
    _cell(table.rows[3].cells[0], "{%tr endfor %}")
    if total:
        for i, text in enumerate(total):
            _cell(
                table.rows[4].cells[i], text, bold=True, align="right" if i in numeric else "left"
            )
    _widths(table, widths_mm)
    # Repeat the header row on each page; never split a row across pages.
    tr_pr = table.rows[0]._tr.get_or_add_trPr()
    tr_pr.append(tr_pr.makeelement(qn("w:tblHeader"), {}))
    for row in table.rows[1:]:
        row_pr = row._tr.get_or_add_trPr()
        row_pr.append(row_pr.makeelement(qn("w:cantSplit"), {}))
    return table


def plain_table(doc, widths_mm: list[float]):  # type: ignore[no-untyped-def]
    """A borderless two-column table for the header and the signature block."""
    table = doc.add_table(rows=1, cols=len(widths_mm))
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    _widths(table, widths_mm)
    return table


def cell_para(cell, text: str = "", first: bool = False, **kw):  # type: ignore[no-untyped-def]
    if first:
        p = cell.paragraphs[0]
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        p.paragraph_format.space_after = Pt(0)
        if text:
            run = p.add_run(text)
            run.bold = kw.get("bold") or None
            run.italic = kw.get("italic") or None
            run.underline = kw.get("underline") or None
            if kw.get("size"):
                run.font.size = Pt(kw["size"])
        return p
    return para(cell, text, after=0, **{"align": "center", **kw})
