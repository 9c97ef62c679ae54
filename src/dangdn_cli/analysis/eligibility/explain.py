"""Eligibility answers a person can act on: for each check a sentence
saying what is there against what the rule needs (and, for the party, who is
not counted yet and why), a summary per enterprise, and the explained rows of
``evaluate`` (who qualifies, or every one considered) and ``near`` (those
only the count holds back), and the demo's summary of both per type. The
same few sentences repeat across a million enterprises, so each is built
once per language and cached.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from functools import lru_cache
from typing import Any

from sqlmodel import Session

from dangdn_cli.analysis.eligibility.query import (
    Check,
    eligible_enterprises,
    facts,
    prepare,
    rows_query,
    run,
)
from dangdn_cli.i18n import fmt_int, lang, tr
from dangdn_cli.vocabulary import COUNTED, ORG_TYPE, ORG_TYPES


def org_name(org_type: str) -> str:
    """The type's name as the object of "thành lập …" / "found …": in English
    with its article (every type's English name starts with a consonant sound)."""
    vi, en = ORG_TYPE.pair(org_type)
    return tr(vi, f"a {en}")


def counted_noun(org_type: str, n: int) -> str:
    """What the type's count rule counts, agreeing with ``n``."""
    return COUNTED.label(org_type, form="name" if n == 1 else "plural")


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
    party_vi, party_en = ORG_TYPE.pair("party")
    return (
        tr(f"Đã có {party_vi} đang hoạt động.", f"Has an active {party_en}.")
        if ok
        else tr(
            f"Chưa có {party_vi}: cần lập {party_vi} trước, rồi mới lập {what}.",
            f"Has no {party_en}: found one first, then {what}.",
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


def explained(
    row: dict[str, Any],
    org_type: str,
    checks: Sequence[Check],
    detail: bool = True,
    language: str | None = None,
) -> dict[str, Any]:
    """An answer's row: the enterprise's facts, ``eligible``, ``missing``, each
    check (``rule``, ``required``, ``actual``, ``ok``, ``message``) and a
    ``summary``; for the party with ``detail`` also ``probationary`` and
    ``unstable_members``. Sentences are in ``language``, looked up once by the
    caller: a million lookups of the environment add up."""
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
        **facts(row),
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


def evaluate(
    session: Session, org_type: str, on: date, *, explain: bool = False
) -> list[dict[str, Any]]:
    """The eligible enterprises (every one considered with ``explain``), each
    as ``explained`` words it (``tax_code``, ``name``, ``eligible``, ``checks``,
    ``summary``, ``missing``, ``members``, ``workers``…): eligible first, then
    by fewest missing, then by size."""
    kind, _values, checks = prepare(session, org_type)
    query = rows_query(kind, on, checks, "all" if explain else "eligible")
    language = lang()
    rows = [explained(r, kind, checks, explain, language) for r in run(session, query)]
    rows.sort(key=lambda r: (not r["eligible"], r["missing"], -r["workers"], r["tax_code"]))
    return rows


def near(session: Session, org_type: str, on: date) -> list[dict[str, Any]]:
    """Enterprises that fail only on the count and have at least one of what is
    counted (or, for the party, a probationary member on the way): fewest
    missing first, then the most workers."""
    kind, _values, checks = prepare(session, org_type)
    language = lang()
    query = rows_query(kind, on, checks, "near")
    rows = [explained(r, kind, checks, True, language) for r in run(session, query)]
    rows.sort(key=lambda r: (r["missing"], -r["workers"], r["tax_code"]))
    return rows


def demo_summary(session: Session, on: date, near_limit: int = 3) -> dict[str, Any]:
    """Per organisation type: the qualifying enterprises (as
    ``eligible_enterprises``) and the near ones (``near_total`` and the first
    ``near_limit``: tax_code, name, missing, summary). For the demo's printout."""
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
