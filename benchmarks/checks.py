"""The checks benchmarks/run.py applies to an operation's answer: each reads
the product's stdout file (and the reference's) and returns what differs, or
None. See the README for what each compares."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

# A check reads the product's stdout and the reference's; it returns what differs, or None.
Check = Callable[[Path, Path | None], "str | None"]


def load(path: Path) -> Any:
    with open(path, encoding="utf-8") as handle:
        return json.load(handle)


def flatten(node: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in node.items():
        if isinstance(value, dict):
            out.update(flatten(value, f"{prefix}{key}."))
        else:
            out[f"{prefix}{key}"] = value
    return out


def same_figures(mine: Path, ref: Path | None) -> str | None:
    """Every figure the reference computes equals report --json's."""
    assert ref is not None
    product, expected = flatten(load(mine)), flatten(load(ref))
    wrong = []
    for key, value in expected.items():
        got = product.get(key, "(missing)")
        equal = got == value
        if isinstance(value, float) and isinstance(got, float):
            equal = abs(got - value) <= 1e-12 * max(1.0, abs(value))
        if not equal:
            wrong.append(f"{key}: dangdn {got!r}, reference {value!r}")
    return "; ".join(wrong) or None


def same_eligible(mine: Path, ref: Path | None) -> str | None:
    """The same tax codes, each with the same count of what the rule counts."""
    assert ref is not None
    rows = load(mine)
    product = {r["tax_code"]: r["members"] for r in rows}
    expected = {r["tax_code"]: r["members"] for r in load(ref)}
    problems = []
    if any(r.get("eligible") is not True for r in rows):
        problems.append("rows not marked eligible")
    if len(product) != len(rows):
        problems.append("a tax code listed twice")
    extra = sorted(set(product) - set(expected))
    missing = sorted(set(expected) - set(product))
    counts = sorted(k for k in set(product) & set(expected) if product[k] != expected[k])
    for label, codes in (("not in reference", extra), ("missing", missing)):
        if codes:
            problems.append(f"{len(codes)} {label} (e.g. {', '.join(codes[:3])})")
    if counts:
        k = counts[0]
        problems.append(
            f"{len(counts)} with other counts (e.g. {k}: dangdn {product[k]},"
            f" reference {expected[k]})"
        )
    if problems:
        return f"{len(product)} rows against {len(expected)}: " + "; ".join(problems)
    return None


def json_array(mine: Path, _ref: Path | None) -> str | None:
    """A JSON array, without loading it (--explain at national is about 1 GB)."""
    with open(mine, "rb") as handle:
        head = handle.read(64).lstrip()
        handle.seek(max(0, mine.stat().st_size - 64))
        tail = handle.read().rstrip()
    if not (head.startswith(b"[") and tail.endswith(b"]")):
        return f"not a JSON array: {head[:20]!r}…{tail[-20:]!r}"
    return None


def office_file(path: Path) -> Check:
    def check(_mine: Path, _ref: Path | None) -> str | None:
        if not path.exists() or path.stat().st_size < 1000:
            return f"{path.name} not written"
        with open(path, "rb") as handle:
            if handle.read(2) != b"PK":
                return f"{path.name} is not a .docx/.xlsx (zip) file"
        return None

    return check


def rows_with(
    key: str, value: Any, least: int = 1, most: int | None = None, every: bool = False
) -> Check:
    """A JSON array holding a row whose ``key`` is ``value`` (every row's with ``every``)."""

    def check(mine: Path, _ref: Path | None) -> str | None:
        rows = load(mine)
        rows = rows if isinstance(rows, list) else [rows]
        hits = [r for r in rows if r.get(key) == value]
        if not hits or len(rows) < least or (most is not None and len(rows) > most):
            return f"{len(rows)} rows, {len(hits)} with {key} = {value!r}"
        if every and len(hits) != len(rows):
            return f"{len(rows) - len(hits)} of {len(rows)} rows with another {key}"
        return None

    return check


def table_counts(path: Path) -> dict[str, int]:
    with sqlite3.connect(path) as conn:
        tables = [n for (n,) in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        counts = {t: conn.execute(f'SELECT COUNT(*) FROM "{t}"').fetchone()[0] for t in tables}
        counts["workforce: sum of total, stable"] = conn.execute(
            "SELECT COALESCE(SUM(total), 0) * 1000003 + COALESCE(SUM(stable), 0) FROM workforce"
        ).fetchone()[0]
    return counts


def same_tables(mine_db: Path, ref_db: Path, rows: int) -> Check:
    """The same rows per table after the import as after the raw insert, but
    ``audit_log`` (the command records the import there; the reference does not)."""

    def check(_mine: Path, _ref: Path | None) -> str | None:
        product, expected = table_counts(mine_db), table_counts(ref_db)
        product.pop("audit_log", None)
        expected.pop("audit_log", None)
        wrong = [
            f"{t}: dangdn {product.get(t)}, reference {expected.get(t)}"
            for t in sorted(set(product) | set(expected))
            if product.get(t) != expected.get(t)
        ]
        if expected.get("enterprise") != rows:
            wrong.append(f"the reference inserted {expected.get('enterprise')} of {rows} rows")
        return "; ".join(wrong) or None

    return check
