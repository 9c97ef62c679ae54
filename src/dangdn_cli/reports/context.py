"""The template context of the Word report (``template_context``): every
field ``report --list-fields`` documents, built from the data ``collect``
read: the figures raw and formatted Vietnamese-style, the rows of each table,
the document's number, date, subject, recipients and section numerals. The
Word report follows the Party's format, so its words and numbers are
Vietnamese whatever the user's language (``vietnamese``)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from typing import Any

from dangdn_cli import catalogue, i18n
from dangdn_cli.analysis.periods import Period
from dangdn_cli.catalogue import fmt_figure
from dangdn_cli.i18n import fmt_int, fmt_money, fmt_pct
from dangdn_cli.reports.collect import ReportData
from dangdn_cli.vocabulary import MEMBER_TYPE, ORG_TYPE, ORG_TYPES, grade_label

# The Word report lists at most this many rows per list; the Excel annex has all.
LIST_LIMIT = 200
PLACEHOLDER = "……………"
ROMAN_NUMERALS = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")


@contextmanager
def vietnamese() -> Iterator[None]:
    """Words and numbers in Vietnamese whatever the user's language: the Word
    report and its Excel annex follow the Party's format."""
    saved = i18n._current
    i18n.set_lang("vi")
    try:
        yield
    finally:
        i18n.set_lang(saved)


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


def _dmy(value: Any) -> str:
    if isinstance(value, str):
        value = date.fromisoformat(value)
    return value.strftime("%d/%m/%Y") if value else ""


def _has(section: Any) -> bool:
    if isinstance(section, dict):
        return any(_has(v) for v in section.values())
    return isinstance(section, (int, float)) and not isinstance(section, bool) and section != 0


def _type_name(kind: str) -> str:
    return ORG_TYPE.label(kind, capital=True)


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
        rows.append(
            {
                "type": kind,
                "name": ORG_TYPE.label(kind),
                "Name": _type_name(kind),
                "active": fmt_int(o.get("active")),
                "founded": fmt_int(o.get("founded")),
                "dissolved": fmt_int(o.get("dissolved")),
                "enterprises_covered": fmt_int(o.get("enterprises_covered")),
                "members": fmt_int(m.get("total")),
                "member_noun": MEMBER_TYPE.label(kind),
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
            "type_name": _type_name(item["type"]),
            "name": item["name"] or "",
            "enterprises": "; ".join(e["name"] or e["tax_code"] for e in item["enterprises"]),
            "date": _dmy(item["on"]),
            "decision": item["decision"] or "",
        }
        for n, item in enumerate(items[:LIST_LIMIT], start=1)
    ]


def _eligible_rows(eligible: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [
        {
            "no": n,
            "type": e["type"],
            "type_name": _type_name(e["type"]),
            "name": e.get("name") or "",
            "tax_code": e.get("tax_code") or "",
            "place": e.get("zone") or e.get("commune") or "",
        }
        for n, e in enumerate(eligible[:LIST_LIMIT], start=1)
    ]


def target_status(target: dict[str, Any]) -> str:
    """A target's progress in words: achieved, on track, behind (– unknown)."""
    rate = target.get("rate")
    if rate is not None and rate >= 1:
        return "Đã đạt"
    on_track = target.get("on_track")
    if on_track:
        return "Đúng tiến độ"
    return "–" if on_track is None else "Chậm tiến độ"


def _target_rows(figures: dict[str, Any]) -> list[dict[str, Any]]:
    rows = []
    for t in figures.get("targets", []):
        figure = t.get("figure", "")
        rows.append(
            {
                "plan": t.get("plan", ""),
                "figure": figure,
                "label": catalogue.label(figure),
                "target": fmt_figure(figure, t.get("target")),
                "achieved": fmt_figure(figure, t.get("achieved")),
                "rate": fmt_pct(t.get("rate")),
                "status": target_status(t),
            }
        )
    return rows


def _funding_rows(figures: dict[str, Any]) -> list[dict[str, Any]]:
    return [
        {
            "plan": f.get("plan", ""),
            "type": f.get("type", ""),
            "type_name": _type_name(f.get("type", "")),
            "founded": fmt_int(f.get("founded")),
            "paid_for": fmt_int(f.get("paid_for")),
            "amount_per_org": fmt_money(f.get("amount_per_org")),
            "total": fmt_money(f.get("total")),
        }
        for f in figures.get("funding", [])
    ]


def _rating_rows(figures: dict[str, Any]) -> list[dict[str, Any]]:
    return [
        {
            "type": kind,
            "type_name": _type_name(kind),
            "grade": grade_label(grade, kind, capital=True),
            "count": fmt_int(count),
        }
        for kind, grades in (figures.get("ratings") or {}).items()
        for grade, count in (grades or {}).items()
        if count
    ]


def _review_rows(review: dict[str, Any] | None) -> list[dict[str, Any]]:
    if not review:
        return []
    return [
        {
            "figure": row["figure"],
            "label": catalogue.label(row["figure"]),
            "start": fmt_figure(row["figure"], row["start"]),
            "end": fmt_figure(row["figure"], row["end"]),
            "change": fmt_change(row["change"], row["figure"]),
        }
        for row in review["rows"]
    ]


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
    funding_total = sum(int(f.get("total") or 0) for f in figures.get("funding", []))
    rating_rows = _rating_rows(figures)
    has = {
        "has_outreach": _has(figures.get("outreach")),
        "has_activities": _has(figures.get("activities")),
        "has_ratings": bool(rating_rows),
        "has_recognition": _has(figures.get("recognition")),
    }
    fieldwork = any(has.values()) or bool(figures.get("terms_ending_within_6_months"))
    review = data.review
    return {
        "title": "BÁO CÁO",
        "subject": subject(period),
        "report_kind": "review" if review else "period",
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
        "eligible_rows": _eligible_rows(data.eligible),
        "eligible_total": fmt_int(len(data.eligible)),
        "eligible_more": max(0, len(data.eligible) - LIST_LIMIT),
        "targets": _target_rows(figures),
        "funding": _funding_rows(figures),
        "funding_total": fmt_money(funding_total),
        **has,
        "sec": section_numbers(fieldwork, bool(review)),
        "period_year": str(period.end.year),
        "rating_rows": rating_rows,
        "terms_ending": fmt_int(figures.get("terms_ending_within_6_months")),
        "chart": None,
        "chart_caption": "",
        "shortcomings": data.notes.get("shortcomings", []),
        "directions": data.notes.get("directions", []),
        "review": bool(review),
        "review_rows": _review_rows(review),
        "review_start": _dmy(review["start_on"]) if review else "",
        "review_end": _dmy(review["end_on"]) if review else "",
    }
