"""The installed command in a real process: help, an error, a write."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path


def dangdn(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    program = shutil.which("dangdn")
    command = [program] if program else [sys.executable, "-m", "dangdn_cli"]
    return subprocess.run(
        [*command, *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**os.environ, "COLUMNS": "100", **(env or {})},
        timeout=60,
    )


def test_help_lists_the_commands_in_vietnamese():
    result = dangdn("--help")
    assert result.returncode == 0, result.stderr
    for command in ("init", "demo", "db", "profile", "enterprise", "org", "member", "person",
                    "candidate", "log"):  # fmt: skip
        assert f" {command} " in result.stdout
    assert "Sổ đăng ký xây dựng tổ chức đảng" in result.stdout


def test_enterprise_add_help_lists_every_option():
    result = dangdn("enterprise", "add", "--help")
    assert result.returncode == 0, result.stderr
    for option in ("--tax-code", "--name", "--sector", "--address", "--commune", "--district",
                   "--province", "--zone", "--founded", "--owner", "--workers",
                   "--stable-workers", "--female-workers", "--young-workers", "--unstable",
                   "--law-violation", "--as-of", "--json"):  # fmt: skip
        assert option in result.stdout, option
    assert "Mã số thuế" in result.stdout


def test_an_error_is_one_line_on_stderr_with_exit_code_1(tmp_path: Path):
    env = {"DANGDN_DB": str(tmp_path / "r.db")}
    result = dangdn("enterprise", "add", "--tax-code", "0100109107", "--name", "X", env=env)
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr == "Mã số thuế không hợp lệ: 0100109107 (sai chữ số kiểm tra).\n"


def test_a_write_prints_the_record(tmp_path: Path):
    env = {"DANGDN_DB": str(tmp_path / "r.db"), "DANGDN_LANG": "en"}
    added = dangdn("enterprise", "add", "--tax-code", "0100109106", "--name", "Công ty An",
                   "--workers", "10955", env=env)  # fmt: skip
    assert added.returncode == 0, added.stderr
    assert "Công ty An" in added.stdout and "10,955" in added.stdout
    assert "Added enterprise 0100109106." in added.stdout
