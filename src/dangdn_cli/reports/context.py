"""What a report needs, gathered once (``collect``), and the template context
built from it (``template_context``): the figures of SPEC §4 raw and
formatted Vietnamese-style, the lists behind them and the issuing body's
profile."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from sqlalchemy import Table, select
from sqlmodel import Session

from dangdn_cli import i18n
from dangdn_cli.analysis import breakdown, eligibility, figures, report_figures
from dangdn_cli.analysis.periods import Period, parse_period
from dangdn_cli.catalogue import fmt_figure
from dangdn_cli.i18n import fmt_int, fmt_money, fmt_pct
from dangdn_cli.models import (
    Enterprise,
    EnterpriseVersion,
    Organization,
    OrganizationEnterprise,
)
from dangdn_cli.registry import admin, history, rules
from dangdn_cli.reports.fields import (
    ORG_TYPES,
    figure_label,
    grade_name,
    is_stock,
    member_noun,
    org_name,
)


def table_of(model: Any) -> Table:
    """The Core table of a SQLModel class, typed."""
    table: Table = model.__table__
    return table


# The Word report lists at most this many rows per list; the Excel annex has all.
LIST_LIMIT = 200
PLACEHOLDER = "……………"
FIELDWORK_SECTIONS = ("outreach", "activities", "ratings", "recognition")


@dataclass
class ReportData:
    period: Period
    figures: dict[str, Any]
    by_commune: list[dict[str, Any]]
    by_sector: list[dict[str, Any]]
    founded_orgs: list[dict[str, Any]]
    dissolved_orgs: list[dict[str, Any]]
    eligible: list[dict[str, Any]]
    profile: dict[str, str | None]
    union_threshold: int | None
    issued_on: date
    review: dict[str, Any] | None = None
    notes: dict[str, list[str]] = field(default_factory=dict)


@contextmanager
def vietnamese() -> Iterator[None]:
    """Format numbers Vietnamese-style whatever the user's language: the Word
    report follows the Party's format."""
    saved = i18n._current
    i18n.set_lang("vi")
    try:
        yield
    finally:
        i18n.set_lang(saved)


# --- gathering -----------------------------------------------------------------------


def _orgs_dated(session: Session, column: str, start: date, end: date) -> list[dict[str, Any]]:
    """Organisations founded (or dissolved) within [start, end], with the
    enterprises they cover named as of ``end``."""
    org = table_of(Organization)
    link = table_of(OrganizationEnterprise)
    ent = table_of(Enterprise)
    version = history.latest(EnterpriseVersion, end)
    when = org.c[column]
    decision = org.c.decision if column == "founded_on" else org.c.dissolution_decision
    stmt = (
        select(
            org.c.id,
            org.c.type,
            org.c.name,
            when.label("on"),
            decision.label("decision"),
            ent.c.tax_code,
            version.c.name.label("enterprise"),
            version.c.commune,
            version.c.zone,
        )
        .select_from(
            org.outerjoin(link, link.c.organization_id == org.c.id)
            .outerjoin(ent, ent.c.id == link.c.enterprise_id)
            .outerjoin(version, version.c.enterprise_id == ent.c.id)
        )
        .where(when >= start, when <= end)
        .order_by(when, org.c.id, ent.c.id)
    )
    out: dict[int, dict[str, Any]] = {}
    for row in session.connection().execute(stmt).mappings():
        item = out.setdefault(
            row["id"],
            {
                "id": row["id"],
                "type": row["type"],
                "name": row["name"],
                "on": row["on"],
                "decision": row["decision"],
                "enterprises": [],
            },
        )
        if row["tax_code"]:
            item["enterprises"].append(
                {
                    "tax_code": row["tax_code"],
                    "name": row["enterprise"],
                    "place": row["zone"] or row["commune"],
                }
            )
    return list(out.values())


def _eligible(session: Session, on: date) -> list[dict[str, Any]]:

    rows: list[dict[str, Any]] = []
    for kind in ORG_TYPES:
        for item in eligibility.eligible_enterprises(session, kind, on):
            rows.append({"type": kind, **item})
    return rows


def _union_threshold(session: Session) -> int | None:
    return rules.count_rule(rules.get_rules(session), "union.min_stable_workers")


def flatten(figures: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    """Scalar figures by dotted name (lists such as targets are left out)."""
    out: dict[str, Any] = {}
    for key, value in figures.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            out.update(flatten(value, f"{name}."))
        elif not isinstance(value, list):
            out[name] = value
    return out


def _review(session: Session, period: Period, figures_end: dict[str, Any]) -> dict[str, Any]:
    """The plan's stocks the day before it started against those at its end."""

    baseline = period.start - timedelta(days=1)
    at_start = figures.compute(session, baseline, baseline)
    start_flat, end_flat = flatten(at_start), flatten(figures_end)
    rows = []
    for name, end_value in end_flat.items():
        if not is_stock(name) or name.startswith("period."):
            continue
        start_value = start_flat.get(name)
        change = None
        if isinstance(end_value, (int, float)) and isinstance(start_value, (int, float)):
            change = end_value - start_value
            if isinstance(change, float):
                change = round(change, 4)
        rows.append({"figure": name, "start": start_value, "end": end_value, "change": change})
    return {"start_on": baseline.isoformat(), "end_on": period.end.isoformat(), "rows": rows}


def resolve_period(
    session: Session, code: str, cutoff: date | str | None = None, today: date | None = None
) -> Period:
    """Parse the period; a plan still running is reviewed as of today."""
    period = parse_period(code, cutoff, session)
    today = today or date.today()
    if period.kind == "plan" and period.cutoff is None and period.start <= today < period.end:
        period = parse_period(code, today, session)
    return period


def collect(
    session: Session,
    period: Period,
    plan: str | None = None,
    issued_on: date | None = None,
) -> ReportData:
    """Everything a report shows, read once in one transaction."""

    if plan is not None:
        parse_period(f"plan:{plan}", session=session)  # an unknown plan is an error
    result = report_figures.compute(session, period.start, period.end, period.code)
    if plan is not None:
        result["targets"] = [t for t in result.get("targets", []) if t.get("plan") == plan]
        result["funding"] = [f for f in result.get("funding", []) if f.get("plan") == plan]
    data = ReportData(
        period=period,
        figures=result,
        by_commune=breakdown.breakdown(session, period.end, "commune"),
        by_sector=breakdown.breakdown(session, period.end, "sector"),
        founded_orgs=_orgs_dated(session, "founded_on", period.start, period.end),
        dissolved_orgs=_orgs_dated(session, "dissolved_on", period.start, period.end),
        eligible=_eligible(session, period.end),
        profile=admin.profile_show(session),
        union_threshold=_union_threshold(session),
        issued_on=issued_on or date.today(),
    )
    if period.kind == "plan":
        data.review = _review(session, period, result)
    return data


def review_json(data: ReportData) -> dict[str, Any]:
    """``report --json`` for a plan's multi-year review."""
    assert data.review is not None
    rows = [{**row, "label": figure_label(row["figure"])} for row in data.review["rows"]]
    return {
        "period": data.period.as_dict(),
        "review": {**data.review, "rows": rows},
        "figures": data.figures,
    }


# --- notes (--notes FILE) --------------------------------------------------------------

_SHORTCOMINGS = ("han che", "kho khan", "ton tai", "shortcoming", "difficult", "weakness")
_DIRECTIONS = ("phuong huong", "nhiem vu", "giai phap", "kien nghi", "direction", "task", "next")


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
        if re.match(r"^([-*+]|\d+[.)])\s+", line):
            flush()
            line = "- " + re.sub(r"^([-*+]|\d+[.)])\s+", "", line)
        line = re.sub(r"(\*\*|__|\*|`)", "", line)
        paragraph.append(line)
    flush()
    return sections


# --- formatting --------------------------------------------------------------------------


def format_figures(figures: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in figures.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            out[key] = format_figures(value, f"{name}.")
        elif not isinstance(value, list):
            out[key] = fmt_figure(name, value)
    return out


def fmt_change(value: Any, name: str) -> str:
    if value is None:
        return "–"
    text = fmt_figure(name, abs(value))
    if value > 0:
        return f"+{text}"
    return f"-{text}" if value < 0 else text


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _dmy(value: Any) -> str:
    if isinstance(value, str):
        value = date.fromisoformat(value)
    return value.strftime("%d/%m/%Y") if value else ""


def _has(section: Any) -> bool:
    if isinstance(section, dict):
        return any(_has(v) for v in section.values())
    return isinstance(section, (int, float)) and not isinstance(section, bool) and section != 0


def document_number(number: str | None, symbol: str | None) -> str:
    """``12-BC/BTCHU`` as given; ``12`` becomes ``12-BC/<symbol>``; none leaves
    the number blank for the office to fill in."""
    symbol = symbol or PLACEHOLDER
    text = (number or "").strip()
    if text.lower().startswith("số"):
        text = text[2:].strip()
    if not text:
        return f"     -BC/{symbol}"
    if text.isdigit():
        return f"{text}-BC/{symbol}"
    return text


def recipients(value: str | None) -> list[str]:
    """ "Ban Tổ chức Tỉnh ủy; Thường trực Huyện ủy" -> ["- Ban Tổ chức Tỉnh ủy,", …, "- Lưu."]."""
    items = [i.strip().lstrip("-").strip().rstrip(",.;") for i in (value or "").split(";")]
    items = [i for i in items if i] or [PLACEHOLDER]
    if not any(i18n.fold(i).startswith("luu") for i in items):
        items.append("Lưu")
    return [f"- {item}{'.' if n == len(items) - 1 else ','}" for n, item in enumerate(items)]


def subject(period: Period) -> str:
    if period.kind == "plan":
        return f"Sơ kết {period.label_vi}"
    return (
        "Kết quả xây dựng tổ chức đảng, đoàn thể trong doanh nghiệp "
        f"ngoài khu vực nhà nước {period.label_vi}"
    )


def _org_rows(figures: dict[str, Any]) -> list[dict[str, Any]]:
    rows = []
    orgs = figures.get("organizations", {})
    members = figures.get("members", {})
    eligible = figures.get("eligible_without_org", {})
    for kind in ORG_TYPES:
        o = orgs.get(kind, {})
        m = members.get(kind, {})
        name = org_name(kind, vi=True)
        rows.append(
            {
                "type": kind,
                "name": name,
                "Name": name[:1].upper() + name[1:],
                "active": fmt_int(o.get("active")),
                "founded": fmt_int(o.get("founded")),
                "dissolved": fmt_int(o.get("dissolved")),
                "enterprises_covered": fmt_int(o.get("enterprises_covered")),
                "members": fmt_int(m.get("total")),
                "member_noun": member_noun(kind, vi=True),
                "joined": fmt_int(m.get("admitted" if kind == "party" else "joined")),
                "eligible": fmt_int(eligible.get(kind)),
            }
        )
    return rows


def _org_list(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [
        {
            "no": n,
            "type": item["type"],
            "type_name": _cap(org_name(item["type"], vi=True)),
            "name": item["name"] or "",
            "enterprises": "; ".join(e["name"] or e["tax_code"] for e in item["enterprises"]),
            "date": _dmy(item["on"]),
            "decision": item["decision"] or "",
        }
        for n, item in enumerate(items[:LIST_LIMIT], start=1)
    ]


def _target_rows(figures: dict[str, Any]) -> list[dict[str, Any]]:
    rows = []
    for t in figures.get("targets", []):
        figure = t.get("figure", "")
        on_track = t.get("on_track")
        rate = t.get("rate")
        if rate is not None and rate >= 1:
            status = "Đã đạt"
        elif on_track:
            status = "Đúng tiến độ"
        elif on_track is None:
            status = "–"
        else:
            status = "Chậm tiến độ"
        rows.append(
            {
                "plan": t.get("plan", ""),
                "figure": figure,
                "label": figure_label(figure, vi=True),
                "target": fmt_figure(figure, t.get("target")),
                "achieved": fmt_figure(figure, t.get("achieved")),
                "rate": fmt_pct(rate),
                "status": status,
            }
        )
    return rows


def _funding_rows(figures: dict[str, Any]) -> list[dict[str, Any]]:
    return [
        {
            "plan": f.get("plan", ""),
            "type": f.get("type", ""),
            "type_name": _cap(org_name(f.get("type", ""), vi=True)),
            "founded": fmt_int(f.get("founded")),
            "paid_for": fmt_int(f.get("paid_for")),
            "amount_per_org": fmt_money(f.get("amount_per_org")),
            "total": fmt_money(f.get("total")),
        }
        for f in figures.get("funding", [])
    ]


def _rating_rows(figures: dict[str, Any]) -> list[dict[str, Any]]:
    rows = []
    for kind, grades in (figures.get("ratings") or {}).items():
        for grade, count in (grades or {}).items():
            if count:
                rows.append(
                    {
                        "type": kind,
                        "type_name": _cap(org_name(kind, vi=True)),
                        "grade": grade_name(kind, grade, vi=True),
                        "count": fmt_int(count),
                    }
                )
    return rows


def _review_rows(review: dict[str, Any] | None) -> list[dict[str, Any]]:
    if not review:
        return []
    return [
        {
            "figure": row["figure"],
            "label": figure_label(row["figure"], vi=True),
            "start": fmt_figure(row["figure"], row["start"]),
            "end": fmt_figure(row["figure"], row["end"]),
            "change": fmt_change(row["change"], row["figure"]),
        }
        for row in review["rows"]
    ]


ROMAN_NUMERALS = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")


def section_numbers(fieldwork: bool, review: bool) -> dict[str, str]:
    """Roman numerals of the report's sections; optional ones are numbered
    only when present, so the numbering has no gaps."""
    names = ["general", "results", "eligible"]
    if fieldwork:
        names.append("fieldwork")
    names.append("targets")
    if review:
        names.append("review")
    names += ["shortcomings", "directions"]
    numbers = dict.fromkeys(("fieldwork", "review"), "")
    numbers.update(zip(names, ROMAN_NUMERALS, strict=False))
    return numbers


def template_context(data: ReportData, number: str | None = None) -> dict[str, Any]:
    """Every field a template may use (documented in ``fields.TEMPLATE_FIELDS``);
    numbers formatted Vietnamese-style."""
    with vietnamese():
        return _template_context(data, number)


def _template_context(data: ReportData, number: str | None) -> dict[str, Any]:
    figures = data.figures
    profile = {k: (v or PLACEHOLDER) for k, v in data.profile.items()}
    if not data.profile.get("signing_authority"):
        profile["signing_authority"] = f"T/M {PLACEHOLDER}"
    period = data.period
    eligible_rows = [
        {
            "no": n,
            "type": e["type"],
            "type_name": _cap(org_name(e["type"], vi=True)),
            "name": e.get("name") or "",
            "tax_code": e.get("tax_code") or "",
            "place": e.get("zone") or e.get("commune") or "",
        }
        for n, e in enumerate(data.eligible[:LIST_LIMIT], start=1)
    ]
    funding_total = sum(int(f.get("total") or 0) for f in figures.get("funding", []))
    rating_rows = _rating_rows(figures)
    has = {
        "has_outreach": _has(figures.get("outreach")),
        "has_activities": _has(figures.get("activities")),
        "has_ratings": bool(rating_rows),
        "has_recognition": _has(figures.get("recognition")),
    }
    fieldwork = any(has.values()) or bool(figures.get("terms_ending_within_6_months"))
    return {
        "title": "BÁO CÁO",
        "subject": subject(period),
        "report_kind": "review" if data.review else "period",
        "period": {
            "code": period.code,
            "label": period.label_vi,
            "start": _dmy(period.start),
            "end": _dmy(period.end),
        },
        "profile": profile,
        "number": document_number(number, data.profile.get("symbol")),
        "issue_date": {
            "day": f"{data.issued_on.day:02d}",
            "month": f"{data.issued_on.month:02d}",
            "year": str(data.issued_on.year),
        },
        "recipients": recipients(data.profile.get("recipients")),
        "f": figures,
        "n": format_figures(figures),
        "org_rows": _org_rows(figures),
        "founded_orgs": _org_list(data.founded_orgs),
        "founded_more": max(0, len(data.founded_orgs) - LIST_LIMIT),
        "dissolved_orgs": _org_list(data.dissolved_orgs),
        "union_threshold": fmt_int(data.union_threshold),
        "eligible_rows": eligible_rows,
        "eligible_total": fmt_int(len(data.eligible)),
        "eligible_more": max(0, len(data.eligible) - LIST_LIMIT),
        "targets": _target_rows(figures),
        "funding": _funding_rows(figures),
        "funding_total": fmt_money(funding_total),
        **has,
        "sec": section_numbers(fieldwork, bool(data.review)),
        "period_year": str(period.end.year),
        "rating_rows": rating_rows,
        "terms_ending": fmt_int(figures.get("terms_ending_within_6_months")),
        "chart": None,
        "chart_caption": "",
        "shortcomings": data.notes.get("shortcomings", []),
        "directions": data.notes.get("directions", []),
        "review": bool(data.review),
        "review_rows": _review_rows(data.review),
        "review_start": _dmy(data.review["start_on"]) if data.review else "",
        "review_end": _dmy(data.review["end_on"]) if data.review else "",
    }
