"""The report's bar chart: organisations by commune (or industrial zone), or,
when a plan sets targets, the progress toward them. PNG bytes, made with
matplotlib's Agg backend (no display needed)."""

from __future__ import annotations

import io
from typing import Any

from dangdn_cli import catalogue
from dangdn_cli.reports.context import vietnamese
from dangdn_cli.vocabulary import ENTITY, ORG_TYPE, Group

MAX_GROUPS = 12
# The bars of each commune: breakdown key, the words naming it (group, code), colour.
SERIES: tuple[tuple[str, Group, str, str], ...] = (
    ("enterprises", ENTITY, "enterprise", "#9e9e9e"),
    ("party_orgs", ORG_TYPE, "party", "#c62828"),
    ("unions", ORG_TYPE, "union", "#1565c0"),
    ("youth", ORG_TYPE, "youth", "#2e7d32"),
)


def _figure(width_in: float, height_in: float) -> Any:
    import matplotlib

    matplotlib.use("Agg", force=True)
    from matplotlib.figure import Figure

    fig = Figure(figsize=(width_in, height_in), dpi=150)
    fig.set_layout_engine("tight")
    return fig


def _png(fig: Any) -> bytes:
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png")
    return buffer.getvalue()


def _short(text: str, limit: int = 18) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def organisations_by_commune(rows: list[dict[str, Any]]) -> bytes | None:
    """Grouped bars per commune/zone: enterprises, party organisations, unions,
    youth organisations. The largest groups by enterprises; the rest as "Khác"."""
    rows = [r for r in rows if r.get("enterprises")]
    if not rows:
        return None
    rows = sorted(rows, key=lambda r: (-r["enterprises"], str(r.get("group") or "")))
    if len(rows) > MAX_GROUPS:
        head, tail = rows[: MAX_GROUPS - 1], rows[MAX_GROUPS - 1 :]
        other = {"group": "Khác"}
        for key, *_ in SERIES:
            other[key] = sum(r.get(key, 0) for r in tail)
        rows = [*head, other]
    labels = [_short(str(r.get("group") or "(chưa rõ)")) for r in rows]
    fig = _figure(7.5, 3.8)
    ax = fig.add_subplot()
    width = 0.8 / len(SERIES)
    for i, (key, group, code, colour) in enumerate(SERIES):
        xs = [n + (i - (len(SERIES) - 1) / 2) * width for n in range(len(rows))]
        values = [r.get(key, 0) for r in rows]
        bars = ax.bar(xs, values, width, label=group.label(code, capital=True), color=colour)
        if len(rows) <= 8:
            ax.bar_label(bars, fontsize=7, padding=1)
    ax.set_xticks(range(len(rows)), labels, rotation=30 if len(rows) > 4 else 0, ha="right")
    ax.tick_params(axis="x", labelsize=8)
    ax.tick_params(axis="y", labelsize=8)
    ax.yaxis.get_major_locator().set_params(integer=True)
    ax.set_ylabel("Số lượng", fontsize=9)
    ax.legend(
        fontsize=8, frameon=False, ncols=len(SERIES), loc="upper center", bbox_to_anchor=(0.5, 1.12)
    )
    ax.spines[["top", "right"]].set_visible(False)
    return _png(fig)


def target_progress(targets: list[dict[str, Any]]) -> bytes | None:
    """Horizontal bars: each target's rate achieved (100 % line marked)."""
    targets = [t for t in targets if t.get("rate") is not None]
    if not targets:
        return None
    labels = [_short(f"{catalogue.label(t['figure'])} ({t['plan']})", 48) for t in targets]
    rates = [100 * float(t["rate"]) for t in targets]
    fig = _figure(7.5, 0.5 + 0.4 * len(targets))
    ax = fig.add_subplot()
    colours = ["#2e7d32" if t.get("on_track") else "#c62828" for t in targets]
    bars = ax.barh(range(len(targets)), rates, color=colours)
    ax.bar_label(
        bars, labels=[f"{r:.1f} %".replace(".", ",") for r in rates], fontsize=7, padding=2
    )
    ax.axvline(100, color="#424242", linewidth=0.8, linestyle="--")
    ax.set_yticks(range(len(targets)), labels, fontsize=8)
    ax.invert_yaxis()
    ax.set_xlabel("Tỷ lệ đạt (%)", fontsize=9)
    ax.tick_params(axis="x", labelsize=8)
    ax.spines[["top", "right"]].set_visible(False)
    return _png(fig)


def report_chart(
    by_commune: list[dict[str, Any]], targets: list[dict[str, Any]]
) -> tuple[bytes | None, str]:
    """The chart for the Word report (in Vietnamese) and its caption."""
    with vietnamese():
        return _report_chart(by_commune, targets)


def _report_chart(
    by_commune: list[dict[str, Any]], targets: list[dict[str, Any]]
) -> tuple[bytes | None, str]:
    png = organisations_by_commune(by_commune)
    if png is not None:
        return (
            png,
            "Biểu đồ: Doanh nghiệp và tổ chức đảng, đoàn thể theo xã, phường, khu công nghiệp",
        )
    png = target_progress(targets)
    if png is not None:
        return png, "Biểu đồ: Tiến độ thực hiện chỉ tiêu kế hoạch"
    return None, ""
