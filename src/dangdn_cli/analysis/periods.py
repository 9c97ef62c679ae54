"""Report periods: the codes a user types for one (``2024H1``, ``2024H2``,
``2024``, ``2024Q1``…``Q4``, ``2024-05``, ``2024-01-01..2024-05-25`` and
``plan:CODE``, a plan's window), parsed into first and last day, both
included; a ``cutoff`` within the period ends it early. Each period knows how
to name itself in words for a report's title."""

from __future__ import annotations

import calendar
import re
from dataclasses import asdict, dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from dangdn_cli import errors
from dangdn_cli.analysis.errors import (
    CutoffOutsidePeriod,
    InvalidPeriod,
    PlanNeedsRegistry,
    UnknownPlan,
)
from dangdn_cli.i18n import tr
from dangdn_cli.validate import parse_date

if TYPE_CHECKING:
    from sqlmodel import Session

ACCEPTED_FORMS = (
    "2024H1, 2024H2, 2024, 2024Q1…2024Q4, 2024-05, 2024-01-01..2024-05-25, plan:83-KH/HU"
)
ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}


@dataclass(frozen=True)
class Period:
    code: str
    start: date
    end: date
    label_vi: str
    label_en: str
    kind: str = "range"  # half | year | quarter | month | range | plan
    plan: str | None = None
    cutoff: date | None = None

    @property
    def label(self) -> str:
        """The period in words, in the user's language."""
        return tr(self.label_vi, self.label_en)

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["start"] = self.start.isoformat()
        data["end"] = self.end.isoformat()
        data["cutoff"] = self.cutoff.isoformat() if self.cutoff else None
        return data


def _dmy(day: date) -> str:
    return day.strftime("%d/%m/%Y")


def _range_labels(start: date, end: date) -> tuple[str, str]:
    return (
        f"từ ngày {_dmy(start)} đến ngày {_dmy(end)}",
        f"from {start.isoformat()} to {end.isoformat()}",
    )


_YEAR = re.compile(r"^(\d{4})$")
_HALF = re.compile(r"^(\d{4})H([12])$")
_QUARTER = re.compile(r"^(\d{4})Q([1-4])$")
_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")


def _bad(code: str) -> InvalidPeriod:
    return InvalidPeriod(value=code, forms=ACCEPTED_FORMS)


def _fixed(code: str) -> Period | None:
    """Year, half, quarter and month codes; None when the text is none of them."""
    text = code.strip().upper()
    if m := _YEAR.match(text):
        year = int(m[1])
        return Period(text, date(year, 1, 1), date(year, 12, 31), f"năm {year}", f"{year}", "year")
    if m := _HALF.match(text):
        year, half = int(m[1]), int(m[2])
        start, end, vi, en = (
            (date(year, 1, 1), date(year, 6, 30), "đầu", "first")
            if half == 1
            else (date(year, 7, 1), date(year, 12, 31), "cuối", "second")
        )
        return Period(
            text, start, end, f"6 tháng {vi} năm {year}", f"the {en} half of {year}", "half"
        )
    if m := _QUARTER.match(text):
        year, quarter = int(m[1]), int(m[2])
        first = 3 * quarter - 2
        last = date(year, first + 2, calendar.monthrange(year, first + 2)[1])
        return Period(
            text,
            date(year, first, 1),
            last,
            f"quý {ROMAN[quarter]} năm {year}",
            f"Q{quarter} {year}",
            "quarter",
        )
    if m := _MONTH.match(text):
        year, month = int(m[1]), int(m[2])
        if not 1 <= month <= 12:
            raise _bad(code)
        last = date(year, month, calendar.monthrange(year, month)[1])
        return Period(
            f"{year}-{month:02d}",
            date(year, month, 1),
            last,
            f"tháng {month} năm {year}",
            f"{calendar.month_name[month]} {year}",
            "month",
        )
    return None


def _range(code: str) -> Period:
    first, _, second = code.partition("..")
    try:
        start, end = parse_date(first), parse_date(second)
    except errors.InvalidDate:
        raise _bad(code) from None
    if start is None or end is None:
        raise _bad(code)
    if end < start:
        raise errors.EndBeforeStart(
            end_label=tr("kết thúc", "end"),
            end=_dmy(end),
            start_label=tr("bắt đầu", "start"),
            start=_dmy(start),
        )
    vi, en = _range_labels(start, end)
    return Period(f"{start.isoformat()}..{end.isoformat()}", start, end, vi, en, "range")


def _plan(code: str, session: Session | None) -> Period:
    from sqlalchemy import select
    from sqlmodel import col

    from dangdn_cli.models import Plan

    plan_code = code.split(":", 1)[1].strip()
    if not plan_code:
        raise _bad(code)
    if session is None:
        raise PlanNeedsRegistry(code=plan_code)
    plan = session.execute(select(Plan).where(col(Plan.code) == plan_code)).scalar_one_or_none()
    if plan is None:
        raise UnknownPlan(code=plan_code)
    vi, en = _range_labels(plan.start_on, plan.end_on)
    return Period(
        f"plan:{plan.code}",
        plan.start_on,
        plan.end_on,
        f"thực hiện {plan.title} ({plan.code}) {vi}",
        f"implementing {plan.title} ({plan.code}) {en}",
        "plan",
        plan=plan.code,
    )


def parse_period(
    code: str, cutoff: date | str | None = None, session: Session | None = None
) -> Period:
    """Parse a period code; ``cutoff`` (within the period) ends it early."""
    text = (code or "").strip()
    if not text:
        raise _bad(code or "")
    if text.lower().startswith("plan:"):
        period = _plan(text, session)
    elif ".." in text:
        period = _range(text)
    else:
        try:
            found = _fixed(text)
        except ValueError:  # a year outside what dates can hold
            raise _bad(text) from None
        if found is None:
            raise _bad(text)
        period = found
    cut = parse_date(cutoff)
    if cut is None or cut == period.end:
        return period
    if not period.start <= cut <= period.end:
        raise CutoffOutsidePeriod(cutoff=_dmy(cut), start=_dmy(period.start), end=_dmy(period.end))
    return Period(
        period.code,
        period.start,
        cut,
        f"{period.label_vi} (số liệu tính đến ngày {_dmy(cut)})",
        f"{period.label_en} (figures up to {cut.isoformat()})",
        period.kind,
        period.plan,
        cut,
    )


def period_for(start: date, end: date) -> Period:
    """The period with exactly these bounds, named as a code when it is one."""
    for code in (
        f"{start.year}",
        f"{start.year}H{1 if start.month == 1 else 2}",
        f"{start.year}Q{(start.month + 2) // 3}",
        f"{start.year}-{start.month:02d}",
    ):
        found = _fixed(code)
        if found and found.start == start and found.end == end:
            return found
    return _range(f"{start.isoformat()}..{end.isoformat()}")
