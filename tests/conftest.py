"""Every test gets its own registry in tmp_path (DANGDN_DB), copied from one
migrated once per session, so no test touches a real registry."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from dangdn_cli import db, i18n
from dangdn_cli.cli import app


@pytest.fixture(scope="session")
def migrated_registry(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "registry.db"
    db.upgrade(db.url_for(str(path)))
    db.dispose_all()
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path


@pytest.fixture(autouse=True)
def registry(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, migrated_registry: Path
) -> Iterator[Path]:
    path = tmp_path / "registry.db"
    shutil.copy(migrated_registry, path)
    monkeypatch.setenv("DANGDN_DB", str(path))
    monkeypatch.delenv("DANGDN_LANG", raising=False)
    db.set_db_option(None)
    i18n.set_lang(None)
    yield path
    db.dispose_all()
    db.set_db_option(None)
    i18n.set_lang(None)


class Result:
    def __init__(self, exit_code: int, stdout: str, stderr: str) -> None:
        self.exit_code = exit_code
        self.stdout = stdout
        self.stderr = stderr
        self.output = stdout + stderr

    def json(self) -> Any:
        import json

        return json.loads(self.stdout)


@pytest.fixture(scope="session", autouse=True)
def _command_tree_once() -> Iterator[None]:
    """Build the Click command tree once: Typer rebuilds it on every invoke
    (about 0.3 s a call), which dominated the suite's time."""
    import typer.testing

    built = typer.testing._get_command(app)
    original = typer.testing._get_command

    def cached(typer_app: typer.Typer) -> Any:
        return built if typer_app is app else original(typer_app)

    typer.testing._get_command = cached
    yield
    typer.testing._get_command = original


@pytest.fixture
def cli() -> Callable[..., Result]:
    """Run dangdn in-process: cli("enterprise", "list", "--json")."""
    runner = CliRunner()

    def run(*args: str, expect: int | None = 0) -> Result:
        raw = runner.invoke(app, [str(a) for a in args], catch_exceptions=False)
        result = Result(raw.exit_code, raw.stdout, raw.stderr)
        i18n.set_lang(None)
        db.set_db_option(None)
        if expect is not None:
            assert result.exit_code == expect, result.output
        return result

    return run


@pytest.fixture
def dump(registry: Path) -> Callable[[], list[str]]:
    """The registry's full SQL dump, to show a failed command changed nothing."""

    def take() -> list[str]:
        db.dispose_all()
        with sqlite3.connect(registry) as conn:
            return list(conn.iterdump())

    return take
