"""dangdn due: the next report deadlines (the six-month report before 25/5,
the annual one before 25/12), the figures they still lack, the profile keys
not set and the follow-ups due."""

from __future__ import annotations

from typing import Any

import typer

from dangdn_cli.commands._common import AsOf, Json, day, session
from dangdn_cli.i18n import fmt_int, tr


def due(as_of: AsOf = None, as_json: Json = False) -> None:
    from dangdn_cli import output
    from dangdn_cli.analysis import due as service

    with session() as sess:
        result = service.due(sess, day(as_of))
    if as_json:
        output.print_json(result)
        return
    _print(result)


def _print(result: dict[str, Any]) -> None:
    from rich.table import Table

    from dangdn_cli import output
    from dangdn_cli.analysis.due import describe_deadline

    console = output.console
    for item in result["deadlines"]:
        console.print(describe_deadline(item), style="bold", markup=False)
        if not item["missing"]:
            console.print(
                "  " + tr("Không thiếu số liệu nào.", "Nothing missing."),
                style="green",
                markup=False,
            )
            continue
        table = Table(header_style="bold", box=None, padding=(0, 1))
        table.add_column(tr("Còn thiếu", "Missing"), overflow="fold")
        table.add_column(tr("Số", "Count"), justify="right")
        table.add_column(tr("Ví dụ", "Examples"), overflow="fold")
        for missing in item["missing"]:
            examples = "; ".join(missing["examples"])
            if missing["count"] > len(missing["examples"]):
                examples += " …"
            table.add_row(missing["label"], fmt_int(missing["count"]), examples)
        console.print(table)
    if result["profile_missing"]:
        console.print(
            tr("Hồ sơ cơ quan còn thiếu: ", "Profile keys not set: ")
            + ", ".join(result["profile_missing"])
            + " (dangdn profile set KEY VALUE)",
            style="yellow",
            markup=False,
        )
    if result["follow_ups"]:
        console.print(tr("Việc cần làm:", "Follow-ups due:"), style="bold", markup=False)
        for follow_up in result["follow_ups"]:
            console.print(f"- {follow_up.get('description', '')}", markup=False)


def register(app: typer.Typer) -> None:
    app.command(
        "due",
        help=tr(
            "Hạn báo cáo sắp tới (6 tháng trước 25/5, năm trước 25/12) và số liệu còn thiếu.",
            "Next report deadlines (six-month before 25/5, annual before 25/12) and what "
            "they still lack.",
        ),
    )(due)
