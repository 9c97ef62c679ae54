"""Plans: a small hand-computed plan, pinned in JSON and in the table.

Window 2024-01-01..2024-01-10 (10 days): on 2024-01-05 half of it has elapsed.
"""

from __future__ import annotations

import json
import sqlite3

import pytest

from dangdn_cli import output

PLAN = "83-KH/HU"
# Ten enterprises large enough for a union (E1..E10) and a small one.
CODES = [
    "0100000010",
    "0100000028",
    "0100000035",
    "0100000042",
    "0100000067",
    "0100000074",
    "0100000081",
    "0100000099",
    "0100000109",
    "0100000116",
    "0100000123",
]
E = dict(enumerate(CODES, start=1))

TARGETS = [
    "--target",
    "organizations.party.founded=5",
    "--target",
    "members.party.admitted=2",
    "--target",
    "union_coverage.rate=0.9",
    "--target",
    "organizations.youth.founded=2",
]


def add_plan(cli, *extra, code=PLAN, expect=0):
    return cli(
        "plan", "add", "--code", code, "--title", "Phát triển tổ chức đảng",
        "--start", "2024-01-01", "--end", "2024-01-10", *TARGETS,
        "--funding", "party=20000000x2", "--funding", "union=10.000.000x10",
        "--cadre-cap", "full_time=2", "--cadre-cap", "part_time=1", *extra, expect=expect,
    )  # fmt: skip


@pytest.fixture
def district(cli):
    for i, code in E.items():
        stable = 5 if i == 11 else 25
        cli("enterprise", "add", "--tax-code", code, "--name", f"Công ty {i}",
            "--workers", 40, "--stable-workers", stable, "--founded", "2020-01-01")  # fmt: skip

    def org(kind, founded, *numbers):
        args = ["org", "add", "--type", kind, "--founded", founded]
        for n in numbers:
            args += ["--enterprise", E[n]]
        cli(*args)

    org("union", "2023-06-01", 1, 2, 3, 4, 5, 6, 7, 8)  # a joint union before the window
    org("union", "2024-01-10", 9)  # the window's last day: 9 of 10 covered, exactly 0.9
    org("party", "2023-12-31", 5)  # the day before
    org("party", "2024-01-01", 1)  # the first day
    org("party", "2024-01-05", 2)
    org("party", "2024-01-10", 3)  # the last day
    org("party", "2024-01-11", 4)  # the day after
    org("youth", "2024-01-03", 1)

    def admit(name, joined):
        cli("member", "add", "--type", "party", "--name", name, "--enterprise", E[1],
            "--joined", joined, "--status", "probationary")  # fmt: skip

    admit("Trước", "2023-12-31")
    admit("Đầu", "2024-01-01")
    admit("Cuối", "2024-01-10")
    admit("Sau", "2024-01-11")
    add_plan(cli)


def progress(cli, as_of, *extra):
    return cli("plan", "progress", PLAN, "--as-of", as_of, "--json", *extra).json()


def by_figure(result):
    return {row["figure"]: row for row in result["targets"]}


def test_progress_half_way(cli, district):
    result = progress(cli, "2024-01-05")
    assert result["status"] == "running"
    assert result["elapsed_share"] == 0.5
    rows = by_figure(result)
    assert rows["organizations.party.founded"] == {
        "figure": "organizations.party.founded",
        "label": "Số tổ chức đảng thành lập mới",
        "target": 5,
        "achieved": 2,
        "rate": 0.4,
        "expected": 2.5,
        "on_track": False,
        "met": None,
        "projection": 4.0,
    }
    admitted = rows["members.party.admitted"]
    # Exactly target × elapsed share is on track.
    assert (admitted["achieved"], admitted["rate"], admitted["expected"]) == (1, 0.5, 1.0)
    assert (admitted["on_track"], admitted["projection"]) == (True, 2.0)
    coverage = rows["union_coverage.rate"]
    assert (coverage["achieved"], coverage["on_track"], coverage["projection"]) == (0.8, True, 0.8)
    youth = rows["organizations.youth.founded"]
    assert (youth["achieved"], youth["on_track"], youth["projection"]) == (1, True, 2.0)
    assert result["funding"] == [
        {"type": "party", "founded": 2, "max_count": 2, "paid_for": 2,
         "amount_per_org": 20_000_000, "total": 40_000_000},
        {"type": "union", "founded": 0, "max_count": 10, "paid_for": 0,
         "amount_per_org": 10_000_000, "total": 0},
    ]  # fmt: skip
    assert result["funding_total"] == 40_000_000


@pytest.mark.parametrize("as_of", ["2024-01-10", "2024-01-11", "2025-06-01"])
def test_progress_at_and_after_the_end(cli, district, as_of):
    result = progress(cli, as_of)
    assert result["status"] == "finished"
    assert result["through"] == "2024-01-10"
    rows = by_figure(result)
    summary = {
        name: (row["achieved"], row["rate"], row["on_track"], row["met"])
        for name, row in rows.items()
    }
    assert summary == {
        "organizations.party.founded": (3, 0.6, False, False),
        "members.party.admitted": (2, 1.0, True, True),  # first and last day count
        "union_coverage.rate": (0.9, 1.0, True, True),  # exactly at the target
        "organizations.youth.founded": (1, 0.5, False, False),
    }
    assert rows["organizations.party.founded"]["projection"] == 3
    # Support is settled on the number founded, capped by the plan.
    party, union = result["funding"]
    assert (party["founded"], party["paid_for"], party["total"]) == (3, 2, 40_000_000)
    assert (union["founded"], union["paid_for"], union["total"]) == (1, 1, 10_000_000)
    assert result["funding_total"] == 50_000_000


def test_progress_table(cli, district, monkeypatch):
    monkeypatch.setattr(output.console, "_width", 160)
    out = cli("plan", "progress", PLAN, "--as-of", "2024-01-05").stdout
    lines = [" ".join(line.split()) for line in out.splitlines()]
    assert "Kế hoạch 83-KH/HU: Phát triển tổ chức đảng" in lines
    assert (
        "Thời gian 01/01/2024 – 10/01/2024; tính đến 05/01/2024 "
        "(đang thực hiện, đã qua 50 % thời gian)."
    ) in lines
    assert "Số tổ chức đảng thành lập mới 5 2 ████░░░░░░ 40 % Chậm 4" in lines
    assert "Đảng viên kết nạp mới 2 1 █████░░░░░ 50 % Đúng tiến độ 2" in lines
    assert (
        "Tỷ lệ doanh nghiệp đủ điều kiện đã có công đoàn 90 % 80 % "
        "█████████░ 88,9 % Đúng tiến độ 80 %"
    ) in lines
    assert "Tổ chức đảng 2 2 2 20.000.000 đ 40.000.000 đ" in lines
    assert "Công đoàn cơ sở 0 10 0 10.000.000 đ 0 đ" in lines
    assert "Tổng cộng 40.000.000 đ" in lines
    assert "Cán bộ phụ trách: chuyên trách 0/2; kiêm nhiệm 0/1" in lines


def test_progress_table_finished_in_english(cli, district, monkeypatch):
    monkeypatch.setattr(output.console, "_width", 160)
    out = cli("--lang", "en", "plan", "progress", PLAN, "--as-of", "2024-01-10").stdout
    lines = [" ".join(line.split()) for line in out.splitlines()]
    assert "Party organisations founded 5 3 ██████░░░░ 60% Not met 3" in lines
    assert "Party members admitted 2 2 ██████████ 100% Met 2" in lines
    assert "Share of those enterprises with a union 90% 90% ██████████ 100% Met 90%" in lines
    assert "Party organisation 3 2 2 VND 20,000,000 VND 40,000,000" in lines
    assert "Trade union 1 10 1 VND 10,000,000 VND 10,000,000" in lines
    assert "Total VND 50,000,000" in lines


def test_progress_without_code_lists_started_plans(cli, district):
    cli("plan", "add", "--code", "90-KH/HU", "--title", "Sau", "--start", "2025-01-01",
        "--end", "2025-12-31")  # fmt: skip
    results = cli("plan", "progress", "--as-of", "2024-06-01", "--json").json()
    assert [r["plan"] for r in results] == [PLAN]
    assert len(cli("plan", "progress", "--as-of", "2025-06-01", "--json").json()) == 2


def test_report_figures_carry_targets_and_funding(district):
    from datetime import date

    from dangdn_cli import db
    from dangdn_cli.analysis import report_figures

    with db.session() as s:
        result = report_figures.compute(s, date(2024, 1, 1), date(2024, 1, 5), "2024-01")
        outside = report_figures.compute(s, date(2024, 2, 1), date(2024, 2, 28))
    assert [(t["plan"], t["figure"], t["achieved"], t["on_track"]) for t in result["targets"]] == [
        (PLAN, "organizations.party.founded", 2, False),
        (PLAN, "members.party.admitted", 1, True),
        (PLAN, "union_coverage.rate", 0.8, True),
        (PLAN, "organizations.youth.founded", 1, True),
    ]
    assert result["funding"] == [
        {"plan": PLAN, "type": "party", "founded": 2, "paid_for": 2,
         "amount_per_org": 20_000_000, "total": 40_000_000},
        {"plan": PLAN, "type": "union", "founded": 0, "paid_for": 0,
         "amount_per_org": 10_000_000, "total": 0},
    ]  # fmt: skip
    assert outside["targets"] == [] and outside["funding"] == []
    # The plan's own flows equal the figures of its window (one function computes both).
    assert result["organizations"]["party"]["founded"] == 2


def test_add_prints_the_plan(cli):
    record = add_plan(cli, "--json").json()
    assert record["code"] == PLAN
    assert record["targets"] == [
        {"figure": "organizations.party.founded", "value": 5},
        {"figure": "members.party.admitted", "value": 2},
        {"figure": "union_coverage.rate", "value": 0.9},
        {"figure": "organizations.youth.founded", "value": 2},
    ]
    assert record["funding"] == [
        {"type": "party", "amount": 20_000_000, "max_count": 2},
        {"type": "union", "amount": 10_000_000, "max_count": 10},
    ]
    assert record["cadre_caps"] == {"full_time": 2, "part_time": 1}
    assert (record["start"], record["end"]) == ("2024-01-01", "2024-01-10")
    listed = cli("plan", "list", "--json").json()
    assert [p["code"] for p in listed] == [PLAN]
    text = cli("plan", "show", PLAN).stdout
    assert "union_coverage.rate = 90 %" in text
    assert "Tổ chức đảng: 20.000.000 đ × 2" in text


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--target", "organizations.party.found=5"],
            'Chỉ tiêu phải là một số liệu của báo cáo: không có số liệu "organizations.party.found"'
            " (có phải organizations.party.founded?).",
        ),
        (
            ["--target", "union_coverage.rate=1.5"],
            'Giá trị chỉ tiêu union_coverage.rate không hợp lệ: "1.5" '
            "(tỷ lệ phải từ 0 đến 1, ví dụ 0.9 cho 90 %).",
        ),
        (
            ["--target", "organizations.party.founded=2.5"],
            'Giá trị chỉ tiêu organizations.party.founded không hợp lệ: "2.5" '
            "(phải là số nguyên không âm).",
        ),
        (
            ["--target", "members.party.admitted"],
            '--target sai dạng: "members.party.admitted" (dạng đúng: FIGURE=VALUE).',
        ),
        (
            ["--target", "members.party.admitted=2", "--target", "members.party.admitted=3"],
            "--target lặp lại members.party.admitted.",
        ),
        (
            ["--funding", "party=20000000"],
            '--funding sai dạng: "party=20000000" '
            "(dạng đúng: TYPE=AMOUNTxCOUNT, ví dụ party=20000000x5).",
        ),
        (
            ["--funding", "club=1x1"],
            "Giá trị loại tổ chức không hợp lệ: club "
            "(chọn một trong: party, union, youth, women, veterans).",
        ),
        (
            ["--cadre-cap", "full_time=three"],
            '--cadre-cap sai dạng: "full_time=three" (dạng đúng: full_time=N hoặc part_time=N).',
        ),
        (
            ["--cadre-cap", "boss=1"],
            "Giá trị loại cán bộ không hợp lệ: boss (chọn một trong: full_time, part_time).",
        ),
    ],
)
def test_bad_plan_input_changes_nothing(cli, dump, args, message):
    before = dump()
    result = cli(
        "plan", "add", "--code", PLAN, "--title", "T", "--start", "2024-01-01",
        "--end", "2024-12-31", *args, expect=1,
    )  # fmt: skip
    assert result.stderr.strip() == message
    assert dump() == before


def test_window_ending_before_it_starts(cli, dump):
    before = dump()
    result = cli("plan", "add", "--code", PLAN, "--title", "T", "--start", "2024-12-31",
                 "--end", "2024-01-01", expect=1)  # fmt: skip
    assert result.stderr.strip() == (
        "Ngày kết thúc (01/01/2024) không được trước ngày bắt đầu (31/12/2024)."
    )
    assert dump() == before


def test_duplicate_code(cli, dump):
    add_plan(cli)
    before = dump()
    result = add_plan(cli, expect=1)
    assert result.stderr.strip() == "Kế hoạch 83-KH/HU đã có trong sổ đăng ký."
    assert dump() == before


def test_english_messages(cli):
    result = cli("--lang", "en", "plan", "add", "--code", PLAN, "--title", "T",
                 "--start", "2024-01-01", "--end", "2024-12-31",
                 "--target", "union_coverage.rate=90", expect=1)  # fmt: skip
    assert result.stderr.strip() == (
        'Invalid target value for union_coverage.rate: "90" '
        "(a rate must be from 0 to 1, e.g. 0.9 for 90%)."
    )


def audit_rows(registry):
    with sqlite3.connect(registry) as conn:
        return conn.execute(
            "SELECT action, entity_id, before, after FROM audit_log WHERE entity = 'plan' "
            "ORDER BY id"
        ).fetchall()


def test_edits_are_audited(cli, dump, registry):
    add_plan(cli)
    cli("plan", "target", "set", PLAN, "organizations.party.founded=6")
    cli("plan", "target", "set", PLAN, "candidates.trained", "10")
    cli("plan", "target", "remove", PLAN, "organizations.youth.founded")
    record = cli("plan", "update", PLAN, "--title", "Mới", "--end", "2024-01-20",
                 "--funding", "party=25000000x3", "--cadre-cap", "part_time=2",
                 "--json").json()  # fmt: skip
    assert record["title"] == "Mới" and record["end"] == "2024-01-20"
    assert {t["figure"]: t["value"] for t in record["targets"]} == {
        "organizations.party.founded": 6,
        "members.party.admitted": 2,
        "union_coverage.rate": 0.9,
        "candidates.trained": 10,
    }
    assert record["funding"][0] == {"type": "party", "amount": 25_000_000, "max_count": 3}
    assert record["cadre_caps"] == {"full_time": 2, "part_time": 2}
    rows = audit_rows(registry)
    assert [r[0] for r in rows] == ["add", "target_set", "target_set", "target_remove", "update"]
    assert all(r[1] == PLAN for r in rows)
    _, _, before, after = rows[1]
    assert {"figure": "organizations.party.founded", "value": 5} in json.loads(before)["targets"]
    assert {"figure": "organizations.party.founded", "value": 6} in json.loads(after)["targets"]
    # Bad edits change nothing.
    snapshot = dump()
    bad = cli("plan", "target", "remove", PLAN, "organizations.youth.founded", expect=1)
    assert bad.stderr.strip() == "Kế hoạch 83-KH/HU không có chỉ tiêu organizations.youth.founded."
    bad = cli("plan", "update", PLAN, "--start", "2024-02-01", expect=1)
    assert bad.stderr.strip() == (
        "Ngày kết thúc (20/01/2024) không được trước ngày bắt đầu (01/02/2024)."
    )
    bad = cli("plan", "target", "set", "99-KH/HU", "members.party.admitted=1", expect=1)
    assert bad.stderr.strip() == "Không tìm thấy kế hoạch 99-KH/HU."
    bad = cli("plan", "update", PLAN, expect=1)
    assert bad.stderr.strip() == "Thông tin cần cập nhật không được để trống."
    assert dump() == snapshot


def test_unknown_plan_progress(cli):
    result = cli("plan", "progress", "1-KH/X", expect=1)
    assert result.stderr.strip() == "Không tìm thấy kế hoạch 1-KH/X."
