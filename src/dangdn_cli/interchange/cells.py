"""One column of a sheet and its cells: the ``Column`` type (the field it
holds, its headers, the kind of its cells), how a cell of each kind is read
(a tax code Excel stored as a number gets its leading zeros back, a date may
be an Excel serial day, a label is any word the vocabulary knows for a code)
and how a value is written back (the code's words, "có"/"không", text made
inert against formula injection). A cell that cannot be read raises an error
of ``interchange.errors``; values are checked with the registry's own
validators, so a sheet is held to the same rules as ``dangdn enterprise add``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import Any

from dangdn_cli import errors, validate, vocabulary
from dangdn_cli.i18n import clean_text, fold, tr
from dangdn_cli.interchange.errors import InvalidLabel, InvalidYesNo, MaskedIdNumber, NotAnInteger
from dangdn_cli.vocabulary import Group

# Characters that make a spreadsheet read a cell as a formula (OWASP "CSV
# injection"); the quote is included so that neutralising can be undone.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "'")


def header_key(text: Any) -> str:
    """The matching key of a header or a word, as the vocabulary compares
    words: "Xã/Phường" -> "xa phuong"."""
    return vocabulary.key(str(text)) if text is not None else ""


def neutralise(text: str) -> str:
    """Make a text cell inert in a spreadsheet: "=1+1" -> "'=1+1"."""
    return "'" + text if text.startswith(FORMULA_TRIGGERS) else text


def unneutralise(text: str) -> str:
    """Undo ``neutralise``: strip the one quote it added, nothing else."""
    if len(text) > 1 and text[0] == "'" and text[1] in FORMULA_TRIGGERS:
        return text[1:]
    return text


YES = {header_key(w) for w in ("có", "x", "yes", "y", "true", "1", "đúng", "ok")}
NO = {header_key(w) for w in ("không", "k", "no", "n", "false", "0", "sai")}


@dataclass(frozen=True)
class Column:
    """One recognised column of a sheet.

    ``kind`` says how a cell is read: text, tax_code, tax_codes (a list),
    id_number, date, count, int, yes_no, label (a code of the vocabulary
    ``group``), or info (recognised and ignored on import).
    """

    key: str
    vi: str
    en: str
    kind: str = "text"
    aliases: tuple[str, ...] = ()
    required: bool = False
    group: Group | None = None
    width: int = 16

    def header(self) -> str:
        return tr(self.vi, self.en)

    def names(self) -> list[str]:
        return list(dict.fromkeys((self.vi, self.en, self.key, *self.aliases)))


# ---------------------------------------------------------------------------
# Cell parsers: raw cell (str, number, date or None) -> value, or a DangdnError.

_THOUSANDS = re.compile(r"^\d{1,3}([., \u00a0]\d{3})+$")
_DAY_FIRST = re.compile(r"^(\d{1,2})[.-](\d{1,2})[.-](\d{4})$")
_EXCEL_EPOCH = date(1899, 12, 30)


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _digits(value: Any, width: int) -> str:
    """A code Excel stored as a number, with its leading zeros back."""
    number = float(value)
    if number != int(number):
        return str(value)
    return str(int(number)).zfill(width)


def _clean(text: str) -> str | None:
    """``i18n.clean_text`` with a fast path for text that is already clean."""
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    if text.isprintable() and "  " not in text and text == text.strip():
        return text or None
    return " ".join(text.split()) or None


def _fold_table() -> dict[int, str]:
    table: dict[int, str] = {}
    for code in (*range(0xC0, 0x250), *range(0x300, 0x370), *range(0x1E00, 0x1F00)):
        char = chr(code)
        folded = fold(char)
        if folded != char.lower():
            table[code] = folded
    return table


_FOLD = _fold_table()


def fast_fold(text: str) -> str:
    """``i18n.fold`` (the search key), by table for Latin and Vietnamese letters."""
    folded = text.translate(_FOLD).lower()
    if not folded.isascii():
        return fold(text)  # other scripts: the general rule
    return " ".join(folded.split())


def cell_text(value: Any) -> str | None:
    """Any cell as clean text (NFC, trimmed), formula neutralisation undone."""
    if value is None:
        return None
    if isinstance(value, str):
        return _clean(unneutralise(value))
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float) and value == int(value):
        return str(int(value))
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else str(value)
    if isinstance(value, date):
        return value.isoformat()
    return clean_text(str(value))


_MST_WEIGHTS = (31, 29, 23, 19, 17, 13, 7, 5, 3)


def _plain_tax_code(text: str) -> bool:
    """A 10-digit code that stdnum.vn.mst accepts (checked here: it is hot)."""
    if len(text) != 10 or not (text.isascii() and text.isdigit()) or text[2:9] == "0000000":
        return False
    total = sum(w * int(d) for w, d in zip(_MST_WEIGHTS, text, strict=False))
    return text[9] == str(10 - total % 11)


def parse_tax_code(value: Any) -> str | None:
    if isinstance(value, str) and _plain_tax_code(value):
        return value
    if _is_number(value):
        text = _digits(value, 10)
        if len(text) > 10:  # a branch code typed without its dash
            text = text.zfill(13)
    else:
        text = cell_text(value) or ""
        text = text.replace(" ", "").replace(".", "")
        if text.isdigit() and len(text) in (9, 12):
            # A CSV saved by Excel after it read the code as a number.
            text = text.zfill(len(text) + 1)
    if not text:
        return None
    return validate.tax_code(text)


def parse_tax_codes(value: Any) -> list[str] | None:
    if _is_number(value):
        code = parse_tax_code(value)
        return [code] if code else None
    text = cell_text(value)
    if not text:
        return None
    codes = [validate.tax_code(p) for p in re.split(r"[,;\s]+", text) if p]
    return sorted(dict.fromkeys(codes)) or None


def parse_id_number(value: Any) -> str | None:
    text = _digits(value, 12) if _is_number(value) else (cell_text(value) or "")
    if "*" in text:
        raise MaskedIdNumber(value=text)
    text = text.replace(".", "").replace(" ", "")
    if text.isdigit() and len(text) in (10, 11):
        text = text.zfill(12)  # every CCCD starts with 0; Excel drops it
    return validate.id_number(text) if text else None


def parse_date(value: Any) -> date | None:
    if value is None or isinstance(value, date):
        return validate.parse_date(value)
    if _is_number(value):
        # An Excel serial day number in a cell without a date format.
        if 1 <= value < 2958466:
            return _EXCEL_EPOCH + timedelta(days=int(value))
        raise errors.InvalidDate(value=str(value))
    text = cell_text(value)
    if not text:
        return None
    if len(text) > 10 and text[4] == "-" and text[10] in " T":
        text = text[:10]  # "2024-05-25 00:00:00" from a spreadsheet's CSV
    elif match := _DAY_FIRST.match(text):
        text = "/".join(match.groups())
    return validate.parse_date(text)


def parse_int(value: Any, field: str) -> int | None:
    if _is_number(value):
        if float(value) != int(value):
            raise NotAnInteger(field=field, value=value)
        number = int(value)
    elif isinstance(value, str) and value.isascii() and value.isdigit():
        return int(value)
    else:
        text = cell_text(value)
        if not text:
            return None
        if _THOUSANDS.match(text):
            text = re.sub(r"\D", "", text)
        try:
            number = int(text)
        except ValueError:
            raise NotAnInteger(field=field, value=text) from None
    if number < 0:
        raise NotAnInteger(field=field, value=number)
    return number


def parse_yes_no(value: Any, field: str) -> bool | None:
    if isinstance(value, bool):
        return value
    if _is_number(value) and value in (0, 1):
        return bool(value)
    text = cell_text(value)
    if not text:
        return None
    key = header_key(text)
    if key in YES:
        return True
    if key in NO:
        return False
    raise InvalidYesNo(field=field, value=text)


def cell_label(group: Group, code: str) -> str:
    """A code's words in a cell, capitalised: its Vietnamese name, or its
    English long form (a phrase that stands alone: "Domestic private", not
    "private"); an unknown code as it is."""
    if code not in group:
        return code
    return vocabulary.text((group.pair(code)[0], group.pair(code, "long")[1]), capital=True)


def label_parser(group: Group, field: str) -> Callable[[Any], str | None]:
    """A parser of cells naming a code of ``group`` by any of its words."""
    code_of = lru_cache(maxsize=4096)(group.parse)

    def parse_label(value: Any) -> str | None:
        text = cell_text(value)
        if not text:
            return None
        found = code_of(text)
        if found is None:
            choices = ", ".join(cell_label(group, code) for code in group)
            raise InvalidLabel(field=field, value=text, choices=choices)
        return found

    return parse_label


def parser(column: Column) -> Callable[[Any], Any]:
    """The function reading this column's cells."""
    label = column.header()
    if column.kind == "tax_code":
        return parse_tax_code
    if column.kind == "tax_codes":
        return parse_tax_codes
    if column.kind == "id_number":
        return parse_id_number
    if column.kind == "date":
        return parse_date
    if column.kind in ("count", "int"):
        return lambda value: parse_int(value, label)
    if column.kind == "yes_no":
        return lambda value: parse_yes_no(value, label)
    if column.kind == "label":
        assert column.group is not None
        return label_parser(column.group, label)
    return cell_text


# ---------------------------------------------------------------------------
# Writing values back (export, rejects).


def display(column: Column, value: Any) -> Any:
    """A value as written in an exported sheet (dates stay dates)."""
    if value is None:
        return None
    if column.kind == "yes_no":
        return tr("có", "yes") if value else tr("không", "no")
    if column.kind == "label" and column.group is not None:
        return cell_label(column.group, value)
    if column.kind == "tax_codes" and isinstance(value, (list, tuple)):
        return "; ".join(value)
    return value


KIND_WORDS = {
    "text": ("chữ", "text"),
    "tax_code": ("mã số thuế (giữ số 0 đầu)", "tax code (leading zeros kept)"),
    "tax_codes": ("một hay nhiều mã số thuế, cách nhau bởi ;", "one or more tax codes, ; apart"),
    "id_number": ("12 chữ số (giữ số 0 đầu)", "12 digits (leading zeros kept)"),
    "date": ("ngày (ô ngày Excel, 2024-05-25, 25/05/2024)", "date (Excel, ISO, dd/mm/yyyy)"),
    "count": ("số nguyên không âm", "whole number ≥ 0"),
    "int": ("số nguyên", "whole number"),
    "yes_no": ("có/không", "yes/no"),
    "info": ("chỉ để xem, bỏ qua khi nhập", "for reading, ignored on import"),
}


def describe_kind(column: Column) -> str:
    """What a column's cells may hold, for ``import --show-columns``."""
    if column.kind == "label" and column.group is not None:
        return ", ".join(cell_label(column.group, code) for code in column.group)
    return tr(*KIND_WORDS.get(column.kind, KIND_WORDS["text"]))
