"""The Word report and the Excel annex, reopened: header lines, title, every
figure against ``report --json``, fonts, page size and margins; the sandbox;
officers' templates; LibreOffice round trip and PDF (skipped without soffice)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from docx import Document
from docx.shared import Mm

from dangdn_cli import i18n
from test_report import AMP, AMP_NAME, PROFILE, district, district_file

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
needs_soffice = pytest.mark.skipif(
    SOFFICE is None,
    reason="LibreOffice (soffice) is not installed: apt-get install libreoffice-writer-nogui",
)
ORG_NAMES = {
    "party": "Tổ chức đảng",
    "union": "Công đoàn cơ sở",
    "youth": "Tổ chức đoàn",
    "women": "Chi hội phụ nữ",
    "veterans": "Chi hội cựu chiến binh",
}


def vi_int(value: int) -> str:
    i18n.set_lang("vi")
    try:
        return i18n.fmt_int(value)
    finally:
        i18n.set_lang(None)


def vi_pct(value: float) -> str:
    i18n.set_lang("vi")
    try:
        return i18n.fmt_pct(value)
    finally:
        i18n.set_lang(None)


def all_text(doc: Any) -> str:
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    return "\n".join(parts)


__all__ = ["district", "district_file"]  # fixtures shared with test_report.py


def make_report(cli: Any, tmp_path: Path, *args: str) -> tuple[Any, dict[str, Any], Path]:
    target = tmp_path / "bao-cao.docx"
    cli("report", "--period", "2024H1", "--docx", target, *args)
    figures = cli("report", "--period", "2024H1", "--json").json()
    return Document(str(target)), figures, target


def test_header_title_and_signature(cli, district, tmp_path: Path):
    doc, _, _ = make_report(cli, tmp_path, "--number", "12-BC/BTCHU")
    header = doc.tables[0]
    left, right = header.rows[0].cells
    assert [p.text for p in left.paragraphs] == [
        "HUYỆN ỦY AN BÌNH",
        "BAN TỔ CHỨC",
        "*",
        "Số 12-BC/BTCHU",
    ]
    assert all(r.bold for r in left.paragraphs[1].runs)
    party = right.paragraphs[0]
    assert party.text == "ĐẢNG CỘNG SẢN VIỆT NAM"
    assert all(r.bold and r.underline for r in party.runs)
    from datetime import date

    today = date.today()
    date_line = right.paragraphs[-1]
    assert date_line.text == (
        f"An Bình, ngày {today.day:02d} tháng {today.month:02d} năm {today.year}"
    )
    assert all(r.italic for r in date_line.runs)
    texts = [p.text for p in doc.paragraphs]
    title = texts.index("BÁO CÁO")
    assert all(r.bold for r in doc.paragraphs[title].runs)
    assert texts[title + 1] == (
        "Kết quả xây dựng tổ chức đảng, đoàn thể trong doanh nghiệp ngoài khu vực nhà nước "
        "6 tháng đầu năm 2024"
    )
    sign_left, sign_right = doc.tables[-1].rows[0].cells
    assert [p.text for p in sign_left.paragraphs] == [
        "Nơi nhận:",
        "- Ban Tổ chức Tỉnh ủy,",
        "- Thường trực Huyện ủy,",
        "- Lưu.",
    ]
    lines = [p.text for p in sign_right.paragraphs if p.text]
    assert lines == ["T/M BAN THƯỜNG VỤ", "TRƯỞNG BAN", "Nguyễn Văn Ân"]


def test_every_figure_in_text_and_tables(cli, district, tmp_path: Path):
    doc, f, _ = make_report(cli, tmp_path)
    text = all_text(doc)
    ent = f["enterprises"]
    assert (
        f"trên địa bàn có {vi_int(ent['active'])} doanh nghiệp ngoài khu vực nhà nước đang hoạt "
        f"động với {vi_int(ent['workers'])} lao động, trong đó "
        f"{vi_int(ent['stable_workers'])} lao động làm việc ổn định"
    ) in text
    orgs, members, eligible = f["organizations"], f["members"], f["eligible_without_org"]
    # The table by organisation type, row by row.
    table = next(t for t in doc.tables if t.rows[0].cells[0].text == "Loại tổ chức")
    rows = {r.cells[0].text: [c.text for c in r.cells[1:]] for r in table.rows[1:]}
    for kind, name in ORG_NAMES.items():
        o, m = orgs[kind], members[kind]
        joined = m["admitted"] if kind == "party" else m["joined"]
        expected = [o["active"], o["founded"], o["dissolved"], o["enterprises_covered"]]
        assert rows[name] == [vi_int(v) for v in [*expected, m["total"], joined]], kind
        assert (
            f"- {name}: {vi_int(o['active'])} tổ chức đang hoạt động tại "
            f"{vi_int(o['enterprises_covered'])} doanh nghiệp; trong kỳ thành lập mới "
            f"{vi_int(o['founded'])}, giải thể {vi_int(o['dissolved'])}"
        ) in text
    p = members["party"]
    assert (
        f"Tổng số đảng viên đang làm việc trong các doanh nghiệp: {vi_int(p['total'])} "
        f"(chính thức {vi_int(p['official'])}, dự bị {vi_int(p['probationary'])}); kết nạp "
        f"mới trong kỳ {vi_int(p['admitted'])} đảng viên; {vi_int(p['owners'])} chủ doanh "
        "nghiệp là đảng viên."
    ) in text
    u = f["union_coverage"]
    assert (
        f"Có {vi_int(u['eligible'])} doanh nghiệp có từ 20 lao động làm việc ổn định trở lên; "
        f"trong đó {vi_int(u['covered'])} doanh nghiệp đã thành lập công đoàn cơ sở, đạt tỷ lệ "
        f"{vi_pct(u['rate'])}."
    ) in text
    c = f["candidates"]
    assert (
        f"xác định mới {vi_int(c['identified'])} quần chúng ưu tú; {vi_int(c['trained'])} "
        f"quần chúng được học lớp bồi dưỡng"
    ) in text
    assert f"kết nạp {vi_int(c['admitted'])} quần chúng vào Đảng" in text
    assert (
        f"tổ chức đảng {vi_int(eligible['party'])}; công đoàn cơ sở "
        f"{vi_int(eligible['union'])}; tổ chức đoàn {vi_int(eligible['youth'])}"
    ) in text
    # Organisations founded in the period, with their decision numbers.
    founded = next(t for t in doc.tables if t.rows[0].cells[-1].text == "Quyết định")
    decisions = [r.cells[-1].text for r in founded.rows[1:]]
    assert "Số 45-QĐ/HU" in decisions and "Số 51-QĐ/HU" in decisions
    assert len(founded.rows) - 1 == sum(o["founded"] for o in orgs.values())
    # Targets with their values; funding with money in Vietnamese style.
    targets = next(t for t in doc.tables if t.rows[0].cells[1].text == "Chỉ tiêu")
    cells = [[c.text for c in r.cells] for r in targets.rows[1:]]
    for target, row in zip(f["targets"], cells, strict=True):
        assert row[0] == target["plan"]
        if target["figure"] == "union_coverage.rate":
            assert row[2] == vi_pct(target["target"])
            assert row[3] == vi_pct(target["achieved"])
        else:
            assert row[2] == vi_int(target["target"])
            assert row[3] == vi_int(target["achieved"])
    total = sum(m["total"] for m in f["funding"])
    assert f"tổng cộng {vi_int(total)} đ." in text
    # Fieldwork sections (recorded in the district).
    a = f["activities"]
    assert f"Học tập, quán triệt, sinh hoạt: {vi_int(a['sessions'])} buổi" in text
    assert f"tỷ lệ {vi_pct(a['party_attendance_rate'])}" in text
    assert f"Tiếp cận doanh nghiệp: {vi_int(f['outreach']['visits'])} lượt" in text
    assert "Tổ chức đảng – Hoàn thành tốt nhiệm vụ: 1." in text


def test_escaping_prints_names_as_they_are(cli, district, tmp_path: Path):
    doc, _, _ = make_report(cli, tmp_path)
    table = next(t for t in doc.tables if t.rows[0].cells[-1].text == "Đủ điều kiện lập")
    rows = [[c.text for c in r.cells] for r in table.rows[1:]]
    assert [AMP_NAME, AMP, "KCN Bắc An Bình", "Tổ chức đảng"] in [r[1:] for r in rows]


def test_fonts_page_size_and_margins(cli, district, tmp_path: Path):
    doc, _, _ = make_report(cli, tmp_path)
    section = doc.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    assert 20 <= round(section.top_margin.mm) <= 25
    assert 20 <= round(section.bottom_margin.mm) <= 25
    assert 30 <= round(section.left_margin.mm) <= 35
    assert 15 <= round(section.right_margin.mm) <= 20
    normal = doc.styles["Normal"]
    assert normal.font.name == "Times New Roman"
    assert normal.font.size.pt == 14
    fonts = normal.element.rPr.rFonts
    assert {fonts.get(f"{{{fonts.nsmap['w']}}}{k}") for k in ("ascii", "hAnsi", "cs")} == {
        "Times New Roman"
    }
    runs = [r for p in doc.paragraphs for r in p.runs]
    runs += [r for t in doc.tables for row in t.rows for c in row.cells for p in c.paragraphs
             for r in p.runs]  # fmt: skip
    assert runs and all(r.font.name in (None, "Times New Roman") for r in runs)
    body = [p for p in doc.paragraphs if p.text.startswith("Tính đến ngày")]
    assert body and all((r.font.size is None) for p in body for r in p.runs)
    # The chart is a picture within the text width.
    shapes = doc.inline_shapes
    assert len(shapes) == 1
    assert shapes[0].width <= Mm(210 - 30 - 15)


def test_blank_number_and_placeholders(cli, district, tmp_path: Path):
    for key in PROFILE:  # an officer who blanked the profile
        cli("profile", "set", key, "")
    target = tmp_path / "r.docx"
    cli("report", "--period", "2024", "--docx", target)
    doc = Document(str(target))
    left, _right = doc.tables[0].rows[0].cells
    assert left.paragraphs[3].text == "Số      -BC/……………"
    assert left.paragraphs[0].text == "……………"
    assert (
        "năm 2024"
        in [p.text for p in doc.paragraphs][[p.text for p in doc.paragraphs].index("BÁO CÁO") + 1]
    )
    text = all_text(doc)
    assert "[Phần này để đơn vị bổ sung: hạn chế, khó khăn và nguyên nhân.]" in text
    assert "- Lưu." in text
    cli("report", "--period", "2024", "--docx", target, "--number", "7")
    assert Document(str(target)).tables[0].rows[0].cells[0].paragraphs[3].text == "Số 7-BC/……………"


def test_notes_go_into_the_word_report(cli, district, tmp_path: Path):
    notes = tmp_path / "notes.md"
    notes.write_text("# Hạn chế\n\nChủ doanh nghiệp <FDI> & đối tác chưa ủng hộ.\n\n"
                     "# Phương hướng\n\nKhảo sát 10 doanh nghiệp.\n", encoding="utf-8")  # fmt: skip
    doc, _, _ = make_report(cli, tmp_path, "--notes", str(notes))
    texts = [p.text for p in doc.paragraphs]
    assert "Chủ doanh nghiệp <FDI> & đối tác chưa ủng hộ." in texts
    assert "Khảo sát 10 doanh nghiệp." in texts
    assert not any(t.startswith("[Phần này") for t in texts)


def test_plan_review_in_word(cli, district, tmp_path: Path):
    target = tmp_path / "so-ket.docx"
    cli("report", "--period", "plan:83-KH/HU", "--cutoff", "2024-06-30", "--docx", target)
    doc = Document(str(target))
    texts = [p.text for p in doc.paragraphs]
    subject = texts[texts.index("BÁO CÁO") + 1]
    assert subject.startswith("Sơ kết thực hiện Kế hoạch phát triển tổ chức đảng (83-KH/HU)")
    table = next(t for t in doc.tables if t.rows[0].cells[-1].text == "Tăng, giảm")
    assert table.rows[0].cells[1].text == "Đầu kỳ (31/12/2020)"
    rows = {r.cells[0].text: [c.text for c in r.cells[1:]] for r in table.rows[1:]}
    assert rows["Tổ chức đảng đang hoạt động"] == ["1", "3", "+2"]
    assert "VI. SO SÁNH ĐẦU KỲ VÀ CUỐI KỲ KẾ HOẠCH" in texts


def officer_template(path: Path, *lines: str) -> Path:
    doc = Document()
    for line in lines:
        doc.add_paragraph(line)
    doc.save(str(path))
    return path


def test_own_template(cli, district, tmp_path: Path):
    template = officer_template(
        tmp_path / "mau.docx",
        "{{ profile.issuing_body|upper }} – {{ period.label }}",
        "Doanh nghiệp: {{ n.enterprises.active }}; lao động: {{ n.enterprises.workers }}",
        "{%p for e in eligible_rows %}",
        "{{ e.name }}",
        "{%p endfor %}",
    )
    target = tmp_path / "out.docx"
    cli("report", "--period", "2024H1", "--docx", target, "--template", template)
    texts = [p.text for p in Document(str(target)).paragraphs]
    assert texts[:2] == ["BAN TỔ CHỨC – 6 tháng đầu năm 2024", "Doanh nghiệp: 6; lao động: 353"]
    assert AMP_NAME in texts


@pytest.mark.parametrize(
    ("line", "message"),
    [
        (
            "{{ ''.__class__ }}",
            "Mẫu báo cáo bị từ chối vì truy cập thuộc tính không an toàn: access to attribute "
            "'__class__' of 'str' object is unsafe.",
        ),
        (
            "{{ profile.__init__.__globals__ }}",
            "Mẫu báo cáo bị từ chối vì truy cập thuộc tính không an toàn: access to attribute "
            "'__init__' of 'dict' object is unsafe.",
        ),
        (
            "{{ khong_co }}",
            "Mẫu báo cáo dùng trường không có: 'khong_co' is undefined (xem dangdn report "
            "--list-fields).",
        ),
    ],
)
def test_sandbox_refuses_templates(cli, dump, district, tmp_path: Path, line: str, message: str):
    template = officer_template(tmp_path / "xau.docx", "Báo cáo", line)
    target = tmp_path / "out.docx"
    before = dump()
    result = cli("report", "--period", "2024", "--docx", target, "--template", template, expect=1)
    assert result.stderr.strip() == message
    assert len(result.stderr.strip().splitlines()) == 1
    assert not target.exists()
    assert dump() == before


def test_template_syntax_error_and_not_a_docx(cli, district, tmp_path: Path):
    bad = officer_template(tmp_path / "loi.docx", "{% for x in %}")
    result = cli("report", "--period", "2024", "--docx", tmp_path / "o.docx", "--template", bad,
                 expect=1)  # fmt: skip
    assert result.stderr.startswith("Mẫu báo cáo sai cú pháp:")
    text = tmp_path / "mau.docx"
    text.write_text("không phải docx", encoding="utf-8")
    result = cli("report", "--period", "2024", "--docx", tmp_path / "o.docx", "--template", text,
                 expect=1)  # fmt: skip
    assert result.stderr.strip() == f"Mẫu báo cáo {text} không phải tệp Word .docx hợp lệ."
    result = cli("report", "--period", "2024", "--docx", tmp_path / "o.docx", "--template",
                 tmp_path / "none.docx", expect=1)  # fmt: skip
    assert result.stderr.strip() == f"Không tìm thấy mẫu báo cáo: {tmp_path / 'none.docx'}."


def test_shipped_template_is_found():
    from dangdn_cli.reports.docx import shipped_template

    path = shipped_template()
    assert path.name == "bao-cao.docx" and path.is_file()


# --- the Excel annex -------------------------------------------------------------------


def test_xlsx_annex_totals_equal_the_report(cli, district, tmp_path: Path):
    from openpyxl import load_workbook

    target = tmp_path / "phu-luc.xlsx"
    cli("report", "--period", "2024H1", "--xlsx", target)
    f = cli("report", "--period", "2024H1", "--json").json()
    book = load_workbook(target)
    assert book.sheetnames[:3] == ["Theo xã, phường, KCN", "Theo loại hình", "Số liệu"]
    expected = {
        "Doanh nghiệp": f["enterprises"]["active"],
        "Lao động": f["enterprises"]["workers"],
        "Tổ chức đảng": f["organizations"]["party"]["active"],
        "Đảng viên": f["members"]["party"]["total"],
        "Công đoàn cơ sở": f["organizations"]["union"]["active"],
        "Đoàn viên công đoàn": f["members"]["union"]["total"],
        "Tổ chức đoàn": f["organizations"]["youth"]["active"],
        "Chi hội phụ nữ": f["organizations"]["women"]["active"],
        "Chi hội cựu chiến binh": f["organizations"]["veterans"]["active"],
        "Tỷ lệ có công đoàn": f["union_coverage"]["rate"],
    }
    for name in ("Theo xã, phường, KCN", "Theo loại hình"):
        sheet = book[name]
        headers = [c.value for c in sheet[1]]
        total = {h: c.value for h, c in zip(headers, sheet[sheet.max_row], strict=True)}
        assert total["STT"] is None or total["STT"] == ""
        assert list(sheet[sheet.max_row])[1].value == "Tổng cộng"
        for header, value in expected.items():
            assert total[header] == value, (name, header)
        # Rows add up to the totals; numbers are numbers.
        body = list(sheet.iter_rows(min_row=2, max_row=sheet.max_row - 1, values_only=True))
        col = headers.index("Doanh nghiệp")
        assert sum(r[col] for r in body) == f["enterprises"]["active"]
        assert all(isinstance(r[col], int) for r in body)
        assert all(c.font.bold for c in sheet[1])
        assert sheet.freeze_panes == "C2"
        rate = sheet.cell(row=sheet.max_row, column=headers.index("Tỷ lệ có công đoàn") + 1)
        assert rate.number_format == "0.0%"
        assert sheet.column_dimensions["B"].width >= 12
    communes = {r[1] for r in book["Theo xã, phường, KCN"].iter_rows(min_row=2, values_only=True)}
    assert {"Phường Tân An", "Xã Hòa Bình", "KCN Bắc An Bình"} <= communes
    sectors = {r[1] for r in book["Theo loại hình"].iter_rows(min_row=2, values_only=True)}
    assert "Doanh nghiệp có vốn đầu tư nước ngoài" in sectors
    eligible = [r for r in book["Đủ ĐK chưa có TC"].iter_rows(min_row=2, values_only=True)]
    assert any(r[1] == AMP_NAME for r in eligible)
    assert {"Chỉ tiêu", "Kinh phí hỗ trợ", "Tổ chức thành lập", "Tiếp cận DN",
            "Học tập, sinh hoạt", "Đánh giá, xếp loại"} <= set(book.sheetnames)  # fmt: skip
    funding = book["Kinh phí hỗ trợ"]
    assert funding.cell(row=funding.max_row, column=6).value == sum(
        m["total"] for m in f["funding"]
    )


# --- LibreOffice ---------------------------------------------------------------------------


def soffice_convert(source: Path, fmt: str, outdir: Path) -> Path:
    assert SOFFICE is not None
    outdir.mkdir(parents=True, exist_ok=True)
    profile = outdir / "lo-profile"
    subprocess.run(
        [SOFFICE, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", fmt,
         "--outdir", str(outdir), str(source)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    result = outdir / f"{source.stem}.{fmt.split(':')[0]}"
    assert result.is_file(), f"LibreOffice did not write {result}"
    return result


@needs_soffice
def test_pdf_holds_the_title_and_figures(cli, district, tmp_path: Path):
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    _, f, target = make_report(cli, tmp_path, "--number", "12-BC/BTCHU")
    pdf = soffice_convert(target, "pdf", tmp_path / "pdf")
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    assert "BÁO CÁO" in text
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in text
    assert "Số 12-BC/BTCHU" in text
    assert f"với {vi_int(f['enterprises']['workers'])} lao động" in " ".join(text.split())
    assert AMP_NAME in text.replace("\n", " ")


@needs_soffice
def test_template_round_trips_through_libreoffice(cli, district, tmp_path: Path):
    """The shipped template opened and saved by LibreOffice still renders."""
    from dangdn_cli.reports.docx import shipped_template

    source = tmp_path / "src" / "mau.docx"
    source.parent.mkdir()
    shutil.copy(shipped_template(), source)
    saved = soffice_convert(source, "docx:MS Word 2007 XML", tmp_path / "lo")
    target = tmp_path / "out.docx"
    cli("report", "--period", "2024H1", "--docx", target, "--template", saved)
    doc = Document(str(target))
    text = all_text(doc)
    assert "BÁO CÁO" in text and "ĐẢNG CỘNG SẢN VIỆT NAM" in text
    assert "trên địa bàn có 6 doanh nghiệp" in text
    assert AMP_NAME in text
    assert "{{" not in text and "{%" not in text
