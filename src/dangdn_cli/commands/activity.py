"""dangdn activity add|list: what organisations hold (study sessions,
congresses that open a new term, others) and the list, newest first."""

from typing import Annotated, Any

import typer

from dangdn_cli.commands._common import Json, codes, day, label_of, required, required_day, session
from dangdn_cli.i18n import tr
from dangdn_cli.vocabulary import ACTIVITY_KIND, ORG_TYPE

app = typer.Typer(
    no_args_is_help=True,
    help=tr(
        "Hoạt động của tổ chức: học tập nghị quyết, đại hội, khác.",
        "Activities of organisations: study sessions, congresses, others.",
    ),
)

COLUMNS = [
    ("id", "Mã", "Id"),
    ("held_on", "Ngày", "Date"),
    ("org_id", "Mã tổ chức", "Org id"),
    ("org_name", "Tổ chức", "Organisation"),
    ("kind", "Loại", "Kind"),
    ("topic", "Nội dung", "Topic"),
    ("attendees", "Số người dự", "Attendees"),
    ("party_attendees", "Đảng viên dự", "Party members"),
    ("term_end_on", "Hết nhiệm kỳ", "Term ends"),
]
LABELS = {
    "id": ("Mã", "Id"),
    "org_id": ("Mã tổ chức", "Organisation id"),
    "org_type": ("Loại tổ chức", "Organisation type"),
    "org_name": ("Tổ chức", "Organisation"),
    "kind": ("Loại hoạt động", "Kind"),
    "held_on": ("Ngày", "Date"),
    "topic": ("Nội dung", "Topic"),
    "attendees": ("Số người dự", "Attendees"),
    "party_attendees": ("Số đảng viên dự", "Party members attending"),
    "term_end_on": ("Ngày kết thúc nhiệm kỳ", "Term ends"),
}


def _display(record: dict[str, Any]) -> dict[str, Any]:
    return {
        **record,
        "kind": ACTIVITY_KIND.label(record["kind"]),
        "org_type": ORG_TYPE.label(record["org_type"]),
    }


@app.command(
    help=tr("Ghi một hoạt động của tổ chức.", "Record an organisation's activity."),
)
def add(
    org: Annotated[
        int | None,
        typer.Option("--org", metavar="ORG_ID", help=tr("Mã tổ chức.", "Organisation id.")),
    ] = None,
    kind: Annotated[
        str,
        typer.Option(
            "--kind",
            metavar=codes(ACTIVITY_KIND),
            help=tr(
                "Loại: học tập/quán triệt nghị quyết, đại hội (mở nhiệm kỳ mới), khác.",
                "Kind: study session, congress (opens a new term), other.",
            ),
        ),
    ] = "",
    on: Annotated[
        str, typer.Option("--on", metavar="DATE", help=tr("Ngày tổ chức.", "Date held."))
    ] = "",
    topic: Annotated[
        str | None, typer.Option("--topic", metavar="T", help=tr("Nội dung.", "Topic."))
    ] = None,
    attendees: Annotated[
        int | None,
        typer.Option("--attendees", metavar="N", help=tr("Số người dự.", "Number of attendees.")),
    ] = None,
    party_attendees: Annotated[
        int | None,
        typer.Option(
            "--party-attendees",
            metavar="N",
            help=tr("Số đảng viên trong số người dự.", "Party members among the attendees."),
        ),
    ] = None,
    term_end: Annotated[
        str | None,
        typer.Option(
            "--term-end",
            metavar="DATE",
            help=tr(
                "Ngày kết thúc nhiệm kỳ (bắt buộc với đại hội).",
                "End of the term (required for a congress).",
            ),
        ),
    ] = None,
    as_json: Json = False,
) -> None:
    from dangdn_cli.output import print_record_or_json
    from dangdn_cli.registry import activities

    org_id = required(org, tr("Mã tổ chức (--org)", "Organisation id (--org)"))
    held_on = required_day(on, tr("Ngày tổ chức (--on)", "Date (--on)"))
    with session(write=True) as s:
        record = activities.add(
            s,
            org_id,
            kind,
            held_on,
            topic=topic,
            attendees=attendees,
            party_attendees=party_attendees,
            term_end_on=day(term_end),
        )
    message = tr(f"Đã ghi hoạt động {record['id']}.", f"Recorded activity {record['id']}.")
    print_record_or_json(record, as_json, LABELS, message, shown=_display(record))


@app.command(
    "list",
    help=tr("Liệt kê hoạt động, mới nhất trước.", "List activities, newest first."),
)
def list_(
    org: Annotated[
        int | None,
        typer.Option(
            "--org", metavar="ORG_ID", help=tr("Chỉ tổ chức này.", "Only this organisation.")
        ),
    ] = None,
    kind: Annotated[
        str | None,
        typer.Option(
            "--kind", metavar=codes(ACTIVITY_KIND), help=tr("Chỉ loại này.", "Only this kind.")
        ),
    ] = None,
    start: Annotated[
        str | None,
        typer.Option(
            "--from", metavar="DATE", help=tr("Từ ngày (tính cả ngày này).", "From this day on.")
        ),
    ] = None,
    end: Annotated[
        str | None,
        typer.Option(
            "--to", metavar="DATE", help=tr("Đến ngày (tính cả ngày này).", "Up to this day.")
        ),
    ] = None,
    as_json: Json = False,
) -> None:
    from dangdn_cli.output import print_table_or_json
    from dangdn_cli.registry import activities

    with session() as s:
        rows = activities.list_(s, org_id=org, kind=kind, start=day(start), end=day(end))
    print_table_or_json(
        rows,
        as_json,
        COLUMNS,
        tr(f"Hoạt động ({len(rows)})", f"Activities ({len(rows)})"),
        formatters={"kind": label_of("activity_kind")},
    )
