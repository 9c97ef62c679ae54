"""Time ``eligible --type party`` against a hand-written SQL reference.

For each size it builds a synthetic registry (``synth.generate``), then times,
in the same run and on the same file:

- the service: ``eligibility.count_eligible`` and ``eligibility.evaluate``
  (the rows the command prints), best of ``--repeat`` runs;
- the real command once, in a fresh process: ``dangdn --db FILE eligible
  --type party --as-of DATE --json`` (Python start-up and imports included);
- a reference: the same count with one hand-written SQL query on a raw
  ``sqlite3`` connection (``references.eligible_sql``, which benchmarks/run.py
  uses too), best of ``--repeat`` runs;

and checks that all three agree on the number of eligible enterprises before
printing the ratio service / reference.

    python benchmarks/bench_eligibility.py                  # 50 and 100,000 enterprises
    python benchmarks/bench_eligibility.py --sizes 1000000  # a whole country
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import references
from synth import AS_OF, generate


def best(fn, repeat: int) -> tuple[float, object]:  # type: ignore[no-untyped-def]
    """The fastest of ``repeat`` runs (seconds) and the last result."""
    times = []
    result = None
    for _ in range(repeat):
        started = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - started)
    return min(times), result


def reference(path: Path, on: date, repeat: int) -> tuple[float, int]:
    """The count with references.eligible_sql: one query, written by hand, for
    enterprises active on :on with no active party organisation, operating
    stably, law-compliant, with >= 3 official party members on stable terms
    whose membership and employment are both in force (the registry's rules)."""
    conn = sqlite3.connect(path)
    try:
        query = f"SELECT COUNT(*) FROM ({references.eligible_sql('party', references.rules(conn))})"
        elapsed, count = best(
            lambda: conn.execute(query, {"on": on.isoformat()}).fetchone()[0], repeat
        )
    finally:
        conn.close()
    return elapsed, int(count)  # type: ignore[arg-type]


def service(path: Path, on: date, repeat: int) -> tuple[float, float, int, int]:
    from dangdn_cli import db
    from dangdn_cli.analysis import eligibility

    db.set_db_option(str(path))
    try:
        with db.session() as s:
            count_time, count = best(lambda: eligibility.count_eligible(s, "party", on), repeat)
            rows_time, rows = best(lambda: eligibility.evaluate(s, "party", on), repeat)
    finally:
        db.dispose_all()
        db.set_db_option(None)
    return count_time, rows_time, int(count), len(rows)  # type: ignore[arg-type]


def command(path: Path, on: date) -> tuple[float, int]:
    args = ["dangdn", "--db", str(path), "eligible", "--type", "party", "--as-of", on.isoformat()]
    env = {**os.environ, "DANGDN_LANG": "vi"}
    started = time.perf_counter()
    done = subprocess.run([*args, "--json"], capture_output=True, text=True, env=env, check=True)
    elapsed = time.perf_counter() - started
    return elapsed, len(json.loads(done.stdout))


def run(size: int, directory: Path, repeat: int, keep: bool) -> dict[str, float | int]:
    path = directory / f"bench_eligibility_{size}.db"
    if keep and path.exists():
        generated = 0.0
    else:
        started = time.perf_counter()
        generate(path, size)
        generated = time.perf_counter() - started
    on = AS_OF
    ref_time, ref_count = reference(path, on, repeat)
    count_time, rows_time, count, rows = service(path, on, repeat)
    cli_time, cli_rows = command(path, on)
    if not ref_count == count == rows == cli_rows:
        raise SystemExit(
            f"MISMATCH at {size}: reference {ref_count}, count_eligible {count},"
            f" evaluate {rows}, CLI {cli_rows}"
        )
    return {
        "enterprises": size,
        "eligible": count,
        "generate_s": generated,
        "reference_s": ref_time,
        "count_eligible_s": count_time,
        "evaluate_s": rows_time,
        "cli_s": cli_time,
        "ratio_count": count_time / ref_time,
        "ratio_evaluate": rows_time / ref_time,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="50,100000", help="comma-separated enterprise counts")
    parser.add_argument("--dir", default="/tmp", type=Path, help="where the registries go")
    parser.add_argument("--repeat", default=5, type=int, help="runs per timing (best kept)")
    parser.add_argument("--keep", action="store_true", help="reuse registries already built")
    options = parser.parse_args()
    options.dir.mkdir(parents=True, exist_ok=True)
    header = (
        f"{'enterprises':>12} {'eligible':>9} {'generate':>9} {'reference':>10}"
        f" {'count_elig':>10} {'evaluate':>9} {'CLI once':>9} {'ratio':>6} {'ratio_ev':>8}"
    )
    print(
        f"eligible --type party --as-of {AS_OF.isoformat()}  (seconds; ratio = service/reference)"
    )
    print(header)
    for size in (int(s) for s in options.sizes.split(",")):
        r = run(size, options.dir, options.repeat, options.keep)
        print(
            f"{r['enterprises']:>12,} {r['eligible']:>9,} {r['generate_s']:>9.1f}"
            f" {r['reference_s']:>10.4f} {r['count_eligible_s']:>10.4f} {r['evaluate_s']:>9.4f}"
            f" {r['cli_s']:>9.2f} {r['ratio_count']:>6.2f} {r['ratio_evaluate']:>8.2f}",
            flush=True,
        )


if __name__ == "__main__":
    main()
