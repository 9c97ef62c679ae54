"""dangdn import enterprises: formats, headers, bad rows, --skip-bad,
idempotence, conflicts, dry runs and rejects.

Helpers here (valid tax codes, sheet writers, a fast CLI) are shared by the
other tests/test_import_*.py and tests/test_export*.py files.
"""

from __future__ import annotations

import csv
import re
import shutil
import sqlite3
import unicodedata
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from dangdn_cli import db
from dangdn_cli.interchange.cells import unneutralise

_COMMAND: list[Any] = []


@pytest.fixture(autouse=True)
def _fast_cli(monkeypatch: pytest.MonkeyPatch) -> None:
    """Build Typer's command tree once, not on every invocation."""
    import typer.main
    import typer.testing

    from dangdn_cli.cli import app

    if not _COMMAND:
        _COMMAND.append(typer.main.get_command(app))
    monkeypatch.setattr(typer.testing, "_get_command", lambda _app: _COMMAND[0])


_WEIGHTS = (31, 29, 23, 19, 17, 13, 7, 5, 3)


def mst(n: int, base: int = 10_000_100) -> str:
    """The n-th valid tax code of a fixed series (check digit included)."""
    found = -1
    while True:
        digits = f"{base:09d}"
        remainder = sum(w * int(d) for w, d in zip(_WEIGHTS, digits, strict=True)) % 11
        if remainder:
            found += 1
            if found == n:
                return digits + str(10 - remainder)
        base += 1


def mst0(n: int) -> str:
    """A valid tax code with a leading zero (as Excel would lose it)."""
    return mst(n, base=10_010_000)


def write_csv(
    path: Path,
    rows: list[list[Any]],
    *,
    encoding: str = "utf-8",
    delimiter: str = ",",
) -> Path:
    with open(path, "w", encoding=encoding, newline="") as handle:
        writer = csv.writer(handle, delimiter=delimiter)
        for row in rows:
            writer.writerow(["" if v is None else v for v in row])
    return path


def write_xlsx(path: Path, sheets: dict[str, list[list[Any]]]) -> Path:
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(row)
    book.save(path)
    return path


def read_csv(path: Path) -> list[list[str]]:
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return list(csv.reader(handle))


def cp1258(text: str) -> str:
    """Vietnamese as Windows-1258 stores it: base letters with circumflex,
    breve or horn precomposed, tone marks as separate combining characters."""
    tones = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
    out: list[str] = []
    for ch in unicodedata.normalize("NFD", text):
        if unicodedata.combining(ch) and ch not in tones:
            # Compose with the base letter, keeping tones already seen after it.
            i = len(out) - 1
            while i >= 0 and out[i] in tones:
                i -= 1
            out[i] = unicodedata.normalize("NFC", out[i] + ch)
        else:
            out.append(ch)
    return "".join(out)


def query(registry: Path, sql: str) -> list[tuple[Any, ...]]:
    db.dispose_all()
    with sqlite3.connect(registry) as conn:
        return list(conn.execute(sql))


def fresh_registry(monkeypatch: pytest.MonkeyPatch, migrated_registry: Path, path: Path) -> Path:
    """Point DANGDN_DB at a new, empty registry."""
    db.dispose_all()
    shutil.copy(migrated_registry, path)
    monkeypatch.setenv("DANGDN_DB", str(path))
    return path


A, B, C, D, E = (mst(i) for i in range(5))
HEADER = ["Mã số thuế", "Tên doanh nghiệp", "Xã/Phường", "Số lao động", "Lao động ổn định"]


def enterprises(cli: Any) -> dict[str, dict[str, Any]]:
    return {e["tax_code"]: e for e in cli("enterprise", "list", "--json").json()}


# ---------------------------------------------------------------------------
# Formats


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig"])
def test_csv_utf8_with_or_without_bom(cli, tmp_path, encoding):
    rows = [HEADER, [A, "Công ty Nguyễn Ánh", "Phường Bến Nghé", "120", "80"]]
    path = write_csv(tmp_path / "dn.csv", rows, encoding=encoding)
    result = cli("import", "enterprises", path)
    assert "1 mới" in result.stdout
    found = enterprises(cli)[A]
    assert found["name"] == "Công ty Nguyễn Ánh"
    assert (found["workers"], found["stable_workers"]) == (120, 80)
    assert found["commune"] == "Phường Bến Nghé"


def test_excel_unicode_text(cli, tmp_path):
    rows = [HEADER, [A, "Công ty Đồng Tâm", "Phường 4", "7", "3"]]
    path = write_csv(tmp_path / "dn.txt", rows, encoding="utf-16", delimiter="\t")
    cli("import", "enterprises", path)
    assert enterprises(cli)[A]["name"] == "Công ty Đồng Tâm"


def test_csv_windows_1258(cli, tmp_path):
    name, commune = "Công ty Cổ phần Lưỡng Nghiệp", "Xã Hưng Thịnh"
    rows = [[cp1258(h) for h in HEADER], [A, cp1258(name), cp1258(commune), "30", "20"]]
    path = write_csv(tmp_path / "dn.csv", rows, encoding="cp1258")
    failed = cli("import", "enterprises", path, expect=1)
    assert "--encoding cp1258" in failed.stderr
    cli("import", "enterprises", path, "--encoding", "windows-1258")
    found = enterprises(cli)[A]
    assert found["name"] == unicodedata.normalize("NFC", name)
    assert found["commune"] == commune


def test_csv_semicolons_and_title_rows(cli, tmp_path):
    rows = [
        ["DANH SÁCH DOANH NGHIỆP TRÊN ĐỊA BÀN"],
        ["(Kèm theo Báo cáo số 12-BC/HU)"],
        [],
        ["STT", *HEADER, "Ghi chú"],
        ["1", A, "  Công ty   An   Phú ", "Phường 1", "1.250", "1.000", "x"],
    ]
    path = write_csv(tmp_path / "dn.csv", rows, delimiter=";")
    report = cli("import", "enterprises", path, "--json").json()
    assert report["header_row"] == 4
    assert report["ignored_columns"] == []
    found = enterprises(cli)[A]
    assert found["name"] == "Công ty An Phú"
    assert found["workers"] == 1250


@pytest.mark.parametrize("reader", ["calamine", "openpyxl"])
def test_xlsx_numbers_keep_leading_zeros_and_dates(cli, tmp_path, monkeypatch, reader):
    monkeypatch.setenv("DANGDN_XLSX_READER", reader)
    code = mst0(0)
    assert code.startswith("0")
    rows = [
        [*HEADER, "Ngày thành lập"],
        [int(code), "Công ty Số", "Phường 2", 40, 25.0, date(2015, 3, 4)],
        [int(mst0(1)), "Công ty Chữ", "Phường 2", "41", "26", "05/06/2016"],
        [int(mst0(2)), "Công ty Serial", "Phường 2", 42, 27, 42000],
    ]
    path = write_xlsx(tmp_path / "dn.xlsx", {"DN": rows})
    report = cli("import", "enterprises", path, "--json").json()
    assert report["reader"] == reader
    found = enterprises(cli)
    assert sorted(found) == sorted([code, mst0(1), mst0(2)])
    shown = cli("enterprise", "show", code, "--json").json()
    assert shown["founded_on"] == "2015-03-04"
    assert shown["stable_workers"] == 25
    assert cli("enterprise", "show", mst0(1), "--json").json()["founded_on"] == "2016-06-05"
    assert cli("enterprise", "show", mst0(2), "--json").json()["founded_on"] == "2014-12-27"


def test_xlsx_sheet_choice(cli, tmp_path):
    path = write_xlsx(
        tmp_path / "dn.xlsx",
        {
            "Ghi chú": [["Bảng này không phải danh sách"]],
            "Doanh nghiệp": [HEADER, [A, "Công ty A", "Phường 1", 10, 5]],
        },
    )
    failed = cli("import", "enterprises", path, expect=1)
    assert "không có cột Mã số thuế" in failed.stderr
    cli("import", "enterprises", path, "--sheet", "doanh nghiệp")
    assert list(enterprises(cli)) == [A]
    missing = cli("import", "enterprises", path, "--sheet", "DN", expect=1)
    assert missing.stderr.strip() == (
        "Tệp dn.xlsx không có trang tính DN (có: Ghi chú, Doanh nghiệp)."
    )


def test_unsupported_and_missing_files(cli, tmp_path):
    (tmp_path / "dn.pdf").write_text("x")
    assert cli("import", "enterprises", tmp_path / "dn.pdf", expect=1).stderr.strip() == (
        "Không đọc được loại tệp .pdf: dùng .csv hoặc .xlsx."
    )
    result = cli("import", "enterprises", tmp_path / "none.csv", expect=1)
    assert "Không tìm thấy tệp" in result.stderr


def test_missing_and_duplicate_columns(cli, tmp_path, dump):
    before = dump()
    path = write_csv(tmp_path / "a.csv", [["Tên doanh nghiệp", "Số lao động"], ["X", "1"]])
    result = cli("import", "enterprises", path, expect=1)
    assert result.stderr.strip() == (
        "Tệp a.csv không có cột Mã số thuế (các cột đọc được: Tên doanh nghiệp, Số lao động); "
        "xem dangdn import --show-columns enterprises."
    )
    path = write_csv(tmp_path / "b.csv", [["MST", "Mã số thuế", "Tên"], [A, A, "X"]])
    result = cli("import", "enterprises", path, expect=1)
    assert result.stderr.strip() == (
        "Hai cột cùng là Mã số thuế: “MST” và “Mã số thuế”; hãy bỏ bớt một cột."
    )
    assert dump() == before


# ---------------------------------------------------------------------------
# Bad rows

BAD_ROWS = [
    # (row cells after the tax code ..., expected column, expected reason)
    (
        [mst(10).replace(mst(10)[-1], str((int(mst(10)[-1]) + 1) % 10)), "Công ty", "1", "1", ""],
        "Mã số thuế",
        "sai chữ số kiểm tra",
    ),
    (["12345", "Công ty", "1", "1", ""], "Mã số thuế", "phải có 10 chữ số"),
    (["", "Công ty", "1", "1", ""], "Mã số thuế", "Mã số thuế không được để trống."),
    ([mst(11), "", "1", "1", ""], "Tên doanh nghiệp", "Tên doanh nghiệp không được để trống."),
    (
        [mst(12), "Công ty", "-3", "0", ""],
        "Số lao động",
        "Số lao động phải là số nguyên không âm: -3.",
    ),
    (
        [mst(13), "Công ty", "mười", "0", ""],
        "Số lao động",
        "Số lao động phải là số nguyên không âm: mười.",
    ),
    (
        [mst(14), "Công ty", "10", "12", ""],
        "Lao động ổn định",
        "Số lao động ổn định (12) không được lớn hơn tổng số lao động (10).",
    ),
    (
        [mst(15), "Công ty", "10", "5", "31/02/2020"],
        "Ngày thành lập",
        "Ngày không hợp lệ: 31/02/2020",
    ),
    ([A, "Công ty trùng", "3", "1", ""], "Mã số thuế", "Trùng với dòng 2 (cùng mã số thuế)."),
]


def _bad_sheet(tmp_path: Path) -> Path:
    rows = [[*HEADER[:2], "Số lao động", "Lao động ổn định", "Ngày thành lập"]]
    rows.append([A, "Công ty tốt A", "10", "5", "01/01/2020"])
    rows += [cells for cells, _, _ in BAD_ROWS]
    rows.append([B, "Công ty tốt B", "20", "5", "2021-02-03"])
    return write_csv(tmp_path / "bad.csv", rows)


def test_every_bad_row_is_reported_and_nothing_is_written(cli, tmp_path, dump):
    before = dump()
    path = _bad_sheet(tmp_path)
    result = cli("import", "enterprises", path, "--json", expect=1)
    report = result.json()
    assert result.stderr.strip() == (
        f"Có {len(BAD_ROWS)} dòng lỗi trong {len(BAD_ROWS) + 2} dòng: chưa ghi gì vào sổ "
        "đăng ký (sửa các dòng lỗi, hoặc dùng --skip-bad để chỉ ghi các dòng hợp lệ)."
    )
    problems = report["problems"]
    assert [p["row"] for p in problems] == list(range(3, 3 + len(BAD_ROWS)))
    for problem, (_, column, reason) in zip(problems, BAD_ROWS, strict=True):
        assert problem["column"] == column
        assert reason in problem["reason"]
    assert report["written"] is False
    assert dump() == before


def test_bad_rows_table_on_stderr(cli, tmp_path, dump):
    before = dump()
    result = cli("import", "enterprises", _bad_sheet(tmp_path), expect=1)
    assert "Các dòng lỗi (9)" in result.stderr
    assert "Dòng" in result.stderr and "Lý do" in result.stderr
    for row in range(3, 12):
        assert re.search(rf"^\s*{row}\s", result.stderr, re.M)
    assert result.stdout == ""
    english = cli("--lang", "en", "import", "enterprises", _bad_sheet(tmp_path), expect=1)
    assert "Bad rows (9)" in english.stderr
    assert "9 of 11 rows have errors: nothing was written" in english.stderr
    assert dump() == before


def test_skip_bad_writes_exactly_the_good_rows(cli, tmp_path, registry):
    rejects = tmp_path / "loi.csv"
    path = _bad_sheet(tmp_path)
    report = cli("import", "enterprises", path, "--skip-bad", "--rejects", rejects, "--json").json()
    assert (report["new"], report["rejected"], report["written"]) == (2, len(BAD_ROWS), True)
    assert sorted(enterprises(cli)) == sorted([A, B])
    assert query(registry, "SELECT count(*) FROM enterprise_version")[0][0] == 2
    assert query(registry, "SELECT count(*) FROM workforce")[0][0] == 2
    log = query(registry, "SELECT action, entity, entity_id, after FROM audit_log")
    assert len(log) == 1 and log[0][:3] == ("import", "enterprise", "bad.csv")
    assert '"new": 2' in log[0][3] and f'"rejected": {len(BAD_ROWS)}' in log[0][3]
    # The rejects sheet: the same columns, the reasons and the source rows.
    sheet = read_csv(rejects)
    assert sheet[0] == [
        "Mã số thuế",
        "Tên doanh nghiệp",
        "Số lao động",
        "Lao động ổn định",
        "Ngày thành lập",
        "Lý do lỗi",
        "Dòng gốc",
    ]
    assert [r[-1] for r in sheet[1:]] == [str(n) for n in range(3, 3 + len(BAD_ROWS))]
    # Written back as they were (a cell like -3 carries the anti-formula quote).
    assert [[unneutralise(c) for c in r[:5]] for r in sheet[1:]] == [c for c, _, _ in BAD_ROWS]
    assert sheet[5][2] == "'-3"
    assert "Mã số thuế: Mã số thuế không hợp lệ" in sheet[1][5]


def test_rejects_can_be_fixed_and_imported(cli, tmp_path):
    path = write_csv(
        tmp_path / "dn.csv",
        [HEADER, [A, "Công ty A", "P1", "10", "5"], [B, "Công ty B", "P1", "10", "50"]],
    )
    rejects = tmp_path / "loi.xlsx"
    cli("import", "enterprises", path, "--rejects", rejects, expect=1)
    from openpyxl import load_workbook

    book = load_workbook(rejects)
    sheet = book.active
    assert sheet.freeze_panes == "A2"
    assert [c.value for c in sheet[1]][-2:] == ["Lý do lỗi", "Dòng gốc"]
    assert sheet.max_row == 2 and sheet["B2"].value == "Công ty B"
    sheet["E2"] = "5"  # the officer fixes the stable workers
    book.save(rejects)
    cli("import", "enterprises", path, "--skip-bad")
    cli("import", "enterprises", rejects)
    assert enterprises(cli)[B]["stable_workers"] == 5


def test_dry_run_writes_nothing(cli, tmp_path, dump):
    before = dump()
    path = write_csv(tmp_path / "dn.csv", [HEADER, [A, "Công ty A", "P1", "10", "5"]])
    result = cli("import", "enterprises", path, "--dry-run")
    assert "Chạy thử dn.csv (không ghi gì): 1 dòng: 1 mới" in result.stdout
    report = cli("import", "enterprises", path, "--dry-run", "--json").json()
    assert (report["dry_run"], report["written"], report["new"]) == (True, False, 1)
    assert dump() == before
    bad = write_csv(tmp_path / "bad.csv", [HEADER, [A, "", "P1", "10", "5"]])
    result = cli("import", "enterprises", bad, "--dry-run", expect=1)
    assert "Chạy thử: có 1 dòng lỗi trong 1 dòng; không ghi gì." in result.stderr
    assert dump() == before


# ---------------------------------------------------------------------------
# Idempotence and conflicts


def test_reimport_changes_nothing(cli, tmp_path, dump):
    rows = [
        [*HEADER, "Ngày thành lập", "Trạng thái", "SXKD ổn định"],
        [A, "Công ty A", "P1", "10", "5", "01/02/2019", "Đang hoạt động", "có"],
        [B, "Công ty B", "P2", "", "", "", "Tạm ngừng", "không"],
    ]
    path = write_csv(tmp_path / "dn.csv", rows)
    cli("import", "enterprises", path)
    after_first = dump()
    report = cli("import", "enterprises", path, "--json").json()
    assert (report["new"], report["updated"], report["unchanged"]) == (0, 0, 2)
    assert dump() == after_first
    assert cli("enterprise", "show", B, "--json").json()["status"] == "suspended"


def test_conflict_error_skip_and_update(cli, tmp_path, dump, registry):
    first = write_csv(tmp_path / "a.csv", [HEADER, [A, "Công ty A", "P1", "10", "5"]])
    cli("import", "enterprises", first, "--as-of", "2024-01-01")
    before = dump()
    second = write_csv(
        tmp_path / "b.csv",
        [HEADER, [A, "Công ty A", "P1", "30", ""], [B, "Công ty B", "P2", "3", "1"]],
    )
    result = cli("import", "enterprises", second, "--json", expect=1)
    assert result.json()["problems"] == [
        {
            "row": 2,
            "column": "Số lao động",
            "value": "30",
            "reason": "Đã có trong sổ đăng ký với thông tin khác: Số lao động: 10 → 30 (dùng "
            "--on-conflict update để ghi thông tin mới, hoặc --on-conflict skip để bỏ qua).",
        }
    ]
    assert dump() == before
    report = cli(
        "import",
        "enterprises",
        second,
        "--on-conflict",
        "skip",
        "--as-of",
        "2024-01-01",
        "--json",
    ).json()
    assert (report["new"], report["skipped"]) == (1, 1)
    assert enterprises(cli)[A]["workers"] == 10
    report = cli(
        "import",
        "enterprises",
        second,
        "--on-conflict",
        "update",
        "--as-of",
        "2025-01-01",
        "--json",
    ).json()
    assert (report["updated"], report["unchanged"]) == (1, 1)
    # History kept: the old snapshot still answers for 2024, the new one from 2025.
    old = cli("enterprise", "show", A, "--as-of", "2024-06-30", "--json").json()
    new = cli("enterprise", "show", A, "--as-of", "2025-01-01", "--json").json()
    assert (old["workers"], old["stable_workers"]) == (10, 5)
    assert (new["workers"], new["stable_workers"]) == (30, 5)
    dated = query(registry, "SELECT effective_on, total FROM workforce ORDER BY id")
    assert dated[:1] == [("2024-01-01", 10)] and ("2025-01-01", 30) in dated
    # The name did not change, so no new version row.
    assert query(registry, "SELECT count(*) FROM enterprise_version")[0][0] == 2
    again = cli("import", "enterprises", second, "--on-conflict", "update", "--json").json()
    assert (again["updated"], again["unchanged"]) == (0, 2)


def test_update_checks_merged_workforce(cli, tmp_path, dump):
    cli("import", "enterprises", write_csv(tmp_path / "a.csv", [HEADER, [A, "A", "P", "10", "8"]]))
    before = dump()
    lower = write_csv(tmp_path / "b.csv", [["MST", "Số lao động"], [A, "5"]])
    result = cli("import", "enterprises", lower, "--on-conflict", "update", "--json", expect=1)
    assert result.json()["problems"][0]["reason"] == (
        "Số lao động ổn định (8) không được lớn hơn tổng số lao động (5)."
    )
    assert dump() == before


def test_status_and_founding_changes(cli, tmp_path):
    rows = [[*HEADER, "Trạng thái", "Ngày thành lập"], [A, "A", "P", "1", "1", "", "01/01/2020"]]
    cli("import", "enterprises", write_csv(tmp_path / "a.csv", rows))
    rows = [["MST", "Trạng thái", "Ngày thành lập"], [A, "giải thể", "02/01/2020"]]
    cli(
        "import",
        "enterprises",
        write_csv(tmp_path / "b.csv", rows),
        "--on-conflict",
        "update",
        "--as-of",
        "2024-07-01",
    )
    assert cli("enterprise", "show", A, "--as-of", "2024-06-30", "--json").json()["status"] == (
        "active"
    )
    shown = cli("enterprise", "show", A, "--as-of", "2024-07-01", "--json").json()
    assert (shown["status"], shown["founded_on"]) == ("dissolved", "2020-01-02")


def test_as_of_before_founding_is_a_bad_row(cli, tmp_path, dump):
    before = dump()
    rows = [[*HEADER, "Ngày thành lập"], [A, "A", "P", "1", "1", "01/01/2020"]]
    path = write_csv(tmp_path / "a.csv", rows)
    result = cli("import", "enterprises", path, "--as-of", "2019-01-01", "--json", expect=1)
    assert result.json()["problems"][0]["reason"] == (
        "Ngày ghi nhận (--as-of) (01/01/2019) không được trước ngày thành lập (01/01/2020)."
    )
    assert dump() == before


def test_on_conflict_value_is_checked(cli, tmp_path):
    path = write_csv(tmp_path / "a.csv", [HEADER, [A, "A", "P", "1", "1"]])
    result = cli("import", "enterprises", path, "--on-conflict", "merge", expect=1)
    assert "--on-conflict" in result.stderr and "update" in result.stderr


def test_rejects_file_is_checked_first(cli, tmp_path, dump):
    before = dump()
    path = write_csv(tmp_path / "dn.csv", [HEADER, [A, "", "P", "1", "1"]])
    result = cli("import", "enterprises", path, "--rejects", path, expect=1)
    assert result.stderr.strip() == "--rejects phải là một tệp khác với tệp đang nhập (dn.csv)."
    result = cli("import", "enterprises", path, "--rejects", tmp_path / "loi.txt", expect=1)
    assert result.stderr.strip() == "Không xuất được ra tệp .txt: dùng .csv hoặc .xlsx."
    assert dump() == before
    assert read_csv(path)[1][1] == ""
