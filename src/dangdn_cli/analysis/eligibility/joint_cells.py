"""Proposals for joint party cells: active enterprises with no party
organisation, each with some official members on stable terms but fewer than
the threshold, grouped within the same industrial zone (outside zones, the
same commune) until each group reaches it. The grouping is greedy and
``JOINT_METHOD`` says how, for officers to weigh.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlmodel import Session

from dangdn_cli.analysis.eligibility.query import prepare, rows_query, run
from dangdn_cli.analysis.errors import JointPartyOnly
from dangdn_cli.i18n import tr


def _group(items: list[dict[str, Any]], required: int) -> tuple[list[list[dict]], list[dict]]:
    """Greedy: start each group with the enterprise having the most members,
    then add the one that fills the gap exactly, else the largest that still
    fits, else the smallest that overshoots; ties go to more workers."""
    remaining = sorted(items, key=lambda r: (-r["members"], -r["workers"], r["tax_code"]))
    groups: list[list[dict[str, Any]]] = []
    leftover: list[dict[str, Any]] = []
    while remaining:
        group = [remaining.pop(0)]
        total = group[0]["members"]
        while total < required and remaining:
            need = required - total
            pick = next((r for r in remaining if r["members"] == need), None)
            pick = pick or next((r for r in remaining if r["members"] < need), None)
            pick = pick or [r for r in remaining if r["members"] > need][-1]
            remaining.remove(pick)
            group.append(pick)
            total += pick["members"]
        (groups.append(group) if total >= required else leftover.extend(group))
    return groups, leftover


def joint(session: Session, org_type: str, on: date) -> list[dict[str, Any]]:
    """Proposals for joint party cells: active enterprises with no party
    organisation, each with 1 to threshold-1 official members on stable terms
    (and passing the operation and law checks in force), grouped within the
    same industrial zone (or, outside zones, the same commune) until each group
    reaches the threshold. Each group: area_kind, area, members, required,
    enterprises, message."""
    kind, values, checks = prepare(session, org_type)
    if kind != "party":
        raise JointPartyOnly()
    required = int(values["party.min_official_members"])
    rows = run(session, rows_query(kind, on, checks, "joint"))
    areas: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for r in rows:
        key = ("zone", r["zone"]) if r["zone"] else ("commune", r["commune"])
        if key[1] is None:
            continue  # no commune or zone recorded: nothing to group it with
        areas.setdefault(key, []).append(
            {
                "tax_code": r["tax_code"],
                "name": r["name"],
                "members": int(r["counted"]),
                "workers": int(r["workers"]),
            }
        )
    out: list[dict[str, Any]] = []
    for (area_kind, area), items in sorted(areas.items(), key=lambda a: (a[0][0], a[0][1])):
        groups, _leftover = _group(items, required)
        for group in groups:
            total = sum(r["members"] for r in group)
            place = tr(
                f"{'khu công nghiệp' if area_kind == 'zone' else 'xã/phường'} {area}",
                f"{'industrial zone' if area_kind == 'zone' else 'commune'} {area}",
            )
            names = ", ".join(f"{r['name']} ({r['members']})" for r in group)
            out.append(
                {
                    "number": len(out) + 1,
                    "area_kind": area_kind,
                    "area": area,
                    "members": total,
                    "required": required,
                    "enterprises": group,
                    "message": tr(
                        f"Ghép {len(group)} doanh nghiệp cùng {place}: {names};"
                        f" cộng lại có {total} đảng viên chính thức (cần từ {required}).",
                        f"Join {len(group)} enterprises in the same {place}: {names};"
                        f" together {total} official party members (needs {required}).",
                    ),
                }
            )
    return out


JOINT_METHOD = (
    "Cách ghép: trong cùng khu công nghiệp (ngoài khu công nghiệp thì cùng xã/phường),"
    " mỗi nhóm bắt đầu từ doanh nghiệp có nhiều đảng viên nhất, rồi thêm doanh nghiệp"
    " bù vừa đủ số còn thiếu (nếu không có thì doanh nghiệp lớn nhất còn vừa, sau đó"
    " doanh nghiệp nhỏ nhất vượt), cho đến khi đủ ngưỡng. Đây là cách ghép tham lam,"
    " để cán bộ cân nhắc, không phải phương án duy nhất.",
    "Method: within the same industrial zone (outside zones, the same commune), each"
    " group starts from the enterprise with the most members, then adds the one that"
    " fills the gap exactly (else the largest that still fits, then the smallest that"
    " overshoots) until the threshold is reached. This greedy grouping is a proposal"
    " for officers to weigh, not the only possible one.",
)
