"""dangdn visit add|list: the cadres' visits to enterprises, each with its
purpose, outcome and next step, and the list (or the next steps overdue)."""

from typing import Annotated

import typer

from dangdn_cli.commands._common import AsOf, Json, codes, day, label_of, required_day, session
from dangdn_cli.errors import EmptyValue
from dangdn_cli.i18n import tr
from dangdn_cli.vocabulary import PURPOSE

app = typer.Typer(
    no_args_is_help=True,
    help=tr(
        "Gặp gỡ, khảo sát doanh nghiệp và bước tiếp theo.",
        "Outreach visits to enterprises and their next steps.",
    ),
)

COLUMNS = [
    ("id", "Mã", "Id"),
    ("visited_on", "Ngày gặp", "Date"),
    ("tax_code", "Mã số thuế", "Tax code"),
    ("enterprise_name", "Doanh nghiệp", "Enterprise"),
    ("cadre", "Cán bộ", "Cadre"),
    ("purpose", "Mục đích", "Purpose"),
    ("next_step", "Bước tiếp theo", "Next step"),
    ("next_due_on", "Hạn", "Due"),
    ("follow_up", "Tình trạng", "Follow-up"),
]
OVERDUE_COLUMNS = [
    *[c for c in COLUMNS if c[0] != "follow_up"],
    ("days_overdue", "Số ngày quá hạn", "Days overdue"),
]
LABELS = {
    "id": ("Mã", "Id"),
    "visited_on": ("Ngày gặp", "Date"),
    "tax_code": ("Mã số thuế", "Tax code"),
    "enterprise_name": ("Doanh nghiệp", "Enterprise"),
    "cadre": ("Cán bộ", "Cadre"),
    "met": ("Người gặp", "Met"),
    "purpose": ("Mục đích", "Purpose"),
    "outcome": ("Kết quả", "Outcome"),
    "next_step": ("Bước tiếp theo", "Next step"),
    "next_due_on": ("Hạn bước tiếp theo", "Next step due"),
    "follow_up": ("Tình trạng", "Follow-up"),
}


FORMATTERS = {"purpose": label_of("purpose"), "follow_up": label_of("follow_up")}


@app.command(help=tr("Ghi một lần gặp doanh nghiệp.", "Record a visit to an enterprise."))
def add(
    enterprise: Annotated[
        str,
        typer.Option("--enterprise", metavar="MST", help=tr("Mã số thuế.", "Tax code.")),
    ] = "",
    on: Annotated[
        str,
        typer.Option("--on", metavar="DATE", help=tr("Ngày gặp.", "Date of the visit.")),
    ] = "",
    cadre: Annotated[
        str | None,
        typer.Option("--cadre", metavar="NAME", help=tr("Cán bộ đi gặp.", "Visiting cadre.")),
    ] = None,
    met: Annotated[
        str | None,
        typer.Option("--met", metavar="TEXT", help=tr("Người được gặp.", "Whom they met.")),
    ] = None,
    purpose: Annotated[
        str,
        typer.Option(
            "--purpose",
            metavar=codes(PURPOSE),
            help=tr(
                "Mục đích: khảo sát, tuyên truyền vận động, chuẩn bị thành lập, khác.",
                "Purpose: survey, advocacy, preparing a founding, other.",
            ),
        ),
    ] = "survey",
    outcome: Annotated[
        str | None, typer.Option("--outcome", metavar="TEXT", help=tr("Kết quả.", "Outcome."))
    ] = None,
    next_step: Annotated[
        str | None,
        typer.Option("--next", metavar="TEXT", help=tr("Bước tiếp theo.", "Next step.")),
    ] = None,
    next_due: Annotated[
        str | None,
        typer.Option(
            "--next-due",
            metavar="DATE",
            help=tr("Hạn thực hiện bước tiếp theo.", "Due date of the next step."),
        ),
    ] = None,
    as_json: Json = False,
) -> None:
    from dangdn_cli.output import print_record_or_json
    from dangdn_cli.registry import outreach

    if not enterprise.strip():
        raise EmptyValue(field=tr("Mã số thuế (--enterprise)", "Tax code (--enterprise)"))
    visited_on = required_day(on, tr("Ngày gặp (--on)", "Visit date (--on)"))
    with session(write=True) as s:
        record = outreach.add_visit(
            s,
            enterprise,
            visited_on,
            cadre,
            met=met,
            purpose=purpose,
            outcome=outcome,
            next_step=next_step,
            next_due_on=day(next_due),
        )
    message = tr(f"Đã ghi lần gặp {record['id']}.", f"Recorded visit {record['id']}.")
    print_record_or_json(record, as_json, LABELS, message, FORMATTERS)


@app.command("list", help=tr("Liệt kê các lần gặp, mới nhất trước.", "List visits, newest first."))
def list_(
    overdue: Annotated[
        bool,
        typer.Option(
            "--overdue",
            help=tr(
                "Chỉ các bước tiếp theo quá hạn (chưa có lần gặp sau) vào ngày --as-of.",
                "Only next steps overdue on --as-of (no later visit yet).",
            ),
        ),
    ] = False,
    enterprise: Annotated[
        str | None,
        typer.Option(
            "--enterprise", metavar="MST", help=tr("Chỉ doanh nghiệp này.", "Only this enterprise.")
        ),
    ] = None,
    as_of: AsOf = None,
    as_json: Json = False,
) -> None:
    from dangdn_cli.output import print_table_or_json
    from dangdn_cli.registry import outreach

    with session() as s:
        rows = outreach.list_visits(s, day(as_of), overdue=overdue, tax_code=enterprise)
    if overdue:
        title = tr(f"Bước tiếp theo quá hạn ({len(rows)})", f"Overdue next steps ({len(rows)})")
    else:
        title = tr(f"Các lần gặp doanh nghiệp ({len(rows)})", f"Visits ({len(rows)})")
    columns = OVERDUE_COLUMNS if overdue else COLUMNS
    print_table_or_json(rows, as_json, columns, title, FORMATTERS)
