"""Measure dangdn against raw references at one scale, and check its answers.

    python benchmarks/run.py --scale district|province|national [--runs N] [--cache DIR]
        [--dangdn CMD] [--markdown] [--check-targets] [--no-timing [--jobs N]] [--only TEXT]

Every operation runs as a whole process (``dangdn …`` as a user types it) and
beside it, in the same run and on the same file, a raw reference written on
the standard library (benchmarks/references.py, or ``python -c "import
typer"`` for start-up), interleaved. It prints one table: CPU seconds (user +
system, median of the runs), wall seconds (median), the reference's CPU
seconds, the ratio, peak RSS in MiB (the largest of the runs), the target and
whether it is met. The answers must equal the references' (report figures,
eligible rows, rows imported per table): a wrong answer fails the run (exit 1)
whatever the timing. ``--check-targets`` exits 3 when a target is not met.

Registries come from synth.generate (1,000 / 100,000 / 1,000,000 enterprises,
seed 33) and are kept in --cache (default ~/.cache/dangdn-bench), rebuilt when
missing or when synth.VERSION or the schema's newest migration changes.

``--dangdn`` is the command to measure (default: ``dangdn`` on PATH); a leading
``python`` is this interpreter, so ``--dangdn "python -m dangdn_cli"`` with
``PYTHONPATH=src`` measures a work tree without installing it. The harness
imports only dangdn_cli.db (for migrations) and synth, which imports
dangdn_cli.models and dangdn_cli.i18n. Needs Linux or macOS (os.wait4).
"""

from __future__ import annotations

import argparse
import hashlib
import inspect
import json
import os
import platform
import shlex
import shutil
import sqlite3
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import operations as ops_module  # noqa: E402
from operations import Op  # noqa: E402

SCALES = {"district": 1_000, "province": 100_000, "national": 1_000_000}
SEED = 33


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


# -- the cache ----------------------------------------------------------------------


def _stamped(path: Path, stamp: dict[str, object], build) -> Path:  # type: ignore[no-untyped-def]
    """``path``, built by ``build(path)`` unless its stamp file says it is current."""
    stamp_file = path.with_suffix(path.suffix + ".json")
    if path.exists() and stamp_file.exists():
        try:
            if json.loads(stamp_file.read_text()) == stamp:
                return path
        except ValueError:
            pass
    stamp_file.unlink(missing_ok=True)
    began = time.perf_counter()
    log(f"building {path} …")
    build(path)
    stamp_file.write_text(json.dumps(stamp))
    log(f"  built in {time.perf_counter() - began:.1f} s")
    return path


def _checkpoint(path: Path) -> None:
    """Fold the write-ahead log into the file, so its size is the registry's."""
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def registry(cache: Path, scale: str) -> Path:
    import synth

    from dangdn_cli import db

    def build(path: Path) -> None:
        synth.generate(path, SCALES[scale], seed=SEED)
        db.dispose_all()
        _checkpoint(path)

    stamp = {
        "synth": synth.VERSION,
        "schema": db.head_revision(),
        "enterprises": SCALES[scale],
        "seed": SEED,
    }
    return _stamped(cache / f"{scale}.db", stamp, build)


def empty_registry(cache: Path) -> Path:
    from dangdn_cli import db

    def build(path: Path) -> None:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        db.upgrade(db.url_for(str(path)))
        db.dispose_all()
        _checkpoint(path)

    return _stamped(cache / "empty.db", {"schema": db.head_revision()}, build)


def import_sheet(cache: Path, rows: int) -> Path:
    """bench_import.py's enterprises sheet of ``rows`` rows, as CSV."""
    import bench_import

    source = inspect.getsource(bench_import.rows) + inspect.getsource(bench_import.write_csv)
    stamp = {"rows": rows, "source": hashlib.sha256(source.encode()).hexdigest()[:16]}
    return _stamped(
        cache / f"import-{rows}.csv",
        stamp,
        lambda path: bench_import.write_csv(path, bench_import.rows(rows)),
    )


def warm(path: Path) -> None:
    """Read the registry once so no operation pays for a cold page cache alone."""
    with open(path, "rb") as handle:
        while handle.read(1 << 22):
            pass


# -- the table -----------------------------------------------------------------------

COLUMNS = ("operation", "size", "seconds", "wall", "reference", "ratio", "MiB", "target", "met")


def _num(value: float | None, unit: str = "") -> str:
    if value is None:
        return ""
    if value >= 100:
        return f"{value:,.0f}{unit}"
    return f"{value:.2f}{unit}" if value >= 1 else f"{value:.3f}{unit}"


def cells(op: Op) -> list[str]:
    met = op.met()
    if op.error:
        verdict = "WRONG" if "wrong answer" in op.error else "FAILED"
    else:
        verdict = {True: "yes", False: "no", None: "—"}[met]
    return [
        f"`{op.name}`" if op.args is not None else op.name,
        op.size,
        _num(op.cpu),
        _num(op.wall),
        _num(op.reference_value),
        f"{op.ratio:.2f}" if op.ratio is not None else "",
        "" if op.mib is None else f"{op.mib:.1f}" if op.mib < 10 else f"{op.mib:,.0f}",
        op.target.text(),
        verdict,
    ]


def markdown(rows: list[list[str]]) -> str:
    right = {"seconds", "wall", "reference", "ratio", "MiB", "size"}
    lines = [
        "| " + " | ".join(COLUMNS) + " |",
        "|" + "|".join("---:" if c in right else "---" for c in COLUMNS) + "|",
    ]
    lines += ["| " + " | ".join(r) + " |" for r in rows]
    return "\n".join(lines)


def show(rows: list[list[str]], caption: str, to_stderr: bool) -> None:
    try:
        from rich.console import Console
        from rich.table import Table
    except ImportError:
        widths = [max(len(c), *(len(r[i]) for r in rows)) for i, c in enumerate(COLUMNS)]
        out = sys.stderr if to_stderr else sys.stdout
        print(caption, file=out)
        for line in [list(COLUMNS), *rows]:
            print("  ".join(v.ljust(w) for v, w in zip(line, widths, strict=True)), file=out)
        return
    table = Table(title=caption, title_justify="left")
    for column in COLUMNS:
        table.add_column(column, justify="right" if column in ("seconds", "ratio") else "left")
    for row in rows:
        table.add_row(*(v.strip("`") for v in row))
    Console(stderr=to_stderr, width=max(160, shutil.get_terminal_size().columns)).print(table)


# -- main ---------------------------------------------------------------------------------


def command(text: str | None) -> list[str]:
    words = shlex.split(text) if text else [shutil.which("dangdn") or ""]
    if not words[0]:
        raise SystemExit("no dangdn on PATH: pass --dangdn 'python -m dangdn_cli'")
    if words[0] in ("python", "python3"):
        words[0] = sys.executable
    return words


def report_progress(op: Op, timed: bool) -> None:
    timing = ""
    if timed and op.cpu is not None and op.mib is not None:
        timing = f"  {_num(op.cpu)} s CPU, {_num(op.wall)} s wall, {op.mib:.0f} MiB"
        if op.reference_value is not None:
            timing += f"; reference {_num(op.reference_value)} s"
    log(f"{'FAILED' if op.error else 'ok':>6}  {op.name}{timing}")
    if op.error:
        log(f"        {op.error}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", choices=SCALES, default="district")
    parser.add_argument("--runs", type=int, help="runs per operation (5; 3 at national)")
    parser.add_argument("--cache", type=Path, default=Path.home() / ".cache" / "dangdn-bench")
    parser.add_argument("--dangdn", help="the command to measure (default: dangdn on PATH)")
    parser.add_argument("--markdown", action="store_true", help="the table as Markdown on stdout")
    parser.add_argument("--check-targets", action="store_true", help="exit 3 if a target is missed")
    parser.add_argument("--no-timing", action="store_true", help="check the answers only")
    parser.add_argument("--only", action="append", help="operations whose name contains TEXT")
    parser.add_argument("--jobs", type=int, default=2, help="processes at once with --no-timing")
    args = parser.parse_args(argv)
    runs = args.runs or (3 if args.scale == "national" else 5)
    dangdn = command(args.dangdn)
    cache: Path = args.cache.expanduser()
    cache.mkdir(parents=True, exist_ok=True)
    rows = SCALES[args.scale]
    target = registry(cache, args.scale)
    district = registry(cache, "district")
    sheet, empty = import_sheet(cache, rows), empty_registry(cache)
    env = {k: v for k, v in os.environ.items() if not k.startswith("DANGDN_")}
    env["DANGDN_LANG"] = "vi"
    load_before = os.getloadavg()[0]
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="dangdn-bench-", dir=cache) as tmp:
        work = Path(tmp)
        chosen = ops_module.operations(
            registry=target, district=district, rows=rows, sheet=sheet, empty=empty, work=work
        )
        if args.only:
            chosen = [o for o in chosen if o.startup_base or any(t in o.name for t in args.only)]
        warm(target)
        timed = not args.no_timing
        if timed:
            startup = None
            for op in chosen:
                if op.target.startup and startup is not None:
                    op.reference_value = startup + ops_module.LOOKUP_SLACK
                ops_module.measure(op, dangdn, env, work, runs, True)
                if op.startup_base:
                    startup = op.cpu
                report_progress(op, True)
        else:  # answers only: nothing is timed, so they may run side by side
            with ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
                done = [pool.submit(ops_module.measure, op, dangdn, env, work, 1, False)
                        for op in chosen]  # fmt: skip
                for op, future in zip(chosen, done, strict=True):
                    future.result()
                    report_progress(op, False)
    elapsed = time.perf_counter() - started
    failed = [o for o in chosen if o.error]
    if args.no_timing:
        log(f"{len(chosen) - len(failed)} of {len(chosen)} operations answered right"
            f" in {elapsed:.0f} s")  # fmt: skip
        return 1 if failed else 0
    caption = (
        f"--scale {args.scale} ({rows:,} enterprises), median of {runs} runs,"
        f" {datetime.now():%Y-%m-%d %H:%M}; Python {platform.python_version()},"
        f" SQLite {sqlite3.sqlite_version}, {os.cpu_count()} CPUs,"
        f" load average {load_before:.1f} before, {os.getloadavg()[0]:.1f} after;"
        f" {elapsed / 60:.0f} min"
    )
    table = [cells(o) for o in chosen]
    show(table, caption, to_stderr=args.markdown)
    if args.markdown:
        print(f"{caption}\n\n{markdown(table)}")
    for op in failed:
        log(f"FAILED: {op.error}")
    if failed:
        return 1
    if args.check_targets and any(o.met() is False for o in chosen):
        return 3
    return 0


if __name__ == "__main__":
    sys.exit(main())
