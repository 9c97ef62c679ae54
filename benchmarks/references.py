"""Raw references for benchmarks/run.py: the same work as a dangdn command,
hand-written on the standard library only (``sqlite3``, ``csv``, ``json``).

Each is run as a whole process, like the command it stands beside, and prints
its answer as JSON on stdout so run.py can check that the two agree:

    python benchmarks/references.py report REGISTRY START END [CODE]   # SPEC §4 figures
    python benchmarks/references.py eligible REGISTRY TYPE ON          # SPEC §2, as `eligible`
    python benchmarks/references.py import REGISTRY FILE.csv           # raw executemany

The definitions follow SPEC §1-§4 as services/figures.py and
services/eligibility.py implement them: a fact in force on D is the latest row
with ``effective_on <= D`` per enterprise (ties to the later id); end dates are
exclusive; a person counts once; for the party only official members on
stable employment count. Dates are ISO text in SQLite, so they compare as text.

Nothing here may import dangdn_cli: that is the point of a reference.
"""

from __future__ import annotations

import csv
import json
import sqlite3
import sys
import unicodedata
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

ORG_TYPES = ("party", "union", "youth", "women", "veterans")
MEMBER_TYPES = ("union", "youth", "women", "veterans")
STAGES = ("identified", "trained", "introduced", "admitted")

# The eligibility rules of SPEC §2 (migration 0002's defaults); the registry's
# ``rule`` table overrides them, as services/rules.py reads it.
DEFAULT_RULES: dict[str, str] = {
    "party.min_official_members": "3",
    "party.require_stable_operation": "true",
    "party.require_law_compliance": "true",
    "union.min_stable_workers": "20",
    **{f"{k}.min_members": "3" for k in ("youth", "women", "veterans")},
    **{f"{k}.require_party_org": "true" for k in ("youth", "women", "veterans")},
}
_TRUE = {"true", "yes", "1", "có", "co", "on", "đúng", "dung"}
COUNT_RULE = {
    "party": "party.min_official_members",
    "union": "union.min_stable_workers",
    "youth": "youth.min_members",
    "women": "women.min_members",
    "veterans": "veterans.min_members",
}


def rules(conn: sqlite3.Connection) -> dict[str, Any]:
    """The rules in force, typed: whole numbers and switches."""
    values = dict(DEFAULT_RULES)
    values.update(
        (key, value) for key, value in conn.execute("SELECT key, value FROM rule") if key in values
    )
    out: dict[str, Any] = {}
    for key, text in values.items():
        text = " ".join(str(text).split()).lower()
        if ".require_" in key:
            out[key] = text in _TRUE
        else:
            out[key] = int(text) if text.isdigit() else int(DEFAULT_RULES[key])
    return out


# -- SQL fragments ------------------------------------------------------------


def _latest(table: str, expr: str, outer: str, day: str) -> str:
    """``expr`` (over alias ``t``) of ``table``'s row in force on ``day`` for
    enterprise ``outer``: an index seek on (enterprise_id, effective_on)."""
    return (
        f"(SELECT {expr} FROM {table} t WHERE t.enterprise_id = {outer}"
        f" AND t.effective_on <= {day} ORDER BY t.effective_on DESC, t.id DESC LIMIT 1)"
    )


def _in_force(start: str, end: str, day: str) -> str:
    return f"({start} IS NULL OR {start} <= {day}) AND ({end} IS NULL OR {end} > {day})"


def _official(alias: str, day: str) -> str:
    return (
        f"({alias}.official_on <= {day}"
        f" OR ({alias}.status = 'official' AND {alias}.official_on IS NULL))"
    )


def _covered(kind: str, day: str) -> str:
    """Enterprise ids covered on ``day`` by an active organisation of ``kind``."""
    return (
        "SELECT oe.enterprise_id FROM organization_enterprise oe"
        " JOIN organization o ON o.id = oe.organization_id"
        f" WHERE o.type = '{kind}' AND {_in_force('o.founded_on', 'o.dissolved_on', day)}"
    )


def eligible_sql(kind: str, values: dict[str, Any]) -> str:
    """One query: (tax_code, counted) of the enterprises that qualify on :on
    for ``kind`` and have no active organisation of it (bound parameter :on)."""
    required = int(values[COUNT_RULE[kind]])
    status = _latest("enterprise_status", "t.status", "e.id", ":on")
    where = [f"{status} = 'active'", f"e.id NOT IN ({_covered(kind, ':on')})"]
    if kind == "union":
        return (
            "SELECT e.tax_code, COALESCE(w.stable, 0) AS counted FROM enterprise e"
            f" LEFT JOIN workforce w ON w.id = {_latest('workforce', 't.id', 'e.id', ':on')}"
            f" WHERE {' AND '.join(where)} AND COALESCE(w.stable, 0) >= {required}"
        )
    person = [
        f"m.type = '{kind}'",
        _in_force("m.joined_on", "m.left_on", ":on"),
        _in_force("j.start_on", "j.end_on", ":on"),
    ]
    if kind == "party":
        person += [_official("m", ":on"), "j.stable = 1"]
        flags = [
            f"t.{column} = 1"
            for column, rule in (
                ("stable_operation", "party.require_stable_operation"),
                ("law_compliant", "party.require_law_compliance"),
            )
            if values[rule]
        ]
        if flags:  # both read from the one version in force
            where.append(f"{_latest('enterprise_version', ' AND '.join(flags), 'e.id', ':on')} = 1")
    elif values[f"{kind}.require_party_org"]:
        where.append(f"e.id IN ({_covered('party', ':on')})")
    return (
        "WITH counts AS (SELECT j.enterprise_id, COUNT(DISTINCT m.person_id) AS counted"
        " FROM membership m JOIN employment j ON j.person_id = m.person_id"
        f" WHERE {' AND '.join(person)} GROUP BY j.enterprise_id"
        f" HAVING COUNT(DISTINCT m.person_id) >= {required})"
        " SELECT e.tax_code, c.counted FROM counts c JOIN enterprise e ON e.id = c.enterprise_id"
        f" WHERE {' AND '.join(where)}"
    )


# -- report --period: SPEC §4 ---------------------------------------------------


def report(conn: sqlite3.Connection, start: str, end: str, code: str | None) -> dict[str, Any]:
    values = rules(conn)
    p = {"start": start, "end": end, "on": end, "min": values["union.min_stable_workers"]}
    covered = " UNION ALL ".join(
        f"SELECT '{kind}' AS kind, enterprise_id FROM ({_covered(kind, ':end')})"
        for kind in ORG_TYPES
    )
    status = _latest("enterprise_status", "t.status", "e.id", ":end")
    row = conn.execute(
        f"WITH cov AS (SELECT DISTINCT kind, enterprise_id FROM ({covered})),"
        " active AS (SELECT e.id, w.total, w.stable FROM enterprise e"
        f" LEFT JOIN workforce w ON w.id = {_latest('workforce', 't.id', 'e.id', ':end')}"
        f" WHERE {status} = 'active')"
        " SELECT COUNT(*), COALESCE(SUM(a.total), 0), COALESCE(SUM(a.stable), 0),"
        " COALESCE(SUM(a.stable >= :min), 0),"
        " COALESCE(SUM(a.stable >= :min AND a.id IN"
        "   (SELECT enterprise_id FROM cov WHERE kind = 'union')), 0),"
        + ", ".join(
            f" COALESCE(SUM(a.id IN (SELECT enterprise_id FROM cov WHERE kind = '{k}')), 0)"
            for k in ORG_TYPES
        )
        + " FROM active a",
        p,
    ).fetchone()
    active, workers, stable, union_eligible, union_covered, *by_type = row
    out: dict[str, Any] = {
        "period": {"code": code or f"{start}..{end}", "start": start, "end": end},
        "enterprises": {"active": active, "workers": workers, "stable_workers": stable},
        "organizations": {
            kind: {"active": 0, "founded": 0, "dissolved": 0, "enterprises_covered": n}
            for kind, n in zip(ORG_TYPES, by_type, strict=True)
        },
        "members": {
            "party": {"total": 0, "official": 0, "probationary": 0, "admitted": 0, "owners": 0},
            **{kind: {"total": 0, "joined": 0} for kind in MEMBER_TYPES},
        },
        "union_coverage": {
            "eligible": union_eligible,
            "covered": union_covered,
            "rate": union_covered / union_eligible if union_eligible else None,
        },
    }
    for kind, n_active, founded, dissolved in conn.execute(
        f"SELECT type, SUM({_in_force('founded_on', 'dissolved_on', ':end')}),"
        " SUM(founded_on BETWEEN :start AND :end), SUM(dissolved_on BETWEEN :start AND :end)"
        " FROM organization GROUP BY type",
        p,
    ):
        if kind in out["organizations"]:
            out["organizations"][kind].update(
                active=n_active or 0, founded=founded or 0, dissolved=dissolved or 0
            )
    members = out["members"]
    for kind, total, official in conn.execute(
        "SELECT type, COUNT(*), SUM(official) FROM (SELECT type, person_id,"
        f" MAX(COALESCE(type = 'party' AND {_official('membership', ':end')}, 0)) AS official"
        f" FROM membership WHERE {_in_force('joined_on', 'left_on', ':end')}"
        " GROUP BY type, person_id) GROUP BY type",
        p,
    ):
        if kind in members:
            members[kind]["total"] = total
            if kind == "party":
                members[kind].update(official=official, probationary=total - official)
    for kind, joined in conn.execute(
        "SELECT type, COUNT(DISTINCT person_id) FROM membership"
        " WHERE joined_on BETWEEN :start AND :end GROUP BY type",
        p,
    ):
        if kind in members:
            members[kind]["admitted" if kind == "party" else "joined"] = joined
    members["party"]["owners"] = conn.execute(
        "SELECT COUNT(DISTINCT m.person_id) FROM membership m"
        " JOIN employment j ON j.person_id = m.person_id"
        f" WHERE m.type = 'party' AND {_in_force('m.joined_on', 'm.left_on', ':end')}"
        f" AND {_in_force('j.start_on', 'j.end_on', ':end')} AND j.role = 'owner'",
        p,
    ).fetchone()[0]
    row = conn.execute(
        "SELECT "
        + ", ".join(f"COALESCE(SUM({s}_on BETWEEN :start AND :end), 0)" for s in STAGES)
        + " FROM candidate",
        p,
    ).fetchone()
    out["candidates"] = dict(zip(STAGES, row, strict=True))
    out["eligible_without_org"] = {
        kind: conn.execute(f"SELECT COUNT(*) FROM ({eligible_sql(kind, values)})", p).fetchone()[0]
        for kind in ORG_TYPES
    }
    return out


# -- eligible --type T: SPEC §2 -------------------------------------------------


def eligible(conn: sqlite3.Connection, kind: str, on: str) -> list[dict[str, Any]]:
    rows = conn.execute(eligible_sql(kind, rules(conn)), {"on": on})
    return [{"tax_code": code, "members": counted} for code, counted in rows]


# -- import enterprises FILE.csv ----------------------------------------------------

SECTORS = {"tư nhân": "tu_nhan", "fdi": "fdi", "hợp tác xã": "htx"}


def fold(text: str) -> str:
    """i18n.fold's search key (no diacritics, đ as d, lower case), stdlib only."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.lower().split())


def import_enterprises(registry: str | Path, sheet: str | Path, chunk: int = 5000) -> int:
    """bench_import.py's sheet (its 13 columns, dates as dd/mm/yyyy) into the
    four tables an enterprise import writes, with executemany and no checks."""
    conn = sqlite3.connect(registry, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute("BEGIN IMMEDIATE")
    now = datetime.now(timezone.utc).isoformat(" ")
    next_id = 1
    with open(sheet, encoding="utf-8-sig", newline="") as handle:
        reader = csv.reader(handle)
        next(reader)
        batch: list[list[str]] = []
        for row in reader:
            batch.append(row)
            if len(batch) == chunk:
                next_id = _insert(conn, batch, next_id, now)
                batch = []
        next_id = _insert(conn, batch, next_id, now)
    conn.execute("COMMIT")
    conn.close()
    return next_id - 1


def _insert(conn: sqlite3.Connection, batch: list[list[str]], first: int, now: str) -> int:
    ids = range(first, first + len(batch))
    founded = []
    for row in batch:
        day, month, year = row[7].split("/")
        founded.append(f"{year}-{month}-{day}")
    rows = list(zip(ids, batch, founded, strict=True))
    conn.executemany(
        "INSERT INTO enterprise (id, tax_code, founded_on, created_at) VALUES (?, ?, ?, ?)",
        [(i, r[0], f, now) for i, r, f in rows],
    )
    conn.executemany(
        "INSERT INTO enterprise_version (enterprise_id, effective_on, name, name_key, sector,"
        " address, commune, province, zone, owner_name, stable_operation, law_compliant)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, 1)",
        [
            (i, f, r[1], fold(r[1]), SECTORS.get(r[2].lower(), "tu_nhan"), *optional)
            for i, r, f in rows
            for optional in [[r[k] or None for k in (3, 4, 5, 6, 8)]]
        ],
    )
    conn.executemany(
        "INSERT INTO enterprise_status (enterprise_id, effective_on, status)"
        " VALUES (?, ?, 'active')",
        [(i, f) for i, _r, f in rows],
    )
    conn.executemany(
        "INSERT INTO workforce (enterprise_id, effective_on, total, stable, female, young)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        [(i, f, int(r[9]), int(r[10]), int(r[11] or 0), int(r[12] or 0)) for i, r, f in rows],
    )
    return first + len(batch)


def main(argv: list[str]) -> None:
    if len(argv) < 3 or argv[0] not in ("report", "eligible", "import"):
        print(__doc__, file=sys.stderr)
        raise SystemExit(2)
    what, registry = argv[0], argv[1]
    if what == "import":
        print(json.dumps({"inserted": import_enterprises(registry, argv[2])}))
        return
    conn = sqlite3.connect(f"file:{registry}?mode=ro", uri=True)
    try:
        if what == "report":
            answer: Any = report(conn, argv[2], argv[3], argv[4] if len(argv) > 4 else None)
        else:
            answer = eligible(conn, argv[2], argv[3])
    finally:
        conn.close()
    json.dump(answer, sys.stdout, ensure_ascii=False, indent=2)
    print()


if __name__ == "__main__":
    main(sys.argv[1:])
