"""``dangdn due``: the next reporting deadlines (six-month report before 25/5,
annual before 25/12; the profile's ``deadline_half_year`` / ``deadline_year``
change them) and, for each, what the registry still lacks for its period;
plus what fieldwork has due (``due_items``): follow-ups past their date and
organisations' terms ended or ending.

Every check is one set-based query; each returns a count and a few examples.
"""

from __future__ import annotations

import calendar
from collections.abc import Callable
from datetime import date
from typing import Any

from sqlalchemy import and_, exists, func, or_, select
from sqlmodel import Session

from dangdn_cli import clock
from dangdn_cli.analysis.periods import Period, parse_period
from dangdn_cli.i18n import fmt_date, tr
from dangdn_cli.models import (
    Enterprise,
    EnterpriseStatus,
    EnterpriseVersion,
    Membership,
    Organization,
    Rating,
    Workforce,
)
from dangdn_cli.registry import activities, admin, history, outreach, rules
from dangdn_cli.registry.history import table_of

DEFAULT_DEADLINES = {"half_year": (25, 5), "year": (25, 12)}
PROFILE_KEYS = {"half_year": "deadline_half_year", "year": "deadline_year"}
# The profile keys a report's header and signature block print.
REPORT_PROFILE_KEYS = (
    "superior_body",
    "issuing_body",
    "symbol",
    "place",
    "signer",
    "signer_title",
    "signing_authority",
    "recipients",
)
EXAMPLES = 5


def _day_month(text: str | None, default: tuple[int, int]) -> tuple[int, int]:
    try:
        day, month = (int(p) for p in (text or "").split("/"))
        date(2024, month, day)  # a leap year accepts 29/2
    except ValueError:
        return default
    return day, month


def _on_or_after(day: int, month: int, as_of: date) -> date:
    """The first date dd/mm on or after ``as_of`` (29/2 falls back to 28/2)."""
    for year in (as_of.year, as_of.year + 1):
        last = calendar.monthrange(year, month)[1]
        candidate = date(year, month, min(day, last))
        if candidate >= as_of:
            return candidate
    raise AssertionError("unreachable")


def _item(key: str, label: str, count: int, examples: list[str], hint: str = "") -> dict[str, Any]:
    return {"key": key, "label": label, "count": count, "examples": examples, "hint": hint}


def _count_and_examples(session: Session, stmt: Any, name_cols: int = 2) -> tuple[int, list[str]]:
    """The number of rows and the first few, in one query (``count() over ()``)."""
    total = func.count().over().label("total_")
    rows = session.connection().execute(stmt.add_columns(total).limit(EXAMPLES)).all()
    count = int(rows[0][-1]) if rows else 0
    examples = [" ".join(str(v) for v in row[:name_cols] if v) for row in rows]
    return count, examples


def _active_where(
    session: Session, on: date, condition: Callable[[Any], Any]
) -> tuple[int, list[str]]:
    """How many enterprises active on ``on`` meet ``condition`` (given their
    attributes in force that day) and the first few by tax code (lighter than
    ``history.enterprise_state``: no workforce ranking)."""
    ent = table_of(Enterprise)
    status = history.latest(EnterpriseStatus, on)
    version = history.latest(EnterpriseVersion, on)
    joined = ent.join(status, status.c.enterprise_id == ent.c.id).join(
        version, version.c.enterprise_id == ent.c.id, isouter=True
    )
    stmt = (
        select(ent.c.tax_code, version.c.name)
        .select_from(joined)
        .where(status.c.status == "active", condition(version))
        .order_by(ent.c.tax_code)
    )
    return _count_and_examples(session, stmt)


def _no_workforce(session: Session, period: Period, on: date) -> dict[str, Any]:
    ent = table_of(Enterprise)
    wf = table_of(Workforce)
    dated = exists().where(
        wf.c.enterprise_id == ent.c.id,
        wf.c.effective_on >= period.start,
        wf.c.effective_on <= period.end,
    )
    count, examples = _active_where(session, on, lambda _version: ~dated)
    return _item(
        "workforce_not_updated",
        tr(
            "Doanh nghiệp đang hoạt động chưa có số lao động cập nhật trong kỳ",
            "Active enterprises with no workforce snapshot dated in the period",
        ),
        count,
        examples,
        tr(
            "dangdn enterprise update MST --as-of NGÀY --workers N …",
            "dangdn enterprise update MST --as-of DATE --workers N …",
        ),
    )


def _no_place(session: Session, on: date) -> dict[str, Any]:
    count, examples = _active_where(
        session, on, lambda version: and_(version.c.commune.is_(None), version.c.zone.is_(None))
    )
    return _item(
        "no_commune",
        tr(
            "Doanh nghiệp chưa có xã/phường hoặc khu công nghiệp (phụ lục không xếp được)",
            "Enterprises with no commune or industrial zone (the annex cannot place them)",
        ),
        count,
        examples,
        "dangdn enterprise update MST --commune …",
    )


def _org_no_decision(session: Session, on: date) -> dict[str, Any]:
    org = table_of(Organization)
    stmt = (
        select(org.c.id, org.c.name)
        .where(history.org_active(on), or_(org.c.decision.is_(None), org.c.decision == ""))
        .order_by(org.c.founded_on, org.c.id)
    )
    count, examples = _count_and_examples(session, stmt)
    return _item(
        "org_without_decision",
        tr("Tổ chức chưa có số quyết định thành lập", "Organisations with no founding decision"),
        count,
        [f"#{e}" for e in examples],
    )


def _probation_overdue(session: Session, on: date) -> dict[str, Any]:
    months = rules.count_rule(rules.get_rules(session), "party.months_to_official")
    mem = table_of(Membership)
    stmt = (
        select(mem.c.id, mem.c.joined_on)
        .where(
            mem.c.type == "party",
            history.membership_active(on),
            # Not official on ``on`` (spelt out: NOT over NULLs would drop rows).
            or_(
                and_(mem.c.official_on.is_(None), func.coalesce(mem.c.status, "") != "official"),
                mem.c.official_on > on,
            ),
            mem.c.joined_on <= history.add_months(on, -months),
        )
        .order_by(mem.c.joined_on, mem.c.id)
    )
    count, examples = _count_and_examples(session, stmt, name_cols=1)
    return _item(
        "probation_overdue",
        tr(
            f"Đảng viên dự bị quá {months} tháng chưa được công nhận chính thức",
            f"Probationary party members past {months} months, not yet official",
        ),
        count,
        [f"#{e}" for e in examples],
        "dangdn member promote ID --on …",
    )


def _ratings_missing(session: Session, year: int, on: date) -> dict[str, Any]:
    org = table_of(Organization)
    rating = table_of(Rating)
    rated = exists().where(rating.c.organization_id == org.c.id, rating.c.year == year)
    stmt = (
        select(org.c.id, org.c.name)
        .where(history.org_active(on), ~rated)
        .order_by(org.c.type, org.c.id)
    )
    count, examples = _count_and_examples(session, stmt)
    return _item(
        "rating_missing",
        tr(
            f"Tổ chức chưa có kết quả xếp loại năm {year}",
            f"Organisations with no rating for {year}",
        ),
        count,
        [f"#{e}" for e in examples],
        f"dangdn rating set --org ID --year {year} --grade …",
    )


def _profile_missing(session: Session) -> dict[str, Any]:
    profile = admin.profile_show(session)
    missing = [k for k in REPORT_PROFILE_KEYS if not profile.get(k)]
    return _item(
        "profile_missing",
        tr(
            "Thông tin cơ quan ban hành chưa khai báo (đầu và cuối báo cáo)",
            "Issuing body details not set (report header and signature)",
        ),
        len(missing),
        missing,
        "dangdn profile set KEY VALUE",
    )


def _missing(session: Session, kind: str, period: Period, as_of: date) -> list[dict[str, Any]]:
    # Check what is in force on the earlier of today and the period's end.
    on = min(max(as_of, period.start), period.end)
    items = [
        _no_workforce(session, period, on),
        _no_place(session, on),
        _org_no_decision(session, on),
        _probation_overdue(session, on),
    ]
    if kind == "year":
        items.append(_ratings_missing(session, period.end.year, on))
    return items


def due(session: Session, as_of: date | None = None) -> dict[str, Any]:
    """The next deadline of each report and what each still lacks."""
    as_of = as_of or clock.today()
    profile = admin.profile_show(session)
    deadlines = []
    for kind in ("half_year", "year"):
        day, month = _day_month(profile.get(PROFILE_KEYS[kind]), DEFAULT_DEADLINES[kind])
        due_on = _on_or_after(day, month, as_of)
        code = f"{due_on.year}H1" if kind == "half_year" else f"{due_on.year}"
        period = parse_period(code)
        missing = [m for m in _missing(session, kind, period, as_of) if m["count"]]
        deadlines.append(
            {
                "kind": kind,
                "report": tr("Báo cáo 6 tháng", "Six-month report")
                if kind == "half_year"
                else tr("Báo cáo năm", "Annual report"),
                "period": code,
                "period_label": period.label,
                "due_on": due_on.isoformat(),
                "days_left": (due_on - as_of).days,
                "missing": missing,
            }
        )
    deadlines.sort(key=lambda d: d["due_on"])
    profile_item = _profile_missing(session)
    return {
        "as_of": as_of.isoformat(),
        "deadlines": deadlines,
        "profile_missing": profile_item["examples"],
        "follow_ups": _follow_ups(session, as_of),
    }


def due_items(session: Session, on: date) -> list[dict[str, Any]]:
    """What needs doing as of ``on``, most urgent first, for ``dangdn due``.

    Each item has ``kind`` (``overdue_follow_up``, ``term_expired`` — the
    current term ended before ``on`` and no congress opened a new one —, or
    ``term_ending`` — it ends within 6 months), ``due_on``, ``days`` (days
    left; negative when past), the subject (``tax_code``/``enterprise_name``
    or ``org_id``/``org_type``/``org_name``) and ``description`` (one line for
    a person, in the current language).
    """

    items: list[dict[str, Any]] = []
    for visit in outreach.list_visits(session, on, overdue=True):
        name = visit["enterprise_name"] or visit["tax_code"]
        step = visit["next_step"] or tr("bước tiếp theo", "the next step")
        items.append(
            {
                "kind": "overdue_follow_up",
                "due_on": visit["next_due_on"],
                "days": -visit["days_overdue"],
                "visit_id": visit["id"],
                "tax_code": visit["tax_code"],
                "enterprise_name": visit["enterprise_name"],
                "cadre": visit["cadre"],
                "next_step": visit["next_step"],
                "description": tr(
                    f"Quá hạn {visit['days_overdue']} ngày: {step} tại {name} "
                    f"(hạn {fmt_date(visit['next_due_on'])}, cán bộ {visit['cadre']}).",
                    f"{visit['days_overdue']} days overdue: {step} at {name} "
                    f"(due {fmt_date(visit['next_due_on'])}, cadre {visit['cadre']}).",
                ),
            }
        )
    for term in activities.terms_due(session, on):
        items.append(term)
    items.sort(key=lambda item: (item["due_on"], item["kind"]))
    return items


def _follow_ups(session: Session, on: date) -> list[dict[str, Any]]:
    items = due_items(session, on)
    return [
        {k: (v.isoformat() if isinstance(v, date) else v) for k, v in item.items()}
        for item in items
    ]


def describe_deadline(item: dict[str, Any]) -> str:
    """A deadline of ``due`` in one line: the report, its date, the days left."""
    days = item["days_left"]
    when = fmt_date(date.fromisoformat(item["due_on"]))
    if days == 0:
        left = tr("hạn hôm nay", "due today")
    else:
        left = tr(f"còn {days} ngày", f"{days} days left")
    label = item["period_label"]
    return tr(f"Báo cáo {label}: hạn {when} ({left})", f"Report for {label}: due {when} ({left})")
