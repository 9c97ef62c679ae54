"""The report as Markdown (``--md FILE``) and as blocks the terminal summary
prints with Rich: headings, key-value lists and tables, in the user's
language."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from dangdn_cli import catalogue
from dangdn_cli.catalogue import fmt_figure
from dangdn_cli.i18n import fmt_date, fmt_int, fmt_money, fmt_pct, tr
from dangdn_cli.reports.collect import ReportData, flatten
from dangdn_cli.reports.context import LIST_LIMIT, fmt_change, subject
from dangdn_cli.reports.errors import writing
from dangdn_cli.vocabulary import ORG_TYPE, ORG_TYPES, grade_label

__all__ = ["Block", "ReportData", "blocks", "render", "write"]


@dataclass
class Block:
    title: str
    headers: list[str] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)
    text: str = ""
    numeric_from: int = 1  # columns from this one on are right-aligned


def org_title(kind: str) -> str:
    """An organisation type's name, capitalised for a table cell."""
    return ORG_TYPE.label(kind, capital=True)


def _pairs(title: str, names: list[str], figures: dict[str, Any]) -> Block:
    flat = flatten(figures)
    rows = [[catalogue.label(n), fmt_figure(n, flat.get(n))] for n in names if n in flat]
    return Block(title, [tr("Số liệu", "Figure"), tr("Giá trị", "Value")], rows)


def blocks(data: ReportData, limit: int = LIST_LIMIT) -> list[Block]:
    """The report's sections; lists show at most ``limit`` rows and say how many more."""
    f = data.figures
    out: list[Block] = []
    p = data.period
    out.append(
        Block(
            tr("Kỳ báo cáo", "Period"),
            text=f"{p.label} ({p.code}): {fmt_date(p.start)} – {fmt_date(p.end)}",
        )
    )
    out.append(
        _pairs(
            tr("Doanh nghiệp", "Enterprises"),
            ["enterprises.active", "enterprises.workers", "enterprises.stable_workers"],
            f,
        )
    )
    orgs, members, eligible = (
        f.get("organizations", {}),
        f.get("members", {}),
        f.get("eligible_without_org", {}),
    )
    rows = []
    for kind in ORG_TYPES:
        o, m = orgs.get(kind, {}), members.get(kind, {})
        rows.append(
            [
                org_title(kind),
                fmt_int(o.get("active")),
                fmt_int(o.get("founded")),
                fmt_int(o.get("dissolved")),
                fmt_int(o.get("enterprises_covered")),
                fmt_int(m.get("total")),
                fmt_int(m.get("admitted" if kind == "party" else "joined")),
                fmt_int(eligible.get(kind)),
            ]
        )
    out.append(
        Block(
            tr("Tổ chức theo loại", "Organisations by type"),
            [
                tr("Loại tổ chức", "Type"),
                tr("Hoạt động", "Active"),
                tr("Thành lập", "Founded"),
                tr("Giải thể", "Dissolved"),
                tr("DN có TC", "Enterprises"),
                tr("Thành viên", "Members"),
                tr("Kết nạp", "Joined"),
                tr("Đủ ĐK chưa có", "Eligible, none"),
            ],
            rows,
        )
    )
    out.append(
        _pairs(
            tr(
                "Đảng viên, công đoàn, nguồn phát triển đảng viên",
                "Party members, unions, candidates",
            ),
            [
                "members.party.total",
                "members.party.official",
                "members.party.probationary",
                "members.party.admitted",
                "members.party.owners",
                "union_coverage.eligible",
                "union_coverage.covered",
                "union_coverage.rate",
                "candidates.identified",
                "candidates.trained",
                "candidates.introduced",
                "candidates.admitted",
            ],
            f,
        )
    )
    fieldwork = [
        name
        for section in ("outreach", "activities", "recognition")
        for name in (f"{section}.{k}" for k in (f.get(section) or {}))
    ]
    if "terms_ending_within_6_months" in f:
        fieldwork.append("terms_ending_within_6_months")
    if fieldwork:
        out.append(_pairs(tr("Tiếp cận, sinh hoạt, khen thưởng", "Fieldwork"), fieldwork, f))
    ratings = [
        [org_title(kind), grade_label(grade, kind, capital=True), fmt_int(count)]
        for kind, grades in (f.get("ratings") or {}).items()
        for grade, count in (grades or {}).items()
        if count
    ]
    if ratings:
        out.append(
            Block(
                tr("Đánh giá, xếp loại", "Ratings"),
                [tr("Loại tổ chức", "Type"), tr("Xếp loại", "Grade"), tr("Số tổ chức", "Count")],
                ratings,
                numeric_from=2,
            )
        )
    if f.get("targets"):
        out.append(
            Block(
                tr("Chỉ tiêu kế hoạch", "Plan targets"),
                [
                    tr("Chỉ tiêu", "Target"),
                    tr("Kế hoạch", "Plan"),
                    tr("Mục tiêu", "Target"),
                    tr("Đã đạt", "Achieved"),
                    tr("Tỷ lệ", "Rate"),
                    tr("Tiến độ", "On track"),
                ],
                [
                    [
                        catalogue.label(t.get("figure", "")),
                        str(t.get("plan", "")),
                        fmt_figure(t.get("figure", ""), t.get("target")),
                        fmt_figure(t.get("figure", ""), t.get("achieved")),
                        fmt_pct(t.get("rate")),
                        tr("đúng", "yes") if t.get("on_track") else tr("chậm", "behind"),
                    ]
                    for t in f["targets"]
                ],
                numeric_from=2,
            )
        )
    if f.get("funding"):
        out.append(
            Block(
                tr("Kinh phí hỗ trợ thành lập", "Founding support"),
                [
                    tr("Loại tổ chức", "Type"),
                    tr("Kế hoạch", "Plan"),
                    tr("Thành lập", "Founded"),
                    tr("Được hỗ trợ", "Paid for"),
                    tr("Mức", "Per org"),
                    tr("Thành tiền", "Total"),
                ],
                [
                    [
                        org_title(m.get("type", "")),
                        str(m.get("plan", "")),
                        fmt_int(m.get("founded")),
                        fmt_int(m.get("paid_for")),
                        fmt_money(m.get("amount_per_org")),
                        fmt_money(m.get("total")),
                    ]
                    for m in f["funding"]
                ],
                numeric_from=2,
            )
        )
    if data.founded_orgs:
        out.append(
            Block(
                tr("Tổ chức thành lập trong kỳ", "Organisations founded in the period"),
                [
                    tr("Loại", "Type"),
                    tr("Tên tổ chức", "Name"),
                    tr("Doanh nghiệp", "Enterprises"),
                    tr("Ngày", "Date"),
                    tr("Quyết định", "Decision"),
                ],
                [
                    [
                        org_title(o["type"]),
                        o["name"] or "",
                        "; ".join(e["name"] or e["tax_code"] for e in o["enterprises"]),
                        fmt_date(o["on"]),
                        o["decision"] or "",
                    ]
                    for o in data.founded_orgs[:limit]
                ]
                + _more(len(data.founded_orgs) - limit, 5),
                numeric_from=99,
            )
        )
    if data.eligible:
        out.append(
            Block(
                tr("Doanh nghiệp đủ điều kiện nhưng chưa có tổ chức", "Eligible, no organisation"),
                [
                    tr("Mã số thuế", "Tax code"),
                    tr("Doanh nghiệp", "Enterprise"),
                    tr("Xã/phường, KCN", "Commune or zone"),
                    tr("Đủ điều kiện lập", "May found"),
                ],
                [
                    [
                        e.get("tax_code") or "",
                        e.get("name") or "",
                        e.get("zone") or e.get("commune") or "",
                        org_title(e["type"]),
                    ]
                    for e in data.eligible[:limit]
                ]
                + _more(len(data.eligible) - limit, 4),
                numeric_from=99,
            )
        )
    if data.review:
        out.append(
            Block(
                tr("Sơ kết: đầu kỳ và cuối kỳ", "Review: start and end"),
                [
                    tr("Số liệu", "Figure"),
                    fmt_date(date.fromisoformat(data.review["start_on"])),
                    fmt_date(date.fromisoformat(data.review["end_on"])),
                    tr("Tăng, giảm", "Change"),
                ],
                [
                    [
                        catalogue.label(r["figure"]),
                        fmt_figure(r["figure"], r["start"]),
                        fmt_figure(r["figure"], r["end"]),
                        fmt_change(r["change"], r["figure"]),
                    ]
                    for r in data.review["rows"]
                ],
            )
        )
    return out


def _more(count: int, width: int) -> list[list[str]]:
    """A last row saying how many rows were left out (none when nothing was)."""
    if count <= 0:
        return []
    more = tr(f"… và {fmt_int(count)} dòng khác", f"… and {fmt_int(count)} more")
    return [[more] + [""] * (width - 1)]


def _escape(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def render(data: ReportData) -> str:
    title = tr(
        subject(data.period),
        f"Party and mass organisations in non-state enterprises: {data.period.label_en}",
    )
    lines = [f"# {tr('BÁO CÁO', 'REPORT')}", "", f"**{title}**", ""]
    for block in blocks(data):
        lines += [f"## {block.title}", ""]
        if block.text:
            lines += [block.text, ""]
        if block.headers:
            lines.append("| " + " | ".join(_escape(h) for h in block.headers) + " |")
            lines.append(
                "|"
                + "|".join(
                    "---:" if i >= block.numeric_from else "---" for i in range(len(block.headers))
                )
                + "|"
            )
            for row in block.rows:
                lines.append("| " + " | ".join(_escape(c) for c in row) + " |")
            lines.append("")
    for key, title in (
        ("shortcomings", tr("Hạn chế, khó khăn", "Shortcomings")),
        ("directions", tr("Phương hướng, nhiệm vụ", "Directions")),
    ):
        paragraphs = data.notes.get(key) or []
        lines += [f"## {title}", ""]
        lines += [*(f"{p}\n" for p in paragraphs)] or [
            tr("_(Đơn vị tự bổ sung.)_", "_(To be written by the office.)_"),
            "",
        ]
    return "\n".join(lines).rstrip() + "\n"


def write(data: ReportData, out: Path) -> Path:
    out = Path(out)
    text = render(data)
    with writing(out):
        out.write_text(text, encoding="utf-8")
    return out
