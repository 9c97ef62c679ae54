"""Printing a plan's progress for people: targets with progress bars and the
verdict, the founding support due, the cadres assigned against the caps."""

from __future__ import annotations

from typing import Any

from rich import box
from rich.table import Table
from rich.text import Text

from dangdn_cli.catalogue import fmt_figure
from dangdn_cli.i18n import fmt_date, fmt_int, fmt_money, fmt_pct, tr
from dangdn_cli.output import console
from dangdn_cli.vocabulary import CADRE_KIND, ORG_TYPE

BAR_WIDTH = 10


def type_label(value: str) -> str:
    return ORG_TYPE.label(value, capital=True)


def value_text(figure: str, value: Any) -> str:
    """A figure's value as a person reads it: 10.955, 90 %."""
    return fmt_figure(figure, value, digits=1)


def _bar(achieved: Any, target: Any, rate: float | None, on_track: bool) -> Text:
    """A text bar (readable without colour too) and the rate: ██████░░░░ 60 %."""
    share = 0.0
    if isinstance(achieved, (int, float)):
        share = max(0.0, min(1.0, achieved / target)) if target else 1.0
    filled = round(share * BAR_WIDTH)
    text = Text("█" * filled, style="green" if on_track else "yellow")
    text.append("░" * (BAR_WIDTH - filled), style="dim")
    text.append(" " + (fmt_pct(rate) if rate is not None else "–"))
    return text


def verdict(row: dict[str, Any]) -> str:
    if row.get("met") is not None:
        return tr("Đạt", "Met") if row["met"] else tr("Không đạt", "Not met")
    return tr("Đúng tiến độ", "On track") if row["on_track"] else tr("Chậm", "Behind")


def print_progress(result: dict[str, Any]) -> None:
    """The progress of one plan: targets with bars, founding support, cadres."""
    status = {
        "running": tr("đang thực hiện", "running"),
        "finished": tr("đã kết thúc", "finished"),
        "not_started": tr("chưa bắt đầu", "not started"),
    }[result["status"]]
    console.print(
        tr(
            f"Kế hoạch {result['plan']}: {result['title']}",
            f"Plan {result['plan']}: {result['title']}",
        ),
        style="bold",
        markup=False,
    )
    console.print(
        tr(
            f"Thời gian {fmt_date(result['start'])} – {fmt_date(result['end'])}; "
            f"tính đến {fmt_date(result['as_of'])} ({status}, "
            f"đã qua {fmt_pct(result['elapsed_share'])} thời gian).",
            f"Window {fmt_date(result['start'])} – {fmt_date(result['end'])}; "
            f"as of {fmt_date(result['as_of'])} ({status}, "
            f"{fmt_pct(result['elapsed_share'])} of the window elapsed).",
        ),
        markup=False,
    )
    targets = Table(
        title=tr("Chỉ tiêu", "Targets"),
        header_style="bold",
        title_justify="left",
        box=box.SIMPLE_HEAD,
    )
    targets.add_column(tr("Chỉ tiêu", "Target"), ratio=1, min_width=14)
    targets.add_column(tr("Mục tiêu", "Goal"), justify="right", no_wrap=True)
    targets.add_column(tr("Đạt", "Achieved"), justify="right", no_wrap=True)
    targets.add_column(tr("Tiến độ", "Progress"), no_wrap=True)
    targets.add_column(tr("Đánh giá", "Verdict"), min_width=5)
    targets.add_column(tr("Dự báo", "Projected"), justify="right", no_wrap=True)
    for row in result["targets"]:
        targets.add_row(
            row["label"],
            value_text(row["figure"], row["target"]),
            value_text(row["figure"], row["achieved"]),
            _bar(row["achieved"], row["target"], row["rate"], bool(row["on_track"])),
            verdict(row),
            value_text(row["figure"], row.get("projection")),
        )
    if result["targets"]:
        console.print(targets)
    else:
        console.print(tr("(kế hoạch chưa có chỉ tiêu)", "(the plan has no targets)"), style="dim")
    if result["funding"]:
        funding = Table(
            title=tr("Kinh phí hỗ trợ thành lập", "Founding support"),
            header_style="bold",
            title_justify="left",
            box=box.SIMPLE_HEAD,
        )
        funding.add_column(tr("Loại tổ chức", "Type"), min_width=12)
        for header in (
            tr("Thành lập", "Founded"),
            tr("Tối đa", "Cap"),
            tr("Hỗ trợ", "Paid for"),
            tr("Mức/tổ chức", "Each"),
            tr("Thành tiền", "Total"),
        ):
            funding.add_column(header, justify="right", no_wrap=True)
        for row in result["funding"]:
            funding.add_row(
                type_label(row["type"]),
                fmt_int(row["founded"]),
                fmt_int(row["max_count"]),
                fmt_int(row["paid_for"]),
                fmt_money(row["amount_per_org"]),
                fmt_money(row["total"]),
            )
        total = fmt_money(result["funding_total"])
        funding.add_row(tr("Tổng cộng", "Total"), "", "", "", "", total, style="bold")
        console.print(funding)
    if result["cadres"]:
        parts = [
            f"{CADRE_KIND.label(c['kind'])} {fmt_int(c['assigned'])}"
            + (f"/{fmt_int(c['cap'])}" if c["cap"] is not None else "")
            for c in result["cadres"]
        ]
        heading = tr("Cán bộ phụ trách: ", "Cadres assigned: ")
        console.print(heading + "; ".join(parts), markup=False)
    console.print()
