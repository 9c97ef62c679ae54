"""Portability: the fictional district loaded into PostgreSQL gives the same
answers as on SQLite — figures, eligibility, plan progress, listings — and a
failed write leaves the server registry unchanged.

Runs where ``DANGDN_TEST_POSTGRES_URL`` names a server (``.ci/run`` starts a
throwaway one with ``.ci/postgres``); skipped elsewhere."""

from __future__ import annotations

import json
import os
import uuid
from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest

from dangdn_cli import db
from dangdn_cli.vocabulary import ORG_TYPES

SERVER = os.environ.get("DANGDN_TEST_POSTGRES_URL")
pytestmark = pytest.mark.skipif(
    not SERVER, reason="no PostgreSQL: set DANGDN_TEST_POSTGRES_URL (bash .ci/postgres starts one)"
)
ON = date(2024, 6, 30)


@pytest.fixture(scope="module")
def pg_url() -> Iterator[str]:
    """A fresh database on the server, dropped afterwards."""
    import sqlalchemy as sa

    assert SERVER
    name = f"dangdn_test_{uuid.uuid4().hex[:12]}"
    admin = sa.create_engine(SERVER, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    url = sa.engine.make_url(SERVER).set(database=name).render_as_string(hide_password=False)
    try:
        yield url
    finally:
        db.dispose_all()
        with admin.connect() as conn:
            conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def _load_district(where: str) -> None:
    from dangdn_cli.demo import build as demo

    db.set_db_option(where)
    try:
        db.upgrade()
        with db.session(write=True) as session:
            demo.load(session, demo.examples_dir())
    finally:
        db.set_db_option(None)


def _answers(where: str) -> dict[str, Any]:
    from dangdn_cli.analysis import breakdown, eligibility, progress, report_figures
    from dangdn_cli.registry import enterprises, organizations

    db.set_db_option(where)
    try:
        with db.session() as s:
            return json.loads(
                json.dumps(
                    {
                        "figures": report_figures.compute(s, date(2024, 1, 1), ON, "2024H1"),
                        "year": report_figures.compute(
                            s, date(2023, 1, 1), date(2023, 12, 31), "2023"
                        ),
                        "breakdown": breakdown.breakdown(s, ON, by="commune"),
                        "eligible": {
                            t: eligibility.evaluate(s, t, ON, explain=True) for t in ORG_TYPES
                        },
                        "near": eligibility.near(s, "party", ON),
                        "forecast": eligibility.forecast(s, "party", ON),
                        "plan": progress.progress(s, "83-KH/HU", ON),
                        "search": enterprises.list_(s, ON, search="nguyen"),
                        "orgs": organizations.list_(s, None, ON),
                    },
                    default=str,
                    sort_keys=True,
                )
            )
    finally:
        db.set_db_option(None)
        db.dispose_all()


@pytest.fixture(scope="module")
def both(pg_url: str, tmp_path_factory: pytest.TempPathFactory) -> tuple[dict, dict]:  # type: ignore[type-arg]
    sqlite = str(tmp_path_factory.mktemp("sqlite") / "district.db")
    _load_district(sqlite)
    _load_district(pg_url)
    return _answers(sqlite), _answers(pg_url)


@pytest.mark.parametrize(
    "part",
    ["figures", "year", "breakdown", "eligible", "near", "forecast", "plan", "search", "orgs"],
)
def test_same_answers_on_postgresql(both: tuple[dict, dict], part: str) -> None:  # type: ignore[type-arg]
    on_sqlite, on_postgres = both
    assert on_postgres[part] == on_sqlite[part]


def test_the_answers_are_not_empty(both: tuple[dict, dict]) -> None:  # type: ignore[type-arg]
    on_sqlite, _ = both
    assert on_sqlite["figures"]["enterprises"]["active"] > 40
    assert any(row["eligible"] for row in on_sqlite["eligible"]["union"])


def test_commands_and_errors_on_postgresql(cli: Any, pg_url: str) -> None:
    import sqlalchemy as sa

    def count() -> int:
        engine = sa.create_engine(pg_url)
        with engine.connect() as conn:
            n = conn.execute(sa.text("SELECT count(*) FROM audit_log")).scalar_one()
        engine.dispose()
        return int(n)

    before = count()
    bad = cli(
        "--db", pg_url, "enterprise", "add", "--tax-code", "0100109107", "--name", "X", expect=1
    )
    assert bad.stderr.strip() == "Mã số thuế không hợp lệ: 0100109107 (sai chữ số kiểm tra)."
    unknown = (
        "org",
        "add",
        "--type",
        "party",
        "--enterprise",
        "0100109106",
        "--founded",
        "1/1/2024",
    )
    missing = cli("--db", pg_url, *unknown, expect=1)
    assert missing.stderr.strip() == "Không tìm thấy doanh nghiệp có mã số thuế 0100109106."
    assert count() == before
    new = ("--tax-code", "0100109106", "--name", "Công ty Nguyễn Thử", "--workers", "30")
    added = cli("--db", pg_url, "enterprise", "add", *new, "--json").json()
    assert added["tax_code"] == "0100109106"
    found = cli("--db", pg_url, "enterprise", "list", "--search", "NGUYEN thu", "--json").json()
    assert [row["tax_code"] for row in found] == ["0100109106"]
    assert count() == before + 1
    assert cli("--db", pg_url, "db", "path").stdout.strip().startswith("postgresql+psycopg://")


@pytest.fixture
def empty_pg() -> Iterator[str]:
    """Another fresh database, for an import from nothing."""
    import sqlalchemy as sa

    assert SERVER
    name = f"dangdn_import_{uuid.uuid4().hex[:12]}"
    admin = sa.create_engine(SERVER, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    try:
        yield sa.engine.make_url(SERVER).set(database=name).render_as_string(hide_password=False)
    finally:
        db.dispose_all()
        with admin.connect() as conn:
            conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def test_export_from_sqlite_import_into_postgresql_round_trip(
    cli: Any, empty_pg: str, tmp_path: Any
) -> None:
    """The district exported from SQLite imports into an empty PostgreSQL
    registry (organisation ids kept, so the sequence is moved past them) and
    exports back to the same files."""
    sqlite = str(tmp_path / "district.db")
    _load_district(sqlite)
    for kind in ("enterprises", "orgs", "members"):
        cli("--db", sqlite, "export", kind, str(tmp_path / f"{kind}.csv"), "--reveal")
    for kind in ("enterprises", "orgs", "members"):
        cli("--db", empty_pg, "import", kind, str(tmp_path / f"{kind}.csv"))
    for kind in ("enterprises", "orgs", "members"):
        again = tmp_path / f"{kind}-again.csv"
        cli("--db", empty_pg, "export", kind, str(again), "--reveal")
        assert again.read_bytes() == (tmp_path / f"{kind}.csv").read_bytes(), kind
    # A new organisation after the import gets a fresh id, not a clash.
    ids = [org["id"] for org in cli("--db", empty_pg, "org", "list", "--all", "--json").json()]
    free = cli("--db", empty_pg, "enterprise", "list", "--without", "women", "--json").json()
    new = cli("--db", empty_pg, "org", "add", "--type", "women", "--enterprise",
              free[0]["tax_code"], "--founded", "01/01/2025", "--json").json()  # fmt: skip
    assert new["id"] > max(ids)
