"""Fieldwork figures and due items on a small hand-computed district
(period 2024H1 = 1/1/2024–30/6/2024)."""

from __future__ import annotations

import json
import shutil
import sqlite3
from datetime import date
from pathlib import Path
from typing import Any

import pytest

E1, E2, E3 = "0100100008", "0100100015", "0100100022"
START, END = date(2024, 1, 1), date(2024, 6, 30)


def _build(cli: Any) -> dict[str, int]:
    for code, name in (
        (E1, "Công ty An Phát"),
        (E2, "Công ty Bình Minh"),
        (E3, "Công ty Cửu Long"),
    ):
        cli("enterprise", "add", "--tax-code", code, "--name", name, "--founded", "2020-01-01")

    def org(kind: str, code: str, founded: str) -> int:
        args = ("org", "add", "--type", kind, "--enterprise", code, "--founded", founded)
        name = f"{kind.capitalize()} {code}"
        return int(cli(*args, "--name", name, "--json").json()["id"])

    ids = {
        "p1": org("party", E1, "2021-03-01"),
        "u1": org("union", E1, "2021-03-01"),
        "p2": org("party", E2, "2024-03-01"),  # founded on the day of a survey
        "y1": org("youth", E1, "2022-01-01"),
    }
    person = cli(
        "member", "add", "--name", "Trần Thị Hoa", "--type", "party", "--enterprise", E1,
        "--joined", "2015-01-01", "--status", "official", "--json",
    ).json()["person_id"]  # fmt: skip
    ids["person"] = int(person)

    def visit(code: str, on: str, purpose: str, due: str | None) -> None:
        args = ["visit", "add", "--enterprise", code, "--on", on, "--cadre", "Lê Văn Nam"]
        args += ["--purpose", purpose]
        if due:
            args += ["--next", "Gặp lại chủ doanh nghiệp", "--next-due", due]
        cli(*args)

    visit(E3, "2023-12-31", "survey", "2024-01-15")  # V1: before the period; closed by V4
    visit(E2, "2024-01-01", "survey", "2024-02-01")  # V2: survey without party org; closed by V3
    visit(E2, "2024-03-01", "survey", "2024-06-30")  # V3: party org founded that day; due on end
    visit(E3, "2024-06-30", "advocacy", "2024-07-15")  # V4: last day
    visit(E1, "2024-02-10", "founding", "2024-04-01")  # V5: overdue at the end
    visit(E1, "2024-07-01", "survey", None)  # V6: after the period (closes V5 from 1/7)

    def activity(key: str, kind: str, on: str, *extra: str) -> None:
        cli("activity", "add", "--org", ids[key], "--kind", kind, "--on", on, *extra)

    activity("p1", "study", "2024-01-01", "--attendees", "40", "--party-attendees", "30")
    activity("u1", "study", "2024-06-30", "--attendees", "60", "--party-attendees", "10")
    activity("p1", "study", "2023-12-31", "--attendees", "100", "--party-attendees", "100")
    activity("p1", "study", "2024-07-01", "--attendees", "5", "--party-attendees", "5")
    activity("y1", "other", "2024-03-03", "--attendees", "20")
    activity("p1", "congress", "2021-03-01", "--term-end", "2024-08-01")  # superseded below
    activity("p1", "congress", "2024-05-10", "--term-end", "2029-05-10")
    activity("u1", "congress", "2021-03-01", "--term-end", "2024-10-15")
    activity(
        "y1", "congress", "2022-01-01", "--term-end", "2024-12-30"
    )  # end + 6 months (30/6 + 6)

    def rate(key: str, year: str, grade: str) -> None:
        cli("rating", "set", "--org", ids[key], "--year", year, "--grade", grade)

    rate("p1", "2024", "tot")
    rate("p1", "2024", "xuat_sac")  # set again: the latest counts
    rate("p2", "2024", "hoan_thanh")
    rate("p1", "2023", "khong_hoan_thanh")  # another year: not counted
    rate("u1", "2024", "vung_manh")
    rate("u1", "2023", "yeu")

    cli("model", "add", "--org", ids["p1"], "--year", "2024", "--name", "Dân vận khéo A")
    cli("model", "add", "--org", ids["u1"], "--year", "2023", "--name", "Dân vận khéo B")

    def award(to: str, target: Any, on: str) -> None:
        cli("award", "add", "--to", to, "--id", target, "--on", on, "--level", "Huyện ủy")

    award("org", ids["p1"], "2024-01-01")
    award("enterprise", E2, "2024-06-30")
    award("person", ids["person"], "2024-03-03")
    award("person", ids["person"], "2023-12-31")
    award("enterprise", E1, "2024-07-01")
    return ids


@pytest.fixture(scope="module")
def district_db(
    tmp_path_factory: pytest.TempPathFactory, migrated_registry: Path
) -> tuple[Path, dict[str, int]]:
    """The district, built once per module through the CLI (about 45 commands)."""
    from typer.testing import CliRunner

    from dangdn_cli import db, i18n
    from dangdn_cli.cli import app

    path = tmp_path_factory.mktemp("district") / "registry.db"
    shutil.copy(migrated_registry, path)
    runner = CliRunner()

    class Run:
        def __init__(self, stdout: str) -> None:
            self.stdout = stdout

        def json(self) -> Any:
            return json.loads(self.stdout)

    def cli(*args: Any) -> Run:
        raw = runner.invoke(app, [str(a) for a in args], catch_exceptions=False)
        i18n.set_lang(None)
        db.set_db_option(None)
        assert raw.exit_code == 0, raw.output
        return Run(raw.stdout)

    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DANGDN_DB", str(path))
        patch.delenv("DANGDN_LANG", raising=False)
        db.set_db_option(None)
        ids = _build(cli)
        db.dispose_all()
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path, ids


@pytest.fixture
def district(district_db: tuple[Path, dict[str, int]], registry: Path) -> dict[str, int]:
    """A private copy of the district for each test (tests may add to it)."""
    from dangdn_cli import db

    db.dispose_all()
    for suffix in ("-wal", "-shm"):
        Path(f"{registry}{suffix}").unlink(missing_ok=True)
    shutil.copy(district_db[0], registry)
    return dict(district_db[1])


def _figures(start: date = START, end: date = END) -> dict[str, Any]:
    from dangdn_cli import db
    from dangdn_cli.analysis import fieldwork

    with db.session() as session:
        return fieldwork.compute(session, start, end)


def test_fieldwork_figures_2024h1(district: dict[str, int]) -> None:
    figures = _figures()
    assert figures["outreach"] == {
        "visits": 4,
        "enterprises_visited": 3,
        "surveys_without_party_org": 1,
        "overdue_follow_ups": 1,
    }
    assert figures["activities"] == {
        "sessions": 2,
        "attendees": 100,
        "party_attendees": 40,
        "party_attendance_rate": 0.4,
        "congresses": 1,
    }
    assert figures["ratings"]["party"] == {
        "xuat_sac": 1,
        "tot": 0,
        "hoan_thanh": 1,
        "khong_hoan_thanh": 0,
    }
    assert figures["ratings"]["union"] == {
        "vung_manh_xuat_sac": 0,
        "vung_manh": 1,
        "hoan_thanh": 0,
        "yeu": 0,
    }
    assert set(figures["ratings"]["veterans"].values()) == {0}
    assert figures["recognition"] == {"models": 1, "awards_collective": 2, "awards_individual": 1}
    assert figures["terms_ending_within_6_months"] == 2


def test_flows_count_first_and_last_day_only(district: dict[str, int]) -> None:
    # 1/1/2024 alone: V2, the 40-attendee session, the award to P1.
    first = _figures(START, START)
    assert first["outreach"]["visits"] == 1
    assert first["outreach"]["surveys_without_party_org"] == 1
    assert first["activities"]["attendees"] == 40
    assert first["recognition"]["awards_collective"] == 1
    # 30/6/2024 alone: V4, the 60-attendee session, the award to E2.
    last = _figures(END, END)
    assert last["outreach"]["visits"] == 1
    assert last["activities"]["sessions"] == 1
    assert last["activities"]["party_attendance_rate"] == pytest.approx(10 / 60, abs=1e-4)
    assert last["recognition"]["awards_collective"] == 1


def test_ratings_of_2023_count_only_in_2023(district: dict[str, int]) -> None:
    ratings = _figures(date(2023, 1, 1), date(2023, 12, 31))["ratings"]
    assert ratings["party"]["khong_hoan_thanh"] == 1
    assert ratings["party"]["xuat_sac"] == 0
    assert ratings["union"]["yeu"] == 1


def test_empty_registry_gives_zeros_and_no_rate() -> None:
    figures = _figures()
    assert figures["outreach"]["visits"] == 0
    assert figures["activities"]["party_attendance_rate"] is None
    assert figures["terms_ending_within_6_months"] == 0
    assert figures["ratings"]["youth"] == {"xuat_sac": 0, "kha": 0, "trung_binh": 0, "yeu": 0}


def test_overdue_relative_to_as_of(cli: Any, district: dict[str, int]) -> None:
    rows = cli("visit", "list", "--overdue", "--as-of", "2024-03-01", "--json").json()
    assert [(r["tax_code"], r["visited_on"], r["days_overdue"]) for r in rows] == [
        (E3, "2023-12-31", 46)
    ]
    rows = cli("visit", "list", "--overdue", "--as-of", "2024-07-20", "--json").json()
    assert [(r["tax_code"], r["next_due_on"], r["days_overdue"]) for r in rows] == [
        (E2, "2024-06-30", 20),
        (E3, "2024-07-15", 5),
    ]
    # On the due day itself a follow-up is not yet overdue.
    rows = cli("visit", "list", "--overdue", "--as-of", "2024-04-01", "--json").json()
    assert [r["next_due_on"] for r in rows] == ["2024-01-15"]


def test_visit_list_states_and_order(cli: Any, district: dict[str, int]) -> None:
    rows = cli("visit", "list", "--as-of", "2024-06-30", "--json").json()
    assert [r["visited_on"] for r in rows][:2] == ["2024-06-30", "2024-03-01"]
    assert "2024-07-01" not in [r["visited_on"] for r in rows]
    states = {r["visited_on"]: r["follow_up"] for r in rows}
    assert states == {
        "2024-06-30": "open",
        "2024-03-01": "open",
        "2024-02-10": "overdue",
        "2024-01-01": "closed",
        "2023-12-31": "closed",
    }
    only_e1 = cli("visit", "list", "--enterprise", E1, "--json").json()
    assert [r["visited_on"] for r in only_e1] == ["2024-07-01", "2024-02-10"]


def test_latest_visits_for_enterprise_show(district: dict[str, int]) -> None:
    from dangdn_cli import db
    from dangdn_cli.registry import outreach, refs

    with db.session() as session:
        rows = outreach.latest_visits(session, refs.enterprise_id(session, E2), limit=1)
    assert [(r["visited_on"], r["purpose"]) for r in rows] == [(date(2024, 3, 1), "survey")]


def test_due_items(district: dict[str, int]) -> None:
    from dangdn_cli import db
    from dangdn_cli.analysis import due as deadlines

    with db.session() as session:
        items = deadlines.due_items(session, date(2024, 7, 20))
        later = deadlines.due_items(session, date(2024, 11, 1))
    assert [(i["kind"], i["due_on"], i["days"]) for i in items] == [
        ("overdue_follow_up", date(2024, 6, 30), -20),
        ("overdue_follow_up", date(2024, 7, 15), -5),
        ("term_ending", date(2024, 10, 15), 87),
        ("term_ending", date(2024, 12, 30), 163),
    ]
    assert items[0]["description"] == (
        "Quá hạn 20 ngày: Gặp lại chủ doanh nghiệp tại Công ty Bình Minh "
        "(hạn 30/06/2024, cán bộ Lê Văn Nam)."
    )
    assert items[2]["description"] == (
        "Nhiệm kỳ của Union 0100100008 kết thúc ngày 15/10/2024: chuẩn bị đại hội."
    )
    expired = [i for i in later if i["kind"] == "term_expired"]
    assert [(i["org_id"], i["days"]) for i in expired] == [(district["u1"], -17)]


def test_a_new_congress_renews_the_term(cli: Any, district: dict[str, int]) -> None:
    cli("activity", "add", "--org", district["u1"], "--kind", "congress", "--on", "2024-06-15",
        "--term-end", "2029-06-15")  # fmt: skip
    assert _figures()["terms_ending_within_6_months"] == 1


def test_dissolved_org_has_no_term_due(cli: Any, district: dict[str, int]) -> None:
    cli("org", "dissolve", district["y1"], "--on", "2024-06-01")
    assert _figures()["terms_ending_within_6_months"] == 1
