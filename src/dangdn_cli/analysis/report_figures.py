"""The figures of a report period: every figure of ``figures.compute``
followed by the ``targets`` and ``funding`` rows of the plans whose window
overlaps the period (``progress.targets_and_funding``), in the order
``report --json`` prints them."""

from __future__ import annotations

from collections.abc import Collection
from datetime import date
from typing import Any

from sqlmodel import Session

from dangdn_cli.analysis import figures, progress

PLAN_SECTIONS = ("targets", "funding")
SECTIONS = (*figures.SECTIONS, *PLAN_SECTIONS)


def compute(
    session: Session,
    start: date,
    end: date,
    code: str | None = None,
    *,
    sections: Collection[str] | None = None,
) -> dict[str, Any]:
    """The period's figures; ``sections`` limits them to those top-level keys."""
    result = figures.compute(session, start, end, code, sections=sections)
    if sections is None or set(sections) & set(PLAN_SECTIONS):
        rows = progress.targets_and_funding(session, start, end)
        result["targets"] = rows["targets"]
        result["funding"] = rows["funding"]
    return result
