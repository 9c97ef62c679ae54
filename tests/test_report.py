"""dangdn report: --json equals figures.compute, a past period is stable after
later edits, the terminal summary, Markdown, notes, the plan review, errors.

``build_district`` (also used by test_report_docx.py and test_due.py) makes a
small district through the CLI, with a company named ``A & B <Việt Nam>``."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from dangdn_cli import db, i18n
from dangdn_cli.analysis import report_figures
from dangdn_cli.cli import app

AN, BINH, CUONG, DUNG, AMP, GIANG = (
    "0100000010",
    "0100000028",
    "0100000035",
    "0100000042",
    "0100000067",
    "0100000074",
)
AMP_NAME = "A & B <Việt Nam>"
PROFILE = {
    "superior_body": "Huyện ủy An Bình",
    "issuing_body": "Ban Tổ chức",
    "symbol": "BTCHU",
    "place": "An Bình",
    "signer": "Nguyễn Văn Ân",
    "signer_title": "Trưởng ban",
    "signing_authority": "T/M Ban Thường vụ",
    "recipients": "Ban Tổ chức Tỉnh ủy; Thường trực Huyện ủy",
}


def build_district(cli: Any, profile: bool = True, fieldwork: bool = True) -> dict[str, int]:
    """Six enterprises in two communes and an industrial zone, organisations
    founded before and within 2024H1, members, candidates, a plan 2021–2025
    with targets and funding, and some fieldwork. Returns ids by name."""
    ids: dict[str, int] = {}
    if profile:
        for key, value in PROFILE.items():
            cli("profile", "set", key, value)

    def ent(code: str, name: str, workers: int, stable: int, *extra: str) -> None:
        cli(
            "enterprise", "add", "--tax-code", code, "--name", name, "--workers", workers,
            "--stable-workers", stable, "--founded", "2019-01-01", *extra,
        )  # fmt: skip

    ent(AN, "Công ty TNHH An Phát", 120, 90, "--commune", "Phường Tân An")
    ent(BINH, "Công ty CP Bình Minh", 60, 45, "--commune", "Phường Tân An", "--sector", "fdi")
    ent(CUONG, "Công ty TNHH Cường Thịnh", 35, 25, "--commune", "Xã Hòa Bình")
    ent(DUNG, "HTX Dũng Tiến", 18, 12, "--commune", "Xã Hòa Bình", "--sector", "htx")
    ent(AMP, AMP_NAME, 80, 60, "--zone", "KCN Bắc An Bình", "--commune", "Xã Hòa Bình")
    ent(GIANG, "Công ty TNHH Giang Sơn", 40, 30, "--zone", "KCN Bắc An Bình")

    def org(key: str, kind: str, founded: str, *codes: str, decision: str | None = None) -> None:
        args = ["org", "add", "--type", kind, "--founded", founded, "--json"]
        for code in codes:
            args += ["--enterprise", code]
        if decision:
            args += ["--decision", decision]
        ids[key] = cli(*args).json()["id"]

    org("party_an", "party", "2020-03-01", AN, decision="Số 12-QĐ/HU")
    org("party_binh", "party", "2024-03-15", BINH, decision="Số 45-QĐ/HU")
    org("party_giang", "party", "2024-05-20", GIANG, CUONG, decision="Số 51-QĐ/HU")
    org("union_an", "union", "2019-06-01", AN, decision="Số 3-QĐ/LĐLĐ")
    org("union_binh", "union", "2024-02-01", BINH, decision="Số 9-QĐ/LĐLĐ")
    org("youth_an", "youth", "2021-01-10", AN)

    def member(key: str, name: str, kind: str, code: str, joined: str, *extra: str) -> None:
        record = cli(
            "member", "add", "--name", name, "--type", kind, "--enterprise", code,
            "--joined", joined, *extra, "--json",
        ).json()  # fmt: skip
        ids[key] = record["id"]
        ids[f"{key}.person"] = record["person_id"]

    member("p1", "Trần Văn Một", "party", AN, "2010-05-01", "--role", "owner",
           "--org", str(ids["party_an"]))  # fmt: skip
    member("p2", "Lê Thị Hai", "party", AN, "2015-05-01", "--org", str(ids["party_an"]))
    member("p3", "Phạm Văn Ba", "party", AN, "2024-04-10", "--status", "probationary",
           "--org", str(ids["party_an"]))  # fmt: skip
    member("p4", "Hoàng Văn Bốn", "party", BINH, "2012-01-01", "--org", str(ids["party_binh"]))
    member("p5", "Vũ Thị Năm", "party", BINH, "2013-01-01", "--org", str(ids["party_binh"]))
    member("p6", "Đỗ Văn Sáu", "party", BINH, "2014-01-01", "--org", str(ids["party_binh"]))
    for n, name in enumerate(("Ngô Văn Bảy", "Bùi Thị Tám", "Đặng Văn Chín"), start=7):
        member(f"p{n}", name, "party", AMP, "2016-01-01")  # AMP qualifies for a party cell
    member("u1", "Công nhân Một", "union", AN, "2020-01-01")
    member("u2", "Công nhân Hai", "union", BINH, "2024-02-01")
    member("y1", "Thanh niên Một", "youth", AN, "2024-03-26")

    cand = cli(
        "candidate", "add", "--name", "Quần chúng Mười", "--enterprise", CUONG,
        "--identified", "2024-01-15", "--json",
    ).json()["id"]  # fmt: skip
    cli("candidate", "advance", cand, "--stage", "trained", "--on", "2024-04-01")

    cli(
        "plan", "add", "--code", "83-KH/HU", "--title", "Kế hoạch phát triển tổ chức đảng",
        "--start", "2021-01-01", "--end", "2025-12-31",
        "--target", "organizations.party.founded=5", "--target", "union_coverage.rate=0.9",
        "--funding", "party=20000000x5",
    )  # fmt: skip

    if fieldwork:
        cli(
            "visit", "add", "--enterprise", CUONG, "--on", "2024-02-10", "--cadre", "Cán bộ A",
            "--purpose", "survey", "--next", "Gặp chủ doanh nghiệp", "--next-due", "2024-03-01",
        )  # fmt: skip
        cli(
            "activity", "add", "--org", ids["party_an"], "--kind", "study", "--on", "2024-04-20",
            "--topic", "Quán triệt Nghị quyết", "--attendees", "20", "--party-attendees", "3",
        )  # fmt: skip
        cli("rating", "set", "--org", ids["party_an"], "--year", "2024", "--grade", "tot")
    return ids


class _Result:
    def __init__(self, stdout: str) -> None:
        self.stdout = stdout

    def json(self) -> Any:
        import json

        return json.loads(self.stdout)


def _plain_cli(*args: Any, expect: int = 0) -> _Result:
    raw = CliRunner().invoke(app, [str(a) for a in args], catch_exceptions=False)
    i18n.set_lang(None)
    db.set_db_option(None)
    assert raw.exit_code == expect, raw.output
    return _Result(raw.stdout)


@pytest.fixture(scope="session")
def district_file(
    tmp_path_factory: pytest.TempPathFactory, migrated_registry: Path
) -> tuple[Path, dict[str, int]]:
    """The district built once through the CLI (building costs seconds)."""
    path = tmp_path_factory.mktemp("district") / "registry.db"
    shutil.copy(migrated_registry, path)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DANGDN_DB", str(path))
        db.set_db_option(None)
        ids = build_district(_plain_cli)
        db.dispose_all()
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path, ids


@pytest.fixture
def district(district_file: tuple[Path, dict[str, int]], registry: Path) -> dict[str, int]:
    """This test's registry holds the district."""
    db.dispose_all()
    for suffix in ("-wal", "-shm"):
        Path(f"{registry}{suffix}").unlink(missing_ok=True)
    shutil.copy(district_file[0], registry)
    return dict(district_file[1])


def compute(code: str = "2024H1", start: date = date(2024, 1, 1), end: date = date(2024, 6, 30)):
    with db.session() as session:
        return report_figures.compute(session, start, end, code)


def test_json_is_figures_compute_exactly(cli, district):
    result = cli("report", "--period", "2024H1", "--json").json()
    assert result == compute()
    assert result["period"] == {"code": "2024H1", "start": "2024-01-01", "end": "2024-06-30"}
    assert result["enterprises"] == {"active": 6, "workers": 353, "stable_workers": 262}
    assert result["organizations"]["party"]["active"] == 3
    assert result["organizations"]["party"]["founded"] == 2
    assert result["members"]["party"]["admitted"] == 1
    assert {t["figure"] for t in result["targets"]} == {
        "organizations.party.founded",
        "union_coverage.rate",
    }
    for name in ("union_coverage", "candidates", "eligible_without_org", "funding"):
        assert name in result


def test_cutoff_ends_the_period_early(cli, district):
    result = cli("report", "--period", "2024H1", "--cutoff", "2024-04-30", "--json").json()
    assert result["period"]["end"] == "2024-04-30"
    assert result == compute(end=date(2024, 4, 30))
    assert result["organizations"]["party"]["founded"] == 1  # the May founding is later


def test_past_period_is_stable_after_later_edits(cli, district):
    before = cli("report", "--period", "2024H1", "--json").json()
    # Everything below is dated after the period.
    cli("enterprise", "update", AN, "--as-of", "2024-08-01", "--workers", "500")
    cli("enterprise", "close", DUNG, "--on", "2024-09-01")
    cli("org", "add", "--type", "union", "--enterprise", CUONG, "--founded", "2024-10-01")
    cli("member", "add", "--name", "Mới Vào", "--type", "party", "--enterprise", CUONG,
        "--joined", "2024-11-01", "--status", "probationary")  # fmt: skip
    after = cli("report", "--period", "2024H1", "--json").json()
    assert after == before
    assert cli("report", "--period", "2024", "--json").json() != before


def test_terminal_summary(cli, district):
    out = cli("report", "--period", "2024H1").stdout
    assert "6 tháng đầu năm 2024" in out
    assert "353" in out and "Công đoàn cơ sở".lower() in out.lower()
    assert AMP_NAME in out


def test_terminal_summary_in_english(cli, district):
    out = cli("--lang", "en", "report", "--period", "2024Q2").stdout
    assert "Q2 2024" in out and "Active enterprises" in out


def test_markdown(cli, district, tmp_path: Path):
    target = tmp_path / "bao-cao.md"
    result = cli("report", "--period", "2024H1", "--md", target)
    assert result.stdout.strip() == f"Đã ghi {target}"
    text = target.read_text(encoding="utf-8")
    assert text.startswith("# BÁO CÁO\n")
    assert "6 tháng đầu năm 2024" in text
    assert "| Doanh nghiệp đang hoạt động | 6 |" in text
    assert "| Tổng số lao động | 353 |" in text
    assert f"| {AMP}" in text and AMP_NAME in text
    assert "_(Đơn vị tự bổ sung.)_" in text


def test_notes_fill_shortcomings_and_directions(cli, district, tmp_path: Path):
    notes = tmp_path / "notes.md"
    notes.write_text(
        "# Hạn chế, khó khăn\n\nMột số doanh nghiệp **chưa** phối hợp.\nChủ DN ít quan tâm.\n\n"
        "- Thiếu cán bộ\n\n## Phương hướng, nhiệm vụ\n\n1. Tiếp tục khảo sát\n",
        encoding="utf-8",
    )
    target = tmp_path / "r.md"
    cli("report", "--period", "2024H1", "--md", target, "--notes", notes)
    text = target.read_text(encoding="utf-8")
    assert "Một số doanh nghiệp chưa phối hợp. Chủ DN ít quan tâm." in text
    assert "- Thiếu cán bộ" in text
    assert "- Tiếp tục khảo sát" in text


def test_parse_notes_without_headings_are_shortcomings():
    from dangdn_cli.reports import parse_notes

    assert parse_notes("Một.\n\nHai\nba.\n") == {
        "shortcomings": ["Một.", "Hai ba."],
        "directions": [],
    }
    assert parse_notes("# Directions\n* a\n* b") == {
        "shortcomings": [],
        "directions": ["- a", "- b"],
    }


def test_missing_notes_file_is_one_error(cli, tmp_path: Path):
    result = cli("report", "--period", "2024H1", "--notes", tmp_path / "none.md", expect=1)
    assert result.stderr.startswith("Giá trị không hợp lệ: không đọc được tệp ghi chú")
    assert len(result.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--period", "2024H3"],
            "Kỳ báo cáo không hợp lệ: 2024H3. Dùng một trong các dạng: 2024H1, 2024H2, 2024, "
            "2024Q1…2024Q4, 2024-05, 2024-01-01..2024-05-25, plan:83-KH/HU.",
        ),
        (
            ["--period", "2024H1", "--cutoff", "2024-07-01"],
            "Ngày chốt số liệu 01/07/2024 phải nằm trong kỳ báo cáo (01/01/2024 – 30/06/2024).",
        ),
        (["--period", "plan:99-KH/HU"], "Không tìm thấy kế hoạch có mã 99-KH/HU."),
        (["--period", "2024", "--plan", "99-KH/HU"], "Không tìm thấy kế hoạch có mã 99-KH/HU."),
        ([], "Kỳ báo cáo (--period) không được để trống."),
        (
            ["--period", "2024", "--cutoff", "32/1/2024"],
            "Ngày không hợp lệ: 32/1/2024 (dùng dạng 2024-05-25, 25/05/2024 hoặc 25/5/2024).",
        ),
    ],
)
def test_errors_are_one_line(cli, dump, args, message):
    before = dump()
    result = cli("report", *args, expect=1)
    assert result.stderr.strip() == message
    assert result.stdout == ""
    assert dump() == before


def test_plan_filter_keeps_that_plans_targets(cli, district):
    cli("plan", "add", "--code", "90-KH/HU", "--title", "Khác", "--start", "2024-01-01",
        "--end", "2024-12-31", "--target", "organizations.union.founded=2")  # fmt: skip
    every = cli("report", "--period", "2024H1", "--json").json()
    assert {t["plan"] for t in every["targets"]} == {"83-KH/HU", "90-KH/HU"}
    only = cli("report", "--period", "2024H1", "--plan", "90-KH/HU", "--json").json()
    assert {t["plan"] for t in only["targets"]} == {"90-KH/HU"}
    assert only["funding"] == []


def test_plan_review_compares_start_and_end(cli, district, tmp_path: Path):
    cli("plan", "add", "--code", "7-KH/HU", "--title", "Kế hoạch 2024", "--start", "2024-01-01",
        "--end", "2024-06-30")  # fmt: skip
    result = cli("report", "--period", "plan:7-KH/HU", "--json").json()
    assert result["period"]["code"] == "plan:7-KH/HU"
    assert result["period"]["label_vi"].startswith("thực hiện Kế hoạch 2024 (7-KH/HU)")
    review = result["review"]
    assert review["start_on"] == "2023-12-31" and review["end_on"] == "2024-06-30"
    rows = {r["figure"]: r for r in review["rows"]}
    party = rows["organizations.party.active"]
    assert (party["start"], party["end"], party["change"]) == (1, 3, 2)
    # Stocks reconcile with the flows of the window.
    flows = result["figures"]["organizations"]["party"]
    assert party["change"] == flows["founded"] - flows["dissolved"]
    assert rows["enterprises.active"]["change"] == 0
    assert "organizations.party.founded" not in rows  # a flow, not compared
    assert result["figures"] == compute("plan:7-KH/HU")
    md = tmp_path / "review.md"
    cli("report", "--period", "plan:7-KH/HU", "--md", md)
    text = md.read_text(encoding="utf-8")
    assert "Sơ kết: đầu kỳ và cuối kỳ" in text
    assert "| Tổ chức đảng đang hoạt động | 1 | 3 | +2 |" in text
    out = cli("report", "--period", "plan:7-KH/HU").stdout
    assert "Sơ kết" in out and "+2" in out


def test_running_plan_is_reviewed_as_of_today(cli, district):
    today = date.today()
    cli("plan", "add", "--code", "1-KH/HU", "--title", "Đang chạy", "--start", "2024-01-01",
        "--end", f"{today.year + 2}-12-31")  # fmt: skip
    result = cli("report", "--period", "plan:1-KH/HU", "--json").json()
    assert result["period"]["end"] == today.isoformat()
    assert result["review"]["end_on"] == today.isoformat()


def test_list_fields_documents_every_context_field(cli, district):
    from dangdn_cli.reports.fields import TEMPLATE_FIELDS

    out = cli("report", "--list-fields").stdout
    assert "n.enterprises.active" in out.replace("<tên số liệu>", "enterprises.active") or (
        "n.<tên số liệu>" in out
    )
    listed = cli("report", "--list-fields", "--json").json()
    names = {row["field"] for row in listed}
    assert len(listed) == len(TEMPLATE_FIELDS)
    from dangdn_cli import reports

    with db.session() as session:
        period = reports.resolve_period(session, "2024H1")
        context = reports.template_context(reports.collect(session, period))
    for key in context:
        documented = {n.split(".")[0].split("[")[0] for n in names}
        assert key in documented, key
    english = cli("--lang", "en", "report", "--list-fields", "--json").json()
    assert english[1]["meaning"] == "Subject line"


def test_demo_hook_writes_the_three_files(cli, district, tmp_path: Path):
    from docx import Document
    from openpyxl import load_workbook

    from dangdn_cli.demo import sample_reports

    with db.session() as session:
        assert sample_reports.latest_half_year(session) == "2024H1"
        paths = sample_reports.write_demo_reports(session, tmp_path / "demo")
    assert [p.name for p in paths] == ["bao-cao.docx", "phu-luc.xlsx", "bao-cao.md"]
    texts = [p.text for p in Document(str(paths[0])).paragraphs]
    assert texts[texts.index("BÁO CÁO") + 1].endswith("6 tháng đầu năm 2024")
    assert load_workbook(paths[1]).sheetnames[0] == "Theo xã, phường, KCN"
    assert "6 tháng đầu năm 2024" in paths[2].read_text(encoding="utf-8")


def test_terminal_lists_stop_at_twenty_rows(cli, district):
    from stdnum.vn import mst

    codes = [
        c for n in range(60) for c in (f"02000{n:04d}{d}" for d in range(10)) if mst.is_valid(c)
    ]
    for n, code in enumerate(codes[:25]):
        cli("enterprise", "add", "--tax-code", code, "--name", f"Công ty Số {n}", "--workers",
            "30", "--stable-workers", "25", "--founded", "2019-01-01")  # fmt: skip
    out = cli("report", "--period", "2024H1").stdout
    assert "… và 9 dòng khác" in out  # 4 + 25 union-eligible, 20 shown
