"""Import speed and memory: dangdn's enterprise import against a raw sqlite3
reference on the same rows, for a CSV and an XLSX sheet.

    python benchmarks/bench_import.py                 # 200,000 rows
    python benchmarks/bench_import.py --rows 20000    # quicker
    python benchmarks/bench_import.py --flat 1000000  # also: peak memory of a 1,000,000-row CSV

What it does, in one run:
1. writes an enterprises sheet of N fictional rows as .csv and .xlsx (cached
   in --work, default /tmp/dangdn-bench);
2. reads the .xlsx with python-calamine and with openpyxl (read-only), timed;
3. imports each file through the service (``importer.run`` in one
   ``db.session(write=True)``) into a fresh registry, timed;
4. inserts the same CSV rows with raw sqlite3 ``executemany`` into the same
   tables (enterprise, enterprise_version, enterprise_status, workforce) of a
   fresh registry: the reference, with no validation at all
   (``references.import_enterprises``);
5. runs the CLI import under ``/usr/bin/time -v`` for the peak memory
   (Debian: ``apt-get install time``).
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import re
import shutil
import sqlite3
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path

from dangdn_cli import db

sys.path.insert(0, str(Path(__file__).resolve().parent))
import references

HEADER = [
    "Mã số thuế",
    "Tên doanh nghiệp",
    "Loại hình",
    "Địa chỉ",
    "Xã/Phường",
    "Tỉnh",
    "KCN",
    "Ngày thành lập",
    "Chủ doanh nghiệp",
    "Số lao động",
    "Lao động ổn định",
    "Lao động nữ",
    "Lao động trẻ",
]
COMMUNES = ["Phường Bến Nghé", "Xã Tân Phú", "Phường Hòa Khánh", "Xã Đông Anh", "Phường Láng"]
ZONES = ["KCN Tân Thuận", "KCN Sóng Thần", "KCN Thăng Long", None, None, None]
SECTORS = ["Tư nhân", "Tư nhân", "FDI", "Hợp tác xã"]
FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi"]
GIVEN = ["Văn An", "Thị Bình", "Minh Châu", "Quốc Dũng", "Thu Hà", "Đức Hải"]
_WEIGHTS = (31, 29, 23, 19, 17, 13, 7, 5, 3)


def tax_codes(n: int) -> list[str]:
    """n valid tax codes (the check digit of stdnum.vn.mst)."""
    out: list[str] = []
    base = 10_000_100
    while len(out) < n:
        digits = f"{base:09d}"
        remainder = sum(w * int(d) for w, d in zip(_WEIGHTS, digits, strict=True)) % 11
        if remainder:
            out.append(digits + str(10 - remainder))
        base += 1
    return out


def rows(n: int) -> list[list[object]]:
    rng = random.Random(33)
    start = date(2000, 1, 1)
    out: list[list[object]] = []
    for i, code in enumerate(tax_codes(n)):
        workers = rng.randint(5, 2000)
        stable = rng.randint(0, workers)
        out.append(
            [
                code,
                f"Công ty TNHH {rng.choice(FAMILY)} {rng.choice(GIVEN)} số {i}",
                rng.choice(SECTORS),
                f"{rng.randint(1, 400)} đường Lê Lợi",
                rng.choice(COMMUNES),
                "TP Hồ Chí Minh",
                rng.choice(ZONES),
                start + timedelta(days=rng.randint(0, 9000)),
                f"{rng.choice(FAMILY)} {rng.choice(GIVEN)}",
                workers,
                stable,
                rng.randint(0, workers),
                rng.randint(0, workers),
            ]
        )
    return out


def write_csv(path: Path, data: list[list[object]]) -> None:
    with open(path, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        for row in data:
            cells = ["" if v is None else v for v in row]
            cells[7] = row[7].strftime("%d/%m/%Y")  # type: ignore[attr-defined]
            writer.writerow(cells)


def write_xlsx(path: Path, data: list[list[object]]) -> None:
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet("Doanh nghiệp")
    sheet.append(HEADER)
    for row in data:
        cells = list(row)
        cells[0] = int(str(cells[0]))  # as Excel stores a code typed as a number
        sheet.append(cells)
    book.save(path)


def fresh_registry(template: Path, path: Path) -> Path:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    shutil.copy(template, path)
    return path


def service_import(
    registry: Path, sheet: Path, reader: str | None = None
) -> tuple[tuple[float, float], dict]:
    from dangdn_cli.interchange import importer

    if reader:
        os.environ["DANGDN_XLSX_READER"] = reader
    db.set_db_option(str(registry))
    try:
        began, cpu = time.perf_counter(), time.process_time()
        with db.session(write=True) as session:
            report = importer.run(session, "enterprises", sheet)
        return (time.perf_counter() - began, time.process_time() - cpu), report
    finally:
        db.dispose_all()
        db.set_db_option(None)
        os.environ.pop("DANGDN_XLSX_READER", None)


def raw_reference(registry: Path, sheet: Path) -> tuple[float, float]:
    """The same rows with plain sqlite3 executemany, no checks: a floor
    (references.import_enterprises, which benchmarks/run.py runs too)."""
    began, cpu = time.perf_counter(), time.process_time()
    references.import_enterprises(registry, sheet)
    return time.perf_counter() - began, time.process_time() - cpu


def read_only(sheet: Path, reader: str) -> tuple[float, float]:
    from dangdn_cli.interchange import read

    os.environ["DANGDN_XLSX_READER"] = reader
    try:
        began, cpu = time.perf_counter(), time.process_time()
        source = read.open_source(sheet)
        count = sum(1 for _ in source.rows())
        source.close()
        assert count > 1
        return time.perf_counter() - began, time.process_time() - cpu
    finally:
        os.environ.pop("DANGDN_XLSX_READER", None)


def peak_memory(registry: Path, sheet: Path, reader: str | None = None) -> tuple[float, int]:
    """Wall seconds and peak RSS (kB) of ``dangdn import enterprises`` in a new process."""
    timer = shutil.which("time") if not Path("/usr/bin/time").exists() else "/usr/bin/time"
    if timer is None:
        raise SystemExit("install GNU time: apt-get install -y time")
    env = {**os.environ, "DANGDN_DB": str(registry)}
    if reader:
        env["DANGDN_XLSX_READER"] = reader
    command = [timer, "-v", sys.executable, "-m", "dangdn_cli", "import", "enterprises", str(sheet)]
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(done.stdout + done.stderr)
    peak = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", done.stderr).group(1))  # type: ignore[union-attr]
    clock = re.search(r"Elapsed \(wall clock\) time.*: (?:(\d+):)?(\d+):([\d.]+)", done.stderr)
    assert clock is not None
    hours, minutes, seconds = clock.groups()
    wall = int(hours or 0) * 3600 + int(minutes) * 60 + float(seconds)
    return wall, peak


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=200_000)
    parser.add_argument("--work", type=Path, default=Path("/tmp/dangdn-bench"))
    parser.add_argument("--flat", type=int, default=0, help="also a CSV of this many rows (memory)")
    parser.add_argument("--no-memory", action="store_true", help="skip the /usr/bin/time runs")
    args = parser.parse_args()
    work: Path = args.work
    work.mkdir(parents=True, exist_ok=True)
    n = args.rows
    csv_path, xlsx_path = work / f"dn-{n}.csv", work / f"dn-{n}.xlsx"
    if not csv_path.exists() or not xlsx_path.exists():
        print(f"writing {n:,} rows to {csv_path.name} and {xlsx_path.name} …", flush=True)
        data = rows(n)
        write_csv(csv_path, data)
        write_xlsx(xlsx_path, data)
        del data
    template = work / "template.db"
    if not template.exists():
        db.upgrade(db.url_for(str(template)))
        db.dispose_all()
        with sqlite3.connect(template) as conn:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    registry = work / "registry.db"

    def line(
        label: str, timing: tuple[float, float], raw: tuple[float, float] | None = None
    ) -> None:
        wall, cpu = timing
        ratio = f"  {wall / raw[0]:4.1f}× raw (cpu {cpu / raw[1]:4.1f}×)" if raw else ""
        print(
            f"{label:<40} {wall:7.2f} s {n / wall:>9,.0f} rows/s  cpu {cpu:7.2f} s"
            f" {n / cpu:>9,.0f} rows/s{ratio}",
            flush=True,
        )

    print(f"\n{n:,} enterprises; Python {sys.version.split()[0]}, SQLite {sqlite3.sqlite_version}")
    print("(wall clock, and CPU time of this process: other work on the machine inflates wall)")
    line("read xlsx: python-calamine", read_only(xlsx_path, "calamine"))
    line("read xlsx: openpyxl read-only", read_only(xlsx_path, "openpyxl"))
    raw = raw_reference(fresh_registry(template, registry), csv_path)
    line("reference: raw sqlite3 executemany", raw)
    for label, sheet, reader in (
        ("dangdn import csv", csv_path, None),
        ("dangdn import xlsx (calamine)", xlsx_path, "calamine"),
        ("dangdn import xlsx (openpyxl)", xlsx_path, "openpyxl"),
    ):
        timing, report = service_import(fresh_registry(template, registry), sheet, reader)
        assert report["new"] == n and report["rejected"] == 0, report
        line(label, timing, raw)
    timing, report = service_import(registry, csv_path)  # again: all unchanged
    assert report["unchanged"] == n
    line("dangdn re-import csv (all unchanged)", timing, raw)
    if args.no_memory:
        return
    print("\npeak memory of the CLI import (/usr/bin/time -v):")
    runs = [("csv", csv_path, None), ("xlsx calamine", xlsx_path, "calamine")]
    runs.append(("xlsx openpyxl", xlsx_path, "openpyxl"))
    if args.flat:
        flat = work / f"dn-{args.flat}.csv"
        if not flat.exists():
            print(f"writing {args.flat:,} rows to {flat.name} …", flush=True)
            write_csv(flat, rows(args.flat))
        runs.append((f"csv {args.flat:,} rows", flat, None))
    for label, sheet, reader in runs:
        wall, peak = peak_memory(fresh_registry(template, registry), sheet, reader)
        print(f"  {label:<28} {wall:8.2f} s  peak {peak / 1024:8.1f} MB")


if __name__ == "__main__":
    main()
