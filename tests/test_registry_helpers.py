"""Shared helpers of the registry tests (no tests here).

``fast_cli`` builds the click command once per session (Typer rebuilds it on
every ``CliRunner.invoke`` otherwise, which costs more than the command)."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import typer
import typer.testing

from dangdn_cli import db
from dangdn_cli.cli import app

# Valid tax codes (check digits computed with stdnum.vn.mst.calc_check_digit).
A = "0100109106"
B = "0100007915"
C = "0100015835"
D = "0100023755"
E = "0100031675"
UNREGISTERED = "0100039593"

_COMMAND: list[Any] = []


@pytest.fixture(autouse=True)
def fast_cli(monkeypatch: pytest.MonkeyPatch) -> None:
    """Reuse one click command for every invocation in this session."""
    if not _COMMAND:
        _COMMAND.append(typer.main.get_command(app))
    monkeypatch.setattr(typer.testing, "_get_command", lambda _app: _COMMAND[0])


def checkpoint(path: Path) -> None:
    """Fold the WAL into the file so that a plain copy holds everything."""
    db.dispose_all()
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def build_registry(path: Path, template: Path, commands: list[list[str]]) -> Path:
    """A registry at ``path`` made from the migrated ``template`` and commands
    (run with ``--db``, so the test's own DANGDN_DB is not touched)."""
    shutil.copy(template, path)
    runner = typer.testing.CliRunner()
    if not _COMMAND:
        _COMMAND.append(typer.main.get_command(app))
    original = typer.testing._get_command
    typer.testing._get_command = lambda _app: _COMMAND[0]  # type: ignore[assignment]
    try:
        for args in commands:
            result = runner.invoke(app, ["--db", str(path), *args])
            assert result.exit_code == 0, (args, result.output)
    finally:
        typer.testing._get_command = original
        db.set_db_option(None)
        from dangdn_cli import i18n

        i18n.set_lang(None)
    checkpoint(path)
    return path


def use_registry(registry: Path, source: Path) -> None:
    """Replace the test's registry by a prepared one."""
    db.dispose_all()
    for suffix in ("-wal", "-shm"):
        Path(f"{registry}{suffix}").unlink(missing_ok=True)
    shutil.copy(source, registry)


def rows_by(rows: list[dict[str, Any]], key: str) -> dict[Any, dict[str, Any]]:
    return {row[key]: row for row in rows}


def query(registry: Path, sql: str, *params: Any) -> list[tuple[Any, ...]]:
    db.dispose_all()
    with sqlite3.connect(registry) as conn:
        return list(conn.execute(sql, params))


Cli = Callable[..., Any]
__all__ = ["UNREGISTERED", "A", "B", "C", "Cli", "D", "E", "Iterator"]
