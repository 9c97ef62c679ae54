"""Every figure of SPEC §4 (registry part) pinned on a small hand-built district.

Period 2024H1 = 2024-01-01..2024-06-30. Facts sit on the first day, the last
day and the day after, so both ends of the period are tested.
"""

from __future__ import annotations

import importlib.util
from datetime import date
from typing import Any

import pytest

from dangdn_cli import catalogue, db
from dangdn_cli.analysis import breakdown as annex
from dangdn_cli.analysis import figures, report_figures

A, B, C, D, E = "0100000010", "0100000028", "0100000035", "0100000042", "0100000067"
START, END = date(2024, 1, 1), date(2024, 6, 30)

needs_eligibility = pytest.mark.skipif(
    importlib.util.find_spec("dangdn_cli.analysis.eligibility") is None,
    reason="services/eligibility.py has not landed yet",
)


def compute(start: date = START, end: date = END, **kw: Any) -> dict[str, Any]:
    with db.session() as s:
        return figures.compute(s, start, end, **kw)


def breakdown(on: date = END, by: str = "commune") -> list[dict[str, Any]]:
    with db.session() as s:
        return annex.breakdown(s, on, by)


def build(cli) -> dict[str, int]:
    """The hand-built district; returns ids by name."""
    ids: dict[str, int] = {}

    def ent(code, name, workers, stable, commune, *extra):
        cli(
            "enterprise",
            "add",
            "--tax-code",
            code,
            "--name",
            name,
            "--workers",
            workers,
            "--stable-workers",
            stable,
            "--commune",
            commune,
            *extra,
        )

    ent(A, "Công ty An", 100, 50, "Phường 1", "--founded", "2020-01-01")
    ent(B, "Công ty Bình", 30, 20, "Phường 1", "--zone", "KCN Tân Bình", "--founded", "2020-01-01")
    ent(C, "Công ty Cường", 25, 19, "Phường 2", "--sector", "fdi", "--founded", "2020-01-01")
    ent(D, "HTX Dũng", 40, 30, "Phường 2", "--sector", "htx", "--founded", "2020-01-01")
    ent(E, "Công ty Em", 200, 150, "Phường 1", "--founded", "2024-07-01")  # the day after
    cli("enterprise", "close", D, "--on", "2024-06-30")  # closed on the last day

    def org(name, kind, founded, *codes, dissolved=None):
        args = ["org", "add", "--type", kind, "--founded", founded, "--name", name, "--json"]
        for code in codes:
            args += ["--enterprise", code]
        ids[name] = cli(*args).json()["id"]
        if dissolved:
            cli("org", "dissolve", ids[name], "--on", dissolved)

    org("P1", "party", "2023-05-01", A)
    org("P2", "party", "2024-06-30", B, C)  # joint cell, founded on the last day
    org("P3", "party", "2022-01-01", D, dissolved="2024-01-01")  # dissolved on the first day
    org("U1", "union", "2024-01-01", A)  # founded on the first day
    org("U2", "union", "2024-07-01", B)  # the day after
    org("Y1", "youth", "2023-01-01", A, dissolved="2024-07-01")  # dissolved the day after
    org("V1", "veterans", "2023-01-01", D)  # covers only a closed enterprise

    def member(key, name, kind, code, joined, *extra):
        args = ["member", "add", "--type", kind, "--enterprise", code, "--joined", joined]
        if name:
            args += ["--name", name]
        record = cli(*args, *extra, "--json").json()
        ids[key] = record["id"]
        ids[f"{key}.person"] = record["person_id"]

    member("m1", "Chủ An", "party", A, "2015-01-01", "--role", "owner")
    member("m2", "Đảng viên Hai", "party", A, "2024-01-01", "--status", "probationary")
    member("m3", "Đảng viên Ba", "party", B, "2024-06-30", "--status", "probationary")
    member("m4", "Đảng viên Bốn", "party", B, "2024-07-01", "--status", "probationary")
    member("m5", "Đảng viên Năm", "party", C, "2023-03-01", "--status", "probationary")
    cli("member", "promote", ids["m5"], "--on", "2024-03-01")
    member("m6", "Đảng viên Sáu", "party", A, "2023-08-01", "--status", "probationary")
    cli("member", "promote", ids["m6"], "--on", "2024-08-01")  # after the period
    member("m7", "Đảng viên Bảy", "party", D, "2010-01-01")
    cli("member", "leave", ids["m7"], "--on", "2024-06-30")  # left on the last day
    member("m8", "Đảng viên Tám", "party", C, "2010-01-01")
    cli("member", "leave", ids["m8"], "--on", "2024-07-01")  # left the day after
    member("u1", None, "union", A, "2024-01-01", "--person", str(ids["m1.person"]))
    member("u2", "Công nhân Hai", "union", A, "2020-01-01")
    member("u3", "Công nhân Ba", "union", B, "2024-07-01")
    member("y1", "Thanh niên Một", "youth", A, "2024-06-30")
    member("v1", "Cựu binh Một", "veterans", C, "2019-05-01")

    c1 = cli(
        "candidate",
        "add",
        "--name",
        "Quần chúng Một",
        "--enterprise",
        A,
        "--identified",
        "2023-12-31",
        "--json",
    ).json()["id"]
    cli("candidate", "advance", c1, "--stage", "trained", "--on", "2024-01-01")
    cli("candidate", "advance", c1, "--stage", "introduced", "--on", "2024-06-30")
    cli("candidate", "advance", c1, "--stage", "admitted", "--on", "2024-07-01")
    cli(
        "candidate",
        "add",
        "--name",
        "Quần chúng Hai",
        "--enterprise",
        B,
        "--identified",
        "2024-01-01",
    )
    # A later workforce snapshot, dated after the period.
    cli(
        "enterprise",
        "update",
        A,
        "--as-of",
        "2024-07-01",
        "--workers",
        500,
        "--stable-workers",
        300,
    )
    return ids


EXPECTED = {
    "enterprises": {"active": 3, "workers": 155, "stable_workers": 89},
    "organizations": {
        "party": {"active": 2, "founded": 1, "dissolved": 1, "enterprises_covered": 3},
        "union": {"active": 1, "founded": 1, "dissolved": 0, "enterprises_covered": 1},
        "youth": {"active": 1, "founded": 0, "dissolved": 0, "enterprises_covered": 1},
        "women": {"active": 0, "founded": 0, "dissolved": 0, "enterprises_covered": 0},
        "veterans": {"active": 1, "founded": 0, "dissolved": 0, "enterprises_covered": 0},
    },
    "members": {
        "party": {"total": 6, "official": 3, "probationary": 3, "admitted": 2, "owners": 1},
        "union": {"total": 2, "joined": 1},
        "youth": {"total": 1, "joined": 1},
        "women": {"total": 0, "joined": 0},
        "veterans": {"total": 1, "joined": 0},
    },
    "union_coverage": {"eligible": 2, "covered": 1, "rate": 0.5},
    "candidates": {"identified": 1, "trained": 1, "introduced": 1, "admitted": 0},
}


@pytest.fixture
def district(cli) -> dict[str, int]:
    return build(cli)


def _registry_part(result: dict[str, Any]) -> dict[str, Any]:
    return {key: result[key] for key in EXPECTED}


def test_every_registry_figure(district):
    result = compute(code="2024H1")
    assert result["period"] == {"code": "2024H1", "start": "2024-01-01", "end": "2024-06-30"}
    assert _registry_part(result) == EXPECTED
    with db.session() as s:
        planned = report_figures.compute(s, START, END, "2024H1")
    assert planned["targets"] == [] and planned["funding"] == []


def test_flows_of_the_day_after(district):
    result = compute(date(2024, 7, 1), date(2024, 7, 1))
    assert result["organizations"]["union"]["founded"] == 1  # U2
    assert result["organizations"]["youth"]["dissolved"] == 1  # Y1
    assert result["members"]["party"]["admitted"] == 2  # m4 and the admitted candidate
    assert result["members"]["union"]["joined"] == 1
    assert result["candidates"] == {"identified": 0, "trained": 0, "introduced": 0, "admitted": 1}
    # Stocks on 1/7: E registered, A's new snapshot, Y1 gone, m8 gone.
    assert result["enterprises"] == {"active": 4, "workers": 755, "stable_workers": 489}
    assert result["organizations"]["youth"]["active"] == 0
    assert result["union_coverage"] == {"eligible": 3, "covered": 2, "rate": 2 / 3}


def test_flows_of_a_single_first_day(district):
    result = compute(START, START)
    assert result["organizations"]["party"]["dissolved"] == 1
    assert result["organizations"]["party"]["founded"] == 0
    assert result["organizations"]["union"]["founded"] == 1
    assert result["members"]["party"]["admitted"] == 1
    assert result["candidates"]["trained"] == 1 and result["candidates"]["identified"] == 1


def test_past_period_unchanged_by_later_edits(cli, district):
    before = compute(code="2024H1")
    cli("enterprise", "close", A, "--on", "2024-08-01")
    cli(
        "enterprise",
        "update",
        B,
        "--as-of",
        "2024-07-15",
        "--zone",
        "KCN Khác",
        "--stable-workers",
        5,
    )
    cli("org", "dissolve", district["P1"], "--on", "2024-09-01")
    cli("org", "add", "--type", "women", "--enterprise", A, "--founded", "2024-07-02")
    cli("member", "leave", district["m1"], "--on", "2024-07-02")
    cli("member", "promote", district["m2"], "--on", "2024-12-01")
    cli(
        "member",
        "add",
        "--type",
        "party",
        "--name",
        "Mới",
        "--enterprise",
        C,
        "--joined",
        "2024-10-10",
    )
    cli("person", "move", district["m5.person"], "--enterprise", A, "--on", "2024-07-05")
    assert compute(code="2024H1") == before
    assert breakdown() == EXPECTED_BY_COMMUNE


def _row(group, kind, **counts):
    row = {"group": group, "group_kind": kind, **dict.fromkeys(annex.BREAKDOWN_KEYS, 0)}
    row.update(counts)
    row["union_coverage_rate"] = (
        row["union_covered"] / row["union_eligible"] if row["union_eligible"] else None
    )
    return row


EXPECTED_BY_COMMUNE = [
    _row(
        "KCN Tân Bình",
        "zone",
        enterprises=1,
        workers=30,
        stable_workers=20,
        party_orgs=1,
        party_members=1,
        union_eligible=1,
    ),
    _row(
        "Phường 1",
        "commune",
        enterprises=1,
        workers=100,
        stable_workers=50,
        party_orgs=1,
        party_members=3,
        unions=1,
        union_members=2,
        youth=1,
        youth_members=1,
        union_eligible=1,
        union_covered=1,
    ),
    _row(
        "Phường 2",
        "commune",
        enterprises=1,
        workers=25,
        stable_workers=19,
        party_members=2,
        veterans=1,
        veterans_members=1,
    ),
]


def test_breakdown_by_commune_or_zone(district):
    rows = breakdown()
    assert rows == EXPECTED_BY_COMMUNE
    total = annex.totals(rows)
    result = compute()
    assert total["enterprises"] == result["enterprises"]["active"]
    assert total["workers"] == result["enterprises"]["workers"]
    assert total["party_orgs"] == result["organizations"]["party"]["active"]
    assert total["party_members"] == result["members"]["party"]["total"]
    assert total["unions"] == result["organizations"]["union"]["active"]
    assert total["union_members"] == result["members"]["union"]["total"]
    assert total["youth"] == result["organizations"]["youth"]["active"]
    assert total["veterans"] == result["organizations"]["veterans"]["active"]
    assert total["union_coverage_rate"] == result["union_coverage"]["rate"]


def test_breakdown_by_sector(district):
    rows = {r["group"]: r for r in breakdown(by="sector")}
    assert set(rows) == {"tu_nhan", "fdi", "htx"}
    assert rows["tu_nhan"]["enterprises"] == 2 and rows["tu_nhan"]["workers"] == 130
    assert rows["tu_nhan"]["party_orgs"] == 2 and rows["tu_nhan"]["party_members"] == 4
    assert rows["fdi"]["enterprises"] == 1 and rows["fdi"]["party_members"] == 2
    # The closed HTX still anchors its veterans' chapter.
    assert rows["htx"]["enterprises"] == 0 and rows["htx"]["veterans"] == 1
    total = annex.totals(list(rows.values()))
    assert total["party_members"] == 6 and total["enterprises"] == 3


def test_union_rate_none_without_eligible_enterprises(cli):
    cli(
        "enterprise",
        "add",
        "--tax-code",
        A,
        "--name",
        "Nhỏ",
        "--workers",
        5,
        "--stable-workers",
        5,
        "--founded",
        "2020-01-01",
    )
    result = compute()
    assert result["union_coverage"] == {"eligible": 0, "covered": 0, "rate": None}


def test_union_threshold_follows_the_rules(cli, district):
    if importlib.util.find_spec("dangdn_cli.commands.rules") is None:
        pytest.skip("rules command not available")
    cli("rules", "set", "union.min_stable_workers", "19")
    assert compute()["union_coverage"] == {"eligible": 3, "covered": 1, "rate": 1 / 3}


@needs_eligibility
def test_eligible_without_org(district):
    from dangdn_cli.analysis import eligibility

    result = compute()
    with db.session() as s:
        expected = {k: eligibility.count_eligible(s, k, END) for k in figures.ORG_TYPES}
    assert result["eligible_without_org"] == expected
    # B has 20 stable workers and no union at the end of the period.
    assert result["eligible_without_org"]["union"] == 1


def test_lookup_and_names():
    figs = {"organizations": {"party": {"founded": 4}}, "union_coverage": {"rate": None}}
    assert catalogue.lookup(figs, "organizations.party.founded") == 4
    assert catalogue.lookup(figs, "organizations.union.founded") is None
    assert catalogue.lookup(figs, "union_coverage.rate") is None
    for name in (
        "organizations.party.founded",
        "members.party.admitted",
        "union_coverage.rate",
        "eligible_without_org.youth",
        "activities.party_attendance_rate",
        "ratings.party.xuat_sac",
        "terms_ending_within_6_months",
    ):
        assert name in catalogue.FIGURE_NAMES
    assert "period.code" not in catalogue.FIGURE_NAMES
    assert catalogue.is_flow("organizations.youth.founded")
    assert not catalogue.is_flow("union_coverage.rate")
    assert catalogue.label("members.party.admitted") == "Đảng viên kết nạp mới"


def test_every_figure_name_resolves(district):
    result = compute()

    def present(name: str) -> bool:
        *parents, last = name.split(".")
        node = catalogue.lookup(result, ".".join(parents)) if parents else result
        return isinstance(node, dict) and last in node

    missing = [n for n in catalogue.FIGURE_NAMES if not present(n)]
    if importlib.util.find_spec("dangdn_cli.analysis.fieldwork") is None:
        missing = [n for n in missing if not n.startswith(catalogue.FIELDWORK_PREFIXES)]
    assert missing == []


def test_sections_compute_only_what_is_asked(district):
    full = compute()
    part = compute(sections={"organizations"})
    assert set(part) == {"period", "enterprises", "organizations", "union_coverage"}
    assert part["organizations"] == full["organizations"]
    members = compute(sections={"members", "candidates"})
    assert set(members) == {"period", "members", "candidates"}
    assert members["members"] == full["members"]


def test_rating_labels_use_the_scales():
    assert catalogue.label("ratings.party.xuat_sac") == (
        "Số tổ chức đảng xếp loại hoàn thành xuất sắc nhiệm vụ"
    )
    assert catalogue.label("ratings.youth.kha") == "Số tổ chức đoàn xếp loại khá"
    assert catalogue.label("enterprises.active") == "Doanh nghiệp đang hoạt động"
