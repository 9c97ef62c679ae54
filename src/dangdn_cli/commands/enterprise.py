"""dangdn enterprise add|update|close|reopen|show|list: the enterprises, their
workforce and status recorded as dated facts, one as of a date with its
organisations and latest visits, and the filtered list."""

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
from dangdn_cli.errors import InvalidChoice
from dangdn_cli.i18n import tr
from dangdn_cli.vocabulary import SECTORS, STATUS

app = typer.Typer(
    no_args_is_help=True,
    help=tr(
        "Doanh nghiệp: thêm, cập nhật, đóng, xem, liệt kê.",
        "Enterprises: add, update, close, show, list.",
    ),
)

TaxCode = Annotated[str, typer.Argument(metavar="MST", help=tr("Mã số thuế.", "Tax code."))]
Name = Annotated[
    str | None,
    typer.Option("--name", metavar="NAME", help=tr("Tên doanh nghiệp.", "Enterprise name.")),
]
Sector = Annotated[
    str | None,
    typer.Option(
        "--sector",
        metavar="S",
        help=tr(f"Loại hình: {', '.join(SECTORS)}.", f"Sector: {', '.join(SECTORS)}."),
    ),
]
Address = Annotated[
    str | None, typer.Option("--address", metavar="A", help=tr("Địa chỉ.", "Address."))
]
Commune = Annotated[
    str | None, typer.Option("--commune", metavar="C", help=tr("Xã/phường.", "Commune or ward."))
]
District = Annotated[
    str | None,
    typer.Option(
        "--district",
        metavar="D",
        help=tr("Huyện (dữ liệu trước 1/7/2025).", "District (data before 1/7/2025)."),
    ),
]
Province = Annotated[
    str | None, typer.Option("--province", metavar="P", help=tr("Tỉnh/thành phố.", "Province."))
]
Zone = Annotated[
    str | None,
    typer.Option("--zone", metavar="KCN", help=tr("Khu công nghiệp.", "Industrial zone.")),
]
Founded = Annotated[
    str | None,
    typer.Option("--founded", metavar="DATE", help=tr("Ngày thành lập.", "Founding date.")),
]
Owner = Annotated[
    str | None,
    typer.Option("--owner", metavar="NAME", help=tr("Chủ doanh nghiệp.", "Owner's name.")),
]
Workers = Annotated[
    int | None,
    typer.Option("--workers", metavar="N", help=tr("Tổng số lao động.", "Total workers.")),
]
Stable = Annotated[
    int | None,
    typer.Option(
        "--stable-workers",
        metavar="N",
        help=tr(
            "Lao động ổn định (hợp đồng từ 12 tháng).",
            "Stable workers (contracts of 12 months or more).",
        ),
    ),
]
Female = Annotated[
    int | None,
    typer.Option("--female-workers", metavar="N", help=tr("Lao động nữ.", "Female workers.")),
]
Young = Annotated[
    int | None,
    typer.Option(
        "--young-workers",
        metavar="N",
        help=tr("Lao động trẻ (đến 30 tuổi).", "Young workers (30 or under)."),
    ),
]

# 80 columns: the industrial zone stands in for the commune when there is one,
# and only a closed enterprise's status is written (an empty cell is active).
COLUMNS = [
    ("tax_code", "Mã số thuế", "Tax code"),
    ("name", "Tên doanh nghiệp", "Name"),
    ("area", "Xã/KCN", "Commune/zone"),
    ("status", "Đã đóng", "Closed"),
    ("workers", "Lao động", "Workers"),
    ("stable_workers", "Ổn định", "Stable"),
]
LABELS = {
    "tax_code": ("Mã số thuế", "Tax code"),
    "name": ("Tên", "Name"),
    "sector": ("Loại hình", "Sector"),
    "address": ("Địa chỉ", "Address"),
    "commune": ("Xã/phường", "Commune"),
    "district": ("Huyện", "District"),
    "province": ("Tỉnh", "Province"),
    "zone": ("Khu công nghiệp", "Industrial zone"),
    "founded_on": ("Ngày thành lập", "Founded"),
    "owner_name": ("Chủ doanh nghiệp", "Owner"),
    "status": ("Trạng thái", "Status"),
    "stable_operation": ("SXKD ổn định", "Stable operation"),
    "law_compliant": ("Chấp hành pháp luật", "Law-compliant"),
    "workers": ("Lao động", "Workers"),
    "stable_workers": ("Lao động ổn định", "Stable workers"),
    "female_workers": ("Lao động nữ", "Female workers"),
    "young_workers": ("Lao động trẻ", "Young workers"),
    "as_of": ("Tính đến ngày", "As of"),
}
# The options of add and update that are the record's fields, by field name.
FIELD_OPTIONS = {
    "name": "name",
    "sector": "sector",
    "address": "address",
    "commune": "commune",
    "district": "district",
    "province": "province",
    "zone": "zone",
    "founded_on": "founded",
    "owner_name": "owner",
    "workers": "workers",
    "stable_workers": "stable_workers",
    "female_workers": "female_workers",
    "young_workers": "young_workers",
}
# The statuses an enterprise is closed with.
CLOSED = tuple(code for code in STATUS if code != "active")


def _fields(options: dict[str, Any], **flags: bool | None) -> dict[str, Any]:
    """The record's fields from a command's options (its ``locals()``) and flags."""
    return {field: options[option] for field, option in FIELD_OPTIONS.items()} | flags


def _print(record: dict[str, Any], as_json: bool, message: str | None = None) -> None:
    from dangdn_cli.output import print_record_or_json, print_table

    formatters = {"status": label_of("status"), "sector": label_of("sector")}
    print_record_or_json(record, as_json, LABELS, message, formatters)
    if as_json:
        return
    if record.get("organizations"):
        print_table(
            record["organizations"],
            [
                ("id", "Mã", "Id"),
                ("type", "Loại", "Type"),
                ("name", "Tên tổ chức", "Name"),
                ("founded_on", "Thành lập", "Founded"),
            ],
            title=tr("Tổ chức", "Organisations"),
            formatters={"type": label_of("org_type", "short")},
        )
    if record.get("latest_visits"):
        print_table(
            record["latest_visits"],
            [
                ("visited_on", "Ngày", "Date"),
                ("cadre", "Cán bộ", "Cadre"),
                ("purpose", "Mục đích", "Purpose"),
                ("next_step", "Bước tiếp theo", "Next step"),
                ("next_due_on", "Hạn", "Due"),
                ("follow_up", "Theo dõi", "Follow-up"),
            ],
            title=tr("Lần làm việc gần nhất", "Latest visits"),
            formatters={"purpose": label_of("purpose"), "follow_up": label_of("follow_up")},
        )


@app.command(
    help=tr(
        "Thêm doanh nghiệp.",
        "Add an enterprise.",
    ),
)
def add(
    tax_code: Annotated[
        str, typer.Option("--tax-code", metavar="MST", help=tr("Mã số thuế.", "Tax code."))
    ],
    name: Annotated[
        str,
        typer.Option("--name", metavar="NAME", help=tr("Tên doanh nghiệp.", "Enterprise name.")),
    ],
    sector: Sector = None,
    address: Address = None,
    commune: Commune = None,
    district: District = None,
    province: Province = None,
    zone: Zone = None,
    founded: Founded = None,
    owner: Owner = None,
    workers: Workers = None,
    stable_workers: Stable = None,
    female_workers: Female = None,
    young_workers: Young = None,
    unstable: Annotated[
        bool,
        typer.Option(
            "--unstable", help=tr("Sản xuất kinh doanh chưa ổn định.", "Operation not yet stable.")
        ),
    ] = False,
    law_violation: Annotated[
        bool,
        typer.Option("--law-violation", help=tr("Có vi phạm pháp luật.", "Has violated the law.")),
    ] = False,
    as_of: Annotated[
        str | None,
        typer.Option(
            "--as-of",
            metavar="DATE",
            help=tr(
                "Ngày ghi nhận lao động và tình trạng (mặc định ngày thành lập, rồi hôm nay).",
                "Date of the workforce and flags recorded (default: founding date, else today).",
            ),
        ),
    ] = None,
    as_json: Json = False,
) -> None:
    """Add an enterprise."""
    from dangdn_cli.registry import enterprises

    fields = _fields(locals(), stable_operation=not unstable, law_compliant=not law_violation)
    with session(write=True) as s:
        record = enterprises.add(s, tax_code, fields, day(as_of))
    _print(
        record,
        as_json,
        tr(
            f"Đã thêm doanh nghiệp {record['tax_code']}.", f"Added enterprise {record['tax_code']}."
        ),
    )


@app.command(
    help=tr(
        "Ghi thay đổi từ một ngày (giữ lịch sử).",
        "Record changes as of a date (history kept).",
    ),
)
def update(
    tax_code: TaxCode,
    as_of: AsOf = None,
    name: Name = None,
    sector: Sector = None,
    address: Address = None,
    commune: Commune = None,
    district: District = None,
    province: Province = None,
    zone: Zone = None,
    founded: Founded = None,
    owner: Owner = None,
    workers: Workers = None,
    stable_workers: Stable = None,
    female_workers: Female = None,
    young_workers: Young = None,
    stable: Annotated[
        bool | None,
        typer.Option(
            "--stable/--unstable",
            help=tr("Sản xuất kinh doanh ổn định hay chưa.", "Stable operation or not."),
            show_default=False,
        ),
    ] = None,
    law_compliant: Annotated[
        bool | None,
        typer.Option(
            "--law-compliant/--law-violation",
            help=tr("Chấp hành pháp luật hay có vi phạm.", "Law-compliant or in violation."),
            show_default=False,
        ),
    ] = None,
    as_json: Json = False,
) -> None:
    """Record changes as of a date (history kept)."""
    from dangdn_cli.registry import enterprises

    fields = _fields(locals(), stable_operation=stable, law_compliant=law_compliant)
    with session(write=True) as s:
        record = enterprises.update(s, tax_code, fields, day(as_of))
    _print(
        record,
        as_json,
        tr(
            f"Đã cập nhật doanh nghiệp {record['tax_code']}.",
            f"Updated enterprise {record['tax_code']}.",
        ),
    )


@app.command(
    help=tr(
        "Tạm ngừng hoặc giải thể doanh nghiệp.",
        "Suspend or dissolve an enterprise.",
    ),
)
def close(
    tax_code: TaxCode,
    on: On,
    status: Annotated[
        str,
        typer.Option(
            "--status",
            help=tr(
                " hoặc ".join(f"{code} ({STATUS.pair(code)[0]})" for code in CLOSED) + ".",
                " or ".join(CLOSED) + ".",
            ),
        ),
    ] = "dissolved",
    as_json: Json = False,
) -> None:
    """Suspend or dissolve an enterprise."""
    from dangdn_cli.registry import enterprises

    if status not in CLOSED:
        raise InvalidChoice(field="--status", value=status, choices=", ".join(CLOSED))
    with session(write=True) as s:
        record = enterprises.set_status(s, tax_code, required_day(on, "--on"), status)
    _print(
        record,
        as_json,
        tr(
            f"Đã đóng doanh nghiệp {record['tax_code']}.",
            f"Closed enterprise {record['tax_code']}.",
        ),
    )


@app.command(
    help=tr(
        "Cho doanh nghiệp hoạt động trở lại.",
        "Reopen an enterprise.",
    ),
)
def reopen(tax_code: TaxCode, on: On, as_json: Json = False) -> None:
    """Reopen an enterprise."""
    from dangdn_cli.registry import enterprises

    with session(write=True) as s:
        record = enterprises.set_status(s, tax_code, required_day(on, "--on"), "active")
    _print(
        record,
        as_json,
        tr(
            f"Doanh nghiệp {record['tax_code']} hoạt động trở lại.",
            f"Enterprise {record['tax_code']} reopened.",
        ),
    )


@app.command(
    help=tr(
        "Xem một doanh nghiệp tại một ngày.",
        "Show an enterprise as of a date.",
    ),
)
def show(tax_code: TaxCode, as_of: AsOf = None, as_json: Json = False) -> None:
    """Show an enterprise as of a date."""
    from dangdn_cli.registry import enterprises

    with session() as s:
        record = enterprises.show(s, tax_code, day(as_of))
    _print(record, as_json)


@app.command(
    "list",
    help=tr(
        "Liệt kê doanh nghiệp.",
        "List enterprises.",
    ),
)
def list_(
    commune: Commune = None,
    zone: Zone = None,
    search: Annotated[
        str | None,
        typer.Option(
            "--search",
            metavar="TEXT",
            help=tr(
                "Tìm theo tên, có dấu hay không dấu.", "Search names, with or without diacritics."
            ),
        ),
    ] = None,
    without: Annotated[
        str | None,
        typer.Option(
            "--without",
            metavar=OrgTypeHelp,
            help=tr(
                "Chỉ doanh nghiệp đang hoạt động chưa có tổ chức loại này.",
                "Only active enterprises with no organisation of this type.",
            ),
        ),
    ] = None,
    as_of: AsOf = None,
    as_json: Json = False,
) -> None:
    """List enterprises."""
    from dangdn_cli.output import print_table_or_json
    from dangdn_cli.registry import enterprises

    with session() as s:
        rows = enterprises.list_(s, day(as_of), commune, zone, search, without)
    shown = [
        {
            **r,
            "area": r["zone"] or r["commune"],
            "status": None if r["status"] == "active" else r["status"],
        }
        for r in rows
    ]
    print_table_or_json(
        rows,
        as_json,
        COLUMNS,
        tr(f"Doanh nghiệp ({len(rows)})", f"Enterprises ({len(rows)})"),
        # A closed enterprise reads "giải thể" in a listing; active is the norm, shown short.
        formatters={"status": label_of("status", "short")},
        shown=shown,
    )
