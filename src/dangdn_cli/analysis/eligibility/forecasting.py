"""When the enterprises that do not qualify yet will, with no new member:
each probationary party member becomes official on their recorded date, else
``party.months_to_official`` months after admission; recorded departures and
contract ends happen; nothing else changes. A sentence says the date, that a
promotion already due is overdue, or what is missing for good.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from functools import lru_cache
from typing import Any

from sqlalchemy import and_, false, func, or_, select, true
from sqlmodel import Session

from dangdn_cli.analysis.eligibility.explain import counted_noun, explained
from dangdn_cli.analysis.eligibility.query import COUNT_RULE, prepare, rows_query, run
from dangdn_cli.i18n import fmt_date, fmt_int, lang, tr
from dangdn_cli.models import Employment, Membership
from dangdn_cli.registry import history


def _party_member_rows(
    session: Session, on: date, enterprise_ids: Iterable[int]
) -> dict[int, list[dict[str, Any]]]:
    """Party members on stable terms in force on ``on`` at these enterprises,
    with the dates that decide when they count and until when.

    One pass over party memberships for the enterprises with a member not yet
    official (not one query per batch of ids: each would rescan them all)."""
    wanted = set(enterprise_ids)
    if not wanted:
        return {}

    def in_force_stable(member: Any, job: Any) -> list[Any]:
        return [
            member.c.type == "party",
            history.in_force(member.c.joined_on, member.c.left_on, on),
            history.in_force(job.c.start_on, job.c.end_on, on),
            job.c.stable == true(),
        ]

    member, job = history.table_of(Membership), history.table_of(Employment)
    pending_member, pending_job = (
        history.table_of(Membership).alias(),
        history.table_of(Employment).alias(),
    )
    pending = (
        select(pending_job.c.enterprise_id)
        .select_from(
            pending_member.join(pending_job, pending_job.c.person_id == pending_member.c.person_id)
        )
        .where(
            *in_force_stable(pending_member, pending_job),
            ~_official(pending_member, on),
        )
    )
    query = (
        select(
            job.c.enterprise_id,
            member.c.person_id,
            _official(member, on).label("official"),
            member.c.joined_on,
            member.c.official_on,
            member.c.left_on,
            job.c.end_on,
        )
        .select_from(member.join(job, job.c.person_id == member.c.person_id))
        .where(*in_force_stable(member, job), job.c.enterprise_id.in_(pending))
    )
    out: dict[int, list[dict[str, Any]]] = {}
    for row in session.connection().execute(query).mappings():
        if row["enterprise_id"] in wanted:
            out.setdefault(row["enterprise_id"], []).append(dict(row))
    return out


def _official(member: Any, on: date) -> Any:
    """history.party_official for any alias of the membership table, never NULL."""
    official_on = member.c.official_on
    return func.coalesce(
        or_(official_on <= on, and_(member.c.status == "official", official_on.is_(None))),
        false(),
    )


def _qualifying_date(
    members: list[dict[str, Any]], on: date, required: int, months: int
) -> tuple[date | None, bool, date | None]:
    """The first day the official members reach ``required`` if each
    probationary member becomes official on their recorded date, else
    ``months`` after admission, nobody new joins and recorded departures
    happen. Returns (day, overdue, due) where overdue means some member's due
    date has already passed without a recorded promotion."""
    people: dict[int, tuple[date, date | None, bool]] = {}
    for m in members:
        official_now = bool(m["official"])
        if official_now:
            official_from = on
        elif m["official_on"] is not None:
            official_from = m["official_on"]
        elif m["joined_on"] is not None:
            official_from = history.add_months(m["joined_on"], months)
        else:
            continue  # no admission date: cannot tell when
        ends = [d for d in (m["left_on"], m["end_on"]) if d is not None]
        until = min(ends) if ends else None
        known = people.get(m["person_id"])
        if known is None or official_from < known[0]:
            people[m["person_id"]] = (official_from, until, official_now)
    for day in sorted({max(start, on) for start, _, _ in people.values()}):
        count = sum(
            1
            for start, until, _ in people.values()
            if max(start, on) <= day and (until is None or until > day)
        )
        if count >= required:
            # Due on or before ``on`` yet not official: the promotion is overdue.
            dues = [start for start, _, now in people.values() if not now and start <= on]
            overdue = day == on and bool(dues)
            return day, overdue, (max(dues) if overdue else None)
    return None, False, None


def forecast(
    session: Session, org_type: str, on: date, *, explain: bool = False
) -> list[dict[str, Any]]:
    """For the enterprises that do not qualify on ``on``: the date each will,
    with no new member (probationary party members becoming official on their
    recorded date, else ``party.months_to_official`` months after admission;
    nothing else changing), or ``forecast_on`` None and why not.

    Covers the near enterprises (only the count fails); with ``explain`` every
    enterprise considered that does not qualify. Dated ones first, soonest first.
    """
    kind, values, checks = prepare(session, org_type)
    mode = "all" if explain else "near"
    language = lang()
    query = rows_query(kind, on, checks, mode)
    rows = [explained(r, kind, checks, True, language) for r in run(session, query)]
    rows = [r for r in rows if not r["eligible"]]
    required = int(values[COUNT_RULE[kind]])
    months = int(values["party.months_to_official"])
    pending: dict[int, list[dict[str, Any]]] = {}
    if kind == "party":
        flags_ok = [r for r in rows if all(c["ok"] for c in r["checks"][:-1])]
        pending = _party_member_rows(
            session, on, [r["id"] for r in flags_ok if r["probationary"] > 0]
        )
    for r in rows:
        day: date | None = None
        overdue = False
        due: date | None = None
        blocking = [c for c in r["checks"] if not c["ok"] and c["rule"] != COUNT_RULE[kind]]
        if not blocking and r["id"] in pending:
            day, overdue, due = _qualifying_date(pending[r["id"]], on, required, months)
        r["forecast_on"] = day
        r["overdue_promotion"] = overdue
        r["forecast"] = _forecast_sentence(
            kind,
            r["missing"],
            bool(r.get("probationary")),
            tuple(c["message"] for c in blocking),
            day,
            due if overdue else None,
            language,
        )
    rows.sort(
        key=lambda r: (
            r["forecast_on"] is None,
            r["forecast_on"] or on,
            r["missing"],
            -r["workers"],
            r["tax_code"],
        )
    )
    return rows


@lru_cache(maxsize=4096)
def _forecast_sentence(
    kind: str,
    missing: int,
    pending: bool,
    blocking: tuple[str, ...],
    day: date | None,
    overdue_since: date | None,
    _language: str,
) -> str:
    """Cached per language: most enterprises share one of a few sentences."""
    if blocking:
        reasons = " ".join(blocking)
        return tr(
            f"Sẽ không đủ điều kiện nếu không có gì thay đổi. {reasons}",
            f"Will not qualify unless something changes. {reasons}",
        )
    if day is not None and overdue_since is not None:
        return tr(
            "Đủ điều kiện ngay khi công nhận chính thức đảng viên dự bị đã đến hạn"
            f" (hạn từ {fmt_date(overdue_since)}).",
            "Qualifies as soon as the probationary members already due are made official"
            f" (due since {fmt_date(overdue_since)}).",
        )
    if day is not None:
        return tr(
            f"Dự kiến đủ điều kiện từ ngày {fmt_date(day)},"
            " khi đảng viên dự bị được công nhận chính thức.",
            f"Expected to qualify on {fmt_date(day)}, when probationary members become official.",
        )
    if kind == "party" and pending:
        return tr(
            "Kể cả khi các đảng viên dự bị được công nhận chính thức vẫn chưa đủ:"
            f" cần thêm đảng viên mới (hiện thiếu {fmt_int(missing)}).",
            "Even once the probationary members are official it is not enough:"
            f" new members are needed (now {fmt_int(missing)} short).",
        )
    return tr(
        "Sẽ không đủ điều kiện nếu không có thêm"
        f" {fmt_int(missing)} {counted_noun(kind, missing)}.",
        f"Will not qualify without {fmt_int(missing)} more {counted_noun(kind, missing)}.",
    )
