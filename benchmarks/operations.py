"""What benchmarks/run.py measures: each operation as whole processes, its
raw reference beside it, its target, and the check that both answered alike.

A process is timed with ``os.wait4`` by a bare Python launcher: CPU seconds
(user + system) and peak RSS of that process alone, and wall seconds around
it. stdout goes to a file, so a million-row answer costs the harness nothing
until a check reads it.
"""

from __future__ import annotations

import shlex
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from checks import (
    Check,
    json_array,
    office_file,
    rows_with,
    same_eligible,
    same_figures,
    same_tables,
)

HERE = Path(__file__).resolve().parent
REFERENCES = HERE / "references.py"
ORG_TYPES = ("party", "union", "youth", "women", "veterans")
PERIOD, START, END = "2024H1", "2024-01-01", "2024-06-30"
AS_OF = END  # synth.AS_OF
LOOKUP_SLACK = 0.2  # look-ups may take start-up + this many CPU seconds


class Failed(Exception):
    """A command failed or answered differently from its reference."""


@dataclass
class Sample:
    cpu: float
    wall: float
    mib: float


# Forks and waits for the command, from a Python started bare (-I -S, about
# 8 MiB): a child's peak RSS starts from its parent's RSS at the fork, so the
# harness, grown by what it loaded and checked, must not be that parent.
_LAUNCHER = """
import os, sys, time
began = time.perf_counter()
pid = os.fork()
if pid == 0:
    try:
        os.execvp(sys.argv[2], sys.argv[2:])
    finally:
        os._exit(127)
_pid, status, usage = os.wait4(pid, 0)
wall = time.perf_counter() - began
with open(sys.argv[1], "w") as out:
    out.write(f"{usage.ru_utime + usage.ru_stime} {wall} {usage.ru_maxrss}")
sys.exit(os.waitstatus_to_exitcode(status) & 0xFF)
"""


def run_process(argv: list[str], env: dict[str, str], stdout: Path) -> Sample:
    """Run once, timed by _LAUNCHER; raise Failed with its stderr unless it exits 0."""
    usage = stdout.with_name(stdout.name + ".usage")
    launcher = [sys.executable, "-I", "-S", "-c", _LAUNCHER, str(usage), *argv]
    with open(stdout, "wb") as out, tempfile.TemporaryFile() as err:
        code = subprocess.run(launcher, stdout=out, stderr=err, env=env, check=False).returncode
        if code != 0:
            err.seek(0)
            tail = err.read().decode("utf-8", "replace").strip().splitlines()[-5:]
            raise Failed(f"exit {code}: {shlex.join(argv)}\n  " + "\n  ".join(tail))
    cpu, wall, maxrss = usage.read_text().split()
    usage.unlink()
    # ru_maxrss is in KiB on Linux (bytes on macOS).
    divisor = 2**20 if sys.platform == "darwin" else 1024
    return Sample(float(cpu), float(wall), int(maxrss) / divisor)


@dataclass
class Target:
    """What an operation must meet; every limit given applies."""

    ratio: float | None = None  # CPU seconds / reference's
    seconds: float | None = None  # CPU seconds
    mib: float | None = None  # peak RSS (or the file's size)
    startup: bool = False  # CPU seconds <= start-up + LOOKUP_SLACK

    def text(self) -> str:
        parts = []
        if self.startup:
            parts.append(f"≤ start-up + {LOOKUP_SLACK} s")
        if self.seconds is not None:
            parts.append(f"≤ {self.seconds:g} s")
        if self.ratio is not None:
            parts.append(f"ratio ≤ {self.ratio:g}")
        if self.mib is not None:
            parts.append(f"≤ {self.mib:g} MiB")
        return ", ".join(parts) or "—"


@dataclass
class Op:
    """One row of the table."""

    name: str
    size: str
    args: list[str] | None  # dangdn's arguments; None: not a command (the file size)
    registry: Path | None
    target: Target = field(default_factory=Target)
    reference: list[str] | None = None  # a whole process
    reference_answers: bool = False  # it prints an answer the check compares
    check: Check | None = None
    before: Callable[[], None] | None = None  # before each product run
    before_reference: Callable[[], None] | None = None
    startup_base: bool = False  # its CPU median is the look-ups' start-up
    # Results
    samples: list[Sample] = field(default_factory=list)
    reference_samples: list[Sample] = field(default_factory=list)
    reference_value: float | None = None
    mib_value: float | None = None
    error: str | None = None

    @property
    def cpu(self) -> float | None:
        return statistics.median(s.cpu for s in self.samples) if self.samples else None

    @property
    def wall(self) -> float | None:
        return statistics.median(s.wall for s in self.samples) if self.samples else None

    @property
    def mib(self) -> float | None:
        if self.mib_value is not None:
            return self.mib_value
        return max(s.mib for s in self.samples) if self.samples else None

    @property
    def ratio(self) -> float | None:
        if self.cpu is None or not self.reference_value:
            return None
        return self.cpu / self.reference_value

    def met(self) -> bool | None:
        """True or False against the target; None when there is none."""
        t = self.target
        if self.error:
            return False
        checks: list[bool] = []
        if t.ratio is not None or t.startup:
            limit = t.ratio if t.ratio is not None else 1.0
            checks.append(self.ratio is not None and self.ratio <= limit)
        if t.seconds is not None:
            checks.append(self.cpu is not None and self.cpu <= t.seconds)
        if t.mib is not None:
            checks.append(self.mib is not None and self.mib <= t.mib)
        return all(checks) if checks else None


def fresh(template: Path, path: Path) -> Callable[[], None]:
    def reset() -> None:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        shutil.copy(template, path)

    return reset


# -- the operations -------------------------------------------------------------------


def lookup_targets(registry: Path) -> dict[str, Any]:
    """A tax code with members still employed there, its name's number, and the
    newest person: synth names them "… Số <id>" and "Nguyễn Văn <id>", and the
    highest ids match only themselves as a search."""
    with sqlite3.connect(f"file:{registry}?mode=ro", uri=True) as conn:
        enterprise = conn.execute(
            "SELECT j.enterprise_id FROM employment j JOIN membership m"
            " ON m.person_id = j.person_id WHERE j.end_on IS NULL AND m.left_on IS NULL"
            " ORDER BY j.enterprise_id DESC LIMIT 1"
        ).fetchone()[0]
        (tax_code,) = conn.execute(
            "SELECT tax_code FROM enterprise WHERE id = ?", (enterprise,)
        ).fetchone()
        (person,) = conn.execute("SELECT MAX(id) FROM person").fetchone()
        (count,) = conn.execute("SELECT COUNT(*) FROM enterprise").fetchone()
    return {"id": enterprise, "tax_code": tax_code, "person": person, "enterprises": count}


def operations(
    *, registry: Path, district: Path, rows: int, sheet: Path, empty: Path, work: Path
) -> list[Op]:
    """Every row of the table for one scale, in the order it is measured."""
    python = sys.executable
    found = lookup_targets(registry)
    small = lookup_targets(district)
    size = f"{found['enterprises']:,}"
    code = found["tax_code"]
    import_typer = [python, "-c", "import typer"]
    ref = [python, str(REFERENCES)]
    docx, xlsx = work / "report.docx", work / "report.xlsx"

    def remove(path: Path) -> Callable[[], None]:
        return lambda: path.unlink(missing_ok=True)

    ops = [
        Op("dangdn --version", "—", ["--version"], registry, startup_base=True),
        Op("dangdn --help", "—", ["--help"], registry, Target(ratio=1.5), import_typer),
        Op(
            "enterprise list --json",
            f"{small['enterprises']:,}",
            ["enterprise", "list", "--json"],
            district,
            Target(ratio=3),
            import_typer,
            check=rows_with(
                "tax_code", small["tax_code"], small["enterprises"], small["enterprises"]
            ),
        ),
        Op(
            f"report --period {PERIOD} --json",
            size,
            ["report", "--period", PERIOD, "--json"],
            registry,
            Target(ratio=3, seconds=10),
            [*ref, "report", str(registry), START, END, PERIOD],
            True,
            same_figures,
        ),
        Op(
            f"report --period {PERIOD} --docx F",
            size,
            ["report", "--period", PERIOD, "--docx", str(docx)],
            registry,
            Target(seconds=3),
            check=office_file(docx),
            before=remove(docx),
        ),
        Op(
            f"report --period {PERIOD} --xlsx F",
            size,
            ["report", "--period", PERIOD, "--xlsx", str(xlsx)],
            registry,
            Target(seconds=3),
            check=office_file(xlsx),
            before=remove(xlsx),
        ),
    ]
    for kind in ORG_TYPES:
        ops.append(
            Op(
                f"eligible --type {kind} --json",
                size,
                ["eligible", "--type", kind, "--as-of", AS_OF, "--json"],
                registry,
                Target(ratio=2),
                [*ref, "eligible", str(registry), kind, AS_OF],
                True,
                same_eligible,
            )
        )
    for flag in ("--explain", "--near", "--forecast"):
        ops.append(
            Op(
                f"eligible --type party {flag} --json",
                size,
                ["eligible", "--type", "party", flag, "--as-of", AS_OF, "--json"],
                registry,
                Target(mib=300),
                check=json_array,
            )
        )
    lookups = [
        ("enterprise show MST", ["enterprise", "show", code, "--json"], "tax_code", code, False),
        (
            "enterprise list --search TEXT",
            ["enterprise", "list", "--search", f"Số {found['id']}", "--json"],
            "tax_code",
            code,
            False,
        ),
        (
            "member list --enterprise MST",
            ["member", "list", "--enterprise", code, "--json"],
            "enterprise",
            code,
            True,
        ),
        (
            "person list --search TEXT",
            ["person", "list", "--search", f"Nguyễn Văn {found['person']}", "--json"],
            "id",
            found["person"],
            False,
        ),
    ]
    for name, args, key, value, every in lookups:
        check = rows_with(key, value, 1, 20, every)
        ops.append(Op(name, size, args, registry, Target(startup=True), check=check))
    mine_db, ref_db = work / "import-dangdn.db", work / "import-reference.db"
    ops.append(
        Op(
            "import enterprises FILE.csv",
            f"{rows:,}",
            ["import", "enterprises", str(sheet)],
            mine_db,
            Target(ratio=2, mib=400),
            [*ref, "import", str(ref_db), str(sheet)],
            True,
            same_tables(mine_db, ref_db, rows),
            before=fresh(empty, mine_db),
            before_reference=fresh(empty, ref_db),
        )
    )
    registry_mib = sum(
        Path(f"{registry}{s}").stat().st_size
        for s in ("", "-wal")
        if Path(f"{registry}{s}").exists()
    )
    ops.append(
        Op("registry file size", size, None, None, Target(mib=900), mib_value=registry_mib / 2**20)
    )
    return ops


def measure(
    op: Op,
    dangdn: list[str],
    env: dict[str, str],
    work: Path,
    runs: int,
    timing: bool,
) -> None:
    """Run ``op`` (and its reference, interleaved) ``runs`` times and check the last
    answers. Without ``timing`` a reference with no answer to check is skipped."""
    if op.args is None:
        return
    run_env = {**env, "DANGDN_DB": str(op.registry)}
    slug = "".join(c if c.isalnum() else "-" for c in op.name)  # several may run at once
    mine, theirs = work / f"{slug}.dangdn", work / f"{slug}.reference"
    reference = op.reference if (timing or op.reference_answers) else None
    try:
        for _ in range(runs):
            if op.before:
                op.before()
            op.samples.append(run_process([*dangdn, *op.args], run_env, mine))
            if reference:
                if op.before_reference:
                    op.before_reference()
                op.reference_samples.append(run_process(reference, env, theirs))
        if op.reference_samples:
            op.reference_value = statistics.median(s.cpu for s in op.reference_samples)
        if op.check:
            try:
                problem = op.check(mine, theirs if op.reference_answers else None)
            except (ValueError, KeyError, TypeError, AttributeError, sqlite3.Error) as exc:
                problem = f"unreadable ({type(exc).__name__}: {exc})"
            if problem:
                raise Failed(f"{op.name}: wrong answer: {problem}")
    except Failed as exc:
        op.error = str(exc)
    finally:
        for path in (mine, theirs):
            path.unlink(missing_ok=True)
