"""Options shared by many commands, and the glue to open a transaction."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from typing import TYPE_CHECKING, Annotated, Any

import typer

from dangdn_cli.i18n import tr
from dangdn_cli.vocabulary import label

if TYPE_CHECKING:
    from sqlmodel import Session

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
OrgTypeHelp = "party|union|youth|women|veterans"


def day(value: str | None) -> date | None:
    from dangdn_cli.validate import parse_date

    return parse_date(value)


def required_day(value: str, label: str) -> date:
    from dangdn_cli.validate import require_date

    return require_date(value, label)


@contextmanager
def session(write: bool = False) -> Iterator[Session]:
    from dangdn_cli import db

    with db.session(write=write) as sess:
        yield sess


def masked(record: dict[str, Any], reveal: bool) -> dict[str, Any]:
    """The record with its citizen ID masked (0791******45) unless ``reveal``."""
    from dangdn_cli.i18n import mask_id

    if "id_number" not in record:
        return record
    return {**record, "id_number": mask_id(record["id_number"], reveal)}


def label_of(group: str, form: str = "name") -> Callable[[Any], str]:
    """A table formatter showing a code's words ("party" -> "tổ chức đảng")."""
    return lambda value: label(group, value, form=form)
