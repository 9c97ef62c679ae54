"""Rules are data: eligibility thresholds, switches and rating scales live in
the ``rule`` table (seeded by migration 0002), each with its source.

Values are stored as text and typed here: whole numbers, yes/no switches and
comma-separated grade codes (best first). Eligibility reads the rules in force
each time it runs, so ``rules set`` takes effect on the next question.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlmodel import Session

from dangdn_cli import errors
from dangdn_cli.i18n import tr
from dangdn_cli.models import Rule
from dangdn_cli.registry import audit
from dangdn_cli.registry.errors import InvalidRuleValue, UnknownRule
from dangdn_cli.vocabulary import COUNTED, GRADE_SCALES, ORG_TYPE

RuleValue = int | bool | list[str]


@dataclass(frozen=True)
class RuleDef:
    kind: str  # "int" | "bool" | "grades"
    default: str
    meaning_vi: str
    meaning_en: str
    source_vi: str
    source_en: str
    minimum: int = 1
    maximum: int = 100_000


_PLAN_VI = "Kế hoạch của tỉnh thực hiện Chỉ thị 33-CT/TW ngày 18/3/2019"
_PLAN_EN = "the provincial plan under Directive 33-CT/TW of 18/3/2019"
_ASSUMED_VI = "Giả định của phần mềm, có thể điều chỉnh"
_ASSUMED_EN = "An assumption of this tool; configurable"


def _party_org_rule(who_vi: str, who_en: str, source_vi: str, source_en: str) -> RuleDef:
    return RuleDef(
        "bool",
        "true",
        f"Doanh nghiệp phải có tổ chức đảng đang hoạt động mới lập {who_vi}",
        f"The enterprise must have an active party organisation before founding {who_en}",
        source_vi,
        source_en,
    )


def _members_rule(kind: str, source_vi: str, source_en: str) -> RuleDef:
    who_vi, who_en = COUNTED.pair(kind, "plural")
    return RuleDef(
        "int",
        "3",
        f"Số {who_vi} tối thiểu đang làm việc tại doanh nghiệp",
        f"The fewest {who_en} working at the enterprise",
        source_vi,
        source_en,
    )


_YOUTH_VI = f"{_PLAN_VI}; Điều lệ Đoàn TNCS Hồ Chí Minh"
_YOUTH_EN = f"{_PLAN_EN}; the Ho Chi Minh Communist Youth Union Charter"

RULES: dict[str, RuleDef] = {
    "party.min_official_members": RuleDef(
        "int",
        "3",
        "Số đảng viên chính thức tối thiểu làm việc ổn định tại doanh nghiệp",
        "The fewest official party members employed at the enterprise on stable terms",
        f"Điều lệ Đảng, Điều 21; {_PLAN_VI}",
        f"Party Charter, art. 21; {_PLAN_EN}",
    ),
    "party.require_stable_operation": RuleDef(
        "bool",
        "true",
        "Doanh nghiệp phải sản xuất kinh doanh ổn định",
        "The enterprise must operate stably",
        _PLAN_VI,
        _PLAN_EN,
    ),
    "party.require_law_compliance": RuleDef(
        "bool",
        "true",
        "Doanh nghiệp phải chấp hành tốt pháp luật",
        "The enterprise must comply with the law",
        _PLAN_VI,
        _PLAN_EN,
    ),
    "party.months_to_official": RuleDef(
        "int",
        "12",
        "Số tháng dự bị trước khi đảng viên được công nhận chính thức (dùng để dự báo)",
        "Months of probation before a party member becomes official (used by forecasts)",
        "Điều lệ Đảng, Điều 5",
        "Party Charter, art. 5",
        maximum=120,
    ),
    "union.min_stable_workers": RuleDef(
        "int",
        "20",
        "Số lao động ổn định (hợp đồng từ 12 tháng) tối thiểu để lập công đoàn cơ sở",
        "The fewest stable workers (contracts of 12 months or more) to found a union",
        f"{_PLAN_VI} (Điều lệ Công đoàn Việt Nam chỉ đòi hỏi tối thiểu 5 đoàn viên)",
        f"{_PLAN_EN} (the Vietnam Trade Union Charter's own floor is 5 members)",
        maximum=1_000_000,
    ),
    "youth.min_members": _members_rule("youth", _YOUTH_VI, _YOUTH_EN),
    "youth.require_party_org": _party_org_rule("chi đoàn", "a youth cell", _YOUTH_VI, _YOUTH_EN),
    "women.min_members": _members_rule("women", _ASSUMED_VI, _ASSUMED_EN),
    "women.require_party_org": _party_org_rule(
        "chi hội phụ nữ", "a women's chapter", _ASSUMED_VI, _ASSUMED_EN
    ),
    "veterans.min_members": _members_rule("veterans", _ASSUMED_VI, _ASSUMED_EN),
    "veterans.require_party_org": _party_org_rule(
        "chi hội cựu chiến binh", "a veterans' chapter", _ASSUMED_VI, _ASSUMED_EN
    ),
    "rating.party.grades": RuleDef(
        "grades",
        ",".join(GRADE_SCALES["party"]),
        "Thang xếp loại chất lượng tổ chức đảng hằng năm (mã, tốt nhất trước)",
        "The yearly quality grades of party organisations (codes, best first)",
        "Quy định của Trung ương về đánh giá, xếp loại chất lượng tổ chức đảng hằng năm",
        "The Central Committee's rules on yearly quality ratings of party organisations",
    ),
    "rating.union.grades": RuleDef(
        "grades",
        ",".join(GRADE_SCALES["union"]),
        "Thang đánh giá công đoàn cơ sở (mã, tốt nhất trước)",
        "The grades of grassroots trade unions (codes, best first)",
        "Hướng dẫn của Tổng Liên đoàn Lao động Việt Nam",
        "Guidance of the Vietnam General Confederation of Labour",
    ),
    "rating.youth.grades": RuleDef(
        "grades",
        ",".join(GRADE_SCALES["youth"]),
        "Thang đánh giá tổ chức Đoàn (mã, tốt nhất trước)",
        "The grades of youth-union organisations (codes, best first)",
        "Hướng dẫn của Ban Chấp hành Trung ương Đoàn",
        "Guidance of the Youth Union Central Committee",
    ),
    "rating.women.grades": RuleDef(
        "grades",
        ",".join(GRADE_SCALES["women"]),
        "Thang đánh giá chi hội phụ nữ (mã, tốt nhất trước)",
        "The grades of women's chapters (codes, best first)",
        "Hướng dẫn của Hội Liên hiệp Phụ nữ Việt Nam",
        "Guidance of the Vietnam Women's Union",
    ),
    "rating.veterans.grades": RuleDef(
        "grades",
        ",".join(GRADE_SCALES["veterans"]),
        "Thang đánh giá chi hội cựu chiến binh (mã, tốt nhất trước)",
        "The grades of veterans' chapters (codes, best first)",
        "Hướng dẫn của Hội Cựu chiến binh Việt Nam",
        "Guidance of the Vietnam Veterans' Association",
    ),
}

_TRUE = {"true", "yes", "1", "có", "co", "on", "đúng", "dung"}
_FALSE = {"false", "no", "0", "không", "khong", "off", "sai"}
_GRADE_CODE = re.compile(r"^[a-z][a-z0-9_]*$")


def _definition(key: str) -> RuleDef:
    definition = RULES.get(key)
    if definition is None:
        raise UnknownRule(key=key, keys=", ".join(RULES))
    return definition


def parse_value(key: str, value: str) -> RuleValue:
    """Type a stored or typed-in value for ``key``; a bad one raises InvalidRuleValue."""
    definition = _definition(key)
    text = " ".join(str(value).split())
    if definition.kind == "int":
        if not re.fullmatch(r"\d+", text):
            reason = tr("phải là số nguyên dương", "must be a whole number")
            raise InvalidRuleValue(key=key, value=value, reason=reason)
        number = int(text)
        if not definition.minimum <= number <= definition.maximum:
            reason = tr(
                f"phải từ {definition.minimum} đến {definition.maximum}",
                f"must be from {definition.minimum} to {definition.maximum}",
            )
            raise InvalidRuleValue(key=key, value=value, reason=reason)
        return number
    if definition.kind == "bool":
        lowered = text.lower()
        if lowered in _TRUE:
            return True
        if lowered in _FALSE:
            return False
        reason = tr("dùng true hoặc false", "use true or false")
        raise InvalidRuleValue(key=key, value=value, reason=reason)
    grades = [g.strip() for g in text.split(",")]
    if len(grades) < 2 or any(not _GRADE_CODE.match(g) for g in grades):
        reason = tr(
            "ít nhất hai mã xếp loại, cách nhau bằng dấu phẩy, chỉ gồm a-z, 0-9 và _",
            "at least two grade codes separated by commas, using only a-z, 0-9 and _",
        )
        raise InvalidRuleValue(key=key, value=value, reason=reason)
    if len(set(grades)) != len(grades):
        reason = tr("có mã xếp loại trùng nhau", "a grade code appears twice")
        raise InvalidRuleValue(key=key, value=value, reason=reason)
    return grades


def to_text(value: RuleValue) -> str:
    """The stored form of a typed value."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return ",".join(value)
    return str(value)


def _stored(session: Session) -> dict[str, tuple[str, str | None]]:
    rows = session.connection().execute(select(Rule.key, Rule.value, Rule.source))  # type: ignore[call-overload]
    return {key: (value, source) for key, value, source in rows}


def get_rules(session: Session) -> dict[str, RuleValue]:
    """Every rule in force, typed (int, bool or list of grade codes).

    A rule missing from the table falls back to its default; a stored value
    that no longer parses (edited by hand) does too.
    """
    stored = _stored(session)
    out: dict[str, RuleValue] = {}
    for key, definition in RULES.items():
        text = stored[key][0] if key in stored else definition.default
        try:
            out[key] = parse_value(key, text)
        except errors.ValidationError:
            out[key] = parse_value(key, definition.default)
    return out


def count_rule(values: dict[str, RuleValue], key: str) -> int:
    """A whole-number rule (a threshold, a number of months) from ``get_rules``."""
    value = values[key]
    assert isinstance(value, int) and not isinstance(value, bool), key
    return value


def rule(session: Session, key: str) -> RuleValue:
    """One rule in force, typed; an unknown key raises UnknownRule."""
    _definition(key)
    return get_rules(session)[key]


def rating_scales(session: Session) -> dict[str, list[str]]:
    """Every type's rating scale in force, best first."""
    values = get_rules(session)
    return {kind: list(values[f"rating.{kind}.grades"]) for kind in ORG_TYPE.codes}  # type: ignore[arg-type]


def rating_grades(session: Session, org_type: str) -> list[str]:
    """The grade codes of an organisation type's rating scale, best first."""
    if org_type not in ORG_TYPE:
        raise errors.InvalidChoice(
            field=tr("loại tổ chức", "organisation type"),
            value=org_type,
            choices=", ".join(ORG_TYPE.codes),
        )
    grades = rule(session, f"rating.{org_type}.grades")
    assert isinstance(grades, list)
    return grades


def _source(key: str, stored: str | None) -> str:
    definition = RULES[key]
    if stored is None or stored == definition.source_vi:
        text = tr(definition.source_vi, definition.source_en)
        return text[:1].upper() + text[1:]
    return stored  # a source an officer typed in stays as written


def show(session: Session) -> list[dict[str, Any]]:
    """Every rule: key, typed value, meaning and source (in the user's language)."""
    stored = _stored(session)
    values = get_rules(session)
    return [
        {
            "key": key,
            "value": values[key],
            "default": parse_value(key, definition.default),
            "meaning": tr(definition.meaning_vi, definition.meaning_en),
            "source": _source(key, stored.get(key, (None, None))[1]),
        }
        for key, definition in RULES.items()
    ]


def set_rule(session: Session, key: str, value: str) -> dict[str, Any]:
    """Change one rule (validated), audit-logged, in the caller's transaction."""
    definition = _definition(key)
    typed = parse_value(key, value)
    row = session.get(Rule, key)
    before = get_rules(session)[key]
    if row is None:
        row = Rule(key=key, value=to_text(typed), source=definition.source_vi)
    else:
        row.value = to_text(typed)
    session.add(row)
    session.flush()
    audit.record(session, "set", "rule", key, before={"value": before}, after={"value": typed})
    return next(r for r in show(session) if r["key"] == key)
