"""dangdn org add|dissolve|list|show: the party and mass organisations, each
covering one enterprise or several (a joint one), founded and dissolved on a
date."""

from typing import Annotated, Any

import typer

from dangdn_cli.commands._common import (
    AsOf,
    Json,
    On,
    OrgTypeHelp,
    day,
    label_of,
    required_day,
    session,
)
from dangdn_cli.i18n import tr
from dangdn_cli.vocabulary import ORG_TYPE

app = typer.Typer(
    no_args_is_help=True,
    help=tr(
        "Tổ chức: chi bộ, công đoàn, chi đoàn, chi hội phụ nữ, chi hội cựu chiến binh.",
        "Organisations: party cells, unions, youth, women's and veterans' chapters.",
    ),
)

OrgId = Annotated[int, typer.Argument(metavar="ORG_ID", help=tr("Mã tổ chức.", "Organisation id."))]

COLUMNS = [
    ("id", "Mã", "Id"),
    ("type", "Loại", "Type"),
    ("name", "Tên", "Name"),
    ("enterprises", "Doanh nghiệp", "Enterprises"),
    ("founded_on", "Thành lập", "Founded"),
    ("dissolved_on", "Giải thể", "Dissolved"),
    ("members", "Thành viên", "Members"),
]
LABELS = {
    "id": ("Mã", "Id"),
    "type": ("Loại", "Type"),
    "level": ("Cấp", "Level"),
    "name": ("Tên", "Name"),
    "enterprises": ("Doanh nghiệp", "Enterprises"),
    "founded_on": ("Ngày thành lập", "Founded"),
    "decision": ("Quyết định thành lập", "Founding decision"),
    "superior": ("Cấp trên", "Superior"),
    "leader": ("Người đứng đầu", "Leader"),
    "dissolved_on": ("Ngày giải thể", "Dissolved"),
    "dissolution_decision": ("Quyết định giải thể", "Dissolution decision"),
    "members": ("Số thành viên", "Members"),
}


def type_label(value: Any) -> str:
    return ORG_TYPE.label(value, capital=True)


def _print(record: dict[str, Any], as_json: bool, message: str | None = None) -> None:
    from dangdn_cli.output import print_record_or_json

    formatters = {"type": type_label, "level": label_of("level")}
    print_record_or_json(record, as_json, LABELS, message, formatters)


@app.command(
    help=tr(
        "Thêm tổ chức.",
        "Add an organisation.",
    ),
)
def add(
    org_type: Annotated[
        str, typer.Option("--type", metavar=OrgTypeHelp, help=tr("Loại tổ chức.", "Type."))
    ],
    enterprise: Annotated[
        list[str],
        typer.Option(
            "--enterprise",
            metavar="MST",
            help=tr(
                "Doanh nghiệp tổ chức bao phủ (lặp lại cho tổ chức ghép).",
                "Enterprise covered (repeat for a joint organisation).",
            ),
        ),
    ],
    founded: Annotated[
        str, typer.Option("--founded", metavar="DATE", help=tr("Ngày thành lập.", "Founding date."))
    ],
    name: Annotated[
        str | None, typer.Option("--name", metavar="NAME", help=tr("Tên tổ chức.", "Name."))
    ] = None,
    decision: Annotated[
        str | None,
        typer.Option(
            "--decision",
            metavar="TEXT",
            help=tr(
                "Quyết định thành lập, VD: Số 45-QĐ/HU.", "Founding decision, e.g. Số 45-QĐ/HU."
            ),
        ),
    ] = None,
    superior: Annotated[
        str | None,
        typer.Option(
            "--superior", metavar="TEXT", help=tr("Cấp trên trực tiếp.", "Superior body.")
        ),
    ] = None,
    leader: Annotated[
        str | None, typer.Option("--leader", metavar="NAME", help=tr("Người đứng đầu.", "Leader."))
    ] = None,
    as_json: Json = False,
) -> None:
    """Add an organisation."""
    from dangdn_cli.registry import organizations

    with session(write=True) as s:
        record = organizations.add(
            s,
            org_type,
            enterprise,
            required_day(founded, "--founded"),
            name,
            decision,
            superior,
            leader,
        )
    _print(
        record,
        as_json,
        tr(f"Đã thêm tổ chức {record['id']}.", f"Added organisation {record['id']}."),
    )


@app.command(
    help=tr(
        "Giải thể tổ chức.",
        "Dissolve an organisation.",
    ),
)
def dissolve(
    org_id: OrgId,
    on: On,
    decision: Annotated[
        str | None,
        typer.Option(
            "--decision", metavar="TEXT", help=tr("Quyết định giải thể.", "Dissolution decision.")
        ),
    ] = None,
    as_json: Json = False,
) -> None:
    """Dissolve an organisation."""
    from dangdn_cli.registry import organizations

    with session(write=True) as s:
        record = organizations.dissolve(s, org_id, required_day(on, "--on"), decision)
    _print(
        record, as_json, tr(f"Đã giải thể tổ chức {org_id}.", f"Dissolved organisation {org_id}.")
    )


@app.command(
    "list",
    help=tr(
        "Liệt kê tổ chức đang hoạt động.",
        "List active organisations.",
    ),
)
def list_(
    org_type: Annotated[
        str | None,
        typer.Option("--type", metavar=OrgTypeHelp, help=tr("Chỉ loại này.", "Only this type.")),
    ] = None,
    include_dissolved: Annotated[
        bool,
        typer.Option(
            "--all",
            help=tr(
                "Cả tổ chức đã giải thể (thành lập đến ngày tính).",
                "Include dissolved organisations (founded by the date).",
            ),
        ),
    ] = False,
    as_of: AsOf = None,
    as_json: Json = False,
) -> None:
    """List active organisations."""
    from dangdn_cli.output import print_table_or_json
    from dangdn_cli.registry import organizations

    with session() as s:
        rows = organizations.list_(s, org_type, day(as_of), include_dissolved)
    print_table_or_json(
        rows,
        as_json,
        COLUMNS,
        tr(f"Tổ chức ({len(rows)})", f"Organisations ({len(rows)})"),
        formatters={"type": label_of("org_type", "short")},
    )


@app.command(
    help=tr(
        "Xem một tổ chức.",
        "Show an organisation.",
    ),
)
def show(org_id: OrgId, as_of: AsOf = None, as_json: Json = False) -> None:
    """Show an organisation."""
    from dangdn_cli.registry import organizations

    with session() as s:
        record = organizations.show(s, org_id, day(as_of))
    _print(record, as_json)
