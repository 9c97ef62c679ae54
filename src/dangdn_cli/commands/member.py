"""dangdn member add|promote|leave|list: memberships of the party and the mass
organisations (creating the person and their employment when needed), a
probationary party member made official, a member leaving, and the members
on a date."""

from typing import Annotated, Any

import typer

from dangdn_cli.commands._common import (
    AsOf,
    Json,
    On,
    OrgTypeHelp,
    Reveal,
    codes,
    day,
    label_of,
    masked,
    required_day,
    session,
)
from dangdn_cli.i18n import tr
from dangdn_cli.vocabulary import GENDER, PARTY_STATUS, ROLE, label

app = typer.Typer(
    no_args_is_help=True,
    help=tr(
        "Đảng viên, đoàn viên, hội viên.", "Party, union, youth, women's and veterans' members."
    ),
)

MemberId = Annotated[
    int, typer.Argument(metavar="MEMBER_ID", help=tr("Mã thành viên.", "Membership id."))
]
COLUMNS = [
    ("id", "Mã", "Id"),
    ("name", "Họ và tên", "Name"),
    ("type", "Loại", "Type"),
    ("status", "Đảng tịch", "Status"),
    ("enterprise", "Doanh nghiệp", "Enterprise"),
    ("joined_on", "Ngày vào", "Joined"),
    ("id_number", "Số CCCD", "Citizen ID"),
]
LABELS = {
    "id": ("Mã thành viên", "Membership id"),
    "person_id": ("Mã người", "Person id"),
    "name": ("Họ và tên", "Name"),
    "birth_date": ("Ngày sinh", "Born"),
    "gender": ("Giới tính", "Gender"),
    "id_number": ("Số CCCD", "Citizen ID"),
    "type": ("Loại", "Type"),
    "status": ("Đảng tịch", "Party status"),
    "enterprise": ("Doanh nghiệp", "Enterprise"),
    "role": ("Vai trò", "Role"),
    "stable_employment": ("Việc làm ổn định", "Stable employment"),
    "organization_id": ("Mã tổ chức", "Organisation id"),
    "organization": ("Tổ chức", "Organisation"),
    "joined_on": ("Ngày vào", "Joined"),
    "official_on": ("Ngày chính thức", "Official on"),
    "left_on": ("Ngày rời", "Left"),
    "residence": ("Sinh hoạt nơi cư trú", "Residence-registered"),
}


status_label = label_of("party_status")


def _type_and_status(row: dict[str, Any]) -> str:
    text = label("org_type", row["type"], form="short")
    if row.get("status") == "probationary":
        text += " – " + label("party_status", "probationary")
    return text


def _print(record: dict[str, Any], as_json: bool, message: str, reveal: bool = False) -> None:
    from dangdn_cli.output import print_record_or_json

    record = masked(record, reveal)
    formatters = {
        "type": lambda v: label("member_type", v, capital=True),
        "status": status_label,
        "gender": label_of("gender"),
        "role": label_of("role"),
    }
    shown = {**record, "residence": record["residence"] or None}
    print_record_or_json(record, as_json, LABELS, message, formatters, shown)


@app.command(
    help=tr(
        "Thêm thành viên (tạo người và việc làm nếu cần).",
        "Add a member.",
    ),
)
def add(
    member_type: Annotated[
        str,
        typer.Option(
            "--type", metavar=OrgTypeHelp, help=tr("Loại thành viên.", "Membership type.")
        ),
    ],
    enterprise: Annotated[
        str,
        typer.Option(
            "--enterprise",
            metavar="MST",
            help=tr("Doanh nghiệp nơi làm việc.", "Employer's tax code."),
        ),
    ],
    name: Annotated[
        str | None,
        typer.Option(
            "--name",
            metavar="NAME",
            help=tr("Họ và tên (trừ khi dùng --person).", "Full name (unless --person)."),
        ),
    ] = None,
    person: Annotated[
        int | None,
        typer.Option(
            "--person",
            metavar="ID",
            help=tr("Dùng người đã có thay vì tạo mới.", "Reuse an existing person."),
        ),
    ] = None,
    birth: Annotated[
        str | None, typer.Option("--birth", metavar="DATE", help=tr("Ngày sinh.", "Birth date."))
    ] = None,
    gender: Annotated[
        str | None,
        typer.Option("--gender", metavar=codes(GENDER), help=tr("Giới tính.", "Gender.")),
    ] = None,
    id_number: Annotated[
        str | None,
        typer.Option(
            "--id-number",
            metavar="CCCD",
            help=tr("Số căn cước công dân (12 chữ số).", "Citizen ID (12 digits)."),
        ),
    ] = None,
    joined: Annotated[
        str | None,
        typer.Option(
            "--joined",
            metavar="DATE",
            help=tr(
                "Ngày vào (với đảng viên: ngày kết nạp).", "Joined (for the party: admission date)."
            ),
        ),
    ] = None,
    status: Annotated[
        str | None,
        typer.Option(
            "--status",
            metavar=codes(PARTY_STATUS, first="official"),
            help=tr("Đảng tịch (mặc định official).", "Party status (default official)."),
        ),
    ] = None,
    official_on: Annotated[
        str | None,
        typer.Option(
            "--official-on",
            metavar="DATE",
            help=tr("Ngày chuyển đảng chính thức.", "Date made official."),
        ),
    ] = None,
    org: Annotated[
        int | None,
        typer.Option("--org", metavar="ORG_ID", help=tr("Tổ chức sinh hoạt.", "Organisation.")),
    ] = None,
    residence: Annotated[
        bool,
        typer.Option(
            "--residence",
            help=tr("Đảng viên sinh hoạt nơi cư trú.", "Party life at the residence."),
        ),
    ] = False,
    role: Annotated[
        str,
        typer.Option(
            "--role",
            metavar=codes(ROLE),
            help=tr("Vai trò tại doanh nghiệp.", "Role at the enterprise."),
        ),
    ] = "worker",
    unstable_employment: Annotated[
        bool,
        typer.Option(
            "--unstable-employment",
            help=tr(
                "Việc làm không ổn định (hợp đồng dưới 12 tháng).", "Not on a stable contract."
            ),
        ),
    ] = False,
    employed_from: Annotated[
        str | None,
        typer.Option(
            "--employed-from",
            metavar="DATE",
            help=tr(
                "Ngày bắt đầu làm việc (mặc định ngày vào).", "Employment start (default: joined)."
            ),
        ),
    ] = None,
    reveal: Reveal = False,
    as_json: Json = False,
) -> None:
    """Add a member."""
    from dangdn_cli.registry import memberships

    with session(write=True) as s:
        record = memberships.add_member(
            s,
            name,
            member_type,
            enterprise,
            person,
            day(birth),
            gender,
            id_number,
            day(joined),
            status,
            day(official_on),
            org,
            residence,
            role,
            not unstable_employment,
            day(employed_from),
        )
    _print(
        record,
        as_json,
        tr(
            f"Đã thêm thành viên {record['id']} ({record['name']}).",
            f"Added member {record['id']} ({record['name']}).",
        ),
        reveal,
    )


@app.command(
    help=tr(
        "Chuyển đảng viên dự bị thành chính thức.",
        "Make a probationary member official.",
    ),
)
def promote(member_id: MemberId, on: On, as_json: Json = False) -> None:
    """Make a probationary member official."""
    from dangdn_cli.registry import memberships

    with session(write=True) as s:
        record = memberships.promote(s, member_id, required_day(on, "--on"))
    _print(
        record,
        as_json,
        tr(f"Đảng viên {member_id} đã chính thức.", f"Member {member_id} is official."),
    )


@app.command(
    help=tr(
        "Ghi nhận thành viên rời tổ chức.",
        "Record that a member left.",
    ),
)
def leave(member_id: MemberId, on: On, as_json: Json = False) -> None:
    """Record that a member left."""
    from dangdn_cli.registry import memberships

    with session(write=True) as s:
        record = memberships.leave(s, member_id, required_day(on, "--on"))
    _print(record, as_json, tr(f"Thành viên {member_id} đã rời.", f"Member {member_id} left."))


@app.command(
    "list",
    help=tr(
        "Liệt kê thành viên tại một ngày.",
        "List members as of a date.",
    ),
)
def list_(
    member_type: Annotated[
        str | None,
        typer.Option("--type", metavar=OrgTypeHelp, help=tr("Chỉ loại này.", "Only this type.")),
    ] = None,
    enterprise: Annotated[
        str | None,
        typer.Option(
            "--enterprise",
            metavar="MST",
            help=tr("Chỉ người làm việc tại doanh nghiệp này.", "Only people employed here."),
        ),
    ] = None,
    org: Annotated[
        int | None,
        typer.Option(
            "--org", metavar="ORG_ID", help=tr("Chỉ thành viên tổ chức này.", "Only this org.")
        ),
    ] = None,
    as_of: AsOf = None,
    reveal: Reveal = False,
    as_json: Json = False,
) -> None:
    """List members as of a date."""
    from dangdn_cli.output import print_table_or_json
    from dangdn_cli.registry import memberships

    with session() as s:
        rows = memberships.list_members(s, member_type, enterprise, day(as_of), org)
    rows = [masked(r, reveal) for r in rows]
    # 80 columns: with one type asked for, its column would repeat on every
    # line; otherwise the party status goes with the type ("Đảng – dự bị").
    shown = rows
    if member_type:
        columns = [c for c in COLUMNS if c[0] != "type"]
        if member_type != "party":
            columns = [c for c in columns if c[0] != "status"]
    else:
        columns = [c for c in COLUMNS if c[0] != "status"]
        shown = [{**r, "type": _type_and_status(r)} for r in rows]
    print_table_or_json(
        rows,
        as_json,
        columns,
        tr(f"Thành viên ({len(rows)})", f"Members ({len(rows)})"),
        formatters={"status": status_label},
        shown=shown,
    )
