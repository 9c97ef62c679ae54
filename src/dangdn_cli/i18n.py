"""The user's language and the formatting of what a person reads.

Everything a user reads is Vietnamese by default; ``--lang en`` or
``DANGDN_LANG=en`` switches to English. Code names stay English.
"""

from __future__ import annotations

import os
import unicodedata
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

LANGUAGES = ("vi", "en")
_current: str | None = None


_from_env: str | None = None


def set_lang(lang: str | None) -> None:
    """Choose the language (None: DANGDN_LANG, read again on next use)."""
    global _current, _from_env
    _current = lang
    _from_env = None


def lang() -> str:
    # Called for every label: read the environment once, not on every call.
    global _from_env
    if _current:
        chosen = _current
    else:
        if _from_env is None:
            _from_env = os.environ.get("DANGDN_LANG", "vi")
        chosen = _from_env
    return chosen if chosen in LANGUAGES else "vi"


def tr(vi: str, en: str) -> str:
    """Pick the Vietnamese or English text for the current language (NFC)."""
    return unicodedata.normalize("NFC", en if lang() == "en" else vi)


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def clean_text(text: str | None) -> str | None:
    """NFC-normalise and trim; an empty string becomes None."""
    if text is None:
        return None
    cleaned = " ".join(nfc(text).split())
    return cleaned or None


def fold(text: str) -> str:
    """Fold for search: no diacritics, đ as d, lower case ("Nguyễn" -> "nguyen")."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.lower().split())


def fmt_int(value: int | float | None) -> str:
    """10955 -> "10.955" (Vietnamese) or "10,955" (English)."""
    if value is None:
        return "–"
    text = f"{round(value):,}"
    return text.replace(",", ".") if lang() == "vi" else text


def fmt_num(value: float | int | None, digits: int = 1) -> str:
    """A decimal number: 99.5 -> "99,5" (Vietnamese) or "99.5" (English)."""
    if value is None:
        return "–"
    quantum = Decimal(1).scaleb(-digits)
    rounded = Decimal(str(value)).quantize(quantum, rounding=ROUND_HALF_UP)
    text = f"{rounded:,.{digits}f}"
    if digits > 0:  # 99.50 -> 99.5, 100.0 -> 100; never strip a whole number's zeros
        text = text.rstrip("0").rstrip(".")
    if lang() == "vi":
        text = text.replace(",", "\0").replace(".", ",").replace("\0", ".")
    return text


def fmt_pct(rate: float | None, digits: int = 1) -> str:
    """A fraction as a percentage: 0.995 -> "99,5 %" (Vietnamese) or "99.5%"."""
    if rate is None:
        return "–"
    number = fmt_num(rate * 100, digits)
    return f"{number} %" if lang() == "vi" else f"{number}%"


def fmt_money(amount: int | None) -> str:
    """Whole VND: 20000000 -> "20.000.000 đ"."""
    if amount is None:
        return "–"
    return f"{fmt_int(amount)} đ" if lang() == "vi" else f"VND {fmt_int(amount)}"


def fmt_date(value: date | None) -> str:
    """25/05/2024 in Vietnamese, 2024-05-25 in English."""
    if value is None:
        return ""
    return value.strftime("%d/%m/%Y") if lang() == "vi" else value.isoformat()


def mask_id(id_number: str | None, reveal: bool = False) -> str:
    """Mask a citizen ID for tables: 079123456745 -> 0791******45."""
    if not id_number:
        return ""
    if reveal or len(id_number) < 8:
        return id_number
    return id_number[:4] + "*" * (len(id_number) - 6) + id_number[-2:]
