"""Fieldwork commands: bad input gives one clear line and changes nothing;
people read Vietnamese labels; --json prints the record with its id."""

from __future__ import annotations

from typing import Any

import pytest

E1, E2, UNKNOWN = "0100100008", "0100100015", "0100100047"


@pytest.fixture
def base(cli: Any) -> dict[str, int]:
    cli(
        "enterprise",
        "add",
        "--tax-code",
        E1,
        "--name",
        "Công ty An Phát",
        "--founded",
        "2020-01-01",
    )
    cli("enterprise", "add", "--tax-code", E2, "--name", "Công ty Bình Minh")
    party = cli("org", "add", "--type", "party", "--enterprise", E1, "--founded", "2021-03-01",
                "--name", "Chi bộ An Phát", "--json").json()["id"]  # fmt: skip
    union = cli("org", "add", "--type", "union", "--enterprise", E1, "--founded", "2021-03-01",
                "--name", "Công đoàn An Phát", "--json").json()["id"]  # fmt: skip
    return {"party": int(party), "union": int(union)}


def fails(cli: Any, dump: Any, message: str, *args: Any) -> None:
    before = dump()
    result = cli(*args, expect=1)
    assert result.stderr.strip() == message
    assert result.stdout == ""
    assert dump() == before


VISIT = ("visit", "add", "--enterprise", E1, "--on", "10/01/2024", "--cadre", "Lê Văn Nam")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ("visit", "add", "--enterprise", UNKNOWN, "--on", "2024-01-10", "--cadre", "Nam"),
            f"Không tìm thấy doanh nghiệp có mã số thuế {UNKNOWN}.",
        ),
        (
            (*VISIT, "--next", "Gặp lại", "--next-due", "1/1/2024"),
            "Hạn của bước tiếp theo (01/01/2024) không được trước ngày gặp (10/01/2024).",
        ),
        (
            ("visit", "add", "--enterprise", E1, "--on", "2024-01-10", "--cadre", "   "),
            "Tên cán bộ (--cadre) không được để trống.",
        ),
        (
            ("visit", "add", "--enterprise", E1, "--on", "2024-01-10"),
            "Tên cán bộ (--cadre) không được để trống.",
        ),
        (
            (*VISIT, "--purpose", "party"),
            "Giá trị mục đích không hợp lệ: party "
            "(chọn một trong: survey, advocacy, founding, other).",
        ),
        (
            ("visit", "add", "--enterprise", E1, "--cadre", "Nam"),
            "Ngày gặp (--on) không được để trống.",
        ),
    ],
)
def test_visit_errors(cli: Any, dump: Any, base: Any, args: Any, message: str) -> None:
    fails(cli, dump, message, *args)


def test_visit_error_in_english(cli: Any, dump: Any, base: Any) -> None:
    fails(
        cli,
        dump,
        "The next step's due date (2024-01-01) cannot be before the visit (2024-01-10).",
        "--lang", "en", *VISIT, "--next-due", "2024-01-01",
    )  # fmt: skip


def test_activity_errors(cli: Any, dump: Any, base: dict[str, int]) -> None:
    org = str(base["party"])
    act = ("activity", "add", "--org", org, "--on", "2024-03-01")
    fails(cli, dump, "Số đảng viên dự (12) không được lớn hơn số người dự (10).",
          *act, "--kind", "study", "--attendees", "10", "--party-attendees", "12")  # fmt: skip
    fails(cli, dump, "Có số đảng viên dự thì phải nhập số người dự (--attendees).",
          *act, "--kind", "study", "--party-attendees", "3")  # fmt: skip
    fails(cli, dump, "Số người dự không được âm: -1.",
          *act, "--kind", "study", "--attendees", "-1")  # fmt: skip
    fails(cli, dump, "Đại hội mở nhiệm kỳ mới: cần ngày kết thúc nhiệm kỳ (--term-end).",
          *act, "--kind", "congress")  # fmt: skip
    fails(cli, dump, "Ngày kết thúc nhiệm kỳ (01/03/2024) phải sau ngày đại hội (01/03/2024).",
          *act, "--kind", "congress", "--term-end", "2024-03-01")  # fmt: skip
    fails(cli, dump, "Chỉ đại hội mới có ngày kết thúc nhiệm kỳ (--term-end).",
          *act, "--kind", "study", "--term-end", "2029-03-01")  # fmt: skip
    fails(cli, dump, "Giá trị loại hoạt động không hợp lệ: hop "
          "(chọn một trong: study, congress, other).", *act, "--kind", "hop")  # fmt: skip
    fails(cli, dump, "Không tìm thấy tổ chức có mã số 99.",
          "activity", "add", "--org", "99", "--on", "2024-03-01", "--kind", "study")  # fmt: skip
    fails(cli, dump, f"Tổ chức {org} thành lập ngày 01/03/2021, chưa có vào ngày 01/01/2021.",
          "activity", "add", "--org", org, "--on", "2021-01-01", "--kind", "study")  # fmt: skip
    cli("org", "dissolve", org, "--on", "2024-06-01")
    fails(cli, dump,
          f"Tổ chức {org} đã giải thể ngày 01/06/2024, không thể ghi hoạt động ngày 01/06/2024.",
          "activity", "add", "--org", org, "--on", "2024-06-01", "--kind", "study")  # fmt: skip


def test_rating_errors(cli: Any, dump: Any, base: dict[str, int]) -> None:
    party, union = str(base["party"]), str(base["union"])
    fails(
        cli,
        dump,
        "Xếp loại vung_manh không có trong thang xếp loại tổ chức đảng (chọn một trong: "
        "xuat_sac (hoàn thành xuất sắc nhiệm vụ), tot (hoàn thành tốt nhiệm vụ), "
        "hoan_thanh (hoàn thành nhiệm vụ), khong_hoan_thanh (không hoàn thành nhiệm vụ)).",
        "rating", "set", "--org", party, "--year", "2024", "--grade", "vung_manh",
    )  # fmt: skip
    fails(
        cli,
        dump,
        "Xếp loại tot không có trong thang xếp loại công đoàn cơ sở (chọn một trong: "
        "vung_manh_xuat_sac (vững mạnh xuất sắc), vung_manh (vững mạnh), "
        "hoan_thanh (hoàn thành nhiệm vụ), yeu (yếu)).",
        "rating", "set", "--org", union, "--year", "2024", "--grade", "tot",
    )  # fmt: skip
    fails(cli, dump, f"Tổ chức {party} không hoạt động trong năm 2020 (thành lập 01/03/2021).",
          "rating", "set", "--org", party, "--year", "2020", "--grade", "tot")  # fmt: skip
    fails(cli, dump, "Năm không hợp lệ: 24 (từ 1930 đến 2100).",
          "rating", "set", "--org", party, "--year", "24", "--grade", "tot")  # fmt: skip
    fails(cli, dump, "Không tìm thấy tổ chức có mã số 42.",
          "rating", "set", "--org", "42", "--year", "2024", "--grade", "tot")  # fmt: skip


def test_rating_set_again_records_the_change(cli: Any, dump: Any, base: dict[str, int]) -> None:
    party = str(base["party"])
    first = cli("rating", "set", "--org", party, "--year", "2024", "--grade", "tot", "--json")
    assert first.json()["grade"] == "tot"
    assert first.json()["previous_grade"] is None
    # A Vietnamese label, without accents, is understood too.
    again = cli("rating", "set", "--org", party, "--year", "2024", "--grade",
                "hoan thanh xuat sac nhiem vu", "--json").json()  # fmt: skip
    assert (again["grade"], again["previous_grade"], again["changed"]) == ("xuat_sac", "tot", True)
    before = dump()
    same = cli("rating", "set", "--org", party, "--year", "2024", "--grade", "xuat_sac")
    assert "Xếp loại không đổi: hoàn thành xuất sắc nhiệm vụ." in same.stdout
    assert dump() == before
    rows = cli("rating", "list", "--json").json()
    assert [(r["year"], r["grade"]) for r in rows] == [(2024, "xuat_sac")]
    history = cli("rating", "list", "--history", "--json").json()
    assert [(r["grade"], r["superseded"]) for r in history] == [("tot", True), ("xuat_sac", False)]
    log = cli("log", "--json").json()
    assert [e["action"] for e in log if e["entity"] == "rating"] == ["set", "set"]


def test_award_and_model_errors(cli: Any, dump: Any, base: dict[str, int]) -> None:
    party = str(base["party"])
    award = ("award", "add", "--on", "2024-03-01", "--level", "Huyện ủy")
    fails(cli, dump, "Giá trị đối tượng khen thưởng không hợp lệ: company "
          "(chọn một trong: org, enterprise, person).",
          *award, "--to", "company", "--id", E1)  # fmt: skip
    fails(cli, dump, "Không tìm thấy người có mã số 7.", *award, "--to", "person", "--id", "7")
    fails(cli, dump, "Mã tổ chức phải là một số: abc.", *award, "--to", "org", "--id", "abc")
    fails(cli, dump, f"Không tìm thấy doanh nghiệp có mã số thuế {UNKNOWN}.",
          *award, "--to", "enterprise", "--id", UNKNOWN)  # fmt: skip
    fails(cli, dump, "Cấp khen thưởng (--level) không được để trống.",
          "award", "add", "--to", "org", "--id", party, "--on", "2024-03-01")  # fmt: skip
    fails(cli, dump, "Tên mô hình (--name) không được để trống.",
          "model", "add", "--org", party, "--year", "2024", "--name", " ")  # fmt: skip
    cli("model", "add", "--org", party, "--year", "2024", "--name", "Dân vận khéo trong sản xuất")
    fails(cli, dump, f'Tổ chức {party} đã đăng ký mô hình "Dân vận khéo trong sản xuất" '
          "năm 2024 (mã 1).",
          "model", "add", "--org", party, "--year", "2024",
          "--name", "dan van kheo trong san xuat")  # fmt: skip


def test_add_json_prints_the_record_with_id(cli: Any, base: dict[str, int]) -> None:
    party = str(base["party"])
    visit = cli(*VISIT, "--met", "Bà Hoa, giám đốc", "--next-due", "2024-02-01", "--json").json()
    assert visit["id"] == 1
    assert visit["tax_code"] == E1
    assert visit["purpose"] == "survey"
    assert visit["next_due_on"] == "2024-02-01"
    activity = cli("activity", "add", "--org", party, "--kind", "congress", "--on", "2024-05-10",
                   "--term-end", "10/5/2029", "--json").json()  # fmt: skip
    assert (activity["id"], activity["org_type"], activity["term_end_on"]) == (
        1, "party", "2029-05-10",
    )  # fmt: skip
    award = cli("award", "add", "--to", "enterprise", "--id", E2, "--on", "2024-03-01",
                "--level", "UBND tỉnh", "--title", "Bằng khen", "--json").json()  # fmt: skip
    assert (award["id"], award["to"], award["tax_code"], award["target_name"]) == (
        1, "enterprise", E2, "Công ty Bình Minh",
    )  # fmt: skip
    model = cli("model", "add", "--org", party, "--year", "2024", "--name", "Mô hình A",
                "--json").json()  # fmt: skip
    assert (model["id"], model["org_name"], model["year"]) == (1, "Chi bộ An Phát", 2024)
    for group in ("visit", "activity", "rating", "award", "model"):
        assert isinstance(cli(group, "list", "--json").json(), list)


def test_vietnamese_labels(cli: Any, base: dict[str, int], monkeypatch: Any) -> None:
    from dangdn_cli import output

    monkeypatch.setattr(output.console, "_width", 250)  # whole cells on one line
    party = str(base["party"])
    cli(*VISIT, "--purpose", "founding", "--next", "Họp trù bị", "--next-due", "2024-02-01")
    table = cli("visit", "list", "--as-of", "2024-03-01").stdout
    assert "Các lần gặp doanh nghiệp (1)" in table
    for text in ("chuẩn bị thành lập tổ chức", "quá hạn", "10/01/2024", "Lê Văn Nam"):
        assert text in " ".join(table.split())
    overdue = cli("visit", "list", "--overdue", "--as-of", "2024-03-01").stdout
    assert "Bước tiếp theo quá hạn (1)" in overdue
    cli("rating", "set", "--org", party, "--year", "2024", "--grade", "tot")
    ratings = " ".join(cli("rating", "list").stdout.split())
    assert "hoàn thành tốt nhiệm vụ" in ratings
    assert "2024" in ratings and "2.024" not in ratings
    english = " ".join(cli("--lang", "en", "rating", "list").stdout.split())
    assert "completed its tasks well" in english
    added = cli("activity", "add", "--org", party, "--kind", "study", "--on", "2024-03-01",
                "--attendees", "30", "--party-attendees", "20").stdout  # fmt: skip
    assert "Đã ghi hoạt động 1." in added
    assert "học tập, quán triệt" in added
    assert "Ghi một lần gặp doanh nghiệp." in cli("visit", "add", "--help").stdout


def test_enterprise_show_lists_the_latest_visits_as_of_a_date(
    cli: Any, base: dict[str, int]
) -> None:
    code = E1
    for when, step in (("2024-02-01", "Gặp chủ"), ("2024-05-01", "Lập hồ sơ")):
        cli(
            "visit",
            "add",
            "--enterprise",
            code,
            "--on",
            when,
            "--cadre",
            "Lê Hà",
            "--next",
            step,
            "--next-due",
            "2024-06-01",
        )
    shown = cli("enterprise", "show", code, "--json").json()
    assert [v["visited_on"] for v in shown["latest_visits"]] == ["2024-05-01", "2024-02-01"]
    earlier = cli("enterprise", "show", code, "--as-of", "2024-03-01", "--json").json()
    assert [v["visited_on"] for v in earlier["latest_visits"]] == ["2024-02-01"]
    table = cli("enterprise", "show", code).stdout
    assert "Lần làm việc gần nhất" in table and "Lập hồ sơ" in table
