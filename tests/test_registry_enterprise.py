"""Enterprises: add, update as of a date (history), close, reopen, show, list."""

from __future__ import annotations

import unicodedata

import pytest

from test_registry_helpers import A, B, C, D, E
from test_registry_helpers import fast_cli as fast_cli  # the autouse fixture


def add(cli, code, name, *extra):
    return cli("enterprise", "add", "--tax-code", code, "--name", name, *extra, "--json").json()


def test_add_prints_the_record_with_its_id(cli):
    record = add(
        cli, A, "  Công ty   TNHH Nguyễn An ", "--sector", "fdi", "--address", "12 Lê Lợi",
        "--commune", "Xã Tân Hòa", "--district", "An Bình", "--province", "Thanh Lam",
        "--zone", "KCN Sông Lam", "--founded", "15/3/2019", "--owner", "Nguyễn Văn An",
        "--workers", "1234", "--stable-workers", "1000", "--female-workers", "600",
        "--young-workers", "500", "--unstable", "--law-violation",
    )  # fmt: skip
    assert record["id"] == 1
    assert record["tax_code"] == A
    assert record["name"] == "Công ty TNHH Nguyễn An"  # spaces tidied
    assert record["sector"] == "fdi"
    assert record["commune"] == "Xã Tân Hòa"
    assert record["district"] == "An Bình"
    assert record["province"] == "Thanh Lam"
    assert record["zone"] == "KCN Sông Lam"
    assert record["address"] == "12 Lê Lợi"
    assert record["founded_on"] == "2019-03-15"
    assert record["owner_name"] == "Nguyễn Văn An"
    assert record["status"] == "active"
    assert (record["stable_operation"], record["law_compliant"]) == (False, False)
    assert (record["workers"], record["stable_workers"]) == (1234, 1000)
    assert (record["female_workers"], record["young_workers"]) == (600, 500)
    assert record["organizations"] == []


def test_add_without_json_prints_a_vietnamese_record(cli):
    out = cli("enterprise", "add", "--tax-code", A, "--name", "Công ty May", "--workers", "10955",
              "--stable-workers", "9000").stdout  # fmt: skip
    assert f"Đã thêm doanh nghiệp {A}." in out
    assert "10.955" in out
    assert "Lao động ổn định" in out
    assert "đang hoạt động" in out
    english = cli("--lang", "en", "enterprise", "show", A).stdout
    assert "10,955" in english
    assert "Stable workers" in english


def test_branch_tax_code_and_compact_forms(cli):
    assert add(cli, f"{A}-001", "Chi nhánh")["tax_code"] == f"{A}-001"
    assert add(cli, f"{A}002", "Chi nhánh 2")["tax_code"] == f"{A}-002"
    assert add(cli, f"{B} ", "Công ty B")["tax_code"] == B
    shown = cli("enterprise", "show", f"{A}001", "--json").json()
    assert shown["name"] == "Chi nhánh"


def test_facts_are_dated_as_of_then_founding_then_today(cli):
    add(cli, A, "Có ngày thành lập", "--founded", "2019-05-01", "--workers", "30")
    add(cli, B, "Ghi nhận từ ngày", "--founded", "2019-05-01", "--as-of", "2022-01-01",
        "--workers", "30")  # fmt: skip
    add(cli, C, "Không có ngày", "--workers", "30")
    on_2020 = {r["tax_code"] for r in cli("enterprise", "list", "--as-of", "2020-01-01",
                                           "--json").json()}  # fmt: skip
    assert on_2020 == {A}
    on_2022 = {r["tax_code"] for r in cli("enterprise", "list", "--as-of", "2022-01-01",
                                           "--json").json()}  # fmt: skip
    assert on_2022 == {A, B}
    assert len(cli("enterprise", "list", "--json").json()) == 3


def test_update_as_of_a_date_reads_old_before_and_new_after(cli):
    add(cli, A, "Công ty TNHH An", "--founded", "2019-01-01", "--workers", "50",
        "--stable-workers", "30", "--commune", "Xã Tân Hòa")  # fmt: skip
    after = cli("enterprise", "update", A, "--as-of", "2024-03-01", "--workers", "80",
                "--name", "Công ty CP An", "--owner", "Lê Văn B", "--json").json()  # fmt: skip
    assert (after["name"], after["workers"], after["stable_workers"]) == ("Công ty CP An", 80, 30)
    before = cli("enterprise", "show", A, "--as-of", "2024-02-29", "--json").json()
    assert (before["name"], before["workers"], before["owner_name"]) == (
        "Công ty TNHH An",
        50,
        None,
    )
    on_day = cli("enterprise", "show", A, "--as-of", "01/03/2024", "--json").json()
    assert (on_day["name"], on_day["workers"], on_day["owner_name"]) == (
        "Công ty CP An",
        80,
        "Lê Văn B",
    )
    assert on_day["commune"] == "Xã Tân Hòa"  # unchanged fields carry over
    # A later fact does not disturb an earlier one recorded afterwards.
    cli("enterprise", "update", A, "--as-of", "2021-06-01", "--stable-workers", "40")
    assert (
        cli("enterprise", "show", A, "--as-of", "2022-01-01", "--json").json()["stable_workers"]
        == 40
    )
    assert (
        cli("enterprise", "show", A, "--as-of", "2024-03-01", "--json").json()["stable_workers"]
        == 30
    )
    # list reads the history too
    names = {r["name"] for r in cli("enterprise", "list", "--as-of", "2023-01-01", "--json").json()}
    assert names == {"Công ty TNHH An"}


def test_flags_change_with_dates(cli):
    add(cli, A, "An", "--founded", "2019-01-01", "--workers", "10")
    cli("enterprise", "update", A, "--as-of", "2023-01-01", "--unstable", "--law-violation")
    cli("enterprise", "update", A, "--as-of", "2024-01-01", "--stable", "--law-compliant")
    flags = [
        (r["stable_operation"], r["law_compliant"])
        for day in ("2022-12-31", "2023-06-01", "2024-01-01")
        for r in [cli("enterprise", "show", A, "--as-of", day, "--json").json()]
    ]
    assert flags == [(True, True), (False, False), (True, True)]


def test_update_founding_date_and_sector(cli):
    add(cli, A, "An", "--founded", "2019-01-01")
    record = cli("enterprise", "update", A, "--founded", "2018-12-01", "--sector", "htx",
                 "--json").json()  # fmt: skip
    assert (record["founded_on"], record["sector"]) == ("2018-12-01", "htx")


def test_close_and_reopen_keep_history(cli):
    add(cli, A, "An", "--founded", "2019-01-01", "--workers", "25", "--stable-workers", "20")
    closed = cli("enterprise", "close", A, "--on", "2024-04-15", "--json").json()
    assert closed["status"] == "dissolved"
    cli("enterprise", "reopen", A, "--on", "2024-09-01")
    cli("enterprise", "close", A, "--on", "2025-01-01", "--status", "suspended")
    statuses = [
        cli("enterprise", "show", A, "--as-of", day, "--json").json()["status"]
        for day in ("2024-04-14", "2024-04-15", "2024-08-31", "2024-09-01", "2025-01-01")
    ]
    assert statuses == ["active", "dissolved", "dissolved", "active", "suspended"]
    out = cli("enterprise", "show", A, "--as-of", "2025-02-01").stdout
    assert "tạm ngừng" in out
    reopened = cli("enterprise", "reopen", A, "--on", "2025-06-01").stdout
    assert f"Doanh nghiệp {A} hoạt động trở lại." in reopened


def test_close_an_enterprise_already_closed(cli, dump):
    add(cli, A, "An", "--founded", "2019-01-01")
    cli("enterprise", "close", A, "--on", "2024-01-01")
    before = dump()
    result = cli("enterprise", "close", A, "--on", "2024-06-01", expect=1)
    assert result.stderr == f"Doanh nghiệp {A} không hoạt động vào ngày 01/06/2024.\n"
    assert dump() == before


@pytest.mark.parametrize(
    "text",
    ["Nguyễn", "nguyen", "NGUYEN", unicodedata.normalize("NFD", "Nguyễn"), "nguyễn an"],
    ids=["nfc", "plain", "upper", "nfd", "two-words"],
)
def test_search_ignores_case_and_diacritics(cli, text):
    add(cli, A, "Công ty TNHH Nguyễn An")
    add(cli, B, "Công ty CP Bình Minh")
    add(cli, C, unicodedata.normalize("NFD", "Hợp tác xã Nguyên Liệu"))  # stored NFC
    found = {r["tax_code"] for r in cli("enterprise", "list", "--search", text, "--json").json()}
    expected = {A} if text == "nguyễn an" else {A, C}
    assert found == expected


def test_search_by_tax_code_and_literal_percent(cli):
    add(cli, A, "Công ty 100% vốn")
    add(cli, B, "Công ty 1000 vốn")
    assert [
        r["tax_code"] for r in cli("enterprise", "list", "--search", A[:6], "--json").json()
    ] == [A]
    assert [r["name"] for r in cli("enterprise", "list", "--search", "100%", "--json").json()] == [
        "Công ty 100% vốn"
    ]


def test_list_filters_by_commune_and_zone_whatever_the_accents(cli):
    add(cli, A, "An", "--commune", "Xã Tân Hòa")
    add(cli, B, "Bình", "--commune", "Xã Tân Hoà")  # old-style accent placement
    add(cli, C, "Cường", "--commune", "Xã Phú Lợi", "--zone", "KCN Sông Lam")
    tan_hoa = {r["tax_code"] for r in cli("enterprise", "list", "--commune", "xa tan hoa",
                                          "--json").json()}  # fmt: skip
    assert tan_hoa == {A, B}
    zone = cli("enterprise", "list", "--zone", "kcn song lam", "--json").json()
    assert [r["tax_code"] for r in zone] == [C]
    assert cli("enterprise", "list", "--commune", "Xã Mỹ Thạnh", "--json").json() == []


def test_list_without_an_organisation_of_a_type(cli):
    add(cli, A, "An", "--founded", "2019-01-01")
    add(cli, B, "Bình", "--founded", "2019-01-01")
    add(cli, C, "Cường", "--founded", "2019-01-01")
    add(cli, D, "Dũng", "--founded", "2019-01-01")
    cli("org", "add", "--type", "party", "--enterprise", A, "--founded", "2020-01-01")
    cli("org", "add", "--type", "party", "--enterprise", B, "--founded", "2023-01-01")
    cli("org", "add", "--type", "union", "--enterprise", C, "--founded", "2020-01-01")
    cli("org", "dissolve", "1", "--on", "2024-01-01")
    cli("enterprise", "close", D, "--on", "2022-01-01")

    def without(day):
        rows = cli("enterprise", "list", "--without", "party", "--as-of", day, "--json").json()
        return sorted(r["tax_code"] for r in rows)

    assert without("2021-06-01") == sorted([B, C, D])
    assert without("2023-06-01") == sorted([C])
    assert without("2024-06-01") == sorted([A, C])


def test_show_lists_the_organisations_in_force(cli):
    add(cli, A, "An", "--founded", "2019-01-01")
    cli("org", "add", "--type", "party", "--enterprise", A, "--founded", "2020-01-01")
    cli("org", "add", "--type", "union", "--enterprise", A, "--founded", "2021-01-01")
    shown = cli("enterprise", "show", A, "--as-of", "2020-06-01", "--json").json()
    assert [o["type"] for o in shown["organizations"]] == ["party"]
    out = cli("enterprise", "show", A).stdout
    assert "Tổ chức" in out and "Công đoàn" in out and "Đảng" in out


def test_show_before_registration_has_no_status(cli):
    add(cli, A, "An", "--founded", "2019-01-01", "--workers", "9")
    shown = cli("enterprise", "show", A, "--as-of", "2018-01-01", "--json").json()
    assert shown["status"] is None and shown["workers"] is None
    assert shown["name"] == "An"


def test_list_table_has_vietnamese_headers_and_fits_80_columns(cli):
    add(cli, A, "Công ty TNHH Thương mại Dịch vụ Xuất nhập khẩu Nguyễn Gia Phát", "--commune",
        "Thị trấn An Bình", "--workers", "10955", "--stable-workers", "9000")  # fmt: skip
    add(cli, f"{E}-001", "Chi nhánh Công ty Cổ phần Lương thực Sông Lam tại An Bình",
        "--zone", "KCN Sông Lam", "--workers", "34")  # fmt: skip
    out = cli("enterprise", "list").stdout
    assert "Mã số thuế" in out and "Tên doanh nghiệp" in out and "Lao động" in out
    assert "10.955" in out and "9.000" in out
    assert f"{E}-001" in out and A in out  # codes never broken
    assert max(len(line) for line in out.splitlines()) <= 80
    assert "Doanh nghiệp (2)" in out
