"""The figures a report computes and a plan may target: their dotted names
(``organizations.party.founded``), what each means in words, which are rates
(fractions from 0 to 1) and which are flows (counted within a period, the
others being stocks at its end), how to read one from the nested figures and
how to write one for a person."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from dangdn_cli.i18n import fmt_int, fmt_num, fmt_pct, lang, tr
from dangdn_cli.vocabulary import GRADE_SCALES, MEMBER_TYPE, ORG_TYPE, ORG_TYPES, grade_pair

MEMBER_TYPES = ("union", "youth", "women", "veterans")


def _type_words(kind: str) -> tuple[str, str]:
    return ORG_TYPE.pair(kind, "plural")


def _member_words(kind: str) -> tuple[str, str]:
    return MEMBER_TYPE.pair(kind, "plural")


def _rating_label(kind: str, grade: str) -> tuple[str, str]:
    vi, en = _type_words(kind)
    grade_vi, grade_en = grade_pair(grade, kind) or (grade, grade)
    return (f"Số {vi} xếp loại {grade_vi}", f"{en.capitalize()} rated {grade_en}")


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _labels(scales: Mapping[str, Sequence[str]] | None = None) -> dict[str, tuple[str, str]]:
    """Every figure a plan target may name, with its Vietnamese and English
    meaning; ``scales`` are the rating grades of each type in force (default:
    the vocabulary's)."""
    scales = scales or GRADE_SCALES
    out: dict[str, tuple[str, str]] = {
        "enterprises.active": ("Doanh nghiệp đang hoạt động", "Active enterprises"),
        "enterprises.workers": ("Tổng số lao động", "Workers"),
        "enterprises.stable_workers": ("Lao động có việc làm ổn định", "Stable workers"),
    }
    for kind in ORG_TYPES:
        vi, en = _type_words(kind)
        org_vi, orgs_en = ORG_TYPE.pair(kind, "plural")
        out[f"organizations.{kind}.active"] = (
            f"{_cap(org_vi)} đang hoạt động",
            f"Active {orgs_en}",
        )
        out[f"organizations.{kind}.founded"] = (
            f"Số {vi} thành lập mới",
            f"{en} founded".capitalize(),
        )
        out[f"organizations.{kind}.dissolved"] = (
            f"Số {vi} giải thể",
            f"{en} dissolved".capitalize(),
        )
        out[f"organizations.{kind}.enterprises_covered"] = (
            f"Doanh nghiệp có {org_vi}",
            f"Enterprises with {orgs_en}",
        )
    out.update(
        {
            "members.party.total": ("Đảng viên", "Party members"),
            "members.party.official": ("Đảng viên chính thức", "Official party members"),
            "members.party.probationary": ("Đảng viên dự bị", "Probationary party members"),
            "members.party.admitted": ("Đảng viên kết nạp mới", "Party members admitted"),
            "members.party.owners": (
                "Chủ doanh nghiệp là đảng viên",
                "Owners who are party members",
            ),
        }
    )
    for kind in MEMBER_TYPES:
        vi, en = _member_words(kind)
        members_vi, members_en = MEMBER_TYPE.pair(kind, "plural")
        out[f"members.{kind}.total"] = (_cap(members_vi), _cap(members_en))
        out[f"members.{kind}.joined"] = (f"Số {vi} mới", f"New {en}")
    out.update(
        {
            "union_coverage.eligible": (
                "Doanh nghiệp đủ số lao động để lập công đoàn",
                "Enterprises with enough stable workers for a union",
            ),
            "union_coverage.covered": ("Trong đó đã có công đoàn", "Of which have a union"),
            "union_coverage.rate": (
                "Tỷ lệ doanh nghiệp đủ điều kiện đã có công đoàn",
                "Share of those enterprises with a union",
            ),
            "candidates.identified": ("Quần chúng ưu tú được xác định", "Candidates identified"),
            "candidates.trained": (
                "Quần chúng học lớp nhận thức về Đảng",
                "Candidates trained",
            ),
            "candidates.introduced": ("Quần chúng được giới thiệu", "Candidates introduced"),
            "candidates.admitted": ("Quần chúng được kết nạp", "Candidates admitted"),
        }
    )
    for kind in ORG_TYPES:
        org_vi, orgs_en = ORG_TYPE.pair(kind, "plural")
        out[f"eligible_without_org.{kind}"] = (
            f"Doanh nghiệp đủ điều kiện, chưa có {org_vi}",
            f"Eligible enterprises without {orgs_en}",
        )
    out.update(
        {
            "outreach.visits": ("Lượt tiếp cận doanh nghiệp", "Outreach visits"),
            "outreach.enterprises_visited": (
                "Doanh nghiệp được tiếp cận",
                "Enterprises visited",
            ),
            "outreach.surveys_without_party_org": (
                "Khảo sát doanh nghiệp chưa có tổ chức đảng",
                "Surveys of enterprises without a party organisation",
            ),
            "outreach.overdue_follow_ups": ("Việc tiếp theo quá hạn", "Overdue follow-ups"),
            "activities.sessions": ("Buổi học tập, quán triệt", "Study sessions"),
            "activities.attendees": ("Lượt người tham dự", "Attendances"),
            "activities.party_attendees": (
                "Lượt đảng viên tham dự",
                "Party member attendances",
            ),
            "activities.party_attendance_rate": (
                "Tỷ lệ đảng viên tham dự",
                "Party member attendance rate",
            ),
            "activities.congresses": ("Đại hội", "Congresses"),
        }
    )
    for kind in ORG_TYPES:
        vi, en = _type_words(kind)
        for grade in scales.get(kind) or GRADE_SCALES[kind]:
            out[f"ratings.{kind}.{grade}"] = _rating_label(kind, grade)
    out.update(
        {
            "recognition.models": ("Mô hình “Dân vận khéo”", "“Dân vận khéo” models"),
            "recognition.awards_collective": ("Khen thưởng tập thể", "Collective awards"),
            "recognition.awards_individual": ("Khen thưởng cá nhân", "Individual awards"),
            "terms_ending_within_6_months": (
                "Tổ chức hết nhiệm kỳ trong 6 tháng tới",
                "Terms ending within 6 months",
            ),
        }
    )
    return out


FIGURE_LABELS: dict[str, tuple[str, str]] = _labels()
# The dotted names a plan target may use (the report's single figures; ratings with the
# default scales).
FIGURE_NAMES: tuple[str, ...] = tuple(FIGURE_LABELS)
# Figures computed by analysis/fieldwork.py.
FIELDWORK_PREFIXES = ("outreach.", "activities.", "ratings.", "recognition.", "terms_ending")


def is_rate(name: str) -> bool:
    """A figure that is a fraction from 0 to 1 (its last part is ``rate`` or ends in ``_rate``)."""
    last = name.rsplit(".", 1)[-1]
    return last == "rate" or last.endswith("_rate")


RATE_FIGURES = frozenset(name for name in FIGURE_NAMES if is_rate(name))


def is_flow(name: str) -> bool:
    """A figure counted within the period (others are stocks as of its end)."""
    last = name.rsplit(".", 1)[-1]
    if name.startswith(("candidates.", "recognition.")):
        return True
    if name.startswith("outreach."):
        return last != "overdue_follow_ups"
    if name.startswith("activities."):
        return not is_rate(name)
    return last in ("founded", "dissolved", "admitted", "joined")


def figure_names(scales: Mapping[str, Sequence[str]] | None = None) -> tuple[str, ...]:
    """FIGURE_NAMES with the rating scales in force (``rating.<type>.grades``)."""
    if scales is None:
        return FIGURE_NAMES
    return tuple(_labels(scales))


def label(name: str) -> str:
    """The figure's meaning in the user's language (the name itself if unknown)."""
    labels = FIGURE_LABELS.get(name)
    if labels is None and name.startswith("ratings."):
        _, kind, grade = [*name.split(".", 2), "", ""][:3]
        labels = _rating_label(kind, grade)
    return tr(*labels) if labels else name


def lookup(figures: dict[str, Any], name: str) -> Any:
    """``lookup(figures, "organizations.party.founded")``; None if absent."""
    node: Any = figures
    for part in name.split("."):
        if not isinstance(node, dict) or part not in node:
            return None
        node = node[part]
    return node


def fmt_figure(name: str, value: Any, digits: int = 2) -> str:
    """A figure's value as a person reads it: 10.955, 90 %, – when unknown;
    a count that is not whole (a projection) with ``digits`` decimals."""
    if value is None:
        return "–"
    if isinstance(value, bool):
        return "có" if lang() == "vi" else "yes"
    if is_rate(name) and isinstance(value, (int, float)):
        return fmt_pct(value)
    if isinstance(value, int):
        return fmt_int(value)
    if isinstance(value, float):
        return fmt_int(value) if value.is_integer() else fmt_num(value, digits)
    return str(value)
