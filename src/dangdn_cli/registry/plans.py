"""Plans (kế hoạch / đề án): their window, targets on the report's figures,
founding support per organisation type and caps on assigned cadres; what a
user types for them (``party=20000000x5``, ``union_coverage.rate=90%``) is
parsed here. Progress against a plan is ``analysis.progress``; cadre
assignments are ``registry.cadres``."""

from __future__ import annotations

import difflib
import re
from datetime import date
from typing import Any

from sqlalchemy import delete, func, select
from sqlmodel import Session

from dangdn_cli import catalogue, clock, errors, validate
from dangdn_cli.i18n import clean_text, tr
from dangdn_cli.models import (
    Cadre,
    Plan,
    PlanCadreCap,
    PlanFunding,
    PlanTarget,
)
from dangdn_cli.registry import audit, organizations, refs, rules
from dangdn_cli.registry.errors import (
    BadSyntax,
    BadTargetValue,
    DuplicateEntry,
    DuplicatePlan,
    UnknownFigure,
    UnknownPlan,
    UnknownTarget,
)
from dangdn_cli.registry.history import table_of
from dangdn_cli.vocabulary import CADRE_KIND, ORG_TYPE

# --- Parsing what users type --------------------------------------------------------


def number(value: float) -> int | float:
    """5.0 -> 5 (counts print as whole numbers), 0.9 stays 0.9."""
    return int(value) if float(value).is_integer() else value


def parse_target_value(session: Session, figure: str, raw: str) -> float:
    """Check a target's figure and value; rates are fractions from 0 to 1."""
    figure = figure.strip()
    names = catalogue.figure_names(rules.rating_scales(session))
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
    if figure in catalogue.RATE_FIGURES:
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
        kind = organizations.org_type(match[1])
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
        kind = refs.code(CADRE_KIND, match[1]) or ""
        if kind in out:
            raise DuplicateEntry(option="--cadre-cap", key=kind)
        out[kind] = int(match[2])
    return out


# --- Plans --------------------------------------------------------------------------


def get(session: Session, code: str) -> Plan:
    text = (code or "").strip()
    plan = session.exec(select(Plan).where(table_of(Plan).c.code == text)).first()  # type: ignore[call-overload]
    if plan is None:
        raise UnknownPlan(code=text)
    found: Plan = plan[0]
    return found


def show(session: Session, code: str) -> dict[str, Any]:
    plan = get(session, code)
    return records(session, [plan])[0]


def records(session: Session, plans: list[Plan]) -> list[dict[str, Any]]:
    ids = [p.id for p in plans]
    conn = session.connection()
    tgt, fund, cap, cad = (
        table_of(PlanTarget),
        table_of(PlanFunding),
        table_of(PlanCadreCap),
        table_of(Cadre),
    )
    targets: dict[int, list[dict[str, Any]]] = {}
    for plan_id, figure, value in conn.execute(
        select(tgt.c.plan_id, tgt.c.figure, tgt.c.value)
        .where(tgt.c.plan_id.in_(ids))
        .order_by(tgt.c.plan_id, tgt.c.id)
    ):
        targets.setdefault(plan_id, []).append({"figure": figure, "value": number(value)})
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
    order = {k: i for i, k in enumerate(ORG_TYPE.codes)}
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
                "cadre_caps": {k: plan_caps[k] for k in CADRE_KIND if k in plan_caps},
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
    existing = session.exec(
        select(table_of(Plan).c.id).where(table_of(Plan).c.code == code)
    ).first()  # type: ignore[call-overload]
    if existing is not None:
        raise DuplicatePlan(code=code)
    plan = Plan(
        code=code,
        title=title,
        issuer=clean_text(issuer),
        start_on=start,
        end_on=end,
        created_at=clock.now(),
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
        session.exec(
            select(Plan).order_by(table_of(Plan).c.start_on, table_of(Plan).c.code)
        ).scalars()  # type: ignore[call-overload]
    )
    return records(session, plans)


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
    fund = table_of(PlanFunding)
    for kind, (amount, count) in parsed_funding.items():
        session.execute(delete(fund).where(fund.c.plan_id == plan.id, fund.c.org_type == kind))
        session.add(PlanFunding(plan_id=plan.id, org_type=kind, amount=amount, max_count=count))
    caps = table_of(PlanCadreCap)
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
    figure = figure.strip()
    number = parse_target_value(session, figure, value)
    return _write_target(session, plan, figure, number)


def remove_target(session: Session, code: str, figure: str) -> dict[str, Any]:
    plan = get(session, code)
    return _write_target(session, plan, figure.strip(), None)


def _write_target(session: Session, plan: Plan, figure: str, value: float | None) -> dict[str, Any]:
    """Replace the plan's target on ``figure`` by ``value``, or remove it
    (None: it must exist), with an audit row of the plan before and after."""
    assert plan.id is not None
    before = show(session, plan.code)
    if value is None and not any(t["figure"] == figure for t in before["targets"]):
        raise UnknownTarget(code=plan.code, figure=figure)
    tgt = table_of(PlanTarget)
    session.execute(delete(tgt).where(tgt.c.plan_id == plan.id, tgt.c.figure == figure))
    if value is not None:
        session.add(PlanTarget(plan_id=plan.id, figure=figure, value=value))
    session.flush()
    after = show(session, plan.code)
    action = "target_remove" if value is None else "target_set"
    audit.record(session, action, "plan", plan.code, before=before, after=after)
    return after
