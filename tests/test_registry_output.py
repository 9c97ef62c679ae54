"""Output for people: Vietnamese numbers and dates, masked citizen IDs,
tables that fit the terminal."""

from __future__ import annotations

import unicodedata
from datetime import date

import pytest
from rich.console import Console

from dangdn_cli import i18n, output, vocabulary


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("vi", ["10.955", "99,5 %", "20.000.000 đ", "25/05/2024", "0", "1.000.000"]),
        ("en", ["10,955", "99.5%", "VND 20,000,000", "2024-05-25", "0", "1,000,000"]),
    ],
)
def test_numbers_and_dates_by_language(lang, expected):
    i18n.set_lang(lang)
    assert [
        i18n.fmt_int(10955),
        i18n.fmt_pct(0.995),
        i18n.fmt_money(20_000_000),
        i18n.fmt_date(date(2024, 5, 25)),
        i18n.fmt_int(0),
        output.cell(1_000_000),
    ] == expected


def test_fold_and_clean_text():
    assert i18n.fold("Nguyễn") == i18n.fold(unicodedata.normalize("NFD", "Nguyễn")) == "nguyen"
    assert i18n.fold("ĐẶNG  Thị") == "dang thi"
    assert i18n.clean_text("  Công ty \n TNHH ") == "Công ty TNHH"
    assert i18n.clean_text("   ") is None


def test_mask_citizen_id():
    assert i18n.mask_id("079123456745") == "0791******45"
    assert i18n.mask_id("079123456745", reveal=True) == "079123456745"
    assert i18n.mask_id(None) == ""


def test_labels():
    i18n.set_lang("vi")
    assert vocabulary.label("org_type", "party", capital=True) == "Tổ chức đảng"
    assert vocabulary.label("stage", "admitted") == "kết nạp"
    assert vocabulary.label("org_type", "unknown") == "unknown"
    i18n.set_lang("en")
    assert vocabulary.label("org_type", "veterans") == "veterans' association"


def render(table, width):
    console = Console(width=width, record=True, highlight=False)
    console.print(table)
    return console.export_text()


ROWS = [
    {
        "tax_code": "3900019400-001",
        "name": "Chi nhánh Công ty Cổ phần Lương thực Sông Lam tại An Bình",
        "area": "Thị trấn An Bình",
        "note": None,
        "workers": 10955,
        "founded_on": date(2012, 1, 9),
    },
    {
        "tax_code": "3900017185",
        "name": "Bệnh viện Đa khoa tư nhân An Tâm",
        "area": "KCN Sông Lam",
        "note": None,
        "workers": 260,
        "founded_on": date(2019, 5, 1),
    },
]
COLUMNS = [
    ("tax_code", "Mã số thuế", "Tax code"),
    ("name", "Tên doanh nghiệp", "Name"),
    ("area", "Xã/KCN", "Area"),
    ("note", "Ghi chú", "Note"),
    ("workers", "Lao động", "Workers"),
    ("founded_on", "Thành lập", "Founded"),
]


@pytest.mark.parametrize("width", [80, 100, 160])
def test_tables_fit_and_keep_codes_numbers_dates_whole(width):
    i18n.set_lang("vi")
    text = render(output.table(ROWS, COLUMNS, "Doanh nghiệp", drop_empty=True, width=width), width)
    assert max(len(line.rstrip()) for line in text.splitlines()) <= width
    for whole in ("3900019400-001", "10.955", "09/01/2012", "Tên doanh nghiệp"):
        assert whole in text
    assert "Ghi chú" not in text  # an empty column is left out
    if width >= 120:
        assert "Chi nhánh Công ty Cổ phần Lương thực Sông Lam tại An Bình" in text


def test_empty_table_says_so(cli):
    out = cli("enterprise", "list").stdout
    assert "(không có dòng nào)" in out
    assert "(no rows)" in cli("--lang", "en", "enterprise", "list").stdout


def test_english_headers(cli):
    cli("enterprise", "add", "--tax-code", "0100109106", "--name", "An", "--workers", "1200")
    out = cli("--lang", "en", "enterprise", "list").stdout
    assert "Tax code" in out and "Workers" in out and "1,200" in out


@pytest.mark.parametrize(
    ("value", "digits", "vi", "en"),
    [(0.2, 0, "20 %", "20%"), (1.0, 0, "100 %", "100%"), (0.0, 0, "0 %", "0%"),
     (0.995, 1, "99,5 %", "99.5%"), (1.0, 1, "100 %", "100%"), (12.5, 2, "1.250 %", "1,250%")],
)  # fmt: skip
def test_percentages_keep_whole_numbers(value, digits, vi, en):
    i18n.set_lang("vi")
    assert i18n.fmt_pct(value, digits) == vi
    i18n.set_lang("en")
    assert i18n.fmt_pct(value, digits) == en
