"""Members and persons: add, promote, leave, list; person show, list, move, erase."""

from __future__ import annotations

import json
import unicodedata

import pytest

from test_registry_helpers import A, B, C, query
from test_registry_helpers import fast_cli as fast_cli  # the autouse fixture

CCCD = "079123456745"


@pytest.fixture
def district(cli):
    for code, name in ((A, "Công ty TNHH Nguyễn An"), (B, "Công ty CP Bình Minh"),
                       (C, "Hợp tác xã Cường Thịnh")):  # fmt: skip
        cli("enterprise", "add", "--tax-code", code, "--name", name, "--founded", "2015-01-01",
            "--workers", "60", "--stable-workers", "40")  # fmt: skip
    cli("org", "add", "--type", "party", "--enterprise", A, "--founded", "2018-01-01")  # 1
    cli("org", "add", "--type", "union", "--enterprise", A, "--founded", "2018-01-01")  # 2


def member(cli, *args):
    return cli("member", "add", *args, "--json").json()


def test_add_prints_membership_with_id_and_person_id(cli, district):
    record = member(cli, "--name", "Trần Văn Bình", "--type", "party", "--enterprise", A,
                    "--birth", "12/3/1985", "--gender", "nam", "--id-number", CCCD,
                    "--joined", "2010-05-19", "--org", "1", "--role", "manager",
                    "--reveal")  # fmt: skip
    assert record == {
        "id": 1,
        "person_id": 1,
        "name": "Trần Văn Bình",
        "birth_date": "1985-03-12",
        "gender": "nam",
        "id_number": CCCD,
        "type": "party",
        "organization_id": 1,
        "organization": "Chi bộ Công ty TNHH Nguyễn An",
        "joined_on": "2010-05-19",
        "left_on": None,
        "status": "official",
        "official_on": None,
        "residence": False,
        "enterprise": A,
        "role": "manager",
        "stable_employment": True,
    }
    masked = member(cli, "--name", "Lê Thị Cúc", "--type", "union", "--enterprise", A,
                    "--id-number", "079123456746")  # fmt: skip
    assert masked["id_number"] == "0791******46"
    assert (masked["id"], masked["person_id"], masked["status"]) == (2, 2, None)


def test_a_person_is_counted_once_however_many_memberships(cli, district):
    first = member(cli, "--name", "Trần Văn Bình", "--type", "party", "--enterprise", A,
                   "--joined", "2010-05-19", "--employed-from", "2016-01-01")  # fmt: skip
    second = member(cli, "--type", "union", "--enterprise", A, "--person",
                    str(first["person_id"]), "--joined", "2012-01-01", "--org", "2")  # fmt: skip
    assert second["person_id"] == first["person_id"]
    person = cli("person", "show", str(first["person_id"]), "--json").json()
    assert [m["type"] for m in person["memberships"]] == ["party", "union"]
    # The second membership joined before the job started: still one employment.
    assert [(j["enterprise"], j["start_on"]) for j in person["employment"]] == [(A, "2016-01-01")]
    assert len(cli("person", "list", "--json").json()) == 1


def test_employment_starts_at_employed_from_then_joined_then_today(cli, district):
    from datetime import date

    member(cli, "--name", "Một", "--type", "union", "--enterprise", A, "--joined", "2019-01-01",
           "--employed-from", "2017-06-01")  # fmt: skip
    member(cli, "--name", "Hai", "--type", "union", "--enterprise", A, "--joined", "2019-01-01")
    member(cli, "--name", "Ba", "--type", "union", "--enterprise", A)
    starts = [p["employment"][0]["start_on"] for p in (
        cli("person", "show", str(i), "--json").json() for i in (1, 2, 3))]  # fmt: skip
    assert starts == ["2017-06-01", "2019-01-01", date.today().isoformat()]


def test_probationary_promote_and_official_on(cli, district):
    prob = member(cli, "--name", "Lê Thị Cúc", "--type", "party", "--enterprise", A,
                  "--joined", "2024-02-01", "--status", "probationary", "--org", "1")  # fmt: skip
    assert prob["status"] == "probationary"
    scheduled = member(cli, "--name", "Phạm Dũng", "--type", "party", "--enterprise", A,
                       "--joined", "2023-01-01", "--official-on", "2024-01-01")  # fmt: skip

    def status(member_id, day):
        rows = cli("member", "list", "--type", "party", "--as-of", day, "--json").json()
        return {r["id"]: r["status"] for r in rows}.get(member_id)

    assert status(scheduled["id"], "2023-12-31") == "probationary"
    assert status(scheduled["id"], "2024-01-01") == "official"
    promoted = cli("member", "promote", str(prob["id"]), "--on", "2025-02-01", "--json").json()
    assert (promoted["status"], promoted["official_on"]) == ("official", "2025-02-01")
    assert status(prob["id"], "2025-01-31") == "probationary"
    assert status(prob["id"], "2025-02-01") == "official"
    assert status(prob["id"], "2024-01-31") is None  # not yet admitted
    out = cli("member", "promote", str(scheduled["id"]), "--on", "2023-06-01").stdout
    assert f"Đảng viên {scheduled['id']} đã chính thức." in out


def test_residence_registered_owner(cli, district):
    record = member(cli, "--name", "Nguyễn Văn Gia", "--type", "party", "--enterprise", B,
                    "--joined", "2001-09-02", "--residence", "--role", "owner",
                    "--unstable-employment")  # fmt: skip
    assert record["residence"] is True and record["organization_id"] is None
    assert (record["role"], record["stable_employment"]) == ("owner", False)
    out = cli("member", "list", "--type", "party").stdout
    assert "Nguyễn Văn Gia" in out


def test_leave_ends_the_membership_on_its_date(cli, district):
    record = member(cli, "--name", "Võ Thị Em", "--type", "youth", "--enterprise", A,
                    "--joined", "2018-03-26")  # fmt: skip
    left = cli("member", "leave", str(record["id"]), "--on", "2024-03-26", "--json").json()
    assert left["left_on"] == "2024-03-26"
    assert [r["id"] for r in cli("member", "list", "--as-of", "2024-03-25", "--json").json()] == [
        record["id"]
    ]
    assert cli("member", "list", "--as-of", "2024-03-26", "--json").json() == []
    again = cli("member", "leave", str(record["id"]), "--on", "2024-04-01", expect=1)
    assert again.stderr == f"Thành viên {record['id']} đã rời tổ chức ngày 26/03/2024.\n"


def test_promote_a_union_member_is_refused(cli, district, dump):
    record = member(cli, "--name", "Đỗ Văn Phúc", "--type", "union", "--enterprise", A)
    before = dump()
    result = cli("member", "promote", str(record["id"]), "--on", "2024-01-01", expect=1)
    assert result.stderr == f"Thành viên {record['id']} không phải đảng viên.\n"
    assert dump() == before


def test_list_filters(cli, district):
    member(cli, "--name", "An", "--type", "party", "--enterprise", A, "--joined", "2010-01-01",
           "--org", "1")  # fmt: skip
    member(cli, "--name", "Bình", "--type", "union", "--enterprise", A, "--joined", "2010-01-01",
           "--org", "2")  # fmt: skip
    member(cli, "--name", "Cường", "--type", "party", "--enterprise", B, "--joined", "2010-01-01",
           "--residence")  # fmt: skip

    def names(*extra):
        return [r["name"] for r in cli("member", "list", *extra, "--json").json()]

    assert names() == ["An", "Cường", "Bình"]  # by type, then name
    assert names("--type", "party") == ["An", "Cường"]
    assert names("--enterprise", B) == ["Cường"]
    assert names("--org", "2") == ["Bình"]
    assert names("--as-of", "2009-12-31") == []


def test_list_masks_citizen_ids_unless_revealed(cli, district):
    member(cli, "--name", "Trần Văn Bình", "--type", "party", "--enterprise", A,
           "--id-number", CCCD)  # fmt: skip
    table = cli("member", "list").stdout
    assert "0791******45" in table and CCCD not in table
    assert CCCD in cli("member", "list", "--reveal").stdout
    assert cli("member", "list", "--json").json()[0]["id_number"] == "0791******45"
    assert cli("member", "list", "--json", "--reveal").json()[0]["id_number"] == CCCD
    assert CCCD not in cli("person", "show", "1").stdout
    assert CCCD in cli("person", "show", "1", "--reveal").stdout
    assert cli("person", "list", "--json").json()[0]["id_number"] == "0791******45"


@pytest.mark.parametrize("text", ["Nguyễn", "nguyen", unicodedata.normalize("NFD", "Nguyễn")])
def test_person_search(cli, district, text):
    member(cli, "--name", "Nguyễn Thị Hoa", "--type", "women", "--enterprise", A)
    member(cli, "--name", "Trần Văn Bình", "--type", "union", "--enterprise", A)
    assert [p["name"] for p in cli("person", "list", "--search", text, "--json").json()] == [
        "Nguyễn Thị Hoa"
    ]


def test_move_ends_the_job_and_starts_the_new_one_memberships_go_on(cli, district):
    record = member(cli, "--name", "Lý Văn Giang", "--type", "party", "--enterprise", A,
                    "--joined", "2012-01-01", "--employed-from", "2016-01-01", "--org", "1",
                    "--role", "manager")  # fmt: skip
    moved = cli("person", "move", str(record["person_id"]), "--enterprise", B,
                "--on", "2024-07-01", "--unstable-employment", "--json").json()  # fmt: skip
    jobs = [(j["enterprise"], j["start_on"], j["end_on"], j["stable"], j["role"])
            for j in moved["employment"]]  # fmt: skip
    assert jobs == [
        (A, "2016-01-01", "2024-07-01", True, "manager"),
        (B, "2024-07-01", None, False, "manager"),
    ]
    assert [m["type"] for m in moved["memberships"]] == ["party"]

    def employer(day):
        rows = cli("member", "list", "--as-of", day, "--json").json()
        return rows[0]["enterprise"]

    assert (employer("2024-06-30"), employer("2024-07-01")) == (A, B)
    assert cli("member", "list", "--enterprise", A, "--as-of", "2024-07-01", "--json").json() == []
    again = cli("person", "move", str(record["person_id"]), "--enterprise", C,
                "--on", "2025-01-01", "--role", "owner").stdout  # fmt: skip
    assert f"Đã chuyển người {record['person_id']} sang {C}." in again


def test_erase_removes_the_person_and_scrubs_the_audit_log(cli, district, registry):
    record = member(cli, "--name", "Hoàng Thị Lan", "--type", "party", "--enterprise", A,
                    "--id-number", CCCD, "--joined", "2020-01-01", "--status", "probationary",
                    "--org", "1")  # fmt: skip
    member(cli, "--type", "union", "--enterprise", A, "--person", str(record["person_id"]))
    cli("member", "promote", "1", "--on", "2021-01-01")
    cli("person", "move", "1", "--enterprise", B, "--on", "2022-01-01")
    cli("org", "add", "--type", "youth", "--enterprise", A, "--founded", "2022-01-01",
        "--leader", "Hoàng Thị Lan")  # fmt: skip
    cli("candidate", "add", "--name", "Đinh Văn Khoa", "--enterprise", A)
    cli("award", "add", "--to", "person", "--id", "1", "--on", "2023-06-20",
        "--level", "Huyện ủy", "--title", "Giấy khen")  # fmt: skip
    text = json.dumps(query(registry, "SELECT * FROM audit_log"), ensure_ascii=False)
    assert "Hoàng Thị Lan" in text and CCCD in text
    result = cli("person", "erase", "1", "--confirm", "--json").json()
    assert result == {
        "id": 1,
        "erased": {"candidates": 0, "memberships": 2, "employment": 2, "awards": 1},
    }
    assert query(registry, "SELECT count(*) FROM person WHERE id = 1") == [(0,)]
    assert query(registry, "SELECT count(*) FROM membership WHERE person_id = 1") == [(0,)]
    assert query(registry, "SELECT count(*) FROM employment WHERE person_id = 1") == [(0,)]
    assert query(registry, "SELECT count(*) FROM award") == [(0,)]
    text = json.dumps(query(registry, "SELECT * FROM audit_log"), ensure_ascii=False)
    assert "Hoàng Thị Lan" not in text and CCCD not in text and "0791******45" not in text
    assert "Đinh Văn Khoa" in text  # others are kept
    actions = [r[0] for r in query(registry, "SELECT action FROM audit_log ORDER BY id")]
    assert actions[-1] == "erase" and actions.count("add") == 10
    assert cli("person", "show", "1", expect=1).stderr == "Không tìm thấy người có mã số 1.\n"
