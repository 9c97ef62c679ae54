"""dangdn eligible --near, --forecast, --joint, and the service API other
engineers call (count_eligible, eligible_enterprises)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from dangdn_cli.registry.history import add_months
from test_eligibility import (
    A,
    B,
    C,
    D,
    E,
    F,
    Registry,
    _fast_cli,  # noqa: F401  (autouse: a faster cli fixture)
    mst,
)


@pytest.fixture
def reg(cli: Any) -> Registry:
    return Registry(cli)


# ---------------------------------------------------------------- month arithmetic


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        (date(2024, 2, 29), 12, date(2025, 2, 28)),
        (date(2024, 2, 29), 48, date(2028, 2, 29)),
        (date(2024, 1, 31), 1, date(2024, 2, 29)),
        (date(2023, 1, 31), 1, date(2023, 2, 28)),
        (date(2024, 3, 31), 1, date(2024, 4, 30)),
        (date(2024, 11, 30), 3, date(2025, 2, 28)),
        (date(2024, 12, 15), 1, date(2025, 1, 15)),
        (date(2023, 5, 25), 12, date(2024, 5, 25)),
        (date(2023, 7, 31), 18, date(2025, 1, 31)),
        (date(2024, 5, 25), 0, date(2024, 5, 25)),
    ],
)
def test_add_months(start, months, expected):
    assert add_months(start, months) == expected


# ---------------------------------------------------------------- forecast


def _forecast(reg, kind: str, on: str, *extra: str) -> dict[str, dict]:
    rows = reg.eligible(kind, on, "--forecast", *extra)
    return {r["tax_code"]: r for r in rows}


def test_forecast_dates_exactly(reg, cli):
    # A: due 12 months after admission (no official date recorded).
    reg.enterprise(A)
    reg.members(A, 2)
    reg.member(A, "party", "--status", "probationary", joined="2023-08-15")
    # B: admitted on 29 February; the anniversary falls on 28 February.
    reg.enterprise(B)
    reg.members(B, 2)
    reg.member(B, "party", "--status", "probationary", joined="2024-02-29")
    # C: the official date is recorded and wins over the 12 months.
    reg.enterprise(C)
    reg.members(C, 2)
    reg.member(
        C, "party", "--status", "probationary", "--official-on", "2024-10-01", joined="2023-06-01"
    )
    # D: needs two probationary members; the later due date decides.
    reg.enterprise(D)
    reg.members(D, 1)
    reg.member(D, "party", "--status", "probationary", joined="2023-09-10")
    reg.member(D, "party", "--status", "probationary", joined="2023-11-30")
    rows = _forecast(reg, "party", "2024-06-30")
    assert {code: r["forecast_on"] for code, r in rows.items()} == {
        A: "2024-08-15",
        C: "2024-10-01",
        D: "2024-11-30",
        B: "2025-02-28",
    }
    assert list(rows) == [A, C, D, B]  # soonest first
    assert not any(r["overdue_promotion"] for r in rows.values())
    assert rows[B]["forecast"] == (
        "Dự kiến đủ điều kiện từ ngày 28/02/2025, khi đảng viên dự bị được công nhận chính thức."
    )
    english = cli(
        "--lang",
        "en",
        "eligible",
        "--type",
        "party",
        "--as-of",
        "2024-06-30",
        "--forecast",
        "--json",
    ).json()
    assert english[-1]["forecast"] == (
        "Expected to qualify on 2025-02-28, when probationary members become official."
    )
    # The forecast comes true when the promotion is recorded on the due day.
    member_id = next(
        m["id"]
        for m in cli("member", "list", "--enterprise", A, "--as-of", "2024-06-30", "--json").json()
        if m["status"] == "probationary"
    )
    cli("member", "promote", str(member_id), "--on", "2024-08-15")
    assert A not in reg.codes("party", "2024-08-14")
    assert A in reg.codes("party", "2024-08-15")


def test_forecast_overdue_promotion(reg):
    reg.enterprise(A)
    reg.members(A, 2)
    reg.member(A, "party", "--status", "probationary", joined="2023-02-10")
    row = _forecast(reg, "party", "2024-06-30")[A]
    assert row["forecast_on"] == "2024-06-30"
    assert row["overdue_promotion"] is True
    assert row["forecast"] == (
        "Đủ điều kiện ngay khi công nhận chính thức đảng viên dự bị đã đến hạn (hạn từ 10/02/2024)."
    )
    assert reg.codes("party", "2024-06-30") == []  # not eligible until promoted


def test_forecast_follows_the_months_rule(reg, cli):
    reg.enterprise(A)
    reg.members(A, 2)
    reg.member(A, "party", "--status", "probationary", joined="2023-08-31")
    assert _forecast(reg, "party", "2024-01-01")[A]["forecast_on"] == "2024-08-31"
    cli("rules", "set", "party.months_to_official", "18")
    assert _forecast(reg, "party", "2024-01-01")[A]["forecast_on"] == "2025-02-28"


def test_forecast_respects_recorded_departures(reg, cli):
    reg.enterprise(A)
    leaving, _ = reg.members(A, 2)
    reg.member(A, "party", "--status", "probationary", joined="2023-08-15")
    cli("member", "leave", str(leaving["id"]), "--on", "2024-08-01")  # leaves before the due date
    row = _forecast(reg, "party", "2024-01-01")[A]
    assert row["forecast_on"] is None
    assert row["forecast"] == (
        "Kể cả khi các đảng viên dự bị được công nhận chính thức vẫn chưa đủ:"
        " cần thêm đảng viên mới (hiện thiếu 1)."
    )


def test_forecast_says_who_will_not_and_why(reg, cli):
    reg.enterprise(A)  # one short, nobody on the way
    reg.members(A, 2)
    reg.enterprise(B, "--law-violation")  # a probationary member, but a violation
    reg.members(B, 2)
    reg.member(B, "party", "--status", "probationary", joined="2023-08-15")
    reg.enterprise(C)  # already eligible: not forecast
    reg.members(C, 3)
    rows = _forecast(reg, "party", "2024-01-01")
    assert list(rows) == [A]
    assert rows[A]["forecast_on"] is None
    assert rows[A]["forecast"] == (
        "Sẽ không đủ điều kiện nếu không có thêm 1 đảng viên chính thức làm việc ổn định."
    )
    rows = _forecast(reg, "party", "2024-01-01", "--explain")
    assert set(rows) == {A, B}
    assert rows[B]["forecast_on"] is None
    assert rows[B]["forecast"] == (
        "Sẽ không đủ điều kiện nếu không có gì thay đổi."
        " Đang có vi phạm pháp luật: cần khắc phục trước khi lập tổ chức đảng."
    )
    english = cli(
        "--lang",
        "en",
        "eligible",
        "--type",
        "party",
        "--as-of",
        "2024-01-01",
        "--forecast",
        "--json",
    ).json()
    assert english[0]["forecast"] == (
        "Will not qualify without 1 more official party member on stable terms."
    )
    table = cli("eligible", "--type", "party", "--as-of", "2024-01-01", "--forecast").stdout
    assert "0/1 doanh nghiệp sẽ đủ mà không cần thêm người" in " ".join(table.split())


@pytest.mark.parametrize("kind", ["union", "youth"])
def test_forecast_other_types_never_change_by_themselves(reg, kind):
    reg.enterprise(A, stable=18)
    reg.org("party", A, founded="2021-01-01")
    reg.members(A, 2, "youth")
    row = _forecast(reg, kind, "2024-01-01")[A]
    assert row["forecast_on"] is None
    noun = "lao động ổn định" if kind == "union" else "đoàn viên thanh niên"
    missing = 2 if kind == "union" else 1
    assert row["forecast"] == f"Sẽ không đủ điều kiện nếu không có thêm {missing} {noun}."


# ---------------------------------------------------------------- near


def test_near_ranked_by_missing_then_size(reg, cli):
    reg.enterprise(A, workers=10, stable=10)
    reg.members(A, 2)  # 1 missing, small
    reg.enterprise(B, workers=500, stable=400)
    reg.members(B, 2)  # 1 missing, large
    reg.enterprise(C, workers=900, stable=800)
    reg.members(C, 1)  # 2 missing
    reg.enterprise(D, "--law-violation", workers=60)
    reg.members(D, 2)  # fails on a flag too: not near
    reg.enterprise(E)  # nothing there: not near
    reg.enterprise(F)
    reg.members(F, 3)  # eligible: not near
    rows = reg.eligible("party", "2024-01-01", "--near")
    assert [(r["tax_code"], r["missing"]) for r in rows] == [(B, 1), (A, 1), (C, 2)]
    assert all(not r["eligible"] for r in rows)
    out = " ".join(
        cli("eligible", "--type", "party", "--as-of", "2024-01-01", "--near").stdout.split()
    )
    assert "Doanh nghiệp sắp đủ điều kiện thành lập tổ chức đảng (ngày 01/01/2024): 3" in out
    assert B in out and A in out and C in out and D not in out
    assert rows[0]["summary"] == (
        "Chưa đủ điều kiện. Còn thiếu 1 đảng viên chính thức làm việc ổn định (có 2, cần từ 3)."
    )


def test_near_includes_probationary_on_the_way(reg):
    reg.enterprise(A)
    reg.member(A, "party", "--status", "probationary", joined="2024-01-01")
    rows = reg.eligible("party", "2024-03-01", "--near")
    assert [(r["tax_code"], r["missing"], r["probationary"]) for r in rows] == [(A, 3, 1)]


def test_near_union(reg):
    reg.enterprise(A, stable=19, workers=30)
    reg.enterprise(B, stable=5, workers=300)
    reg.enterprise(C, stable=0, workers=3)
    reg.enterprise(D, stable=20, workers=30)
    rows = reg.eligible("union", "2024-01-01", "--near")
    assert [(r["tax_code"], r["missing"]) for r in rows] == [(A, 1), (B, 15)]


# ---------------------------------------------------------------- joint cells


def test_joint_groups_same_commune_or_zone(reg, cli):
    G = mst(6)
    H = mst(7)
    # Commune "Phường 1": 2, 1, 1, 1 members -> [2+1], [1+1 is not enough] ...
    reg.enterprise(A, commune="Phường 1", workers=100)
    reg.members(A, 2)
    reg.enterprise(B, commune="Phường 1", workers=80)
    reg.members(B, 1)
    reg.enterprise(C, commune="Phường 1", workers=70)
    reg.members(C, 1)
    reg.enterprise(D, commune="Phường 1", workers=60)
    reg.members(D, 1)
    reg.enterprise(E, commune="Phường 1", workers=50)
    reg.members(E, 1)
    # Zone "KCN Sóng Thần" groups across communes; 2 + 2 overshoots but is the only way.
    reg.enterprise(F, commune="Phường 2", zone="KCN Sóng Thần")
    reg.members(F, 2)
    reg.enterprise(G, commune="Phường 3", zone="KCN Sóng Thần")
    reg.members(G, 2)
    # Not candidates: already has a party org; a lone enterprise in another commune.
    reg.enterprise(H, commune="Phường 9")
    reg.members(H, 1)
    groups = reg.eligible("party", "2024-01-01", "--joint")
    summary = [
        (g["area_kind"], g["area"], [e["tax_code"] for e in g["enterprises"]], g["members"])
        for g in groups
    ]
    assert summary == [
        ("commune", "Phường 1", [A, B], 3),
        ("commune", "Phường 1", [C, D, E], 3),
        ("zone", "KCN Sóng Thần", [F, G], 4),
    ]
    assert groups[0]["message"] == (
        f"Ghép 2 doanh nghiệp cùng xã/phường Phường 1: Công ty {A} (2), Công ty {B} (1);"
        " cộng lại có 3 đảng viên chính thức (cần từ 3)."
    )
    assert groups[0]["required"] == 3
    out = " ".join(
        cli("eligible", "--type", "party", "--as-of", "2024-01-01", "--joint").stdout.split()
    )
    assert "Đề xuất thành lập chi bộ ghép (ngày 01/01/2024): 3 nhóm" in out
    assert "Đây là cách ghép tham lam" in out


def test_joint_excludes_enterprises_with_a_party_org_or_enough_members(reg):
    reg.enterprise(A, commune="Phường 1")
    reg.members(A, 2)
    reg.enterprise(B, commune="Phường 1")
    reg.members(B, 1)
    reg.enterprise(C, commune="Phường 1")
    reg.members(C, 3)
    reg.org("party", B, founded="2021-01-01")
    assert reg.eligible("party", "2024-01-01", "--joint") == []


def test_joint_english(reg, cli):
    reg.enterprise(A, commune="Ward 1")
    reg.members(A, 2)
    reg.enterprise(B, commune="Ward 1")
    reg.members(B, 1)
    groups = cli(
        "--lang",
        "en",
        "eligible",
        "--type",
        "party",
        "--as-of",
        "2024-01-01",
        "--joint",
        "--json",
    ).json()
    assert groups[0]["message"] == (
        f"Join 2 enterprises in the same commune Ward 1: Công ty {A} (2), Công ty {B} (1);"
        " together 3 official party members (needs 3)."
    )


# ---------------------------------------------------------------- the service API


def test_count_and_list_for_reports(reg):
    from dangdn_cli import db
    from dangdn_cli.analysis import eligibility

    reg.enterprise(A, name="Công ty Bình Minh", stable=25, commune="Phường 1", zone="KCN A")
    reg.members(A, 3)
    reg.enterprise(B, name="Công ty An Khang", stable=40)
    reg.members(B, 4)
    reg.enterprise(C, stable=5)
    reg.members(C, 2)
    with db.session() as s:
        on = date(2024, 1, 1)
        assert eligibility.count_eligible(s, "party", on) == 2
        assert eligibility.count_eligible(s, "union", on) == 2
        assert eligibility.count_eligible(s, "youth", on) == 0
        assert eligibility.eligible_enterprises(s, "party", on) == [
            {
                "tax_code": B,
                "name": "Công ty An Khang",
                "commune": "Phường An Phú",
                "zone": None,
                "workers": 50,
                "stable_workers": 40,
                "members": 4,
            },
            {
                "tax_code": A,
                "name": "Công ty Bình Minh",
                "commune": "Phường 1",
                "zone": "KCN A",
                "workers": 50,
                "stable_workers": 25,
                "members": 3,
            },
        ]
        assert len(eligibility.evaluate(s, "party", on, explain=True)) == 3


def test_demo_summary_and_its_printout(reg, capsys):
    from dangdn_cli import db
    from dangdn_cli.analysis import eligibility
    from dangdn_cli.output.eligibility import print_demo_summary

    reg.enterprise(A, name="Công ty Minh Long", stable=25)
    reg.members(A, 3)
    reg.enterprise(B, name="Công ty Hòa Bình", stable=2)
    reg.members(B, 2)
    with db.session() as s:
        summary = eligibility.demo_summary(s, date(2024, 1, 1))
    assert [r["tax_code"] for r in summary["party"]["eligible"]] == [A]
    assert summary["party"]["near_total"] == 1
    assert summary["party"]["near"][0]["missing"] == 1
    assert [r["tax_code"] for r in summary["union"]["eligible"]] == [A]
    assert summary["youth"] == {"eligible": [], "near_total": 0, "near": []}
    capsys.readouterr()
    print_demo_summary(summary, date(2024, 1, 1))
    out = " ".join(capsys.readouterr().out.split())
    assert "Doanh nghiệp đủ và sắp đủ điều kiện thành lập tổ chức (ngày 01/01/2024)" in out
    assert "Tổ chức đảng" in out and "(thiếu 1)" in out
