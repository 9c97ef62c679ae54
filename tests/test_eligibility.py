"""dangdn eligible: every rule of SPEC §2 at its boundary, for every type.

Each scenario builds a small registry through the CLI, then asks
``eligible --json`` (with ``--explain`` when the reason matters).
"""

from __future__ import annotations

from typing import Any

import pytest

MASS_TYPES = ("youth", "women", "veterans")
_COMMAND: list[Any] = []


@pytest.fixture(autouse=True)
def _fast_cli(monkeypatch: pytest.MonkeyPatch) -> None:
    """Build Typer's command tree once, not on every invocation (it costs about
    0.3 s a call once every module is registered); the tree never changes."""
    import typer.main
    import typer.testing

    from dangdn_cli.cli import app

    if not _COMMAND:
        _COMMAND.append(typer.main.get_command(app))
    monkeypatch.setattr(typer.testing, "_get_command", lambda _app: _COMMAND[0])


_WEIGHTS = (31, 29, 23, 19, 17, 13, 7, 5, 3)


def mst(n: int) -> str:
    """The n-th valid tax code of a fixed series (check digit included)."""
    base = 10_000_100
    found = -1
    while True:
        digits = f"{base:09d}"
        remainder = sum(w * int(d) for w, d in zip(_WEIGHTS, digits, strict=True)) % 11
        if remainder:
            found += 1
            if found == n:
                return digits + str(10 - remainder)
        base += 1


A, B, C, D, E, F = (mst(i) for i in range(6))


class Registry:
    """Shortcuts to build scenarios through the CLI."""

    def __init__(self, cli: Any) -> None:
        self.cli = cli

    def enterprise(self, code: str, *extra: str, name: str | None = None, **kw: Any) -> None:
        args = ["enterprise", "add", "--tax-code", code, "--name", name or f"Công ty {code}"]
        args += ["--founded", "2020-01-01", "--commune", kw.get("commune", "Phường An Phú")]
        if kw.get("zone"):
            args += ["--zone", kw["zone"]]
        args += ["--workers", str(kw.get("workers", 50))]
        args += ["--stable-workers", str(kw.get("stable", 30))]
        self.cli(*args, *extra)

    def member(self, code: str, kind: str = "party", *extra: str, joined: str = "2021-01-01"):
        args = ["member", "add", "--name", "Nguyễn Văn A", "--type", kind, "--enterprise", code]
        return self.cli(*args, "--joined", joined, *extra, "--json").json()

    def members(self, code: str, n: int, kind: str = "party", *extra: str) -> list[dict]:
        return [self.member(code, kind, *extra) for _ in range(n)]

    def org(self, kind: str, *codes: str, founded: str = "2021-06-01") -> int:
        args = ["org", "add", "--type", kind, "--founded", founded]
        for code in codes:
            args += ["--enterprise", code]
        return int(self.cli(*args, "--json").json()["id"])

    def eligible(self, kind: str, on: str, *extra: str) -> list[dict]:
        return self.cli("eligible", "--type", kind, "--as-of", on, *extra, "--json").json()

    def codes(self, kind: str, on: str, *extra: str) -> list[str]:
        return [r["tax_code"] for r in self.eligible(kind, on, *extra)]

    def row(self, kind: str, on: str, code: str) -> dict:
        rows = [r for r in self.eligible(kind, on, "--explain") if r["tax_code"] == code]
        assert len(rows) == 1, rows
        return rows[0]

    def check(self, kind: str, on: str, code: str, rule: str) -> dict:
        return next(c for c in self.row(kind, on, code)["checks"] if c["rule"] == rule)


@pytest.fixture
def reg(cli: Any) -> Registry:
    return Registry(cli)


# ---------------------------------------------------------------- party


def test_party_exactly_at_threshold_and_one_below(reg):
    reg.enterprise(A)
    reg.enterprise(B)
    reg.members(A, 3)
    reg.members(B, 2)
    assert reg.codes("party", "2024-01-01") == [A]
    rows = reg.eligible("party", "2024-01-01")
    assert rows[0]["eligible"] is True
    assert {"tax_code", "name", "eligible", "checks"} <= set(rows[0])
    count = rows[0]["checks"][-1]
    assert {k: count[k] for k in ("rule", "required", "actual", "ok")} == {
        "rule": "party.min_official_members",
        "required": 3,
        "actual": 3,
        "ok": True,
    }
    below = reg.check("party", "2024-01-01", B, "party.min_official_members")
    assert (below["required"], below["actual"], below["ok"]) == (3, 2, False)
    assert below["message"] == (
        "Còn thiếu 1 đảng viên chính thức làm việc ổn định (có 2, cần từ 3)."
    )


def test_party_probationary_counts_from_the_day_made_official(reg, cli):
    reg.enterprise(A)
    reg.members(A, 2)
    probationary = reg.member(
        A, "party", "--status", "probationary", "--official-on", "2024-03-01", joined="2023-03-01"
    )
    assert reg.codes("party", "2024-02-29") == []
    row = reg.row("party", "2024-02-29", A)
    assert row["probationary"] == 1
    assert row["checks"][-1]["message"] == (
        "Còn thiếu 1 đảng viên chính thức làm việc ổn định (có 2, cần từ 3);"
        " 1 đảng viên dự bị chưa được tính cho đến ngày được công nhận chính thức."
    )
    assert reg.codes("party", "2024-03-01") == [A]
    # Without a recorded date, only the promotion counts.
    other = reg.member(A, "party", "--status", "probationary", joined="2023-01-01")
    cli("member", "leave", str(probationary["id"]), "--on", "2024-04-01")
    assert reg.codes("party", "2024-04-01") == []
    cli("member", "promote", str(other["id"]), "--on", "2024-05-02")
    assert reg.codes("party", "2024-05-01") == []
    assert reg.codes("party", "2024-05-02") == [A]


def test_party_member_who_left_before_the_date(reg, cli):
    reg.enterprise(A)
    first, *_ = reg.members(A, 3)
    cli("member", "leave", str(first["id"]), "--on", "2024-01-10")
    assert reg.codes("party", "2024-01-09") == [A]
    assert reg.codes("party", "2024-01-10") == []


def test_party_member_who_changed_employer(reg, cli):
    reg.enterprise(A)
    reg.enterprise(B)
    first, *_ = reg.members(A, 3)
    reg.members(B, 2)
    cli("person", "move", str(first["person_id"]), "--enterprise", B, "--on", "2024-01-10")
    assert reg.codes("party", "2024-01-09") == [A]
    assert reg.codes("party", "2024-01-10") == [B]


def test_party_member_counts_only_while_employed_there(reg):
    reg.enterprise(A)
    reg.members(A, 2)
    reg.member(A, "party", "--employed-from", "2024-02-01", joined="2010-05-01")
    assert reg.codes("party", "2024-01-31") == []
    assert reg.codes("party", "2024-02-01") == [A]


def test_party_member_counts_only_from_admission(reg):
    reg.enterprise(A)
    reg.members(A, 2)
    reg.member(A, "party", "--employed-from", "2020-01-01", joined="2024-02-01")
    assert reg.codes("party", "2024-01-31") == []
    assert reg.codes("party", "2024-02-01") == [A]


def test_party_unstable_employment_is_not_counted(reg):
    reg.enterprise(A)
    reg.members(A, 2)
    reg.member(A, "party", "--unstable-employment")
    assert reg.codes("party", "2024-01-01") == []
    row = reg.row("party", "2024-01-01", A)
    assert row["unstable_members"] == 1
    assert row["checks"][-1]["message"].endswith(
        "; 1 đảng viên chính thức chưa được tính vì chưa có hợp đồng ổn định."
    )


def test_party_person_counted_once(reg, registry):
    import sqlite3

    reg.enterprise(A)
    first, _second = reg.members(A, 2)
    # Two overlapping employment rows for one person (say, imported twice): still one.
    with sqlite3.connect(registry) as conn:
        conn.execute(
            "INSERT INTO employment (person_id, enterprise_id, start_on, stable, role) VALUES"
            " (?, (SELECT id FROM enterprise WHERE tax_code = ?), '2020-06-01', 1, 'worker')",
            (first["person_id"], A),
        )
    assert reg.row("party", "2024-01-01", A)["members"] == 2


def test_party_org_founded_after_the_date(reg):
    reg.enterprise(A)
    reg.members(A, 3)
    reg.org("party", A, founded="2024-06-01")
    assert reg.codes("party", "2024-05-31") == [A]
    assert reg.codes("party", "2024-06-01") == []
    assert reg.eligible("party", "2024-06-01", "--explain") == []  # not even considered


def test_party_dissolved_org_makes_it_eligible_again(reg, cli):
    reg.enterprise(A)
    reg.members(A, 3)
    org = reg.org("party", A, founded="2021-01-01")
    cli("org", "dissolve", str(org), "--on", "2024-09-01")
    assert reg.codes("party", "2024-08-31") == []
    assert reg.codes("party", "2024-09-01") == [A]


def test_party_org_covering_two_enterprises(reg):
    for code in (A, B, C):
        reg.enterprise(code)
        reg.members(code, 3)
    reg.org("party", A, B, founded="2021-01-01")
    assert reg.codes("party", "2024-01-01") == [C]


def test_party_closed_or_suspended_enterprise(reg, cli):
    reg.enterprise(A)
    reg.enterprise(B)
    reg.members(A, 3)
    reg.members(B, 3)
    cli("enterprise", "close", A, "--on", "2024-04-01", "--status", "suspended")
    cli("enterprise", "close", B, "--on", "2024-04-01", "--status", "dissolved")
    assert sorted(reg.codes("party", "2024-03-31")) == sorted([A, B])
    assert reg.codes("party", "2024-04-01") == []
    assert reg.eligible("party", "2024-04-01", "--explain") == []
    cli("enterprise", "reopen", A, "--on", "2024-05-01")
    assert reg.codes("party", "2024-05-01") == [A]


def test_party_enterprise_not_yet_registered(reg):
    reg.enterprise(A)
    reg.members(A, 3)
    assert reg.eligible("party", "2019-12-31", "--explain") == []


def test_party_law_violation_flag_and_rule_switch(reg, cli):
    reg.enterprise(A)
    reg.members(A, 3)
    cli("enterprise", "update", A, "--as-of", "2024-03-01", "--law-violation")
    assert reg.codes("party", "2024-02-29") == [A]
    assert reg.codes("party", "2024-03-01") == []
    check = reg.check("party", "2024-03-01", A, "party.require_law_compliance")
    assert (check["required"], check["actual"], check["ok"]) == (True, False, False)
    assert check["message"] == (
        "Đang có vi phạm pháp luật: cần khắc phục trước khi lập tổ chức đảng."
    )
    cli("rules", "set", "party.require_law_compliance", "false")
    assert reg.codes("party", "2024-03-01") == [A]
    rules = [c["rule"] for c in reg.row("party", "2024-03-01", A)["checks"]]
    assert rules == ["party.require_stable_operation", "party.min_official_members"]


def test_party_unstable_operation_flag(reg, cli):
    reg.enterprise(A, "--unstable")
    reg.members(A, 3)
    assert reg.codes("party", "2024-01-01") == []
    check = reg.check("party", "2024-01-01", A, "party.require_stable_operation")
    assert check["message"] == (
        "Sản xuất kinh doanh chưa ổn định: cần ổn định trước khi lập tổ chức đảng."
    )
    cli("enterprise", "update", A, "--as-of", "2024-02-01", "--stable")
    assert reg.codes("party", "2024-02-01") == [A]
    cli("rules", "set", "party.require_stable_operation", "false")
    assert reg.codes("party", "2024-01-01") == [A]


def test_party_threshold_rule_in_force(reg, cli):
    reg.enterprise(A)
    reg.members(A, 3)
    cli("rules", "set", "party.min_official_members", "4")
    assert reg.codes("party", "2024-01-01") == []
    assert reg.check("party", "2024-01-01", A, "party.min_official_members")["required"] == 4


# ---------------------------------------------------------------- union


def test_union_stable_workers_threshold(reg, cli):
    reg.enterprise(A, stable=20, workers=40)
    reg.enterprise(B, stable=19, workers=40)
    assert reg.codes("union", "2024-01-01") == [A]
    check = reg.check("union", "2024-01-01", B, "union.min_stable_workers")
    assert (check["required"], check["actual"], check["ok"]) == (20, 19, False)
    assert check["message"] == "Còn thiếu 1 lao động ổn định (có 19, cần từ 20)."
    cli("rules", "set", "union.min_stable_workers", "19")
    assert sorted(reg.codes("union", "2024-01-01")) == sorted([A, B])


def test_union_uses_the_workforce_snapshot_in_force(reg, cli):
    reg.enterprise(A, stable=10, workers=40)
    cli("enterprise", "update", A, "--as-of", "2024-03-01", "--stable-workers", "25")
    assert reg.codes("union", "2024-02-29") == []
    assert reg.codes("union", "2024-03-01") == [A]


def test_union_orgs_closures_and_joint_union(reg, cli):
    for code in (A, B, C, D):
        reg.enterprise(code, stable=30)
    org = reg.org("union", A, B, founded="2022-01-01")  # one union across two employers
    reg.org("union", C, founded="2024-06-01")  # founded after the date asked
    cli("enterprise", "close", D, "--on", "2023-01-01", "--status", "suspended")
    assert reg.codes("union", "2023-06-01") == [C]
    cli("org", "dissolve", str(org), "--on", "2023-07-01")
    assert sorted(reg.codes("union", "2023-07-01")) == sorted([A, B, C])
    assert sorted(reg.codes("union", "2024-06-01")) == sorted([A, B])


# ---------------------------------------------------------------- youth, women, veterans


@pytest.mark.parametrize("kind", MASS_TYPES)
def test_mass_threshold_with_party_org(reg, kind):
    reg.enterprise(A)
    reg.enterprise(B)
    reg.org("party", A, B, founded="2021-01-01")
    reg.members(A, 3, kind)
    reg.members(B, 2, kind)
    assert reg.codes(kind, "2024-01-01") == [A]
    check = reg.check(kind, "2024-01-01", B, f"{kind}.min_members")
    assert (check["required"], check["actual"], check["ok"]) == (3, 2, False)
    assert reg.check(kind, "2024-01-01", B, f"{kind}.require_party_org")["ok"] is True


@pytest.mark.parametrize("kind", MASS_TYPES)
def test_mass_needs_an_active_party_org(reg, cli, kind):
    reg.enterprise(A)
    reg.members(A, 3, kind)
    assert reg.codes(kind, "2024-01-01") == []
    check = reg.check(kind, "2024-01-01", A, f"{kind}.require_party_org")
    assert (check["required"], check["actual"], check["ok"]) == (True, False, False)
    assert check["message"].startswith("Chưa có tổ chức đảng: cần lập tổ chức đảng trước")
    party = reg.org("party", A, founded="2024-03-01")
    assert reg.codes(kind, "2024-02-29") == []
    assert reg.codes(kind, "2024-03-01") == [A]
    cli("org", "dissolve", str(party), "--on", "2024-05-01")
    assert reg.codes(kind, "2024-05-01") == []
    cli("rules", "set", f"{kind}.require_party_org", "false")
    assert reg.codes(kind, "2024-05-01") == [A]


@pytest.mark.parametrize("kind", MASS_TYPES)
def test_mass_member_left_or_moved_and_own_org(reg, cli, kind):
    for code in (A, B, C):
        reg.enterprise(code)
    reg.org("party", A, B, C, founded="2021-01-01")
    leaver, mover, _ = reg.members(A, 3, kind)
    reg.members(B, 3, kind)
    reg.members(C, 3, kind)
    own = reg.org(kind, B, C, founded="2024-02-01")  # covers two enterprises
    assert sorted(reg.codes(kind, "2024-01-31")) == sorted([A, B, C])
    assert reg.codes(kind, "2024-02-01") == [A]
    cli("member", "leave", str(leaver["id"]), "--on", "2024-03-01")
    assert reg.codes(kind, "2024-03-01") == []
    cli("org", "dissolve", str(own), "--on", "2024-04-01")
    assert sorted(reg.codes(kind, "2024-04-01")) == sorted([B, C])
    cli(
        "person", "move", str(mover["person_id"]), "--enterprise", D, "--on", "2024-05-01", expect=1
    )  # D is not registered: nothing changes
    cli("person", "move", str(mover["person_id"]), "--enterprise", B, "--on", "2024-05-01")
    assert reg.row(kind, "2024-05-01", A)["members"] == 1
    assert reg.row(kind, "2024-05-01", B)["members"] == 4


@pytest.mark.parametrize("kind", MASS_TYPES)
def test_mass_closed_enterprise_and_threshold_rule(reg, cli, kind):
    reg.enterprise(A)
    reg.enterprise(B)
    reg.org("party", A, B, founded="2021-01-01")
    reg.members(A, 3, kind)
    reg.members(B, 4, kind)
    cli("enterprise", "close", A, "--on", "2024-04-01", "--status", "suspended")
    assert sorted(reg.codes(kind, "2024-03-31")) == sorted([A, B])
    assert reg.codes(kind, "2024-04-01") == [B]
    cli("rules", "set", f"{kind}.min_members", "5")
    assert reg.codes(kind, "2024-03-31") == []
    cli("rules", "set", f"{kind}.min_members", "4")
    assert reg.codes(kind, "2024-03-31") == [B]


# ---------------------------------------------------------------- explain, table, errors


def test_explain_sentences_in_vietnamese_and_english(reg, cli):
    reg.enterprise(A, name="Công ty May Sông Hồng")
    reg.members(A, 2)
    out = cli("eligible", "--type", "party", "--as-of", "2024-01-01", "--explain").stdout
    assert "Sông Hồng" in out
    flat = " ".join(out.split())
    assert "thiếu 1 đảng viên chính thức" in flat
    assert "0/1 doanh nghiệp đủ điều kiện" in flat
    row = reg.row("party", "2024-01-01", A)
    assert row["summary"] == (
        "Chưa đủ điều kiện. Còn thiếu 1 đảng viên chính thức làm việc ổn định (có 2, cần từ 3)."
    )
    assert [c["message"] for c in row["checks"]] == [
        "Sản xuất kinh doanh ổn định.",
        "Chấp hành tốt pháp luật.",
        "Còn thiếu 1 đảng viên chính thức làm việc ổn định (có 2, cần từ 3).",
    ]
    english = cli(
        "--lang",
        "en",
        "eligible",
        "--type",
        "party",
        "--as-of",
        "2024-01-01",
        "--explain",
        "--json",
    ).json()[0]
    assert english["summary"] == (
        "Does not qualify yet. 1 more official party member on stable terms needed"
        " (has 2, needs 3)."
    )
    assert [c["message"] for c in english["checks"]] == [
        "Operates stably.",
        "Complies with the law.",
        "1 more official party member on stable terms needed (has 2, needs 3).",
    ]
    out = cli("--lang", "en", "eligible", "--type", "party", "--as-of", "2024-01-01", "--explain")
    assert "0 of 1 enterprises qualify" in " ".join(out.stdout.split())


def test_explain_sentence_for_an_eligible_enterprise(reg, cli):
    reg.enterprise(A)
    reg.members(A, 4)
    row = reg.row("party", "2024-01-01", A)
    assert row["summary"] == "Đủ điều kiện thành lập tổ chức đảng."
    assert row["checks"][-1]["message"] == (
        "Có 4 đảng viên chính thức làm việc ổn định (cần từ 3)."
    )
    cli("--lang", "en", "eligible", "--type", "youth", "--as-of", "2024-01-01")
    en = cli(
        "--lang",
        "en",
        "eligible",
        "--type",
        "party",
        "--as-of",
        "2024-01-01",
        "--explain",
        "--json",
    ).json()[0]
    assert en["summary"] == "Qualifies to found a party organisation."
    assert en["checks"][-1]["message"] == "Has 4 official party members on stable terms (needs 3)."


def test_json_without_explain_holds_only_eligible(reg):
    reg.enterprise(A)
    reg.enterprise(B)
    reg.members(A, 3)
    assert [r["eligible"] for r in reg.eligible("party", "2024-01-01")] == [True]
    explained = reg.eligible("party", "2024-01-01", "--explain")
    assert [(r["tax_code"], r["eligible"]) for r in explained] == [(A, True), (B, False)]


def test_default_table_shows_the_figures(reg, cli):
    reg.enterprise(A, name="Công ty Bình An", workers=1234)
    reg.members(A, 3)
    out = cli("eligible", "--type", "party", "--as-of", "2024-01-01").stdout
    assert "Bình An" in out and "1.234" in out and A in out
    assert "Doanh nghiệp đủ điều kiện thành lập tổ chức đảng" in out
    empty = cli("eligible", "--type", "union", "--as-of", "2019-01-01").stdout
    assert "(không có dòng nào)" in empty


def test_bad_type_date_and_modes(cli):
    result = cli("eligible", "--type", "club", expect=1)
    assert result.stderr.strip() == (
        "Giá trị loại tổ chức không hợp lệ: club"
        " (chọn một trong: party, union, youth, women, veterans)."
    )
    result = cli("eligible", "--type", "party", "--as-of", "31/02/2024", expect=1)
    assert result.stderr.strip().startswith("Ngày không hợp lệ: 31/02/2024")
    result = cli("eligible", "--type", "party", "--near", "--joint", expect=2)
    assert result.stderr.strip() == "Chỉ chọn một trong --near, --forecast, --joint."
    result = cli("eligible", "--type", "union", "--joint", expect=1)
    assert result.stderr.strip() == "--joint chỉ dùng với --type party (đề xuất chi bộ ghép)."


@pytest.mark.parametrize("kind", ["union", *MASS_TYPES])
def test_flags_only_matter_to_the_party(reg, kind):
    reg.enterprise(A, "--law-violation", "--unstable", stable=25)
    reg.org("party", A, founded="2021-01-01")
    reg.members(A, 3, "union" if kind == "union" else kind)
    assert reg.codes(kind, "2024-01-01") == [A]
    assert [c["rule"] for c in reg.row(kind, "2024-01-01", A)["checks"]] == (
        ["union.min_stable_workers"]
        if kind == "union"
        else [f"{kind}.require_party_org", f"{kind}.min_members"]
    )
