"""Header recognition (every name, in any case, with or without diacritics),
cell parsing (leading zeros, dates, counts, labels) and --show-columns."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dangdn_cli import errors
from dangdn_cli.i18n import fold
from dangdn_cli.interchange import cells, columns, sheets
from dangdn_cli.interchange import errors as sheet_errors
from dangdn_cli.interchange.cells import header_key
from dangdn_cli.interchange.columns import match_header
from test_import import HEADER, A, enterprises, write_csv

ALL_NAMES = [
    (kind, column.key, name)
    for kind, spec in columns.SPECS.items()
    for column in spec
    for name in column.names()
]


@pytest.mark.parametrize(("kind", "key", "name"), ALL_NAMES)
def test_every_header_name_maps_in_any_spelling(kind, key, name):
    variants = {name, name.upper(), name.lower(), fold(name), fold(name).upper()}
    variants.add(fold(name).replace(" ", "_"))
    for variant in variants:
        found = match_header(kind, variant)
        assert found is not None and found.key == key, (variant, found)


@pytest.mark.parametrize(
    ("kind", "header", "key"),
    [
        ("enterprises", "Mã số thuế", "tax_code"),
        ("enterprises", "MST", "tax_code"),
        ("enterprises", "ma so thue", "tax_code"),
        ("enterprises", "tax_code", "tax_code"),
        ("enterprises", "  MÃ SỐ THUẾ  ", "tax_code"),
        ("enterprises", "Mã số thuế (MST)", "tax_code"),
        ("enterprises", "Tên doanh nghiệp", "name"),
        ("enterprises", "TEN DOANH NGHIEP", "name"),
        ("enterprises", "Số lao động", "workers"),
        ("enterprises", "so_lao_dong", "workers"),
        ("enterprises", "Lao động ổn định", "stable_workers"),
        ("enterprises", "LĐ ổn định", "stable_workers"),
        ("enterprises", "Xã/Phường", "commune"),
        ("enterprises", "xa phuong", "commune"),
        ("enterprises", "KCN", "zone"),
        ("enterprises", "Khu công nghiệp", "zone"),
        ("enterprises", "Ngày thành lập", "founded_on"),
        ("enterprises", "founded_on", "founded_on"),
        ("members", "Họ và tên", "name"),
        ("members", "HO VA TEN", "name"),
        ("members", "Ngày sinh", "birth_date"),
        ("members", "Số CCCD", "id_number"),
        ("members", "CCCD", "id_number"),
        ("members", "Ngày vào Đảng", "joined_on"),
        ("members", "ngay vao dang", "joined_on"),
        ("members", "Mã số thuế", "enterprise"),
        ("orgs", "Loại tổ chức", "type"),
        ("orgs", "MST", "enterprises"),
        ("orgs", "Bí thư", "leader"),
    ],
)
def test_named_header_variants(kind, header, key):
    found = match_header(kind, header)
    assert found is not None and found.key == key


def test_unknown_and_ignored_headers():
    assert match_header("enterprises", "Cột lạ") is None
    assert match_header("enterprises", None) is None
    for name in ("STT", "Ghi chú", "Lý do lỗi", "Dòng gốc"):
        found = match_header("enterprises", name)
        assert found is not None and found.kind == "info"


def test_header_key():
    assert header_key("Xã/Phường") == "xa phuong"
    assert header_key("Đảng tịch") == "dang tich"
    assert header_key(" tax_code ") == "tax code"


def test_mixed_headers_import_end_to_end(cli, tmp_path):
    rows = [
        [
            "MA SO THUE",
            "ten doanh nghiep",
            "so lao dong",
            "LAO DONG ON DINH",
            "xa_phuong",
            "kcn",
            "NGAY THANH LAP",
            "Lao động nữ",
            "Loại hình",
            "Chủ doanh nghiệp",
        ],
        [
            A,
            "Công ty Hòa Bình",
            "100",
            "60",
            "Phường 3",
            "KCN Sóng Thần",
            "2018-07-09",
            "40",
            "FDI",
            "Trần Văn Tư",
        ],
    ]
    cli("import", "enterprises", write_csv(tmp_path / "dn.csv", rows))
    shown = cli("enterprise", "show", A, "--json").json()
    assert shown["name"] == "Công ty Hòa Bình"
    assert (shown["workers"], shown["stable_workers"], shown["female_workers"]) == (100, 60, 40)
    assert (shown["commune"], shown["zone"]) == ("Phường 3", "KCN Sóng Thần")
    assert (shown["founded_on"], shown["sector"], shown["owner_name"]) == (
        "2018-07-09",
        "fdi",
        "Trần Văn Tư",
    )


def test_english_headers(cli, tmp_path):
    rows = [["tax_code", "name", "workers", "stable_workers", "commune"], [A, "X Co", 5, 2, "W1"]]
    cli("import", "enterprises", write_csv(tmp_path / "dn.csv", rows))
    assert enterprises(cli)[A]["stable_workers"] == 2


def test_text_is_nfc_and_trimmed(cli, tmp_path):
    import unicodedata

    decomposed = unicodedata.normalize("NFD", "  Công   ty  Lưỡng  ")
    rows = [HEADER, [A, decomposed, unicodedata.normalize("NFD", "Xã Hưng"), "1", "1"]]
    cli("import", "enterprises", write_csv(tmp_path / "dn.csv", rows))
    found = enterprises(cli)[A]
    assert found["name"] == unicodedata.normalize("NFC", "Công ty Lưỡng")
    assert found["commune"] == unicodedata.normalize("NFC", "Xã Hưng")


# ---------------------------------------------------------------------------
# Cell parsers


def test_tax_codes_and_ids_keep_leading_zeros():
    assert cells.parse_tax_code(100109106) == "0100109106"
    assert cells.parse_tax_code(100109106.0) == "0100109106"
    assert cells.parse_tax_code(" 0100109106 ") == "0100109106"
    assert cells.parse_tax_code("0100109106-001") == "0100109106-001"
    assert cells.parse_tax_code(100109106001) == "0100109106-001"
    assert cells.parse_tax_code(None) is None
    assert cells.parse_id_number(1085000123) == "001085000123"
    assert cells.parse_id_number("001085000123") == "001085000123"
    assert cells.parse_tax_codes("0100109106; 0100109106-001,0100109106") == [
        "0100109106",
        "0100109106-001",
    ]
    with pytest.raises(sheet_errors.MaskedIdNumber):
        cells.parse_id_number("0010******23")
    with pytest.raises(errors.InvalidIdNumber):
        cells.parse_id_number("12345")


def test_dates():
    assert cells.parse_date(date(2024, 5, 25)) == date(2024, 5, 25)
    assert cells.parse_date(datetime(2024, 5, 25, 0, 0)) == date(2024, 5, 25)
    assert cells.parse_date("2024-05-25") == date(2024, 5, 25)
    assert cells.parse_date("25/05/2024") == date(2024, 5, 25)
    assert cells.parse_date("25/5/2024") == date(2024, 5, 25)
    assert cells.parse_date("25-05-2024") == date(2024, 5, 25)
    assert cells.parse_date("25.05.2024") == date(2024, 5, 25)
    assert cells.parse_date("2024-05-25 00:00:00") == date(2024, 5, 25)
    assert cells.parse_date(45437) == date(2024, 5, 25)
    assert cells.parse_date("") is None
    with pytest.raises(errors.InvalidDate):
        cells.parse_date("2024/25/05")
    with pytest.raises(errors.InvalidDate):
        cells.parse_date(-5)


def test_counts_and_yes_no():
    assert cells.parse_int("1.250", "n") == 1250
    assert cells.parse_int("1 250", "n") == 1250
    assert cells.parse_int(12.0, "n") == 12
    assert cells.parse_int(" ", "n") is None
    for bad in ("1,5", 1.5, "-1", -1, "abc"):
        with pytest.raises(sheet_errors.NotAnInteger):
            cells.parse_int(bad, "n")
    for yes in ("có", "Co", "x", "YES", "1", 1, True):
        assert cells.parse_yes_no(yes, "f") is True
    for no in ("không", "khong", "no", "0", 0, False):
        assert cells.parse_yes_no(no, "f") is False
    with pytest.raises(sheet_errors.InvalidYesNo):
        cells.parse_yes_no("có lẽ", "f")


def test_labels_accept_codes_labels_and_aliases():
    member_type = cells.parser(next(c for c in sheets.MEMBER if c.key == "type"))
    assert member_type("Đảng viên") == "party"
    assert member_type("dang vien") == "party"
    assert member_type("party") == "party"
    assert member_type("Công đoàn") == "union"
    assert member_type("CCB") == "veterans"
    sector = cells.parser(next(c for c in sheets.ENTERPRISE if c.key == "sector"))
    assert sector("Vốn nhà nước ≤ 50 %") == "nha_nuoc_thieu_so"
    assert sector("tu_nhan") == "tu_nhan"
    with pytest.raises(sheet_errors.InvalidLabel) as info:
        sector("Nhà nước")
    assert info.value.message("vi").startswith("Loại hình không hợp lệ: Nhà nước (dùng một trong:")


def test_show_columns(cli):
    result = cli("import", "--show-columns", "enterprises")
    assert "Mã số thuế" in result.stdout and "MST" in result.stdout
    rows = cli("import", "--show-columns", "members", "--json").json()
    by_field = {r["field"]: r for r in rows}
    assert "Ngày vào Đảng" in by_field["joined_on"]["names"]
    assert by_field["name"]["required"] is True
    assert "Số CCCD" in by_field["id_number"]["names"]
    english = cli("--lang", "en", "import", "--show-columns", "orgs", "--json").json()
    assert {r["header"] for r in english} >= {"Type", "Tax codes", "Founded"}
    bad = cli("import", "--show-columns", "people", expect=1)
    assert "people" in bad.stderr and "enterprises, members, orgs" in bad.stderr


# ---------------------------------------------------------------------------
# The fast paths give exactly what the registry's own functions give.

VIETNAMESE = st.text(
    alphabet=st.sampled_from(
        "aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂBCDĐEÊGHIKLMNOÔƠPQRSTUƯVXY"
        "àáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ"
        "ÀÁẢÃẠẰẮẲẴẶẦẤẨẪẬÈÉẺẼẸỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌỒỐỔỖỘỜỚỞỠỢÙÚỦŨỤỪỨỬỮỰỲÝỶỸỴ"
        " \t0123456789-/.,'\u0300\u0301\u0303\u0309\u0323"
    )
)


@given(st.one_of(VIETNAMESE, st.text()))
def test_fast_fold_and_clean_match_i18n(text):
    from dangdn_cli.i18n import clean_text

    assert cells.fast_fold(text) == fold(text)
    assert cells.cell_text(text) == clean_text(cells.unneutralise(text))


@given(st.from_regex(r"\d{10}", fullmatch=True))
def test_fast_tax_code_check_matches_stdnum(text):
    from stdnum.vn import mst

    assert cells._plain_tax_code(text) == mst.is_valid(text)
