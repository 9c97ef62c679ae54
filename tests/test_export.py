"""dangdn export: CSV and XLSX formats, masking, the round trip through an
empty registry, and formula neutralisation."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dangdn_cli.i18n import clean_text
from dangdn_cli.interchange import sheets
from dangdn_cli.interchange.cells import FORMULA_TRIGGERS, cell_text, neutralise, unneutralise
from dangdn_cli.interchange.exporter import SheetWriter
from dangdn_cli.interchange.read import open_source
from test_import import A, B, C, fresh_registry, read_csv, write_csv


def build_registry(cli: Any) -> None:
    """A small registry using every exported field."""
    cli(
        "enterprise",
        "add",
        "--tax-code",
        A,
        "--name",
        "Công ty TNHH Ánh Dương",
        "--sector",
        "fdi",
        "--address",
        "12 Lê Lợi",
        "--commune",
        "Phường Bến Nghé",
        "--district",
        "Quận 1",
        "--province",
        "TP Hồ Chí Minh",
        "--zone",
        "KCN Tân Thuận",
        "--founded",
        "2015-01-02",
        "--owner",
        "Trần Văn Tư",
        "--workers",
        "120",
        "--stable-workers",
        "90",
        "--female-workers",
        "60",
        "--young-workers",
        "40",
    )
    cli(
        "enterprise",
        "add",
        "--tax-code",
        B,
        "--name",
        '=HYPERLINK("http://x")',
        "--founded",
        "2016-03-04",
        "--workers",
        "10",
        "--unstable",
        "--law-violation",
    )
    cli(
        "enterprise",
        "add",
        "--tax-code",
        C,
        "--name",
        "-Hợp tác xã @ Bình",
        "--sector",
        "htx",
        "--founded",
        "2017-01-01",
    )
    cli("enterprise", "close", C, "--on", "2024-01-01", "--status", "suspended")
    cli(
        "org",
        "add",
        "--type",
        "party",
        "--enterprise",
        A,
        "--founded",
        "2017-05-06",
        "--decision",
        "Số 45-QĐ/HU",
        "--superior",
        "Đảng ủy Khối",
        "--leader",
        "Trần Văn Tư",
    )
    cli(
        "org",
        "add",
        "--type",
        "union",
        "--enterprise",
        A,
        "--enterprise",
        B,
        "--founded",
        "2018-01-01",
        "--name",
        "+Công đoàn ghép",
    )
    cli("org", "add", "--type", "youth", "--enterprise", B, "--founded", "2019-01-01")
    cli("org", "dissolve", "3", "--on", "2022-01-01", "--decision", "Số 9-QĐ")
    cli(
        "member",
        "add",
        "--name",
        "Nguyễn Văn An",
        "--type",
        "party",
        "--enterprise",
        A,
        "--birth",
        "1985-02-01",
        "--gender",
        "nam",
        "--id-number",
        "001085000123",
        "--joined",
        "2018-02-03",
        "--official-on",
        "2019-02-03",
        "--org",
        "1",
    )
    cli(
        "member",
        "add",
        "--name",
        "Nguyễn Văn An",
        "--type",
        "union",
        "--enterprise",
        A,
        "--person",
        "1",
        "--joined",
        "2018-01-02",
        "--org",
        "2",
    )
    cli(
        "member",
        "add",
        "--name",
        "Lê Thị Hoa",
        "--type",
        "party",
        "--enterprise",
        A,
        "--status",
        "probationary",
        "--joined",
        "2024-05-06",
        "--gender",
        "nu",
        "--role",
        "manager",
        "--unstable-employment",
        "--employed-from",
        "2020-01-01",
    )
    cli(
        "member",
        "add",
        "--name",
        "Đỗ Văn Nam",
        "--type",
        "party",
        "--enterprise",
        B,
        "--residence",
        "--joined",
        "2010-01-01",
        "--role",
        "owner",
    )
    cli(
        "member",
        "add",
        "--name",
        "Phạm Thu",
        "--type",
        "women",
        "--enterprise",
        B,
        "--joined",
        "2021-01-01",
        "--id-number",
        "079190000456",
    )


def xlsx_values(path: Path) -> list[list[Any]]:
    from openpyxl import load_workbook

    book = load_workbook(path)
    return [list(row) for row in book.active.iter_rows(values_only=True)]


def test_csv_export_format(cli, tmp_path):
    build_registry(cli)
    path = tmp_path / "dn.csv"
    result = cli("export", "enterprises", path)
    assert result.stdout.startswith("Đã xuất 3 dòng")
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = read_csv(path)
    assert rows[0] == [c.vi for c in sheets.ENTERPRISE]
    first = dict(zip(rows[0], rows[1], strict=True))
    assert first["Mã số thuế"] == A
    assert first["Ngày thành lập"] == "02/01/2015"
    assert first["Loại hình"] == "FDI"
    assert first["SXKD ổn định"] == "có"
    assert first["Trạng thái"] == "Đang hoạt động"
    second = dict(zip(rows[0], rows[2], strict=True))
    assert second["Tên doanh nghiệp"] == '\'=HYPERLINK("http://x")'
    assert (second["SXKD ổn định"], second["Chấp hành pháp luật"]) == ("không", "không")
    third = dict(zip(rows[0], rows[3], strict=True))
    assert third["Tên doanh nghiệp"] == "'-Hợp tác xã @ Bình"
    assert third["Trạng thái"] == "Tạm ngừng"


def test_xlsx_export_format(cli, tmp_path):
    from datetime import datetime

    from openpyxl import load_workbook

    build_registry(cli)
    path = tmp_path / "dn.xlsx"
    cli("export", "enterprises", path)
    sheet = load_workbook(path).active
    assert sheet.freeze_panes == "A2"
    assert all(cell.font.bold for cell in sheet[1])
    assert sheet.column_dimensions["B"].width == 40
    founded = sheet.cell(row=2, column=9)
    assert founded.value == datetime(2015, 1, 2) and founded.number_format == "DD/MM/YYYY"
    assert sheet.cell(row=2, column=1).value == A and sheet.cell(row=2, column=1).data_type == "s"
    assert sheet.cell(row=3, column=2).value == '\'=HYPERLINK("http://x")'
    assert sheet.cell(row=3, column=2).data_type == "s"
    assert sheet.cell(row=2, column=14).value == 120


def test_export_as_of_and_errors(cli, tmp_path):
    build_registry(cli)
    path = tmp_path / "old.csv"
    cli("export", "enterprises", path, "--as-of", "2015-06-01")
    assert [r[0] for r in read_csv(path)[1:]] == [A]
    orgs = tmp_path / "tc.csv"
    cli("export", "orgs", orgs, "--as-of", "2021-06-01")
    rows = read_csv(orgs)
    assert [r[0] for r in rows[1:]] == ["1", "2", "3"]
    assert rows[3][8] == ""  # dissolved only in 2022
    result = cli("export", "enterprises", tmp_path / "dn.pdf", expect=1)
    assert result.stderr.strip() == "Không xuất được ra tệp .pdf: dùng .csv hoặc .xlsx."
    result = cli("export", "orgs", tmp_path / "none" / "tc.csv", expect=1)
    assert result.stderr.startswith("Không ghi được tệp")
    assert not (tmp_path / "dn.pdf").exists()


def test_citizen_ids_are_masked_unless_revealed(cli, tmp_path, migrated_registry, monkeypatch):
    build_registry(cli)
    masked, revealed = tmp_path / "m.csv", tmp_path / "r.csv"
    cli("export", "members", masked)
    cli("export", "members", revealed, "--reveal")
    ids = {r[3] for r in read_csv(masked)[1:]} - {""}
    assert ids == {"0010******23", "0791******56"}
    assert {r[3] for r in read_csv(revealed)[1:]} - {""} == {"001085000123", "079190000456"}
    # A masked sheet cannot bring the IDs back: those rows are refused.
    for kind in ("enterprises", "orgs"):
        cli("export", kind, tmp_path / f"{kind}.csv")
    fresh_registry(monkeypatch, migrated_registry, tmp_path / "fresh.db")
    cli("import", "enterprises", tmp_path / "enterprises.csv")
    cli("import", "orgs", tmp_path / "orgs.csv")
    problems = cli("import", "members", masked, "--json", expect=1).json()["problems"]
    assert {p["column"] for p in problems} == {"Số CCCD"}
    assert problems[0]["reason"].startswith("Số CCCD đã bị che: 0010******23")


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_round_trip_through_an_empty_registry(
    cli, tmp_path, monkeypatch, migrated_registry, suffix
):
    build_registry(cli)
    first = {kind: tmp_path / f"1-{kind}{suffix}" for kind in ("enterprises", "orgs", "members")}
    for kind, path in first.items():
        cli("export", kind, path, "--reveal")
    fresh_registry(monkeypatch, migrated_registry, tmp_path / "empty.db")
    for kind, path in first.items():
        report = cli("import", kind, path, "--json").json()
        assert report["rejected"] == 0 and report["new"] == report["rows"] > 0
    for kind, path in first.items():
        again = tmp_path / f"2-{kind}{suffix}"
        cli("export", kind, again, "--reveal")
        if suffix == ".csv":
            assert again.read_bytes() == path.read_bytes(), kind
        else:
            assert xlsx_values(again) == xlsx_values(path), kind
    # And importing the export again changes nothing.
    for kind, path in first.items():
        assert cli("import", kind, path, "--json").json()["unchanged"] > 0


def test_english_export_reads_back(cli, tmp_path, monkeypatch, migrated_registry):
    build_registry(cli)
    path = tmp_path / "en.csv"
    cli("--lang", "en", "export", "enterprises", path)
    rows = read_csv(path)
    assert rows[0][:3] == ["Tax code", "Name", "Sector"]
    assert rows[1][2] == "Foreign-invested" and rows[1][10] == "Active"
    fresh_registry(monkeypatch, migrated_registry, tmp_path / "empty.db")
    cli("import", "enterprises", path)
    cli("--lang", "en", "export", "enterprises", tmp_path / "again.csv")
    assert (tmp_path / "again.csv").read_bytes() == path.read_bytes()


# ---------------------------------------------------------------------------
# Formula neutralisation


@given(st.text())
def test_neutralise_is_inert_and_reversible(text):
    safe = neutralise(text)
    assert not safe.startswith(FORMULA_TRIGGERS[:-1])  # =, +, -, @, tab, CR
    assert unneutralise(safe) == text
    if text and text[0] not in FORMULA_TRIGGERS:
        assert safe == text


def read_back(path: Path) -> str | None:
    """The one data cell of a written sheet, as import reads it."""
    source = open_source(path)
    try:
        rows = list(source.rows())
    finally:
        source.close()
    cells = rows[1][1] if len(rows) > 1 else []
    return cell_text(cells[0] if cells else None)


DANGEROUS = st.one_of(
    st.text(),
    st.builds(lambda head, tail: head + tail, st.sampled_from(FORMULA_TRIGGERS), st.text()),
    st.sampled_from(["=1+1", "+84912", "-", "@SUM(A1)", "'=x", "''", "=cmd|'/c calc'!A0"]),
)


@settings(max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(DANGEROUS)
def test_csv_cells_round_trip(tmp_path, text):
    path = tmp_path / "x.csv"
    with SheetWriter(path, ["Tên"]) as sheet:
        sheet.write([text])
    written = list(csv.reader(io.StringIO(path.read_text("utf-8-sig"), newline="")))[1][0]
    assert not written.startswith(FORMULA_TRIGGERS[:-1])
    assert read_back(path) == clean_text(text)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(DANGEROUS.filter(lambda t: t.isprintable()))
def test_xlsx_cells_round_trip(tmp_path, text):
    from openpyxl import load_workbook

    path = tmp_path / "x.xlsx"
    with SheetWriter(path, ["Tên"]) as sheet:
        sheet.write([text])
    cell = load_workbook(path).active["A2"]
    assert cell.data_type != "f"  # never a formula
    assert read_back(path) == clean_text(text)


def test_dangerous_names_survive_export_and_import(cli, tmp_path, monkeypatch, migrated_registry):
    names = ["=1+1", "+84 912 345 678", "-Công ty", "@SUM(A1)", "'=x", "'quoted"]
    rows = [["Mã số thuế", "Tên doanh nghiệp"]]
    from test_import import mst

    codes = [mst(30 + i) for i in range(len(names))]
    rows += [[code, name] for code, name in zip(codes, names, strict=True)]
    cli("import", "enterprises", write_csv(tmp_path / "in.csv", rows))
    stored = {e["tax_code"]: e["name"] for e in cli("enterprise", "list", "--json").json()}
    assert [stored[c] for c in codes] == [unneutralise(n) for n in names]
    for suffix in (".csv", ".xlsx"):
        path = tmp_path / f"out{suffix}"
        cli("export", "enterprises", path)
        fresh_registry(monkeypatch, migrated_registry, tmp_path / f"empty{suffix}.db")
        cli("import", "enterprises", path)
        again = {e["tax_code"]: e["name"] for e in cli("enterprise", "list", "--json").json()}
        assert again == stored


def test_the_district_exported_as_of_a_past_day_imports_back(
    cli, tmp_path, monkeypatch, migrated_registry
):
    """As of 30/06/2024 some members are recorded in cells founded later:
    that day they had no cell, so the export leaves it empty and the three
    sheets import into an empty registry."""
    from dangdn_cli import db
    from dangdn_cli.demo import build as demo

    with db.session(write=True) as session:
        demo.load(session, demo.examples_dir())
    sheets = {kind: tmp_path / f"{kind}.csv" for kind in ("enterprises", "orgs", "members")}
    for kind, path in sheets.items():
        cli("export", kind, path, "--reveal", "--as-of", "2024-06-30")
    fresh_registry(monkeypatch, migrated_registry, tmp_path / "empty.db")
    for kind, path in sheets.items():
        report = cli("import", kind, path, "--as-of", "2024-06-30", "--json").json()
        assert report["rejected"] == 0 and report["new"] == report["rows"] > 0, kind
