"""Parsers and checks for what users type or import. Each raises a
``DangdnError`` subclass with a message a person can act on."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, datetime

from dangdn_cli import errors
from dangdn_cli.i18n import clean_text, fmt_date, tr

_DMY = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")
_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")


def parse_date(value: str | date | None) -> date | None:
    """Accept 2024-05-25, 25/05/2024 and 25/5/2024 (and date objects)."""
    if value is None or isinstance(value, date):
        return value.date() if isinstance(value, datetime) else value
    text = value.strip()
    if not text:
        return None
    try:
        if match := _ISO.match(text):
            year, month, day = match.groups()
        elif match := _DMY.match(text):
            day, month, year = match.groups()
        else:
            raise ValueError(text)
        return date(int(year), int(month), int(day))
    except ValueError:
        raise errors.InvalidDate(value=text) from None


def require_date(value: str | date | None, field: str) -> date:
    parsed = parse_date(value)
    if parsed is None:
        raise errors.EmptyValue(field=field)
    return parsed


def tax_code(value: str) -> str:
    """Validate a tax code (check digit included) and return ``0100109106`` or
    ``0100109106-001``."""
    from stdnum import exceptions
    from stdnum.vn import mst

    text = (value or "").strip()
    if not text:
        raise errors.EmptyValue(field=tr("Mã số thuế", "Tax code"))
    try:
        compact = mst.validate(text)
    except exceptions.InvalidChecksum:
        reason = tr("sai chữ số kiểm tra", "wrong check digit")
        raise errors.InvalidTaxCode(value=text, reason=reason) from None
    except exceptions.InvalidLength:
        reason = tr("phải có 10 chữ số, hoặc 10 chữ số-3 chữ số", "10 digits, or 10-3 digits")
        raise errors.InvalidTaxCode(value=text, reason=reason) from None
    except exceptions.InvalidComponent:
        if len(mst.compact(text)) == 13 and mst.compact(text).endswith("000"):
            reason = tr("số đơn vị phụ thuộc phải từ 001 đến 999", "the branch must be 001-999")
        else:
            reason = tr("chữ số thứ 3 đến 9 không được đều là 0", "digits 3 to 9 cannot all be 0")
        raise errors.InvalidTaxCode(value=text, reason=reason) from None
    except exceptions.ValidationError:
        reason = tr(
            "chỉ gồm chữ số, dạng 0100109106 hoặc 0100109106-001",
            "digits only, as 0100109106 or 0100109106-001",
        )
        raise errors.InvalidTaxCode(value=text, reason=reason) from None
    return compact if len(compact) == 10 else f"{compact[:10]}-{compact[10:]}"


def id_number(value: str | None) -> str | None:
    """A citizen ID (CCCD): exactly 12 digits. There is no check digit."""
    if value is None:
        return None
    text = value.strip().replace(" ", "")
    if not text:
        return None
    if not re.fullmatch(r"\d{12}", text):
        raise errors.InvalidIdNumber(value=text)
    return text


def choice(value: str | None, choices: Iterable[str], field: str) -> str | None:
    if value is None:
        return None
    options = tuple(choices)
    text = value.strip()
    if text not in options:
        raise errors.InvalidChoice(field=field, value=text, choices=", ".join(options))
    return text


def count(value: int | None, field: str) -> int | None:
    if value is not None and value < 0:
        raise errors.NegativeCount(field=field, value=value)
    return value


def not_before(start: date | None, end: date | None, start_label: str, end_label: str) -> None:
    if start is not None and end is not None and end < start:
        raise errors.EndBeforeStart(
            start=fmt_date(start),
            end=fmt_date(end),
            start_label=start_label,
            end_label=end_label,
        )


def required_text(value: str | None, field: str) -> str:
    cleaned = clean_text(value)
    if cleaned is None:
        raise errors.EmptyValue(field=field)
    return cleaned
