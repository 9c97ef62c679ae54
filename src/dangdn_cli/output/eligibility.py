"""Printing eligibility answers for people: the qualifying enterprises, every
check explained, those close to qualifying, forecasts, joint-cell proposals,
and the demo's overview of all types."""

from __future__ import annotations

from datetime import date
from typing import Any

from dangdn_cli.i18n import fmt_date, fmt_int, tr
from dangdn_cli.output import console, table

Named = [("tax_code", "Mã số thuế", "Tax code"), ("name", "Tên doanh nghiệp", "Name")]
Base = [
    *Named,
    ("place", "Xã/phường (KCN)", "Commune (zone)"),
    ("workers", "Lao động", "Workers"),
]
# Short headers for the figure each check reads.
CHECK_HEADERS = {
    "party.require_stable_operation": ("SXKD ổn định", "Stable operation"),
    "party.require_law_compliance": ("Chấp hành pháp luật", "Law-compliant"),
    "party.min_official_members": ("Đảng viên chính thức", "Official party members"),
    "union.min_stable_workers": ("Lao động ổn định", "Stable workers"),
    "youth.require_party_org": ("Có tổ chức đảng", "Party org"),
    "youth.min_members": ("Đoàn viên", "Youth members"),
    "women.require_party_org": ("Có tổ chức đảng", "Party org"),
    "women.min_members": ("Hội viên phụ nữ", "Women members"),
    "veterans.require_party_org": ("Có tổ chức đảng", "Party org"),
    "veterans.min_members": ("Hội viên CCB", "Veterans"),
}


def print_table(
    rows: list[dict[str, Any]],
    columns: list[tuple[str, str, str]],
    title: str,
    formatters: dict[str, Any] | None = None,
) -> None:
    """output.print_table, but when the explanation is squeezed, the name
    gives up to a third of its width to it: the explanation is the answer."""
    result = table(rows, columns, title, formatters, drop_empty=True)
    by_key = {key: column for column, (key, _, _) in zip(result.columns, columns, strict=False)}
    name, why = by_key.get("name"), by_key.get("why") or by_key.get("forecast")
    if name is not None and why is not None and name.width and why.width:
        give = min(name.width // 3, max(0, 36 - why.width))
        name.width -= give
        why.width += give
    console.print(result)
    if not rows:
        console.print(tr("(không có dòng nào)", "(no rows)"), style="dim")


def place(row: dict[str, Any]) -> str:
    commune = row.get("commune") or ""
    return f"{commune} ({row['zone']})" if row.get("zone") else commune


def figure(check: dict[str, Any]) -> str:
    actual = check["actual"]
    if isinstance(actual, bool):
        return tr("có", "yes") if actual else tr("không", "no")
    return fmt_int(actual)


def heading(what_vi: str, what_en: str, kind: str, on: date, count: int) -> str:
    return tr(
        f"{what_vi} {org(kind)} (ngày {fmt_date(on)}): {fmt_int(count)}",
        f"{what_en} {org(kind)} (as of {fmt_date(on)}): {fmt_int(count)}",
    )


def print_eligible(rows: list[dict[str, Any]], kind: str, on: date) -> None:
    # Every flag passes for a qualifying enterprise; the figure that matters is the count.
    columns = list(Base)
    if rows:
        count = rows[0]["checks"][-1]["rule"]
        columns.append((count, *CHECK_HEADERS.get(count, (count, count))))
    flat = [{**r, "place": place(r), **{c["rule"]: figure(c) for c in r["checks"]}} for r in rows]
    title = heading(
        "Doanh nghiệp đủ điều kiện thành lập",
        "Enterprises qualifying to found",
        kind,
        on,
        len(rows),
    )
    print_table(flat, columns, title)


def print_explained(rows: list[dict[str, Any]], kind: str, on: date) -> None:
    flat = [
        {
            **r,
            "place": place(r),
            "verdict": tr("đủ", "yes") if r["eligible"] else tr("chưa", "not yet"),
            "why": "\n".join(("✓ " if c["ok"] else "✗ ") + c["message"] for c in r["checks"]),
        }
        for r in rows
    ]
    columns = [
        *Named,
        ("verdict", "Đủ điều kiện", "Qualifies"),
        ("why", "Giải thích", "Why"),
    ]
    eligible = sum(1 for r in rows if r["eligible"])
    title = tr(
        f"Xét điều kiện thành lập {org(kind)} (ngày {fmt_date(on)}):"
        f" {fmt_int(eligible)}/{fmt_int(len(rows))} doanh nghiệp đủ điều kiện",
        f"Eligibility to found {org(kind)} (as of {fmt_date(on)}):"
        f" {fmt_int(eligible)} of {fmt_int(len(rows))} enterprises qualify",
    )
    print_table(flat, columns, title)


def org(kind: str) -> str:
    """The type's name as the object of "thành lập …" / "found …"."""
    from dangdn_cli.analysis.eligibility import org_name

    return org_name(kind)


def print_near(rows: list[dict[str, Any]], kind: str, on: date) -> None:
    flat = [
        {**r, "place": place(r), "why": " ".join(c["message"] for c in r["checks"] if not c["ok"])}
        for r in rows
    ]
    columns = [
        ("missing", "Còn thiếu", "Missing"),
        *Base,
        ("why", "Giải thích", "Why"),
    ]
    title = heading(
        "Doanh nghiệp sắp đủ điều kiện thành lập",
        "Enterprises close to qualifying to found",
        kind,
        on,
        len(rows),
    )
    print_table(flat, columns, title, {"missing": fmt_int})


def print_forecast(rows: list[dict[str, Any]], kind: str, on: date) -> None:
    flat = [
        {
            **r,
            "place": place(r),
            "when": fmt_date(r["forecast_on"]) if r["forecast_on"] else tr("không", "no"),
        }
        for r in rows
    ]
    columns = [
        *Named,
        ("when", "Dự kiến đủ điều kiện", "Expected to qualify"),
        ("forecast", "Giải thích", "Why"),
    ]
    dated = sum(1 for r in rows if r["forecast_on"])
    title = tr(
        f"Dự báo đủ điều kiện thành lập {org(kind)} (tính từ ngày {fmt_date(on)}):"
        f" {fmt_int(dated)}/{fmt_int(len(rows))} doanh nghiệp sẽ đủ mà không cần thêm người",
        f"Forecast of qualifying to found {org(kind)} (from {fmt_date(on)}):"
        f" {fmt_int(dated)} of {fmt_int(len(rows))} enterprises will qualify with no new member",
    )
    print_table(flat, columns, title)


def print_joint(groups: list[dict[str, Any]], on: date) -> None:
    from dangdn_cli.analysis.eligibility import JOINT_METHOD

    flat = []
    for g in groups:
        for i, e in enumerate(g["enterprises"]):
            flat.append(
                {
                    "group": str(g["number"]) if i == 0 else "",
                    "area": g["area"] if i == 0 else "",
                    **e,
                }
            )
    columns = [
        ("group", "Nhóm", "Group"),
        ("area", "Xã/phường hoặc KCN", "Commune or zone"),
        *Named,
        ("members", "Đảng viên chính thức", "Official members"),
    ]
    title = tr(
        f"Đề xuất thành lập chi bộ ghép (ngày {fmt_date(on)}): {fmt_int(len(groups))} nhóm",
        f"Joint party cell proposals (as of {fmt_date(on)}): {fmt_int(len(groups))} groups",
    )
    print_table(flat, columns, title, {"members": fmt_int})
    console.print(tr(*JOINT_METHOD), style="dim")


def print_demo_summary(summary: dict[str, Any], on: date) -> None:
    """The demo's eligibility section: per type, who qualifies and who is close
    (``summary`` from ``analysis.eligibility.demo_summary``)."""
    rows = []
    for kind, data in summary.items():
        label = org(kind).removeprefix("a ").removeprefix("an ")
        rows.append(
            {
                "type": label[:1].upper() + label[1:],
                "eligible": "\n".join(r["name"] or r["tax_code"] for r in data["eligible"]) or "–",
                "near": "\n".join(
                    tr(f"{r['name']} (thiếu {r['missing']})", f"{r['name']} ({r['missing']} short)")
                    for r in data["near"]
                )
                + (
                    tr(
                        f"\n… và {data['near_total'] - len(data['near'])} doanh nghiệp khác",
                        f"\n… and {data['near_total'] - len(data['near'])} more",
                    )
                    if data["near_total"] > len(data["near"])
                    else ""
                )
                or "–",
            }
        )
    columns = [
        ("type", "Tổ chức", "Organisation"),
        ("eligible", "Đủ điều kiện thành lập", "Qualify to found one"),
        ("near", "Sắp đủ (còn thiếu)", "Close (short by)"),
    ]
    print_table(
        rows,
        columns,
        tr(
            f"Doanh nghiệp đủ và sắp đủ điều kiện thành lập tổ chức (ngày {fmt_date(on)})",
            f"Enterprises that qualify or are close (as of {fmt_date(on)})",
        ),
    )
