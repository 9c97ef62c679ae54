"""benchmarks/run.py at district scale as a correctness test: every command of
the benchmark runs once as a real process, and its answers (report figures,
eligible rows, rows imported) must equal the raw SQL references'. Nothing is
timed here."""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

import dangdn_cli

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.skipif(not hasattr(os, "wait4"), reason="the harness times with os.wait4")
def test_district_answers_equal_the_references(tmp_path: Path) -> None:
    # The dangdn_cli these tests import, run as `python -m dangdn_cli`.
    src = str(Path(dangdn_cli.__file__).resolve().parents[1])
    path = os.pathsep.join(p for p in (src, os.environ.get("PYTHONPATH")) if p)
    command = f"{shlex.quote(sys.executable)} -m dangdn_cli"
    result = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "run.py"), "--scale", "district",
         "--runs", "1", "--no-timing", "--cache", str(tmp_path), "--dangdn", command],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**os.environ, "PYTHONPATH": path},
        timeout=300,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-4000:]
    assert "operations answered right" in result.stderr
    assert "FAILED" not in result.stderr
