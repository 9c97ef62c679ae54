"""The clock: today's date and the current time, read here and nowhere else,
so that a test (or a reproducible demo) can pin "today" with
``DANGDN_TODAY=2024-06-30`` or by replacing ``clock.today``."""

from __future__ import annotations

import os
from datetime import date, datetime, timezone


def today() -> date:
    """Today, or the day ``DANGDN_TODAY`` names (ISO form)."""
    pinned = os.environ.get("DANGDN_TODAY")
    return date.fromisoformat(pinned) if pinned else date.today()


def now() -> datetime:
    """The current time in UTC (when a fact was recorded)."""
    return datetime.now(timezone.utc)
