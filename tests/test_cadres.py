"""Cadre assignments under a plan, and its caps."""

from __future__ import annotations

import pytest

from dangdn_cli import output

PLAN = "83-KH/HU"
A, B = "0100000010", "0100000028"


@pytest.fixture
def plan(cli):
    for code in (A, B):
        cli("enterprise", "add", "--tax-code", code, "--name", f"Công ty {code}")
    caps = ["--cadre-cap", "full_time=2", "--cadre-cap", "part_time=1"]
    cli("plan", "add", "--code", PLAN, "--title", "Kế hoạch", "--start", "2024-01-01",
        "--end", "2024-12-31", *caps)  # fmt: skip


def assign(cli, name, kind, start, *extra, expect=0):
    return cli("cadre", "add", "--name", name, "--kind", kind, "--plan", PLAN,
               "--from", start, *extra, "--json", expect=expect)  # fmt: skip


def test_add_and_list(cli, plan):
    record = assign(cli, "Nguyễn Văn An", "full_time", "2024-01-01", "--enterprise", B,
                    "--enterprise", A).json()  # fmt: skip
    assert record == {
        "id": record["id"],
        "plan": PLAN,
        "name": "Nguyễn Văn An",
        "kind": "full_time",
        "from_on": "2024-01-01",
        "to_on": None,
        "enterprises": [A, B],
    }
    assign(cli, "Trần Thị Bình", "part_time", "2024-02-01", "--to", "2024-03-01")
    rows = cli("cadre", "list", "--json").json()
    assert [(r["name"], r["kind"]) for r in rows] == [
        ("Nguyễn Văn An", "full_time"),
        ("Trần Thị Bình", "part_time"),
    ]
    on = cli("cadre", "list", "--as-of", "2024-03-01", "--json").json()
    assert [r["name"] for r in on] == ["Nguyễn Văn An"]  # the end date is exclusive
    assert cli("plan", "show", PLAN, "--json").json()["cadres"] == 2
    progress = cli("plan", "progress", PLAN, "--as-of", "2024-02-15", "--json").json()
    assert progress["cadres"] == [
        {"kind": "full_time", "cap": 2, "assigned": 1},
        {"kind": "part_time", "cap": 1, "assigned": 1},
    ]


def test_table(cli, plan, monkeypatch):
    monkeypatch.setattr(output.console, "_width", 160)
    out = cli("cadre", "add", "--name", "Lê Văn Cường", "--kind", "part_time", "--plan", PLAN,
              "--from", "1/2/2024", "--enterprise", A).stdout  # fmt: skip
    assert "Đã phân công cán bộ Lê Văn Cường (kiêm nhiệm) theo kế hoạch 83-KH/HU." in out
    lines = [" ".join(line.split()) for line in out.splitlines()]
    assert "1 83-KH/HU Lê Văn Cường kiêm nhiệm 01/02/2024 0100000010" in lines


def test_cap_reached_names_the_cap(cli, dump, plan):
    assign(cli, "Một", "full_time", "2024-01-01")
    assign(cli, "Hai", "full_time", "2024-01-02", "--to", "2024-01-06")
    before = dump()
    result = assign(cli, "Ba", "full_time", "2024-01-03", expect=1)
    assert result.stderr.strip() == (
        "Kế hoạch 83-KH/HU chỉ cho phép tối đa 2 cán bộ chuyên trách; "
        "ngày 03/01/2024 đã phân công đủ 2."
    )
    assert dump() == before
    # Once "Hai" has ended (end date exclusive) there is room again.
    assign(cli, "Ba", "full_time", "2024-01-06")


def test_cap_counts_later_assignments(cli, dump, plan):
    assign(cli, "Sau", "part_time", "2024-03-01")
    before = dump()
    # Free on 1/2, but overlapping "Sau" from 1/3 on.
    result = cli("--lang", "en", "cadre", "add", "--name", "Trước", "--kind", "part_time",
                 "--plan", PLAN, "--from", "2024-02-01", expect=1)  # fmt: skip
    assert result.stderr.strip() == (
        "Plan 83-KH/HU allows at most 1 part-time cadres; 1 are already assigned on 2024-03-01."
    )
    assert dump() == before
    assign(cli, "Trước", "part_time", "2024-02-01", "--to", "2024-03-01")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--kind", "boss", "--plan", PLAN, "--from", "2024-02-01"],
            "Giá trị loại cán bộ không hợp lệ: boss (chọn một trong: full_time, part_time).",
        ),
        (
            ["--kind", "full_time", "--plan", "9-KH/X", "--from", "2024-02-01"],
            "Không tìm thấy kế hoạch 9-KH/X.",
        ),
        (
            ["--kind", "full_time", "--plan", PLAN, "--from", "2023-12-31"],
            "Ngày phân công cán bộ (31/12/2023) phải nằm trong thời gian của kế hoạch "
            "83-KH/HU (01/01/2024 – 31/12/2024).",
        ),
        (
            ["--kind", "full_time", "--plan", PLAN, "--from", "2024-02-01", "--to", "2024-01-01"],
            "Ngày kết thúc (01/01/2024) không được trước ngày bắt đầu phân công (01/02/2024).",
        ),
        (
            ["--kind", "full_time", "--plan", PLAN, "--from", "2024-02-01",
             "--enterprise", "0100000035"],
            "Không tìm thấy doanh nghiệp có mã số thuế 0100000035.",
        ),
    ],
)  # fmt: skip
def test_bad_input_changes_nothing(cli, dump, plan, args, message):
    before = dump()
    result = cli("cadre", "add", "--name", "X", *args, expect=1)
    assert result.stderr.strip() == message
    assert dump() == before


def test_no_cap_means_no_limit(cli):
    cli("plan", "add", "--code", "1-KH/X", "--title", "T", "--start", "2024-01-01",
        "--end", "2024-12-31")  # fmt: skip
    for name in ("A", "B", "C", "D"):
        cli("cadre", "add", "--name", name, "--kind", "full_time", "--plan", "1-KH/X",
            "--from", "2024-01-01")  # fmt: skip
    assert len(cli("cadre", "list", "--plan", "1-KH/X", "--json").json()) == 4
