"""dangdn org add|dissolve|list|show"""

from __future__ import annotations

from typing import Annotated, Any

import typer

from dangdn_cli.commands._common import AsOf, Json, On, OrgTypeHelp, day, required_day, session
from dangdn_cli.i18n import tr

app = typer.Typer(
    no_args_is_help=True,
    help=tr(
        "Tổ chức: chi bộ, công đoàn, chi đoàn, chi hội phụ nữ, chi hội cựu chiến binh.",
        "Organisations: party cells, unions, youth, women's and veterans' chapters.",
    ),
)

OrgId = Annotated[int, typer.Argument(metavar="ORG_ID", help=tr("Mã tổ chức.", "Organisation id."))]

TYPE_LABELS = {
    "party": ("Tổ chức đảng", "Party"),
    "union": ("Công đoàn", "Union"),
    "youth": ("Đoàn thanh niên", "Youth"),
    "women": ("Hội phụ nữ", "Women"),
    "veterans": ("Hội cựu chiến binh", "Veterans"),
}
LEVEL_LABELS = {
    "chi_bo": ("chi bộ", "cell"),
    "dang_bo_co_so": ("đảng bộ cơ sở", "grassroots committee"),
}
COLUMNS = [
    ("id", "Mã", "Id"),
    ("type", "Loại", "Type"),
    ("name", "Tên", "Name"),
    ("enterprises", "Doanh nghiệp", "Enterprises"),
    ("founded_on", "Thành lập", "Founded"),
    ("decision", "Quyết định", "Decision"),
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
    return tr(*TYPE_LABELS[value]) if value in TYPE_LABELS else str(value or "")


def _print(record: dict[str, Any], as_json: bool, message: str | None = None) -> None:
    from dangdn_cli.output import print_json, print_record, success

    if as_json:
        print_json(record)
        return
    if message:
        success(message)
    level = LEVEL_LABELS.get(record.get("level") or "")
    print_record(
        {**record, "type": type_label(record["type"]), "level": tr(*level) if level else None},
        LABELS,
    )


@app.command()
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
    name: Annotated[str | None, typer.Option("--name", help=tr("Tên tổ chức.", "Name."))] = None,
    decision: Annotated[
        str | None,
        typer.Option(
            "--decision",
            help=tr(
                "Quyết định thành lập, VD: Số 45-QĐ/HU.", "Founding decision, e.g. Số 45-QĐ/HU."
            ),
        ),
    ] = None,
    superior: Annotated[
        str | None, typer.Option("--superior", help=tr("Cấp trên trực tiếp.", "Superior body."))
    ] = None,
    leader: Annotated[
        str | None, typer.Option("--leader", help=tr("Người đứng đầu.", "Leader."))
    ] = None,
    as_json: Json = False,
) -> None:
    """Thêm tổ chức. / Add an organisation."""
    from dangdn_cli.services import organizations

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


@app.command()
def dissolve(
    org_id: OrgId,
    on: On,
    decision: Annotated[
        str | None,
        typer.Option("--decision", help=tr("Quyết định giải thể.", "Dissolution decision.")),
    ] = None,
    as_json: Json = False,
) -> None:
    """Giải thể tổ chức. / Dissolve an organisation."""
    from dangdn_cli.services import organizations

    with session(write=True) as s:
        record = organizations.dissolve(s, org_id, required_day(on, "--on"), decision)
    _print(
        record, as_json, tr(f"Đã giải thể tổ chức {org_id}.", f"Dissolved organisation {org_id}.")
    )


@app.command("list")
def list_(
    org_type: Annotated[
        str | None,
        typer.Option("--type", metavar=OrgTypeHelp, help=tr("Chỉ loại này.", "Only this type.")),
    ] = None,
    as_of: AsOf = None,
    as_json: Json = False,
) -> None:
    """Liệt kê tổ chức đang hoạt động. / List active organisations."""
    from dangdn_cli.output import print_json, print_table
    from dangdn_cli.services import organizations

    with session() as s:
        rows = organizations.list_(s, org_type, day(as_of))
    if as_json:
        print_json(rows)
    else:
        print_table(
            rows,
            COLUMNS,
            tr(f"Tổ chức ({len(rows)})", f"Organisations ({len(rows)})"),
            formatters={"type": type_label},
        )


@app.command()
def show(org_id: OrgId, as_of: AsOf = None, as_json: Json = False) -> None:
    """Xem một tổ chức. / Show an organisation."""
    from dangdn_cli.services import organizations

    with session() as s:
        record = organizations.show(s, org_id, day(as_of))
    _print(record, as_json)
