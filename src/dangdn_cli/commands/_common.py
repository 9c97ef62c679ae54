"""What the commands share: the options many of them take (``--json``,
``--as-of``, ``--on``, ``--reveal``), the parsing of their dates and required
values, the lists of codes their options accept (read from the vocabulary),
the transaction a command works in, and the error only the command line
raises."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any, TypeVar

import typer

from dangdn_cli import db, errors
from dangdn_cli.i18n import mask_id, tr
from dangdn_cli.validate import parse_date, require_date
from dangdn_cli.vocabulary import ORG_TYPES, Group, label

T = TypeVar("T")

Json = Annotated[
    bool,
    typer.Option(
        "--json", help=tr("In JSON ra stdout (cho script).", "Print JSON on stdout (for scripts).")
    ),
]
AsOf = Annotated[
    str | None,
    typer.Option(
        "--as-of",
        metavar="DATE",
        help=tr(
            "Tính theo ngày này (2024-05-25, 25/05/2024 hoặc 25/5/2024); mặc định hôm nay.",
            "As of this date (2024-05-25, 25/05/2024 or 25/5/2024); default today.",
        ),
    ),
]
On = Annotated[
    str,
    typer.Option(
        "--on",
        metavar="DATE",
        help=tr(
            "Ngày có hiệu lực (2024-05-25, 25/05/2024 hoặc 25/5/2024).",
            "Effective date (2024-05-25, 25/05/2024 or 25/5/2024).",
        ),
    ),
]
Reveal = Annotated[
    bool,
    typer.Option(
        "--reveal",
        help=tr(
            "Hiện đầy đủ số CCCD (mặc định che).", "Show citizen IDs in full (masked by default)."
        ),
    ),
]


def codes(group: Group | tuple[str, ...], first: str | None = None) -> str:
    """An option's codes as its metavar shows them ("party|union|youth|…"),
    ``first`` (the default, say) put first."""
    ordered = list(group)
    if first is not None:
        ordered.remove(first)
        ordered.insert(0, first)
    return "|".join(ordered)


OrgTypeHelp = codes(ORG_TYPES)


class ConfirmNeeded(errors.ValidationError):
    vi = "Cần thêm --confirm để xóa vĩnh viễn người có mã số {person_id}."
    en = "Add --confirm to erase person {person_id} permanently."


# A date option as typed (2024-05-25, 25/05/2024, 25/5/2024), and one that must be given.
day = parse_date
required_day = require_date


def required(value: T | None, field: str) -> T:
    """``value``, which an option left optional so that its absence reads as
    our message ("Mã tổ chức (--org) không được để trống.") rather than Click's."""
    if value is None:
        raise errors.EmptyValue(field=field)
    return value


# The transaction a command works in (committed when the block succeeds).
session = db.session


def masked(record: dict[str, Any], reveal: bool) -> dict[str, Any]:
    """The record with its citizen ID masked (0791******45) unless ``reveal``."""
    if "id_number" not in record:
        return record
    return {**record, "id_number": mask_id(record["id_number"], reveal)}


def label_of(group: str, form: str = "name") -> Callable[[Any], str]:
    """A table formatter showing a code's words ("party" -> "tổ chức đảng")."""
    return lambda value: label(group, value, form=form)
