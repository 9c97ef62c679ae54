"""Error messages are class attributes, not docstrings: under ``python -OO``
(which strips docstrings) a command prints the same Vietnamese line."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src"


def run(*args: str, db: Path, optimise: bool = False) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "DANGDN_LANG"}
    path = os.pathsep.join(p for p in (str(SRC), env.get("PYTHONPATH")) if p)
    env.update(DANGDN_DB=str(db), PYTHONPATH=path, PYTHONIOENCODING="utf-8", COLUMNS="100")
    flags = ["-OO"] if optimise else []
    return subprocess.run(
        [sys.executable, *flags, "-m", "dangdn_cli", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=120,
    )


@pytest.fixture(scope="module")
def fresh_registry(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("oo") / "registry.db"
    created = run("init", db=db)
    assert created.returncode == 0, created.stderr
    return db


@pytest.mark.parametrize(
    ("tax_code", "line"),
    [
        (
            "0000000000",
            "Mã số thuế không hợp lệ: 0000000000 (chữ số thứ 3 đến 9 không được đều là 0).",
        ),
        ("0100109106", "Không tìm thấy doanh nghiệp có mã số thuế 0100109106."),
    ],
)
def test_an_error_reads_the_same_under_python_OO(fresh_registry: Path, tax_code: str, line: str):
    for optimise in (False, True):
        result = run("enterprise", "show", tax_code, db=fresh_registry, optimise=optimise)
        assert (result.returncode, result.stdout, result.stderr) == (1, "", line + "\n"), optimise
