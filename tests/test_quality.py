"""The project's own checks run with the suite, so CI keeps them clean:
ruff (lint and format) and mypy."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)


@pytest.mark.skipif(shutil.which("ruff") is None, reason="ruff is not installed")
def test_ruff_lint_and_format() -> None:
    lint = _run("ruff", "check", "src", "tests", "benchmarks", "examples", "templates")
    assert lint.returncode == 0, lint.stdout + lint.stderr
    layout = _run(
        "ruff", "format", "--check", "src", "tests", "benchmarks", "examples", "templates"
    )
    assert layout.returncode == 0, layout.stdout + layout.stderr


def test_mypy() -> None:
    pytest.importorskip("mypy")
    typed = _run(sys.executable, "-m", "mypy", "src")
    assert typed.returncode == 0, typed.stdout + typed.stderr
