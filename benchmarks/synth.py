"""Fill a registry with N synthetic enterprises, fast, for benchmarks.

Reusable by any benchmark::

    from synth import generate          # run from benchmarks/, or put it on sys.path
    counts = generate("/tmp/big.db", 100_000)

It migrates the registry (a path or SQLAlchemy URL) to the newest schema, then
inserts with SQLAlchemy Core ``executemany`` in chunks, ids assigned here so no
row is read back. The shape is a plausible province: most enterprises are small,
a few percent have a party organisation, a few percent have 1-5 party members
(some probationary, some who left or changed employer), unions in the larger
ones, youth/women/veterans members where there is a party organisation, some
enterprises suspended or dissolved, some law-violation and unstable flags,
some second workforce snapshots. Everything is seeded, so a size and a seed
always give the same registry.

    python benchmarks/synth.py /tmp/big.db 100000
"""

from __future__ import annotations

import random
import sys
import time
from collections.abc import Iterator
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

# Bump when the registries generate() writes change (shape, seed use, columns),
# so caches built from an older synth.py (benchmarks/run.py) are rebuilt.
VERSION = 1
AS_OF = date(2024, 6, 30)
CHUNK = 20_000
_WEIGHTS = (31, 29, 23, 19, 17, 13, 7, 5, 3)


def tax_codes(start: int = 10_000_001) -> Iterator[str]:
    """Valid 10-digit tax codes (check digit included), in order."""
    base = start
    while True:
        digits = f"{base:09d}"
        remainder = sum(w * int(n) for w, n in zip(_WEIGHTS, digits, strict=True)) % 11
        if remainder != 0 and digits[2:9] != "0000000":
            yield digits + str(10 - remainder)
        base += 1


def _day(rng: random.Random, start: date, end: date) -> date:
    return start + timedelta(days=rng.randrange(max(1, (end - start).days)))


def _year_later(day: date) -> date:
    """The same day a year later (29 February becomes 28 February)."""
    try:
        return day.replace(year=day.year + 1)
    except ValueError:
        return day.replace(year=day.year + 1, day=28)


def _workers(rng: random.Random) -> int:
    """Most enterprises are small; a long tail employs hundreds or thousands."""
    roll = rng.random()
    if roll < 0.55:
        return rng.randint(1, 9)
    if roll < 0.85:
        return rng.randint(10, 49)
    if roll < 0.97:
        return rng.randint(50, 299)
    return rng.randint(300, 5000)


def _party_members(rng: random.Random, workers: int) -> int:
    roll = rng.random()
    if workers < 5:
        return 1 if roll < 0.05 else 0
    if roll < 0.80:
        return 0
    if roll < 0.89:
        return 1
    if roll < 0.94:
        return 2
    if roll < 0.97:
        return 3
    return rng.randint(4, min(12, max(4, workers // 5)))


def _open(target: str | Path) -> Any:
    from dangdn_cli import db

    url = db.url_for(str(target))
    path = db.sqlite_path(url)
    if path is not None:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
    db.upgrade(url)
    return db.engine(url)


class _Writer:
    """Buffers rows per table and flushes them with one executemany per chunk."""

    def __init__(self, conn: Any) -> None:
        from sqlmodel import SQLModel

        import dangdn_cli.models  # noqa: F401  (registers the tables)

        self.conn = conn
        self.tables = SQLModel.metadata.tables
        self.buffers: dict[str, list[dict[str, Any]]] = {}
        self.counts: dict[str, int] = {}

    def add(self, table: str, row: dict[str, Any]) -> None:
        buffer = self.buffers.setdefault(table, [])
        buffer.append(row)
        if len(buffer) >= CHUNK:
            self.flush(table)

    def flush(self, table: str | None = None) -> None:
        # Parents first, so foreign keys hold at every flush.
        order = (
            "enterprise",
            "enterprise_version",
            "enterprise_status",
            "workforce",
            "organization",
            "organization_enterprise",
            "person",
            "employment",
            "membership",
        )
        for name in order if table is None else order[: order.index(table) + 1]:
            rows = self.buffers.get(name)
            if rows:
                # executemany needs the same keys in every row; absent ones are NULL.
                keys = [c.name for c in self.tables[name].columns]
                rows = [{k: row.get(k) for k in keys} for row in rows]
                self.conn.execute(self.tables[name].insert(), rows)
                self.counts[name] = self.counts.get(name, 0) + len(rows)
                self.buffers[name] = []


def generate(
    target: str | Path, enterprises: int, *, seed: int = 33, as_of: date = AS_OF
) -> dict[str, int]:
    """Create a fresh registry at ``target`` holding ``enterprises`` synthetic
    enterprises with their organisations, people, employment and memberships.
    Returns the number of rows written per table."""
    from dangdn_cli.i18n import fold

    rng = random.Random(seed)
    engine = _open(target)
    now = datetime.now(timezone.utc)
    communes = [f"Phường {i + 1}" for i in range(max(1, enterprises // 150))]
    zones = [f"KCN {i + 1}" for i in range(max(1, enterprises // 2000))]
    sectors = ("tu_nhan",) * 8 + ("fdi", "htx")
    codes = tax_codes()
    ids = {"org": 0, "person": 0, "employment": 0, "membership": 0, "fact": 0}

    def next_id(kind: str) -> int:
        ids[kind] += 1
        return ids[kind]

    with engine.begin() as conn:
        out = _Writer(conn)
        for eid in range(1, enterprises + 1):
            founded = _day(rng, date(2000, 1, 1), date(2023, 12, 31))
            name = f"Công ty TNHH Sản xuất Thương mại Số {eid}"
            zone = rng.choice(zones) if rng.random() < 0.12 else None
            out.add(
                "enterprise",
                {"id": eid, "tax_code": next(codes), "founded_on": founded, "created_at": now},
            )
            out.add(
                "enterprise_version",
                {
                    "id": eid,
                    "enterprise_id": eid,
                    "effective_on": founded,
                    "name": name,
                    "name_key": fold(name),
                    "sector": rng.choice(sectors),
                    "commune": rng.choice(communes),
                    "zone": zone,
                    "province": "Bình Dương",
                    "stable_operation": rng.random() > 0.06,
                    "law_compliant": rng.random() > 0.03,
                },
            )
            out.add(
                "enterprise_status",
                {"enterprise_id": eid, "effective_on": founded, "status": "active"},
            )
            if rng.random() < 0.05:  # closed later, some before the benchmark date
                out.add(
                    "enterprise_status",
                    {
                        "enterprise_id": eid,
                        "effective_on": _day(rng, founded, as_of + timedelta(days=365)),
                        "status": rng.choice(("suspended", "dissolved")),
                    },
                )
            workers = _workers(rng)
            stable = round(workers * rng.uniform(0.4, 1.0))
            out.add(
                "workforce",
                {
                    "enterprise_id": eid,
                    "effective_on": founded,
                    "total": workers,
                    "stable": stable,
                    "female": round(workers * rng.uniform(0.2, 0.7)),
                    "young": round(workers * rng.uniform(0.1, 0.6)),
                },
            )
            if rng.random() < 0.3:  # a later snapshot; the earlier one stays in history
                grown = max(1, round(workers * rng.uniform(0.7, 1.5)))
                out.add(
                    "workforce",
                    {
                        "enterprise_id": eid,
                        "effective_on": _day(rng, founded, as_of),
                        "total": grown,
                        "stable": round(grown * rng.uniform(0.4, 1.0)),
                        "female": round(grown * 0.4),
                        "young": round(grown * 0.3),
                    },
                )

            # Organisations: a party cell in about one in twenty; larger ones more often.
            has_party = rng.random() < (0.02 if workers < 50 else 0.25)
            party_org = None
            for kind, chance in (
                ("party", 1.0 if has_party else 0.0),
                ("union", 0.08 if workers < 20 else 0.45),
                ("youth", 0.4 if has_party else 0.0),
                ("women", 0.3 if has_party else 0.0),
                ("veterans", 0.15 if has_party else 0.0),
            ):
                if rng.random() >= chance:
                    continue
                oid = next_id("org")
                org_founded = _day(rng, founded, as_of + timedelta(days=180))
                dissolved = (
                    _day(rng, org_founded, as_of + timedelta(days=365))
                    if rng.random() < 0.04
                    else None
                )
                out.add(
                    "organization",
                    {
                        "id": oid,
                        "type": kind,
                        "name": f"{kind} {eid}",
                        "founded_on": org_founded,
                        "dissolved_on": dissolved,
                        "created_at": now,
                    },
                )
                out.add("organization_enterprise", {"organization_id": oid, "enterprise_id": eid})
                if kind == "party":
                    party_org = oid
                    if eid > 1 and rng.random() < 0.05:  # a joint cell covering a neighbour
                        out.add(
                            "organization_enterprise",
                            {"organization_id": oid, "enterprise_id": eid - 1},
                        )

            members = _party_members(rng, workers) + (3 if party_org else 0)
            mass = {
                kind: (rng.randint(0, 6) if party_org or rng.random() < 0.05 else 0)
                for kind in ("youth", "women", "veterans", "union")
            }
            for kind, count in (("party", members), *mass.items()):
                for _ in range(count):
                    pid = next_id("person")
                    out.add(
                        "person",
                        {
                            "id": pid,
                            "full_name": f"Nguyễn Văn {pid}",
                            "name_key": f"nguyen van {pid}",
                            "birth_date": _day(rng, date(1960, 1, 1), date(2002, 1, 1)),
                            "gender": rng.choice(("nam", "nu")),
                            "created_at": now,
                        },
                    )
                    start = _day(rng, founded, as_of)
                    moved = rng.random() < 0.05
                    end = _day(rng, start, as_of + timedelta(days=200)) if moved else None
                    out.add(
                        "employment",
                        {
                            "id": next_id("employment"),
                            "person_id": pid,
                            "enterprise_id": eid,
                            "start_on": start,
                            "end_on": end,
                            "stable": rng.random() < 0.85,
                            "role": "owner" if rng.random() < 0.05 else "worker",
                        },
                    )
                    if end is not None and eid > 1:  # moved to another employer
                        out.add(
                            "employment",
                            {
                                "id": next_id("employment"),
                                "person_id": pid,
                                "enterprise_id": rng.randint(1, eid - 1),
                                "start_on": end,
                                "stable": True,
                                "role": "worker",
                            },
                        )
                    joined = _day(rng, date(1995, 1, 1), as_of)
                    row: dict[str, Any] = {
                        "id": next_id("membership"),
                        "person_id": pid,
                        "type": kind,
                        "organization_id": party_org if kind == "party" else None,
                        "joined_on": joined,
                        "left_on": (
                            _day(rng, joined, as_of + timedelta(days=200))
                            if rng.random() < 0.04
                            else None
                        ),
                        "residence": kind == "party" and rng.random() < 0.1,
                        "created_at": now,
                    }
                    if kind == "party":
                        if rng.random() < 0.12:  # admitted in the last year and a half
                            row["joined_on"] = joined = _day(
                                rng, as_of - timedelta(days=540), as_of
                            )
                            row["status"] = "probationary"
                            due = _year_later(joined)
                            row["official_on"] = due if rng.random() < 0.5 else None
                        else:
                            row["status"] = "official"
                            row["official_on"] = None
                    out.add("membership", row)
        out.flush()
    engine.dispose()
    return out.counts


def main(argv: list[str]) -> None:
    if len(argv) < 2:
        print("usage: python benchmarks/synth.py REGISTRY N [SEED]")
        raise SystemExit(2)
    seed = int(argv[2]) if len(argv) > 2 else 33
    started = time.perf_counter()
    counts = generate(argv[0], int(argv[1]), seed=seed)
    elapsed = time.perf_counter() - started
    print(f"{argv[0]}: {counts} in {elapsed:.1f} s")


if __name__ == "__main__":
    main(sys.argv[1:])
