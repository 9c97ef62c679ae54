"""dangdn rules show|set: the rules eligibility reads (thresholds and
switches) and the rating scales of each organisation type, with the source
each comes from, and the change of one."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from dangdn_cli.commands._common import Json, session
from dangdn_cli.i18n import tr
from dangdn_cli.vocabulary import grade_label

app = typer.Typer(
    no_args_is_help=True,
    help=tr(
        "Quy tắc xét điều kiện thành lập tổ chức và thang xếp loại (kèm căn cứ).",
        "Eligibility rules and rating scales (with their sources).",
    ),
)

COLUMNS = [
    ("key", "Khóa", "Key"),
    ("value", "Giá trị", "Value"),
    ("meaning", "Ý nghĩa", "Meaning"),
    ("source", "Căn cứ", "Source"),
]


def _value(value: Any, key: str = "") -> str:
    if isinstance(value, bool):
        return tr("có", "yes") if value else tr("không", "no")
    if isinstance(value, list):
        org_type = key.split(".")[1] if key.startswith("rating.") else None
        return ", ".join(f"{code} ({grade_label(code, org_type)})" for code in value)
    return str(value)


@app.command(
    "show",
    help=tr(
        "In các quy tắc đang áp dụng và căn cứ.", "Print the rules in force and their sources."
    ),
)
def show(as_json: Json = False) -> None:
    from dangdn_cli.output import print_table_or_json
    from dangdn_cli.registry import rules

    with session() as s:
        rows = rules.show(s)
    shown = [{**row, "value": _value(row["value"], row["key"])} for row in rows]
    title = tr("Quy tắc đang áp dụng", "Rules in force")
    print_table_or_json(rows, as_json, COLUMNS, title, shown=shown)


@app.command(
    "set",
    help=tr(
        "Đổi một quy tắc, ví dụ: dangdn rules set union.min_stable_workers 30.",
        "Change one rule, e.g. dangdn rules set union.min_stable_workers 30.",
    ),
)
def set_(
    key: Annotated[
        str,
        typer.Argument(
            metavar="KEY", help=tr("Khóa quy tắc (xem rules show).", "Rule key (see rules show).")
        ),
    ],
    value: Annotated[
        str,
        typer.Argument(
            metavar="VALUE",
            help=tr(
                "Giá trị mới: số nguyên, true/false, hoặc các mã xếp loại cách nhau bằng dấu phẩy.",
                "New value: a whole number, true/false, or comma-separated grade codes.",
            ),
        ),
    ],
    as_json: Json = False,
) -> None:
    from dangdn_cli.output import print_json, success
    from dangdn_cli.registry import rules

    with session(write=True) as s:
        record = rules.set_rule(s, key, value)
    if as_json:
        print_json(record)
        return
    success(
        tr(
            f"Đã đặt {record['key']} = {_value(record['value'], record['key'])}.",
            f"Set {record['key']} = {_value(record['value'], record['key'])}.",
        )
    )
