"""Organisations: add (one or several enterprises), dissolve, list, show."""

from __future__ import annotations

from datetime import date

from test_registry_helpers import A, B, C
from test_registry_helpers import fast_cli as fast_cli  # the autouse fixture


def enterprises(cli, *codes):
    for code in codes:
        cli("enterprise", "add", "--tax-code", code, "--name", f"Công ty {code[-4:]}",
            "--founded", "2019-01-01", "--commune", "Xã Tân Hòa")  # fmt: skip


def test_add_prints_the_record_with_its_id(cli):
    enterprises(cli, A)
    record = cli("org", "add", "--type", "party", "--enterprise", A, "--founded", "19/5/2020",
                 "--name", "Chi bộ Công ty An", "--decision", "Số 45-QĐ/HU",
                 "--superior", "Huyện ủy An Bình", "--leader", "Trần Văn Bình",
                 "--json").json()  # fmt: skip
    assert record == {
        "id": 1,
        "type": "party",
        "level": "chi_bo",
        "name": "Chi bộ Công ty An",
        "founded_on": "2020-05-19",
        "decision": "Số 45-QĐ/HU",
        "superior": "Huyện ủy An Bình",
        "leader": "Trần Văn Bình",
        "dissolved_on": None,
        "dissolution_decision": None,
        "active": True,
        "members": 0,
        "enterprises": [A],
    }


def test_default_names_and_a_joint_cell(cli):
    enterprises(cli, A, B)
    union = cli("org", "add", "--type", "union", "--enterprise", A, "--founded", "2020-01-01",
                "--json").json()  # fmt: skip
    assert union["name"] == f"Công đoàn cơ sở Công ty {A[-4:]}"
    joint = cli("org", "add", "--type", "party", "--enterprise", A, "--enterprise", B,
                "--founded", "2021-01-01", "--json").json()  # fmt: skip
    assert joint["enterprises"] == sorted([A, B])
    assert joint["name"] == f"Chi bộ ghép Công ty {A[-4:]} – Công ty {B[-4:]}"
    for code in (A, B):
        shown = cli("enterprise", "show", code, "--json").json()
        assert [o["type"] for o in shown["organizations"]] == (
            ["party", "union"] if code == A else ["party"]
        )
    out = cli("org", "add", "--type", "youth", "--enterprise", B, "--founded", "2022-01-01").stdout
    assert "Đã thêm tổ chức 3." in out and "Tổ chức đoàn" in out


def test_dissolve_and_list_as_of(cli):
    enterprises(cli, A, B)
    cli("org", "add", "--type", "party", "--enterprise", A, "--founded", "2020-01-01")
    cli("org", "add", "--type", "union", "--enterprise", B, "--founded", "2021-01-01")
    dissolved = cli("org", "dissolve", "1", "--on", "2023-06-30", "--decision", "Số 9-QĐ/HU",
                    "--json").json()  # fmt: skip
    assert (dissolved["dissolved_on"], dissolved["dissolution_decision"]) == (
        "2023-06-30",
        "Số 9-QĐ/HU",
    )

    def ids(*extra):
        return [o["id"] for o in cli("org", "list", *extra, "--json").json()]

    assert ids("--as-of", "2019-12-31") == []
    assert ids("--as-of", "2020-06-01") == [1]
    assert ids("--as-of", "2023-06-29") == [1, 2]
    assert ids("--as-of", "2023-06-30") == [2]  # the end date is exclusive
    assert ids("--all") == [1, 2]
    assert ids("--type", "union") == [2]
    assert ids("--type", "party", "--as-of", "2022-01-01") == [1]
    shown = cli("org", "show", "1", "--as-of", "2023-06-29", "--json").json()
    assert shown["active"] is True
    assert cli("org", "show", "1", "--json").json()["active"] is False


def test_dissolved_organisation_cannot_be_dissolved_again_and_allows_a_new_one(cli, dump):
    enterprises(cli, A)
    cli("org", "add", "--type", "party", "--enterprise", A, "--founded", "2020-01-01")
    cli("org", "dissolve", "1", "--on", "2022-01-01")
    before = dump()
    again = cli("org", "dissolve", "1", "--on", "2023-01-01", expect=1)
    assert again.stderr == "Tổ chức 1 đã giải thể ngày 01/01/2022.\n"
    assert dump() == before
    # A new cell may be founded once the old one is gone, not while it lived.
    overlap = cli("org", "add", "--type", "party", "--enterprise", A, "--founded", "2021-01-01",
                  expect=1)  # fmt: skip
    assert "đã có tổ chức đảng (mã 1)" in overlap.stderr
    cli("org", "add", "--type", "party", "--enterprise", A, "--founded", "2022-01-01")


def test_no_founding_in_a_closed_enterprise(cli, dump):
    enterprises(cli, A)
    cli("enterprise", "close", A, "--on", "2022-01-01")
    before = dump()
    result = cli("org", "add", "--type", "union", "--enterprise", A, "--founded", "2023-01-01",
                 expect=1)  # fmt: skip
    assert result.stderr == f"Doanh nghiệp {A} không hoạt động vào ngày 01/01/2023.\n"
    assert dump() == before


def test_level_is_derived_from_the_number_of_members(cli):
    """30 party members or more make a đảng bộ cơ sở (SPEC §1)."""
    from dangdn_cli import db
    from dangdn_cli.registry import memberships

    enterprises(cli, A)
    cli("org", "add", "--type", "party", "--enterprise", A, "--founded", "2010-01-01")
    with db.session(write=True) as session:
        for i in range(30):
            memberships.add_member(
                session, f"Đảng viên {i:02d}", "party", A, joined=date(2012, 1, 1), org_id=1
            )
    assert cli("org", "show", "1", "--json").json()["level"] == "dang_bo_co_so"
    assert cli("org", "show", "1", "--json").json()["members"] == 30
    assert "đảng bộ cơ sở" in cli("org", "show", "1").stdout
    cli("member", "leave", "30", "--on", "2024-01-01")
    assert cli("org", "show", "1", "--json").json()["level"] == "chi_bo"
    earlier = cli("org", "show", "1", "--as-of", "2023-12-31", "--json").json()
    assert earlier["level"] == "dang_bo_co_so"


def test_list_table(cli):
    enterprises(cli, A, B, C)
    cli("org", "add", "--type", "party", "--enterprise", A, "--enterprise", B,
        "--founded", "2020-01-01")  # fmt: skip
    cli("org", "add", "--type", "veterans", "--enterprise", C, "--founded", "2021-01-01")
    out = cli("org", "list").stdout
    assert "Tổ chức (2)" in out
    assert "Đảng" in out and "CCB" in out
    assert "01/01/2020" in out
    assert max(len(line) for line in out.splitlines()) <= 80
