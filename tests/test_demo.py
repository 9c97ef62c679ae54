"""`dangdn demo`: the fictional district loads through the services, every
example file is used, and the summary agrees with the CSV files."""

from __future__ import annotations

import csv
import shutil
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from dangdn_cli.demo import build as demo
from test_registry_helpers import fast_cli as fast_cli  # the autouse fixture

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "district"
STAGES = ("identified", "trained", "introduced", "admitted", "dropped")


def read(name: str) -> list[dict[str, str]]:
    with (EXAMPLES / name).open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    return demo.build(tmp_path_factory.mktemp("demo") / "out")


def on_or_before(value: str, day: date) -> bool:
    return bool(value) and date.fromisoformat(value) <= day


def expected_summary(day: date) -> dict[str, Any]:
    """The summary worked out from the CSV files alone."""
    status: dict[str, str] = {}
    for row in sorted(read("enterprise_status.csv"), key=lambda r: r["on"]):
        if on_or_before(row["on"], day):
            status[row["tax_code"]] = row["status"]
    workforce = {r["tax_code"]: (int(r["workers"]), int(r["stable_workers"]))
                 for r in read("enterprises.csv")}  # fmt: skip
    for row in sorted(read("enterprise_history.csv"), key=lambda r: r["as_of"]):
        if on_or_before(row["as_of"], day) and row["workers"]:
            workforce[row["tax_code"]] = (int(row["workers"]), int(row["stable_workers"]))
    active = [code for code in workforce if status.get(code, "active") == "active"]
    orgs = Counter(
        r["type"]
        for r in read("organizations.csv")
        if on_or_before(r["founded"], day) and not on_or_before(r["dissolved"], day)
    )
    persons: dict[str, set[str]] = {}
    official: set[str] = set()
    for r in read("members.csv"):
        joined_ok = not r["joined"] or on_or_before(r["joined"], day)
        if joined_ok and not on_or_before(r["left"], day):
            persons.setdefault(r["type"], set()).add(r["person"])
            if r["type"] == "party" and (
                (r["status"] == "official" and not r["official_on"])
                or on_or_before(r["official_on"], day)
                or on_or_before(r["promoted"], day)
            ):
                official.add(r["person"])
    stages: Counter[str] = Counter()
    for i, r in enumerate(read("candidates.csv")):
        reached = [s for s in STAGES if on_or_before(r[s], day)]
        if reached:
            stages[reached[-1]] += 1
        if on_or_before(r["admitted"], day):
            persons["party"].add(f"candidate-{i}")
            if on_or_before(r["promoted"], day):
                official.add(f"candidate-{i}")
    types = ("party", "union", "youth", "women", "veterans")
    return {
        "enterprises": {
            "registered": len(workforce),
            "active": len(active),
            "closed": len(workforce) - len(active),
        },
        "workers": {
            "total": sum(workforce[c][0] for c in active),
            "stable": sum(workforce[c][1] for c in active),
        },
        "organizations": {t: orgs.get(t, 0) for t in types},
        "members": {t: len(persons.get(t, ())) for t in types},
        "party": {
            "official": len(official),
            "probationary": len(persons["party"]) - len(official),
        },
        "candidates": {s: stages.get(s, 0) for s in STAGES},
    }


def test_summary_matches_the_csv_files(built):
    assert built["as_of"] == date.today()
    assert built["summary"] == expected_summary(date.today())


def test_every_example_file_is_loaded(built):
    files = {p.name for p in EXAMPLES.glob("*.csv")}
    assert set(built["loaded"]) == files
    for name, count in built["loaded"].items():
        assert count == len(read(name)), name
    assert {p.name for p in EXAMPLES.iterdir()} == files  # nothing but CSV files


def test_the_district_is_rich_enough(built):
    """What issue 2 asks of the examples."""
    enterprises = read("enterprises.csv")
    assert len(enterprises) >= 40
    assert len({r["commune"] for r in enterprises}) >= 4
    assert {r["zone"] for r in enterprises} - {""} == {"KCN Sông Lam"}
    assert all(built["summary"]["organizations"].values())
    assert any(len(r["enterprises"].split(";")) == 2 for r in read("organizations.csv"))
    members = read("members.csv")
    party = [r for r in members if r["type"] == "party"]
    assert any(r["status"] == "probationary" for r in party)
    assert any(r["residence"] for r in party)
    assert any(r["role"] == "owner" for r in party)
    assert all(built["summary"]["candidates"].values())  # every stage
    history = Counter(r["tax_code"] for r in read("enterprise_history.csv") if r["workers"])
    assert max(history.values()) >= 2
    assert built["summary"]["enterprises"]["closed"] >= 1
    plan = read("plans.csv")
    assert [(p["code"], p["start"], p["end"]) for p in plan] == [
        ("83-KH/HU", "2021-01-01", "2025-12-31")
    ]


def test_the_demo_registry_answers_queries(built, cli):
    registry = built["registry"]
    rows = cli("--db", registry, "enterprise", "list", "--search", "nguyen", "--json").json()
    assert "Công ty TNHH Thương mại Nguyễn Gia" in [r["name"] for r in rows]
    assert cli("--db", registry, "db", "check", "--json").json()["ok"] is True
    party = cli("--db", registry, "org", "list", "--type", "party", "--json").json()
    assert any(o["level"] == "dang_bo_co_so" for o in party)
    from sqlite3 import connect

    with connect(registry) as conn:
        targets = dict(conn.execute("SELECT figure, value FROM plan_target").fetchall())
        funding = conn.execute("SELECT org_type, amount, max_count FROM plan_funding").fetchall()
        caps = dict(conn.execute("SELECT kind, cap FROM plan_cadre_cap").fetchall())
    assert targets == {
        "organizations.party.founded": 5,
        "members.party.admitted": 20,
        "union_coverage.rate": 0.9,
        "organizations.youth.founded": 2,
    }
    assert sorted(funding) == [
        ("party", 20_000_000, 5),
        ("union", 10_000_000, 10),
        ("youth", 5_000_000, 2),
    ]
    assert caps == {"full_time": 3, "part_time": 3}


# The command, on a small copy of the examples (fast).


@pytest.fixture
def small_examples(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "examples"
    folder.mkdir()
    for name, keep in (("profile.csv", 2), ("enterprises.csv", 3)):
        rows = read(name)[:keep]
        with (folder / name).open("w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
            writer.writeheader()
            writer.writerows(rows)
    monkeypatch.setattr(demo, "examples_dir", lambda name="district": folder)
    return folder


def test_demo_command_prints_the_summary_and_how_to_use_it(cli, tmp_path, small_examples):
    out_dir = tmp_path / "my demo"
    out = cli("demo", "--out", str(out_dir)).stdout
    flat = " ".join(out.split())
    assert "Đã tạo sổ đăng ký mẫu" in flat
    assert "Doanh nghiệp đang hoạt động 3" in flat
    assert "Tổ chức và thành viên" in flat and "Quần chúng ưu tú" in flat
    assert f"DANGDN_DB='{out_dir / 'dangdn.db'}' dangdn enterprise list" in out
    assert (out_dir / "dangdn.db").exists()
    english = cli("--lang", "en", "demo", "--out", str(tmp_path / "en")).stdout
    assert "Built the demo registry" in english and "Organisations and members" in english


def test_demo_json(cli, tmp_path, small_examples):
    result = cli("demo", "--out", str(tmp_path / "j"), "--json").json()
    assert result["loaded"] == {"profile.csv": 2, "enterprises.csv": 3}
    assert result["summary"]["enterprises"]["active"] == 3


def test_demo_refuses_an_existing_registry(cli, tmp_path, small_examples):
    cli("demo", "--out", str(tmp_path / "d"))
    result = cli("demo", "--out", str(tmp_path / "d"), expect=1)
    assert result.stderr == (
        f"Đã có sổ đăng ký tại {tmp_path / 'd' / 'dangdn.db'}; chọn thư mục khác (--out) hoặc "
        "xóa tệp đó.\n"
    )


def test_demo_default_folder_is_new_and_dated(cli, tmp_path, monkeypatch, small_examples):
    monkeypatch.chdir(tmp_path)
    cli("demo")
    made = [p.name for p in tmp_path.iterdir() if p.name.startswith("dangdn-demo-")]
    assert len(made) == 1 and len(made[0]) == len("dangdn-demo-20240525-101500")
    assert (tmp_path / made[0] / "dangdn.db").exists()


def test_demo_leaves_the_users_registry_alone(cli, tmp_path, small_examples, registry, dump):
    before = dump()
    cli("demo", "--out", str(tmp_path / "x"))
    assert dump() == before


def test_a_bad_row_is_reported_with_file_and_row(cli, tmp_path, small_examples):
    rows = read("enterprises.csv")[:2]
    rows[1]["tax_code"] = "0100109107"
    with (small_examples / "enterprises.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    result = cli("demo", "--out", str(tmp_path / "bad"), expect=1)
    assert result.stderr == (
        "Dữ liệu mẫu enterprises.csv, dòng 3: Mã số thuế không hợp lệ: 0100109107 "
        "(sai chữ số kiểm tra).\n"
    )


def test_a_file_without_a_loader_is_an_error(cli, tmp_path, small_examples):
    shutil.copy(small_examples / "profile.csv", small_examples / "surprise.csv")
    result = cli("demo", "--out", str(tmp_path / "u"), expect=1)
    assert "surprise.csv" in result.stderr and "@loads" in result.stderr


def test_examples_are_found_in_the_repository_for_editable_installs():
    assert demo.examples_dir() == EXAMPLES or (demo.examples_dir() / "enterprises.csv").exists()


def test_the_people_are_plausible():
    """Nobody works before 18 or joins before the age of the organisation;
    citizen IDs are unique, fictional (099…) and carry the birth year."""
    minimum = {"party": 18, "youth": 16, "union": 18, "women": 18, "veterans": 18}
    members = read("members.csv")
    born = {r["person"]: date.fromisoformat(r["birth"]) for r in members if r["birth"]}
    for row in members:
        birth = born[row["person"]]
        if row["joined"]:
            age = (date.fromisoformat(row["joined"]) - birth).days / 365.25
            assert age >= minimum[row["type"]], row
        if row["employed_from"]:
            assert (date.fromisoformat(row["employed_from"]) - birth).days / 365.25 >= 18, row
    ids = [r["id_number"] for r in [*members, *read("candidates.csv")] if r["id_number"]]
    assert len(ids) == len(set(ids))
    assert all(len(i) == 12 and i.isdigit() and i.startswith("099") for i in ids)
    for row in members:
        if row["id_number"]:
            assert row["id_number"][4:6] == row["birth"][2:4], row


def test_no_fact_is_dated_in_the_future():
    planned = {"term_end_on", "next_due_on"}  # a term's end, a follow-up's due date
    for path in EXAMPLES.glob("*.csv"):
        for row in read(path.name):
            for key, value in row.items():
                if key not in planned and len(value) == 10 and value[4] == value[7] == "-":
                    assert date.fromisoformat(value) <= date.today(), (path.name, key, value)


def test_demo_shows_eligibility_plan_progress_and_writes_the_report(built):
    """Issues 3, 4 and 5 extend the demo: who qualifies, the plan, the files."""
    from docx import Document
    from openpyxl import load_workbook

    assert list(built["eligibility"]) == ["party", "union", "youth", "women", "veterans"]
    [plan] = built["plans"]
    assert plan["plan"] == "83-KH/HU"
    assert {t["figure"] for t in plan["targets"]} >= {"organizations.party.founded"}
    # cadres.csv: one full-time assignment ended on 31/12/2023, so 2 of each kind today.
    assert {c["kind"]: c["assigned"] for c in plan["cadres"]} == {"full_time": 2, "part_time": 2}
    names = sorted(Path(p).name for p in built["reports"])
    assert names == ["bao-cao.docx", "bao-cao.md", "phu-luc.xlsx"]
    docx_path = next(Path(p) for p in built["reports"] if p.endswith(".docx"))
    text = "\n".join(p.text for p in Document(str(docx_path)).paragraphs)
    assert "6 tháng đầu năm 2024" in text
    xlsx_path = next(Path(p) for p in built["reports"] if p.endswith(".xlsx"))
    assert load_workbook(xlsx_path, read_only=True).sheetnames
