"""dangdn import members and dangdn import orgs."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from dangdn_cli import errors
from test_import import A, B, mst, query, write_csv, write_xlsx

ENTERPRISES = [
    ["Mã số thuế", "Tên doanh nghiệp", "Số lao động", "Lao động ổn định", "Ngày thành lập"],
    [A, "Công ty An", "50", "30", "01/01/2010"],
    [B, "Công ty Bình", "80", "60", "01/01/2010"],
]
MEMBER_HEADER = ["Họ và tên", "Ngày sinh", "Giới tính", "Số CCCD", "MST", "Ngày vào Đảng"]


@pytest.fixture
def two_enterprises(cli: Any, tmp_path: Any) -> None:
    cli("import", "enterprises", write_csv(tmp_path / "dn.csv", ENTERPRISES))


def members(cli: Any, *extra: str) -> list[dict[str, Any]]:
    return cli("member", "list", "--json", "--reveal", *extra).json()


@pytest.mark.usefixtures("two_enterprises")
def test_party_list_from_xlsx(cli, tmp_path, registry):
    rows = [
        ["DANH SÁCH ĐẢNG VIÊN"],
        [*MEMBER_HEADER, "Đảng tịch", "Ngày chính thức"],
        [
            "Nguyễn Văn An",
            date(1985, 2, 1),
            "Nam",
            1085000123,
            A,
            date(2010, 2, 3),
            "Chính thức",
            date(2011, 2, 3),
        ],
        ["Trần Thị Bình", "06/05/1990", "Nữ", "079190000456", A, "2023-06-01", "Dự bị", None],
        ["Lê Văn Cường", None, None, None, int(B), "15/03/2015", None, None],
    ]
    report = cli("import", "members", write_xlsx(tmp_path / "dv.xlsx", {"DV": rows}), "--json")
    assert report.json()["new"] == 3
    found = {m["name"]: m for m in members(cli)}
    an = found["Nguyễn Văn An"]
    assert (an["type"], an["status"], an["id_number"], an["enterprise"]) == (
        "party",
        "official",
        "001085000123",
        A,
    )
    assert found["Trần Thị Bình"]["status"] == "probationary"
    assert found["Lê Văn Cường"]["enterprise"] == B
    jobs = query(registry, "SELECT person_id, start_on FROM employment ORDER BY person_id")
    assert jobs == [(1, "2010-02-03"), (2, "2023-06-01"), (3, "2015-03-15")]


@pytest.mark.usefixtures("two_enterprises")
def test_one_person_many_memberships_and_idempotence(cli, tmp_path, dump, registry):
    rows = [
        ["Họ và tên", "Số CCCD", "Loại thành viên", "Mã số thuế", "Ngày vào"],
        ["Nguyễn Văn An", "001085000123", "Đảng viên", A, "03/02/2010"],
        ["Nguyễn Văn An", "001085000123", "Công đoàn", A, "01/01/2009"],
        ["Phạm Thị Dung", "", "Đoàn viên thanh niên", B, "01/01/2020"],
        ["Phạm Thị Dung", "", "Hội viên phụ nữ", B, "01/01/2021"],
    ]
    path = write_csv(tmp_path / "tv.csv", rows)
    cli("import", "members", path)
    assert query(registry, "SELECT count(*) FROM person")[0][0] == 2
    assert query(registry, "SELECT count(*) FROM employment")[0][0] == 2
    assert query(registry, "SELECT count(*) FROM membership")[0][0] == 4
    after = dump()
    report = cli("import", "members", path, "--json").json()
    assert (report["new"], report["unchanged"]) == (0, 4)
    assert dump() == after
    # A later union list adds a membership to the known person, no new person.
    more = write_csv(
        tmp_path / "cd.csv",
        [["Họ và tên", "Ngày sinh", "MST", "Ngày vào"], ["Phạm Thị Dung", "", B, "02/02/2022"]],
    )
    report = cli("import", "members", more, "--type", "union", "--json").json()
    assert report["new"] == 1
    assert query(registry, "SELECT count(*) FROM person")[0][0] == 2


MEMBER_BAD = [
    (["X1", "", "", "12345", A, "01/01/2020"], "Số CCCD", "Số CCCD không hợp lệ: 12345"),
    (["X2", "", "", "0010******23", A, "01/01/2020"], "Số CCCD", "Số CCCD đã bị che"),
    (
        ["X3", "", "", "", mst(40), "01/01/2020"],
        "MST",
        f"Không tìm thấy doanh nghiệp có mã số thuế {mst(40)}.",
    ),
    (["", "", "", "", A, "01/01/2020"], "Họ và tên", "Họ và tên không được để trống."),
    (["X5", "31/13/1990", "", "", A, "01/01/2020"], "Ngày sinh", "Ngày không hợp lệ"),
    (["X6", "", "Khác", "", A, "01/01/2020"], "Giới tính", "Giới tính không hợp lệ: Khác"),
    (
        ["Y", "", "", "001085000999", A, "01/01/2020"],
        "Họ và tên",
        "Trùng với dòng 2 (cùng người, cùng loại thành viên).",
    ),
    (
        ["Z", "01/01/1990", "", "001085000999", A, "01/01/2020"],
        "Số CCCD",
        "Trùng với dòng 2 (cùng số CCCD nhưng khác họ tên hoặc ngày sinh).",
    ),
]


@pytest.mark.usefixtures("two_enterprises")
def test_bad_member_rows(cli, tmp_path, dump):
    before = dump()
    rows = [MEMBER_HEADER, ["Y", "", "", "001085000999", A, "01/01/2020"]]
    rows += [cells for cells, _, _ in MEMBER_BAD]
    report = cli("import", "members", write_csv(tmp_path / "dv.csv", rows), "--json", expect=1)
    problems = report.json()["problems"]
    assert [p["row"] for p in problems] == [3, 4, 5, 6, 7, 8, 9, 10]
    for (_, column, reason), problem in zip(MEMBER_BAD, problems, strict=True):
        assert problem["column"] == column
        assert reason in problem["reason"], problem
    assert dump() == before


@pytest.mark.usefixtures("two_enterprises")
def test_party_only_fields_and_dates(cli, tmp_path, dump):
    before = dump()
    rows = [
        [
            "Họ và tên",
            "Loại thành viên",
            "MST",
            "Ngày vào",
            "Đảng tịch",
            "Ngày chính thức",
            "Sinh hoạt nơi cư trú",
        ],
        ["A1", "Công đoàn", A, "01/01/2020", "Chính thức", "", ""],
        ["A2", "Đảng viên", A, "01/01/2020", "", "01/01/2019", ""],
        ["A3", "", A, "01/01/2020", "", "", ""],
        ["A4", "Đảng viên", A, "01/01/2020", "", "", "có"],
    ]
    result = cli("import", "members", write_csv(tmp_path / "x.csv", rows), "--json", expect=1)
    problems = result.json()["problems"]
    assert [(p["row"], p["column"], p["reason"]) for p in problems] == [
        (2, "Loại thành viên", errors.PartyOnlyOption(options="Đảng tịch").message("vi")),
        (
            3,
            "Ngày chính thức",
            "Ngày chính thức (01/01/2019) không được trước ngày kết nạp (01/01/2020).",
        ),
        (4, "Loại thành viên", "Loại thành viên không được để trống."),
    ]
    assert dump() == before


@pytest.mark.usefixtures("two_enterprises")
def test_member_conflicts_and_updates(cli, tmp_path, registry):
    rows = [
        ["Họ và tên", "Số CCCD", "MST", "Ngày vào Đảng", "Đảng tịch"],
        ["Nguyễn Văn An", "001085000123", A, "01/06/2023", "Dự bị"],
    ]
    cli("import", "members", write_csv(tmp_path / "a.csv", rows))
    changed = [
        ["Ho va ten", "So CCCD", "MST", "Ngay vao Dang", "Dang tich", "Ngay chinh thuc"],
        ["Nguyen Van An", "001085000123", B, "01/06/2023", "Chinh thuc", "01/06/2024"],
    ]
    path = write_csv(tmp_path / "b.csv", changed)
    problems = cli("import", "members", path, "--json", expect=1).json()["problems"]
    assert problems[0]["reason"].startswith(
        "Đã có trong sổ đăng ký với thông tin khác: Dang tich: Dự bị → Chính thức; "
        f"Ngay chinh thuc: ∅ → 01/06/2024; MST: {A} → {B} (dùng --on-conflict update"
    )
    skipped = cli("import", "members", path, "--on-conflict", "skip", "--json").json()
    assert skipped["skipped"] == 1
    report = cli(
        "import", "members", path, "--on-conflict", "update", "--as-of", "2025-01-01", "--json"
    ).json()
    assert report["updated"] == 1
    found = members(cli, "--as-of", "2025-01-01")
    assert [(m["name"], m["status"], m["enterprise"]) for m in found] == [
        ("Nguyễn Văn An", "official", B)
    ]
    # The move ended the old job on the date and started the new one; the
    # name keeps its diacritics.
    jobs = query(registry, "SELECT enterprise_id, start_on, end_on FROM employment ORDER BY id")
    assert jobs == [(1, "2023-06-01", "2025-01-01"), (2, "2025-01-01", None)]
    again = cli("import", "members", path, "--as-of", "2025-01-01", "--json").json()
    assert again["unchanged"] == 1


def test_members_need_known_organisations(cli, tmp_path, dump):
    cli("import", "enterprises", write_csv(tmp_path / "dn.csv", ENTERPRISES))
    orgs = [["Loại tổ chức", "MST", "Ngày thành lập"], ["Công đoàn", A, "01/01/2015"]]
    cli("import", "orgs", write_csv(tmp_path / "tc.csv", orgs))
    before = dump()
    rows = [
        ["Họ và tên", "Loại thành viên", "MST", "Mã tổ chức", "Ngày vào"],
        ["A", "Đảng viên", A, "1", "01/01/2020"],
        ["B", "Công đoàn", A, "7", "01/01/2020"],
    ]
    result = cli("import", "members", write_csv(tmp_path / "x.csv", rows), "--json", expect=1)
    assert [(p["row"], p["column"], p["reason"]) for p in result.json()["problems"]] == [
        (
            2,
            "Mã tổ chức",
            errors.WrongOrgType(
                org_id=1,
                actual_vi="công đoàn cơ sở",
                actual_en="",
                wanted_vi="tổ chức đảng",
                wanted_en="",
            ).message("vi"),
        ),
        (3, "Mã tổ chức", "Không tìm thấy tổ chức có mã số 7."),
    ]
    assert dump() == before
    rows[1][1] = "Công đoàn"
    rows[2][3] = "1"
    cli("import", "members", write_csv(tmp_path / "y.csv", rows))
    assert cli("org", "show", "1", "--json").json()["members"] == 2


# ---------------------------------------------------------------------------
# Organisations

ORG_HEADER = ["Loại tổ chức", "MST", "Ngày thành lập", "Số quyết định", "Bí thư", "Tên tổ chức"]


@pytest.mark.usefixtures("two_enterprises")
def test_orgs_import_names_ids_and_idempotence(cli, tmp_path, dump):
    rows = [
        ORG_HEADER,
        ["Chi bộ", A, "01/01/2016", "Số 45-QĐ/HU", "Nguyễn Văn An", ""],
        ["Công đoàn cơ sở", f"{A}; {B}", "01/01/2017", "", "", "Công đoàn ghép"],
    ]
    path = write_csv(tmp_path / "tc.csv", rows)
    cli("import", "orgs", path)
    orgs = cli("org", "list", "--json").json()
    assert [(o["id"], o["type"], o["name"], o["enterprises"]) for o in orgs] == [
        (1, "party", "Chi bộ Công ty An", [A]),
        (2, "union", "Công đoàn ghép", sorted([A, B])),
    ]
    after = dump()
    assert cli("import", "orgs", path, "--json").json()["unchanged"] == 2
    assert dump() == after
    # Ids from an export are kept when free.
    rows = [["Mã tổ chức", *ORG_HEADER], ["9", "Đoàn thanh niên", B, "01/01/2018", "", "", ""]]
    cli("import", "orgs", write_csv(tmp_path / "id.csv", rows))
    assert cli("org", "show", "9", "--json").json()["type"] == "youth"


@pytest.mark.usefixtures("two_enterprises")
def test_bad_org_rows(cli, tmp_path, dump):
    cli("import", "orgs", write_csv(tmp_path / "a.csv", [ORG_HEADER, ["Chi bộ", A, "01/01/2016"]]))
    before = dump()
    rows = [
        ["Mã tổ chức", *ORG_HEADER, "Ngày giải thể"],
        ["", "Chi bộ", A, "01/01/2018", "", "", "", ""],
        ["", "Công đoàn", B, "01/01/2018", "", "", "", ""],
        ["", "Công đoàn", B, "01/06/2018", "", "", "", ""],
        ["", "Hội phụ nữ", mst(41), "01/01/2018", "", "", "", ""],
        ["", "Chi đoàn", B, "01/01/2018", "", "", "", "01/01/2017"],
        ["1", "Công đoàn", B, "02/02/2019", "", "", "", ""],
        ["", "Câu lạc bộ", B, "01/01/2018", "", "", "", ""],
        ["", "Chi hội cựu chiến binh", B, "", "", "", "", ""],
    ]
    result = cli("import", "orgs", write_csv(tmp_path / "b.csv", rows), "--json", expect=1)
    got = [(p["row"], p["column"], p["reason"]) for p in result.json()["problems"]]
    covered = errors.AlreadyCovered(tax_code=A, org_id=1, kind_vi="tổ chức đảng", kind_en="")
    assert got[0] == (2, "MST", covered.message("vi"))
    assert got[1] == (
        4,
        "MST",
        f"Doanh nghiệp {B} đã có công đoàn cơ sở ở dòng 3 trong cùng thời gian.",
    )
    assert got[2] == (5, "MST", f"Không tìm thấy doanh nghiệp có mã số thuế {mst(41)}.")
    assert got[3] == (
        6,
        "Ngày giải thể",
        "Ngày giải thể (01/01/2017) không được trước ngày thành lập (01/01/2018).",
    )
    assert got[4][:2] == (7, "Mã tổ chức")
    assert got[4][2].startswith("Mã tổ chức 1 trong sổ đăng ký là một tổ chức khác (tổ chức đảng")
    assert got[5][:2] == (8, "Loại tổ chức")
    assert got[6] == (9, "Ngày thành lập", "Ngày thành lập không được để trống.")
    assert dump() == before


@pytest.mark.usefixtures("two_enterprises")
def test_org_update(cli, tmp_path):
    cli("import", "orgs", write_csv(tmp_path / "a.csv", [ORG_HEADER, ["Chi bộ", A, "01/01/2016"]]))
    rows = [
        ["Loại tổ chức", "MST", "Ngày thành lập", "Bí thư", "Ngày giải thể"],
        ["Chi bộ", A, "01/01/2016", "Lê Thị Hoa", "01/01/2024"],
    ]
    path = write_csv(tmp_path / "b.csv", rows)
    cli("import", "orgs", path, expect=1)
    cli("import", "orgs", path, "--on-conflict", "update")
    shown = cli("org", "show", "1", "--json").json()
    assert (shown["leader"], shown["dissolved_on"]) == ("Lê Thị Hoa", "2024-01-01")
