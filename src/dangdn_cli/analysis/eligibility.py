"""Which enterprises qualify to found an organisation, why, and when (SPEC §2).

On a date D an enterprise is considered while its status in force is active
and no active organisation of the type covers it (a joint one counts). A
person counts once, only while their membership and their employment at that
enterprise are both in force on D; for the party only official members on
stable terms count. Thresholds and switches come from ``rules`` each time.

Everything is set-based: one SQL statement per question joins each enterprise
to its facts in force (an index seek per enterprise through the
``(enterprise_id, effective_on)`` indexes) and to per-enterprise member counts
(one GROUP BY over membership ⋈ employment). Only the rows asked for (the
eligible ones, the near ones, or with ``explain`` every one considered) come
back, as plain dicts.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any

from sqlalchemy import (
    Select,
    and_,
    case,
    false,
    func,
    literal_column,
    null,
    or_,
    select,
    true,
)
from sqlalchemy.sql import ColumnElement
from sqlmodel import Session

from dangdn_cli import errors
from dangdn_cli.i18n import fmt_date, fmt_int, lang, tr
from dangdn_cli.models import (
    Employment,
    Enterprise,
    EnterpriseStatus,
    EnterpriseVersion,
    Membership,
    Workforce,
)
from dangdn_cli.registry import history, rules

# What each type counts, as a person reads it: (vi, en singular, en plural).
COUNTED: dict[str, tuple[str, str, str]] = {
    "party": (
        "đảng viên chính thức làm việc ổn định",
        "official party member on stable terms",
        "official party members on stable terms",
    ),
    "union": ("lao động ổn định", "stable worker", "stable workers"),
    "youth": ("đoàn viên thanh niên", "youth-union member", "youth-union members"),
    "women": ("hội viên phụ nữ", "women's-union member", "women's-union members"),
    "veterans": ("hội viên cựu chiến binh", "veteran", "veterans"),
}
ORG_NAMES: dict[str, tuple[str, str]] = {
    "party": ("tổ chức đảng", "a party organisation"),
    "union": ("công đoàn cơ sở", "a grassroots trade union"),
    "youth": ("chi đoàn", "a youth-union cell"),
    "women": ("chi hội phụ nữ", "a women's-union chapter"),
    "veterans": ("chi hội cựu chiến binh", "a veterans' chapter"),
}
COUNT_RULE = {
    "party": "party.min_official_members",
    "union": "union.min_stable_workers",
    "youth": "youth.min_members",
    "women": "women.min_members",
    "veterans": "veterans.min_members",
}


def org_name(org_type: str) -> str:
    return tr(*ORG_NAMES[org_type])


def counted_noun(org_type: str, n: int) -> str:
    vi, one, many = COUNTED[org_type]
    return tr(vi, one if n == 1 else many)


# --------------------------------------------------------------------------
# The SQL


@dataclass(frozen=True)
class _Check:
    """One rule applied to the rows: its key, what it needs, the row column it reads."""

    rule: str
    kind: str  # "flag" | "count"
    required: Any
    column: str


def _checks(org_type: str, values: dict[str, Any]) -> list[_Check]:
    """The checks in force for a type (a switch set to false drops its check)."""
    out: list[_Check] = []
    if org_type == "party":
        if values["party.require_stable_operation"]:
            out.append(_Check("party.require_stable_operation", "flag", True, "stable_operation"))
        if values["party.require_law_compliance"]:
            out.append(_Check("party.require_law_compliance", "flag", True, "law_compliant"))
    elif org_type != "union" and values[f"{org_type}.require_party_org"]:
        out.append(_Check(f"{org_type}.require_party_org", "flag", True, "has_party_org"))
    out.append(_Check(COUNT_RULE[org_type], "count", values[COUNT_RULE[org_type]], "counted"))
    return out


def _member_counts(org_type: str, on: date, detail: bool) -> Any:
    """Per enterprise, distinct persons whose membership of the type and whose
    employment there are both in force on ``on``.

    For the party: ``counted`` = official on stable terms, ``probationary`` =
    not yet official on stable terms, ``unstable`` = official without a stable
    contract (reported, not counted). Without ``detail`` only ``counted`` is
    computed (the others read 0): one COUNT DISTINCT instead of three."""
    member = history.table_of(Membership)
    job = history.table_of(Employment)
    where = [
        member.c.type == org_type,
        history.in_force(member.c.joined_on, member.c.left_on, on),
        history.in_force(job.c.start_on, job.c.end_on, on),
    ]
    joined = member.join(job, job.c.person_id == member.c.person_id)
    if org_type != "party" or not detail:
        if org_type == "party":
            where.extend([history.party_official(on), job.c.stable == true()])
        return (
            select(
                job.c.enterprise_id,
                func.count(func.distinct(member.c.person_id)).label("counted"),
                literal_column("0").label("probationary"),
                literal_column("0").label("unstable"),
            )
            .select_from(joined)
            .where(*where)
            .group_by(job.c.enterprise_id)
            .subquery("counts")
        )
    official = history.party_official(on)
    stable = job.c.stable == true()
    person = member.c.person_id

    def distinct(*whens: tuple[Any, Any]) -> Any:
        return func.count(func.distinct(case(*whens, else_=null())))

    return (
        select(
            job.c.enterprise_id,
            distinct((and_(official, stable), person)).label("counted"),
            # CASE order matters: official_on NULL makes ``official`` NULL, not false.
            distinct((official, null()), (stable, person)).label("probationary"),
            distinct((and_(official, ~stable), person)).label("unstable"),
        )
        .select_from(joined)
        .where(*where)
        .group_by(job.c.enterprise_id)
        .subquery("counts")
    )


def _covered(org_type: str, on: date) -> Any:
    return history.enterprises_with_org(org_type, on)


def _rows_query(org_type: str, on: date, checks: Sequence[_Check], mode: str) -> Select[Any]:
    """The considered enterprises with what the checks read, filtered by mode:
    ``eligible`` (every check passes), ``near`` (only the count fails, and
    something is there), ``joint`` (party: 1 to threshold-1 counted), ``all``."""
    ent = history.table_of(Enterprise)
    status = history.table_of(EnterpriseStatus).alias("status_now")
    version = history.table_of(EnterpriseVersion).alias("version_now")
    workforce = history.table_of(Workforce).alias("workforce_now")
    detail = mode in ("near", "all")
    counts = _member_counts(org_type, on, detail) if org_type != "union" else None

    stable_workers = func.coalesce(workforce.c.stable, 0)
    counted: Any = stable_workers if counts is None else func.coalesce(counts.c.counted, 0)
    zero: Any = literal_column("0")
    probationary: Any = zero if counts is None else func.coalesce(counts.c.probationary, 0)
    unstable: Any = zero if counts is None else func.coalesce(counts.c.unstable, 0)
    has_party_org: Any = (
        ent.c.id.in_(_covered("party", on)) if org_type not in ("party", "union") else true()
    )
    columns: dict[str, Any] = {
        "stable_operation": version.c.stable_operation,
        "law_compliant": version.c.law_compliant,
        "has_party_org": has_party_org,
        "counted": counted,
    }

    def passes(check: _Check) -> ColumnElement[bool]:
        if check.kind == "flag":
            return columns[check.column] == true()
        return columns[check.column] >= check.required

    flags = [passes(c) for c in checks if c.kind == "flag"]
    count_check = next(c for c in checks if c.kind == "count")
    # Drive from the member counts when every answer needs a member there
    # (thresholds are at least 1): a few thousand seeks instead of a million.
    needs_members = counts is not None and mode != "all"
    source: Any = ent
    if counts is not None:
        source = ent.join(counts, counts.c.enterprise_id == ent.c.id, isouter=not needs_members)
    source = source.join(status, status.c.id == history.latest_id(EnterpriseStatus, on, ent.c.id))
    source = source.join(
        version, version.c.id == history.latest_id(EnterpriseVersion, on, ent.c.id), isouter=True
    )
    source = source.join(
        workforce, workforce.c.id == history.latest_id(Workforce, on, ent.c.id), isouter=True
    )
    query = (
        select(
            ent.c.id,
            ent.c.tax_code,
            version.c.name,
            version.c.commune,
            version.c.zone,
            func.coalesce(workforce.c.total, 0).label("workers"),
            stable_workers.label("stable_workers"),
            version.c.stable_operation,
            version.c.law_compliant,
            has_party_org.label("has_party_org"),
            counted.label("counted"),
            probationary.label("probationary"),
            unstable.label("unstable"),
        )
        .select_from(source)
        .where(status.c.status == "active", ent.c.id.not_in(_covered(org_type, on)))
    )
    if mode == "eligible":
        query = query.where(*flags, passes(count_check))
    elif mode == "near":
        something = or_(counted > 0, probationary > 0)
        query = query.where(*flags, ~passes(count_check), something)
    elif mode == "joint":
        query = query.where(*flags, counted >= 1, counted < count_check.required)
    return query


# --------------------------------------------------------------------------
# Explanations a person can act on


@lru_cache(maxsize=64)
def _flag_sentence_in(rule: str, org_type: str, ok: bool, _language: str) -> str:
    """Cached per language: the same few sentences repeat for every enterprise."""
    what = org_name(org_type)
    if rule == "party.require_stable_operation":
        return (
            tr("Sản xuất kinh doanh ổn định.", "Operates stably.")
            if ok
            else tr(
                f"Sản xuất kinh doanh chưa ổn định: cần ổn định trước khi lập {what}.",
                f"Operation is not stable yet: it must be before founding {what}.",
            )
        )
    if rule == "party.require_law_compliance":
        return (
            tr("Chấp hành tốt pháp luật.", "Complies with the law.")
            if ok
            else tr(
                f"Đang có vi phạm pháp luật: cần khắc phục trước khi lập {what}.",
                f"Has a law violation on record: it must be resolved before founding {what}.",
            )
        )
    return (
        tr("Đã có tổ chức đảng đang hoạt động.", "Has an active party organisation.")
        if ok
        else tr(
            f"Chưa có tổ chức đảng: cần lập tổ chức đảng trước, rồi mới lập {what}.",
            f"Has no party organisation: found one first, then {what}.",
        )
    )


@lru_cache(maxsize=4096)
def _count_sentence_in(
    org_type: str, required: int, actual: int, probationary: int, unstable: int, _language: str
) -> str:
    """Cached: across a million enterprises the same few figures repeat."""
    if actual >= required:
        sentence = tr(
            f"Có {fmt_int(actual)} {counted_noun(org_type, actual)} (cần từ {fmt_int(required)}).",
            f"Has {fmt_int(actual)} {counted_noun(org_type, actual)} (needs {fmt_int(required)}).",
        )
    else:
        missing = required - actual
        sentence = tr(
            f"Còn thiếu {fmt_int(missing)} {counted_noun(org_type, missing)}"
            f" (có {fmt_int(actual)}, cần từ {fmt_int(required)}).",
            f"{fmt_int(missing)} more {counted_noun(org_type, missing)} needed"
            f" (has {fmt_int(actual)}, needs {fmt_int(required)}).",
        )
    extra = []
    if probationary:
        n = probationary
        extra.append(
            tr(
                f"{n} đảng viên dự bị chưa được tính cho đến ngày được công nhận chính thức",
                f"{n} probationary member{'s' if n != 1 else ''} not counted until made official",
            )
        )
    if unstable:
        n = unstable
        extra.append(
            tr(
                f"{n} đảng viên chính thức chưa được tính vì chưa có hợp đồng ổn định",
                f"{n} official member{'s' if n != 1 else ''} not counted"
                " for lack of a stable contract",
            )
        )
    if extra:
        sentence = f"{sentence[:-1]}; {'; '.join(extra)}."
    return sentence


@lru_cache(maxsize=4096)
def _summary(org_type: str, failing: tuple[str, ...], _language: str) -> str:
    if not failing:
        return tr(
            f"Đủ điều kiện thành lập {org_name(org_type)}.",
            f"Qualifies to found {org_name(org_type)}.",
        )
    return tr("Chưa đủ điều kiện. ", "Does not qualify yet. ") + " ".join(failing)


def _explained(
    row: dict[str, Any],
    org_type: str,
    checks: Sequence[_Check],
    detail: bool = True,
    language: str | None = None,
) -> dict[str, Any]:
    """A result row in the shape of SPEC §3, with sentences (in ``language``,
    looked up once by the caller: a million lookups of the environment add up)."""
    language = language or lang()
    out_checks = []
    missing = 0
    for check in checks:
        if check.kind == "flag":
            actual: Any = bool(row[check.column])
            ok = actual is True
            message = _flag_sentence_in(check.rule, org_type, ok, language)
        else:
            actual = int(row["counted"])
            ok = actual >= check.required
            missing = max(0, check.required - actual)
            message = _count_sentence_in(
                org_type,
                check.required,
                actual,
                int(row["probationary"] or 0),
                int(row["unstable"] or 0),
                language,
            )
        out_checks.append(
            {
                "rule": check.rule,
                "required": check.required,
                "actual": actual,
                "ok": ok,
                "message": message,
            }
        )
    failing = tuple(c["message"] for c in out_checks if not c["ok"])
    eligible = not failing
    summary = _summary(org_type, failing, language)
    record = {
        "id": row["id"],
        "tax_code": row["tax_code"],
        "name": row["name"],
        "commune": row["commune"],
        "zone": row["zone"],
        "workers": int(row["workers"]),
        "stable_workers": int(row["stable_workers"]),
        "members": int(row["counted"]),
        "eligible": eligible,
        "missing": missing,
        "checks": out_checks,
        "summary": summary,
    }
    if org_type == "party" and detail:
        record["probationary"] = int(row["probationary"])
        record["unstable_members"] = int(row["unstable"])
    return record


# --------------------------------------------------------------------------
# The API


def _type(org_type: str) -> str:
    from dangdn_cli.registry.organizations import org_type as checked

    return checked(org_type)


def _prepare(session: Session, org_type: str) -> tuple[str, dict[str, Any], list[_Check]]:
    kind = _type(org_type)
    values = rules.get_rules(session)
    return kind, values, _checks(kind, values)


def _run(session: Session, query: Select[Any]) -> list[dict[str, Any]]:
    result = session.connection().execute(query)
    keys = list(result.keys())
    return [dict(zip(keys, row, strict=True)) for row in result]


def evaluate(
    session: Session, org_type: str, on: date, *, explain: bool = False
) -> list[dict[str, Any]]:
    """SPEC §3's answer: the eligible enterprises (every one considered with
    ``explain``), each with ``tax_code``, ``name``, ``eligible`` and ``checks``
    (``rule``, ``required``, ``actual``, ``ok``, ``message``), plus ``summary``,
    ``missing``, ``members``, ``workers``. Eligible first, then by fewest missing,
    then by size."""
    kind, _values, checks = _prepare(session, org_type)
    query = _rows_query(kind, on, checks, "all" if explain else "eligible")
    language = lang()
    rows = [_explained(r, kind, checks, explain, language) for r in _run(session, query)]
    rows.sort(key=lambda r: (not r["eligible"], r["missing"], -r["workers"], r["tax_code"]))
    return rows


def count_eligible(session: Session, org_type: str, on: date) -> int:
    """How many enterprises qualify on ``on`` and have no organisation of the type."""
    kind, _values, checks = _prepare(session, org_type)
    query = _rows_query(kind, on, checks, "eligible").subquery()
    return int(session.connection().execute(select(func.count()).select_from(query)).scalar_one())


def eligible_enterprises(session: Session, org_type: str, on: date) -> list[dict[str, Any]]:
    """The qualifying enterprises as plain rows for reports: tax_code, name,
    commune, zone, workers, stable_workers, members (what the count rule
    counts); ordered by name."""
    kind, _values, checks = _prepare(session, org_type)
    rows = _run(session, _rows_query(kind, on, checks, "eligible"))
    out = [
        {
            "tax_code": r["tax_code"],
            "name": r["name"],
            "commune": r["commune"],
            "zone": r["zone"],
            "workers": int(r["workers"]),
            "stable_workers": int(r["stable_workers"]),
            "members": int(r["counted"]),
        }
        for r in rows
    ]
    out.sort(key=lambda r: (r["name"] or "", r["tax_code"]))
    return out


def near(session: Session, org_type: str, on: date) -> list[dict[str, Any]]:
    """Enterprises that fail only on the count and have at least one of what is
    counted (or, for the party, a probationary member on the way): fewest
    missing first, then the most workers."""
    kind, _values, checks = _prepare(session, org_type)
    language = lang()
    query = _rows_query(kind, on, checks, "near")
    rows = [_explained(r, kind, checks, True, language) for r in _run(session, query)]
    rows.sort(key=lambda r: (r["missing"], -r["workers"], r["tax_code"]))
    return rows


# --------------------------------------------------------------------------
# Forecast


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
    kind, values, checks = _prepare(session, org_type)
    mode = "all" if explain else "near"
    language = lang()
    query = _rows_query(kind, on, checks, mode)
    rows = [_explained(r, kind, checks, True, language) for r in _run(session, query)]
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


# --------------------------------------------------------------------------
# Joint party cells


class ConflictingModes(errors.ValidationError):
    vi = "Chỉ chọn một trong --near, --forecast, --joint."
    en = "Choose at most one of --near, --forecast, --joint."
    exit_code = 2  # a usage error


class JointPartyOnly(errors.ValidationError):
    vi = "--joint chỉ dùng với --type party (đề xuất chi bộ ghép)."
    en = "--joint applies to --type party only (joint party cell proposals)."


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
    kind, values, checks = _prepare(session, org_type)
    if kind != "party":
        raise JointPartyOnly()
    required = int(values["party.min_official_members"])
    rows = _run(session, _rows_query(kind, on, checks, "joint"))
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


# --------------------------------------------------------------------------
# For ``dangdn demo``


def demo_summary(session: Session, on: date, near_limit: int = 3) -> dict[str, Any]:
    """Per organisation type: the qualifying enterprises (as
    ``eligible_enterprises``) and the near ones (``near_total`` and the first
    ``near_limit``: tax_code, name, missing, summary). For the demo's printout."""
    from dangdn_cli.vocabulary import ORG_TYPES

    out: dict[str, Any] = {}
    for kind in ORG_TYPES:
        close = near(session, kind, on)
        out[kind] = {
            "eligible": eligible_enterprises(session, kind, on),
            "near_total": len(close),
            "near": [
                {k: r[k] for k in ("tax_code", "name", "missing", "summary")}
                for r in close[:near_limit]
            ],
        }
    return out
