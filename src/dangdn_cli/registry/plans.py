"""Plans (kế hoạch / đề án): targets on the figures of SPEC §4, founding
support, caps on assigned cadres, and progress against them.

Progress uses ``figures.compute`` (one function computes each figure):
flows are counted within the plan's window up to the date asked (never past
its end), stocks and rates as of that date. A target is on track when what is
achieved is at least ``target × elapsed share of the window`` (both ends of
the window count as days in it); once the window has fully elapsed, on track
means met. The projection carries the pace so far to the end of the window:
a flow grows in proportion to time, a stock keeps its change since the day
before the window opened.

Cadre assignments end on ``to_on`` exclusive (like every end date here): an
assignment ``--to 2024-07-01`` and another ``--from 2024-07-01`` never
overlap. A plan without a cap for a kind does not limit that kind.
"""

from __future__ import annotations

import difflib
import re
from datetime import date, datetime, timedelta, timezone
from typing import Any

from sqlalchemy import Table, and_, delete, func, or_, select
from sqlmodel import Session

from dangdn_cli import errors, validate
from dangdn_cli.analysis import figures
from dangdn_cli.i18n import clean_text, fmt_date, tr
from dangdn_cli.models import (
    Cadre,
    CadreEnterprise,
    Enterprise,
    Plan,
    PlanCadreCap,
    PlanFunding,
    PlanTarget,
)
from dangdn_cli.registry import audit, refs
from dangdn_cli.vocabulary import ORG_TYPES

CADRE_KINDS = ("full_time", "part_time")
KIND_LABELS = {"full_time": ("chuyên trách", "full-time"), "part_time": ("kiêm nhiệm", "part-time")}
_EPSILON = 1e-9


class UnknownPlan(errors.NotFound):
    vi = "Không tìm thấy kế hoạch {code}."
    en = "No plan {code}."


class DuplicatePlan(errors.Conflict):
    vi = "Kế hoạch {code} đã có trong sổ đăng ký."
    en = "Plan {code} is already in the registry."


class UnknownFigure(errors.ValidationError):
    vi = 'Chỉ tiêu phải là một số liệu của báo cáo: không có số liệu "{figure}"{hint}.'
    en = 'A target must name a report figure: there is no figure "{figure}"{hint}.'


class BadTargetValue(errors.ValidationError):
    vi = 'Giá trị chỉ tiêu {figure} không hợp lệ: "{value}" ({reason}).'
    en = 'Invalid target value for {figure}: "{value}" ({reason}).'


class BadSyntax(errors.ValidationError):
    vi = '{option} sai dạng: "{value}" (dạng đúng: {form}).'
    en = '{option} is malformed: "{value}" (expected: {form}).'


class DuplicateEntry(errors.ValidationError):
    vi = "{option} lặp lại {key}."
    en = "{option} gives {key} twice."


class UnknownTarget(errors.NotFound):
    vi = "Kế hoạch {code} không có chỉ tiêu {figure}."
    en = "Plan {code} has no target {figure}."


class CadreCapReached(errors.StateError):
    vi = (
        "Kế hoạch {code} chỉ cho phép tối đa {cap} cán bộ {kind}; ngày {on} đã phân công "
        "đủ {count}."
    )
    en = "Plan {code} allows at most {cap} {kind} cadres; {count} are already assigned on {on}."


class CadreOutsideWindow(errors.ValidationError):
    vi = (
        "Ngày phân công cán bộ ({on}) phải nằm trong thời gian của kế hoạch {code} "
        "({start} – {end})."
    )

    en = (
        "The cadre's assignment date ({on}) must fall within plan {code}'s window"
        " ({start} – {end})."
    )


def _now() -> datetime:
    return datetime.now(timezone.utc)


def _table(model: Any) -> Table:
    table: Table = model.__table__
    return table


def kind_label(kind: str) -> str:
    return tr(*KIND_LABELS[kind]) if kind in KIND_LABELS else kind


# --- Parsing what users type --------------------------------------------------------


def _number(value: float) -> int | float:
    """5.0 -> 5 (counts print as whole numbers), 0.9 stays 0.9."""
    return int(value) if float(value).is_integer() else value


def parse_target_value(session: Session, figure: str, raw: str) -> float:
    """Check a target's figure and value; rates are fractions from 0 to 1."""
    figure = figure.strip()
    names = figures.figure_names(session)
    if figure not in names:
        close = difflib.get_close_matches(figure, names, n=1)
        hint = tr(f" (có phải {close[0]}?)", f" (did you mean {close[0]}?)") if close else ""
        raise UnknownFigure(figure=figure, hint=hint)
    text = raw.strip().replace(",", ".")
    percent = text.endswith("%")
    try:
        value = float(text.rstrip("%").strip())
    except ValueError:
        reason = tr("phải là một số", "must be a number")
        raise BadTargetValue(figure=figure, value=raw, reason=reason) from None
    if percent:
        value /= 100
    if value != value or value in (float("inf"), float("-inf")):
        raise BadTargetValue(figure=figure, value=raw, reason=tr("phải là một số", "not a number"))
    if figure in figures.RATE_FIGURES:
        if not 0 <= value <= 1:
            reason = tr(
                "tỷ lệ phải từ 0 đến 1, ví dụ 0.9 cho 90 %",
                "a rate must be from 0 to 1, e.g. 0.9 for 90%",
            )
            raise BadTargetValue(figure=figure, value=raw, reason=reason)
    elif value < 0 or not value.is_integer():
        reason = tr("phải là số nguyên không âm", "must be a whole number, not negative")
        raise BadTargetValue(figure=figure, value=raw, reason=reason)
    return value


def parse_targets(session: Session, specs: list[str]) -> dict[str, float]:
    out: dict[str, float] = {}
    for spec in specs:
        figure, sep, raw = spec.partition("=")
        if not sep or not figure.strip() or not raw.strip():
            raise BadSyntax(option="--target", value=spec, form="FIGURE=VALUE")
        figure = figure.strip()
        if figure in out:
            raise DuplicateEntry(option="--target", key=figure)
        out[figure] = parse_target_value(session, figure, raw)
    return out


_FUNDING = re.compile(r"^\s*(\w+)\s*=\s*([\d][\d.,_ ]*)\s*[xX×*]\s*(\d+)\s*$")
_CAP = re.compile(r"^\s*(\w+)\s*=\s*(\d+)\s*$")


def parse_funding(specs: list[str]) -> dict[str, tuple[int, int]]:
    """``party=20000000x5`` -> {"party": (20000000, 5)} (grouping dots allowed)."""
    out: dict[str, tuple[int, int]] = {}
    form = "TYPE=AMOUNTxCOUNT, " + tr("ví dụ", "e.g.") + " party=20000000x5"
    for spec in specs:
        match = _FUNDING.match(spec)
        if not match:
            raise BadSyntax(option="--funding", value=spec, form=form)
        kind = validate.choice(match[1], ORG_TYPES, tr("loại tổ chức", "organisation type")) or ""
        if kind in out:
            raise DuplicateEntry(option="--funding", key=kind)
        amount = int(re.sub(r"[.,_ ]", "", match[2]))
        out[kind] = (amount, int(match[3]))
    return out


def parse_caps(specs: list[str]) -> dict[str, int]:
    """``full_time=3`` -> {"full_time": 3}."""
    out: dict[str, int] = {}
    for spec in specs:
        match = _CAP.match(spec)
        if not match:
            raise BadSyntax(
                option="--cadre-cap",
                value=spec,
                form="full_time=N " + tr("hoặc", "or") + " part_time=N",
            )
        kind = validate.choice(match[1], CADRE_KINDS, tr("loại cán bộ", "cadre kind")) or ""
        if kind in out:
            raise DuplicateEntry(option="--cadre-cap", key=kind)
        out[kind] = int(match[2])
    return out


# --- Plans --------------------------------------------------------------------------


def get(session: Session, code: str) -> Plan:
    text = (code or "").strip()
    plan = session.exec(select(Plan).where(_table(Plan).c.code == text)).first()  # type: ignore[call-overload]
    if plan is None:
        raise UnknownPlan(code=text)
    found: Plan = plan[0]
    return found


def show(session: Session, code: str) -> dict[str, Any]:
    plan = get(session, code)
    return _records(session, [plan])[0]


def _records(session: Session, plans: list[Plan]) -> list[dict[str, Any]]:
    ids = [p.id for p in plans]
    conn = session.connection()
    tgt, fund, cap, cad = (
        _table(PlanTarget),
        _table(PlanFunding),
        _table(PlanCadreCap),
        _table(Cadre),
    )
    targets: dict[int, list[dict[str, Any]]] = {}
    for plan_id, figure, value in conn.execute(
        select(tgt.c.plan_id, tgt.c.figure, tgt.c.value)
        .where(tgt.c.plan_id.in_(ids))
        .order_by(tgt.c.plan_id, tgt.c.id)
    ):
        targets.setdefault(plan_id, []).append({"figure": figure, "value": _number(value)})
    funding: dict[int, list[dict[str, Any]]] = {}
    for plan_id, kind, amount, max_count in conn.execute(
        select(fund.c.plan_id, fund.c.org_type, fund.c.amount, fund.c.max_count).where(
            fund.c.plan_id.in_(ids)
        )
    ):
        funding.setdefault(plan_id, []).append(
            {"type": kind, "amount": int(amount), "max_count": int(max_count)}
        )
    caps: dict[int, dict[str, int]] = {}
    for plan_id, kind, value in conn.execute(
        select(cap.c.plan_id, cap.c.kind, cap.c.cap).where(cap.c.plan_id.in_(ids))
    ):
        caps.setdefault(plan_id, {})[kind] = int(value)
    cadres: dict[int, int] = {
        plan_id: int(n)
        for plan_id, n in conn.execute(
            select(cad.c.plan_id, func.count())
            .where(cad.c.plan_id.in_(ids))
            .group_by(cad.c.plan_id)
        )
    }
    order = {k: i for i, k in enumerate(ORG_TYPES)}
    out = []
    for plan in plans:
        assert plan.id is not None
        plan_caps = caps.get(plan.id, {})
        out.append(
            {
                "id": plan.id,
                "code": plan.code,
                "title": plan.title,
                "issuer": plan.issuer,
                "start": plan.start_on,
                "end": plan.end_on,
                "targets": targets.get(plan.id, []),
                "funding": sorted(funding.get(plan.id, []), key=lambda f: order.get(f["type"], 9)),
                "cadre_caps": {k: plan_caps[k] for k in CADRE_KINDS if k in plan_caps},
                "cadres": int(cadres.get(plan.id, 0)),
            }
        )
    return out


def add(
    session: Session,
    code: str,
    title: str,
    start: date,
    end: date,
    targets: list[str] | None = None,
    funding: list[str] | None = None,
    cadre_caps: list[str] | None = None,
    issuer: str | None = None,
) -> dict[str, Any]:
    """Register a plan with its targets, founding support and cadre caps."""
    code = validate.required_text(code, tr("Số hiệu kế hoạch (--code)", "Plan code (--code)"))
    title = validate.required_text(title, tr("Tên kế hoạch (--title)", "Plan title (--title)"))
    validate.not_before(start, end, tr("bắt đầu", "start"), tr("kết thúc", "end"))
    parsed_targets = parse_targets(session, targets or [])
    parsed_funding = parse_funding(funding or [])
    parsed_caps = parse_caps(cadre_caps or [])
    existing = session.exec(select(_table(Plan).c.id).where(_table(Plan).c.code == code)).first()  # type: ignore[call-overload]
    if existing is not None:
        raise DuplicatePlan(code=code)
    plan = Plan(
        code=code,
        title=title,
        issuer=clean_text(issuer),
        start_on=start,
        end_on=end,
        created_at=_now(),
    )
    session.add(plan)
    session.flush()
    assert plan.id is not None
    for figure, value in parsed_targets.items():
        session.add(PlanTarget(plan_id=plan.id, figure=figure, value=value))
    for kind, (amount, count) in parsed_funding.items():
        session.add(PlanFunding(plan_id=plan.id, org_type=kind, amount=amount, max_count=count))
    for kind, cap in parsed_caps.items():
        session.add(PlanCadreCap(plan_id=plan.id, kind=kind, cap=cap))
    session.flush()
    record = show(session, code)
    audit.record(session, "add", "plan", code, after=record)
    return record


def list_(session: Session) -> list[dict[str, Any]]:
    plans = list(
        session.exec(select(Plan).order_by(_table(Plan).c.start_on, _table(Plan).c.code)).scalars()  # type: ignore[call-overload]
    )
    return _records(session, plans)


def update(
    session: Session,
    code: str,
    title: str | None = None,
    issuer: str | None = None,
    start: date | None = None,
    end: date | None = None,
    funding: list[str] | None = None,
    cadre_caps: list[str] | None = None,
) -> dict[str, Any]:
    """Change a plan's title, issuer, window, founding support (per type given)
    or cadre caps (per kind given)."""
    plan = get(session, code)
    assert plan.id is not None
    parsed_funding = parse_funding(funding or [])
    parsed_caps = parse_caps(cadre_caps or [])
    unchanged = title is None and issuer is None and start is None and end is None
    if unchanged and not parsed_funding and not parsed_caps:
        raise errors.EmptyValue(field=tr("Thông tin cần cập nhật", "The fields to update"))
    new_start = start or plan.start_on
    new_end = end or plan.end_on
    validate.not_before(new_start, new_end, tr("bắt đầu", "start"), tr("kết thúc", "end"))
    before = show(session, plan.code)
    if title is not None:
        plan.title = validate.required_text(title, tr("Tên kế hoạch (--title)", "Plan title"))
    if issuer is not None:
        plan.issuer = clean_text(issuer)
    plan.start_on, plan.end_on = new_start, new_end
    session.add(plan)
    fund = _table(PlanFunding)
    for kind, (amount, count) in parsed_funding.items():
        session.execute(delete(fund).where(fund.c.plan_id == plan.id, fund.c.org_type == kind))
        session.add(PlanFunding(plan_id=plan.id, org_type=kind, amount=amount, max_count=count))
    caps = _table(PlanCadreCap)
    for kind, cap in parsed_caps.items():
        session.execute(delete(caps).where(caps.c.plan_id == plan.id, caps.c.kind == kind))
        session.add(PlanCadreCap(plan_id=plan.id, kind=kind, cap=cap))
    session.flush()
    after = show(session, plan.code)
    audit.record(session, "update", "plan", plan.code, before=before, after=after)
    return after


def set_target(session: Session, code: str, figure: str, value: str) -> dict[str, Any]:
    """Add a target or change its value."""
    plan = get(session, code)
    assert plan.id is not None
    figure = figure.strip()
    number = parse_target_value(session, figure, value)
    before = show(session, plan.code)
    tgt = _table(PlanTarget)
    session.execute(delete(tgt).where(tgt.c.plan_id == plan.id, tgt.c.figure == figure))
    session.add(PlanTarget(plan_id=plan.id, figure=figure, value=number))
    session.flush()
    after = show(session, plan.code)
    audit.record(session, "target_set", "plan", plan.code, before=before, after=after)
    return after


def remove_target(session: Session, code: str, figure: str) -> dict[str, Any]:
    plan = get(session, code)
    figure = figure.strip()
    tgt = _table(PlanTarget)
    before = show(session, plan.code)
    if not any(t["figure"] == figure for t in before["targets"]):
        raise UnknownTarget(code=plan.code, figure=figure)
    session.execute(delete(tgt).where(tgt.c.plan_id == plan.id, tgt.c.figure == figure))
    session.flush()
    after = show(session, plan.code)
    audit.record(session, "target_remove", "plan", plan.code, before=before, after=after)
    return after


# --- Progress -----------------------------------------------------------------------


def _window_share(start: date, end: date, through: date) -> float:
    total = (end - start).days + 1
    elapsed = (through - start).days + 1
    return max(0, min(elapsed, total)) / total


def _projection(
    name: str, achieved: Any, baseline: Any, share: float, finished: bool
) -> float | int | None:
    if achieved is None:
        return None
    if finished:
        return _number(achieved) if isinstance(achieved, (int, float)) else achieved
    if share <= 0:
        return None
    if figures.is_flow(name):
        value = achieved / share
    else:
        start = baseline if isinstance(baseline, (int, float)) else achieved
        value = start + (achieved - start) / share
    if name in figures.RATE_FIGURES:
        return round(min(max(value, 0.0), 1.0), 4)
    return round(max(value, 0.0), 2)


def _progress(session: Session, plan: Plan, as_of: date, project: bool) -> dict[str, Any]:
    start, end = plan.start_on, plan.end_on
    through = min(as_of, end)
    share = _window_share(start, end, through)
    finished = as_of >= end
    status = "finished" if finished else "not_started" if as_of < start else "running"
    record = _records(session, [plan])[0]
    # Only the sections the targets and the founding support need.
    sections = {t["figure"].split(".", 1)[0] for t in record["targets"]}
    if record["funding"]:
        sections.add("organizations")
    figs = figures.compute(session, start, through, plan.code, sections=sections)
    baseline: dict[str, Any] | None = None
    stocks = {
        t["figure"].split(".", 1)[0] for t in record["targets"] if not figures.is_flow(t["figure"])
    }
    if project and not finished and stocks:
        # Stocks on the day before the window opened, to project their change.
        baseline = figures.compute(
            session, start, start - timedelta(days=1), plan.code, sections=stocks
        )
    targets = []
    for target in record["targets"]:
        name, goal = target["figure"], target["value"]
        achieved = figures.lookup(figs, name)
        expected = goal * share
        reached = achieved is not None and achieved + _EPSILON >= goal
        row = {
            "figure": name,
            "label": figures.label(name),
            "target": goal,
            "achieved": achieved,
            "rate": (achieved / goal) if achieved is not None and goal else None,
            "expected": round(expected, 4),
            "on_track": achieved is not None and achieved + _EPSILON >= expected,
            "met": reached if finished else None,
        }
        if project:
            base = figures.lookup(baseline, name) if baseline else None
            row["projection"] = _projection(name, achieved, base, share, finished)
        targets.append(row)
    funding = []
    for item in record["funding"]:
        founded = int(figures.lookup(figs, f"organizations.{item['type']}.founded") or 0)
        paid_for = min(founded, item["max_count"])
        funding.append(
            {
                "type": item["type"],
                "founded": founded,
                "max_count": item["max_count"],
                "paid_for": paid_for,
                "amount_per_org": item["amount"],
                "total": paid_for * item["amount"],
            }
        )
    assigned = _assigned_counts(session, plan, through)
    cadres = [
        {"kind": kind, "cap": record["cadre_caps"].get(kind), "assigned": assigned.get(kind, 0)}
        for kind in CADRE_KINDS
        if kind in record["cadre_caps"] or assigned.get(kind)
    ]
    return {
        "plan": plan.code,
        "title": plan.title,
        "issuer": plan.issuer,
        "start": start,
        "end": end,
        "as_of": as_of,
        "through": through,
        "status": status,
        "elapsed_share": round(share, 4),
        "targets": targets,
        "funding": funding,
        "funding_total": sum(f["total"] for f in funding),
        "cadres": cadres,
    }


def progress(session: Session, code: str, as_of: date | None = None) -> dict[str, Any]:
    """A plan's progress on ``as_of`` (default today): every target with what is
    achieved, its rate, on track / met and a projection; founding support due;
    cadres assigned against the caps."""
    return _progress(session, get(session, code), as_of or date.today(), project=True)


def progress_all(session: Session, as_of: date | None = None) -> list[dict[str, Any]]:
    """Progress of every plan whose window has opened by ``as_of``."""
    as_of = as_of or date.today()
    plan_t = _table(Plan)
    plans = session.exec(
        select(Plan).where(plan_t.c.start_on <= as_of).order_by(plan_t.c.start_on, plan_t.c.code)  # type: ignore[call-overload]
    ).scalars()
    return [_progress(session, p, as_of, project=True) for p in plans]


def targets_and_funding(
    session: Session, start: date, end: date
) -> dict[str, list[dict[str, Any]]]:
    """The ``targets`` and ``funding`` rows of SPEC §4 for the plans whose
    window overlaps ``[start, end]``, each as of ``end`` (within its window)."""
    plan_t = _table(Plan)
    plans = session.exec(
        select(Plan)
        .where(plan_t.c.start_on <= end, plan_t.c.end_on >= start)
        .order_by(plan_t.c.start_on, plan_t.c.code)  # type: ignore[call-overload]
    ).scalars()
    targets: list[dict[str, Any]] = []
    funding: list[dict[str, Any]] = []
    for plan in plans:
        result = _progress(session, plan, end, project=False)
        for row in result["targets"]:
            targets.append(
                {
                    "plan": plan.code,
                    "figure": row["figure"],
                    "label": row["label"],
                    "target": row["target"],
                    "achieved": row["achieved"],
                    "rate": row["rate"],
                    "on_track": row["on_track"],
                    "met": row["met"],
                }
            )
        for row in result["funding"]:
            funding.append(
                {
                    "plan": plan.code,
                    "type": row["type"],
                    "founded": row["founded"],
                    "paid_for": row["paid_for"],
                    "amount_per_org": row["amount_per_org"],
                    "total": row["total"],
                }
            )
    return {"targets": targets, "funding": funding}


# --- Cadres -------------------------------------------------------------------------


def _in_force(on: date) -> Any:
    cad = _table(Cadre)
    return and_(cad.c.from_on <= on, or_(cad.c.to_on.is_(None), cad.c.to_on > on))


def _assigned_counts(session: Session, plan: Plan, on: date) -> dict[str, int]:
    cad = _table(Cadre)
    rows = session.connection().execute(
        select(cad.c.kind, func.count())
        .where(cad.c.plan_id == plan.id, _in_force(on))
        .group_by(cad.c.kind)
    )
    return {kind: int(n) for kind, n in rows}


def add_cadre(
    session: Session,
    name: str,
    kind: str,
    plan_code: str,
    from_on: date,
    to_on: date | None = None,
    tax_codes: list[str] | None = None,
) -> dict[str, Any]:
    """Assign a cadre to a plan; beyond the plan's cap for the kind on any day
    of the assignment is an error naming the cap."""

    name = validate.required_text(name, tr("Họ và tên cán bộ (--name)", "Cadre name (--name)"))
    kind = validate.choice(kind, CADRE_KINDS, tr("loại cán bộ", "cadre kind")) or ""
    plan = get(session, plan_code)
    assert plan.id is not None
    validate.not_before(from_on, to_on, tr("bắt đầu phân công", "from"), tr("kết thúc", "to"))
    if not plan.start_on <= from_on <= plan.end_on:
        raise CadreOutsideWindow(
            on=fmt_date(from_on),
            code=plan.code,
            start=fmt_date(plan.start_on),
            end=fmt_date(plan.end_on),
        )
    enterprise_ids = list(
        dict.fromkeys(refs.enterprise_id(session, code) for code in (tax_codes or []))
    )
    cap_t = _table(PlanCadreCap)
    cap = (
        session.connection()
        .execute(select(cap_t.c.cap).where(cap_t.c.plan_id == plan.id, cap_t.c.kind == kind))
        .scalar()
    )
    if cap is not None:
        _check_cap(session, plan, kind, int(cap), from_on, to_on)
    cadre = Cadre(
        plan_id=plan.id, name=name, kind=kind, from_on=from_on, to_on=to_on, created_at=_now()
    )
    session.add(cadre)
    session.flush()
    assert cadre.id is not None
    for enterprise_id in enterprise_ids:
        session.add(CadreEnterprise(cadre_id=cadre.id, enterprise_id=enterprise_id))
    session.flush()
    record = list_cadres(session, cadre_id=cadre.id)[0]
    audit.record(session, "add", "cadre", cadre.id, after=record)
    return record


def _check_cap(
    session: Session, plan: Plan, kind: str, cap: int, from_on: date, to_on: date | None
) -> None:
    """The most assignments in force at once during [from_on, to_on) comes at
    its first day or at the start of another assignment inside it."""
    cad = _table(Cadre)
    conn = session.connection()
    overlapping = and_(
        cad.c.plan_id == plan.id,
        cad.c.kind == kind,
        or_(cad.c.to_on.is_(None), cad.c.to_on > from_on),
    )
    if to_on is not None:
        overlapping = and_(overlapping, cad.c.from_on < to_on)
    starts = conn.execute(
        select(cad.c.from_on).where(overlapping, cad.c.from_on > from_on).distinct()
    ).scalars()
    for day in sorted({from_on, *starts}):
        count = conn.execute(
            select(func.count()).where(cad.c.plan_id == plan.id, cad.c.kind == kind, _in_force(day))
        ).scalar_one()
        if count + 1 > cap:
            raise CadreCapReached(
                code=plan.code, cap=cap, kind=kind_label(kind), on=fmt_date(day), count=count
            )


def list_cadres(
    session: Session,
    plan_code: str | None = None,
    on: date | None = None,
    cadre_id: int | None = None,
) -> list[dict[str, Any]]:
    """Cadre assignments with their enterprises (only those in force on ``on`` if given)."""
    cad, plan_t, ce, ent = _table(Cadre), _table(Plan), _table(CadreEnterprise), _table(Enterprise)
    stmt = (
        select(
            cad.c.id,
            plan_t.c.code.label("plan"),
            cad.c.name,
            cad.c.kind,
            cad.c.from_on,
            cad.c.to_on,
        )
        .join(plan_t, plan_t.c.id == cad.c.plan_id)
        .order_by(plan_t.c.code, cad.c.kind, cad.c.from_on, cad.c.id)
    )
    if plan_code is not None:
        stmt = stmt.where(cad.c.plan_id == get(session, plan_code).id)
    if on is not None:
        stmt = stmt.where(_in_force(on))
    if cadre_id is not None:
        stmt = stmt.where(cad.c.id == cadre_id)
    conn = session.connection()
    rows = [dict(r) for r in conn.execute(stmt).mappings()]
    ids = [r["id"] for r in rows]
    codes: dict[int, list[str]] = {}
    for cid, code in conn.execute(
        select(ce.c.cadre_id, ent.c.tax_code)
        .join(ent, ent.c.id == ce.c.enterprise_id)
        .where(ce.c.cadre_id.in_(ids))
        .order_by(ent.c.tax_code)
    ):
        codes.setdefault(cid, []).append(code)
    for row in rows:
        row["enterprises"] = codes.get(row["id"], [])
    return rows
