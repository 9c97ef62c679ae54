"""The officer's own paragraphs (``report --notes FILE``): a Markdown file
whose headings such as ``# Hạn chế`` and ``# Phương hướng`` sort its
paragraphs into the report's shortcomings and directions."""

from __future__ import annotations

import re
from pathlib import Path

from dangdn_cli import i18n
from dangdn_cli.reports.errors import NotesUnreadable

_SHORTCOMINGS = ("han che", "kho khan", "ton tai", "shortcoming", "difficult", "weakness")
_DIRECTIONS = ("phuong huong", "nhiem vu", "giai phap", "kien nghi", "direction", "task", "next")
_LIST_ITEM = r"^([-*+]|\d+[.)])\s+"


def parse_notes(text: str) -> dict[str, list[str]]:
    """Markdown paragraphs under headings such as ``# Hạn chế`` and
    ``# Phương hướng``; text before any heading counts as shortcomings.
    A list item is its own paragraph; emphasis marks are dropped."""
    sections: dict[str, list[str]] = {"shortcomings": [], "directions": []}
    current = "shortcomings"
    paragraph: list[str] = []

    def flush() -> None:
        if paragraph:
            sections[current].append(" ".join(paragraph))
            paragraph.clear()

    for raw in i18n.nfc(text).splitlines():
        line = raw.strip()
        if line.startswith("#"):
            flush()
            heading = i18n.fold(line.lstrip("#").strip())
            if any(word in heading for word in _DIRECTIONS):
                current = "directions"
            elif any(word in heading for word in _SHORTCOMINGS):
                current = "shortcomings"
            continue
        if not line:
            flush()
            continue
        if re.match(_LIST_ITEM, line):
            flush()
            line = "- " + re.sub(_LIST_ITEM, "", line)
        line = re.sub(r"(\*\*|__|\*|`)", "", line)
        paragraph.append(line)
    flush()
    return sections


def read_notes(path: Path) -> dict[str, list[str]]:
    """The notes file's paragraphs (UTF-8, with or without BOM)."""
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        reason = getattr(exc, "strerror", None) or str(exc)
        raise NotesUnreadable(path=path, reason=reason) from None
    return parse_notes(text)
