"""The candidate pipeline: identified, trained, introduced, admitted, dropped."""

from __future__ import annotations

import pytest

from test_registry_helpers import A, B
from test_registry_helpers import fast_cli as fast_cli  # the autouse fixture


@pytest.fixture
def district(cli):
    cli("enterprise", "add", "--tax-code", A, "--name", "Công ty An", "--founded", "2015-01-01")
    cli("enterprise", "add", "--tax-code", B, "--name", "Công ty Bình", "--founded", "2015-01-01")
    cli("org", "add", "--type", "party", "--enterprise", A, "--founded", "2018-01-01")  # 1
    cli("org", "add", "--type", "youth", "--enterprise", A, "--founded", "2018-01-01")  # 2


def test_add_prints_the_record_with_its_id(cli, district):
    record = cli("candidate", "add", "--name", "Phạm Văn Dũng", "--enterprise", A,
                 "--identified", "1/9/2023", "--introduced-by", "2", "--json").json()  # fmt: skip
    assert record == {
        "id": 1,
        "person_id": 1,
        "name": "Phạm Văn Dũng",
        "enterprise": A,
        "introduced_by": 2,
        "identified_on": "2023-09-01",
        "trained_on": None,
        "introduced_on": None,
        "admitted_on": None,
        "dropped_on": None,
        "membership_id": None,
        "stage": "identified",
    }
    person = cli("person", "show", "1", "--json").json()
    assert [(j["enterprise"], j["start_on"]) for j in person["employment"]] == [(A, "2023-09-01")]


def test_admission_creates_the_probationary_membership_in_the_cell(cli, district):
    cli("candidate", "add", "--name", "Phạm Văn Dũng", "--enterprise", A, "--identified",
        "2023-09-01")  # fmt: skip
    cli("candidate", "advance", "1", "--stage", "trained", "--on", "2024-03-10")
    cli("candidate", "advance", "1", "--stage", "introduced", "--on", "2024-04-01")
    out = cli("candidate", "advance", "1", "--stage", "admitted", "--on", "2024-06-12").stdout
    assert "Quần chúng 1: kết nạp ngày 12/06/2024." in out
    record = cli("candidate", "show", "1", "--json").json()
    assert record["stage"] == "admitted" and record["membership_id"] == 1
    members = cli("member", "list", "--type", "party", "--json").json()
    shown = [
        (m["id"], m["name"], m["status"], m["organization_id"], m["joined_on"]) for m in members
    ]
    assert shown == [(1, "Phạm Văn Dũng", "probationary", 1, "2024-06-12")]
    assert cli("member", "list", "--as-of", "2024-06-11", "--json").json() == []
    cli("member", "promote", "1", "--on", "2025-06-12")
    assert cli("member", "list", "--json").json()[0]["status"] == "official"


def test_admission_without_a_cell_leaves_the_organisation_empty(cli, district):
    cli("candidate", "add", "--name", "Vũ Thị Hạnh", "--enterprise", B, "--identified",
        "2023-09-01")  # fmt: skip
    cli("candidate", "advance", "1", "--stage", "admitted", "--on", "2024-06-12")
    member = cli("member", "list", "--json").json()[0]
    assert (member["organization_id"], member["enterprise"]) == (None, B)


def test_stage_as_of_a_date_and_list_filters(cli, district):
    for name, identified in (("An", "2023-01-01"), ("Bình", "2023-02-01"), ("Cường", "2024-05-01")):
        cli("candidate", "add", "--name", name, "--enterprise", A, "--identified", identified)
    cli("candidate", "advance", "1", "--stage", "trained", "--on", "2023-06-01")
    cli("candidate", "advance", "1", "--stage", "dropped", "--on", "2024-02-01")
    cli("candidate", "advance", "2", "--stage", "introduced", "--on", "2023-08-01")

    def stages(*extra):
        return {r["name"]: r["stage"] for r in cli("candidate", "list", *extra, "--json").json()}

    assert stages() == {"An": "dropped", "Bình": "introduced", "Cường": "identified"}
    assert stages("--as-of", "2023-12-31") == {"An": "trained", "Bình": "introduced"}
    assert stages("--stage", "identified") == {"Cường": "identified"}
    assert stages("--stage", "trained", "--as-of", "2023-07-01") == {"An": "trained"}
    assert stages("--enterprise", A) == stages()
    out = cli("candidate", "list").stdout
    assert "Quần chúng ưu tú (3)" in out and "dừng" in out and "01/02/2024" in out
    shown = cli("candidate", "show", "1", "--as-of", "2023-07-01", "--json").json()
    assert shown["stage"] == "trained"


def test_a_final_stage_ends_the_pipeline(cli, district, dump):
    cli("candidate", "add", "--name", "An", "--enterprise", A, "--identified", "2023-01-01")
    cli("candidate", "advance", "1", "--stage", "dropped", "--on", "2023-06-01")
    before = dump()
    result = cli("candidate", "advance", "1", "--stage", "admitted", "--on", "2024-01-01",
                 expect=1)  # fmt: skip
    assert result.stderr == "Quần chúng 1 đã dừng; không chuyển giai đoạn được nữa.\n"
    cli("candidate", "add", "--name", "Bình", "--enterprise", A, "--identified", "2023-01-01")
    cli("candidate", "advance", "2", "--stage", "trained", "--on", "2023-03-01")
    before = dump()
    twice = cli("candidate", "advance", "2", "--stage", "trained", "--on", "2023-04-01", expect=1)
    assert twice.stderr == (
        "Quần chúng 2 đã qua giai đoạn “học lớp nhận thức về Đảng” (ngày 01/03/2023).\n"
    )
    late = cli("candidate", "advance", "2", "--stage", "introduced", "--on", "2023-02-01",
               expect=1)  # fmt: skip
    assert late.stderr == (
        "Ngày được giới thiệu (01/02/2023) không được trước ngày học lớp nhận thức về Đảng "
        "(01/03/2023).\n"
    )
    assert dump() == before


def test_an_existing_person_as_candidate(cli, district, dump):
    cli("member", "add", "--name", "Đoàn viên", "--type", "youth", "--enterprise", A,
        "--org", "2")  # fmt: skip
    record = cli("candidate", "add", "--person", "1", "--enterprise", A, "--introduced-by", "2",
                 "--json").json()  # fmt: skip
    assert record["person_id"] == 1 and record["name"] == "Đoàn viên"
    before = dump()
    again = cli("candidate", "add", "--person", "1", "--enterprise", A, expect=1)
    assert again.stderr == "Người có mã số 1 đang là quần chúng ưu tú (mã 1).\n"
    assert dump() == before
