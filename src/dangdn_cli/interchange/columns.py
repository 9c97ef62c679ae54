"""The kinds of sheet and their columns in use: which columns each kind has
(defined as data in ``sheets``), which column a header names, and what
``dangdn import --show-columns`` lists. How each column's cells are read and
written is in ``cells``.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from dangdn_cli import validate
from dangdn_cli.i18n import tr
from dangdn_cli.interchange.cells import Column, describe_kind, header_key
from dangdn_cli.interchange.sheets import ENTERPRISE, IGNORED, MEMBER, ORG

SPECS: dict[str, tuple[Column, ...]] = {
    "enterprises": ENTERPRISE,
    "members": MEMBER,
    "orgs": ORG,
}
KINDS = tuple(SPECS)


def sheet_kind(value: str) -> str:
    return validate.choice(value, KINDS, tr("loại bảng", "sheet type")) or ""


def column(kind: str, key: str) -> Column | None:
    """The column of a sheet kind holding the field ``key``."""
    return _by_key(kind).get(key)


@cache
def _by_key(kind: str) -> dict[str, Column]:
    return {c.key: c for c in SPECS[kind]}


@cache
def _index(kind: str) -> dict[str, Column]:
    table: dict[str, Column] = {}
    for col in (*SPECS[kind], IGNORED):
        for name in col.names():
            table.setdefault(header_key(name), col)
    return table


def match_header(kind: str, header: Any) -> Column | None:
    """The column a header names, or None: exact folded key, then the text
    without a bracketed note ("Mã số thuế (MST)"), then the note alone."""
    table = _index(kind)
    text = "" if header is None else str(header)
    candidates = [text]
    if "(" in text:
        candidates.append(re.sub(r"\(.*?\)", " ", text))
        candidates.extend(re.findall(r"\((.*?)\)", text))
    for candidate in candidates:
        key = header_key(candidate)
        if key and key in table:
            return table[key]
    return None


def describe(kind: str) -> list[dict[str, Any]]:
    """What ``import --show-columns`` lists for a sheet type."""
    rows = [
        {
            "field": col.key,
            "header": col.header(),
            "names": col.names(),
            "values": describe_kind(col),
            "required": col.required,
        }
        for col in SPECS[sheet_kind(kind)]
    ]
    rows.append(
        {
            "field": IGNORED.key,
            "header": IGNORED.header(),
            "names": list(IGNORED.aliases),
            "values": describe_kind(IGNORED),
            "required": False,
        }
    )
    return rows
