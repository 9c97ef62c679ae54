"""dangdn person show|list|move|erase: a person with their employment and
memberships, the search by name, a change of employer from a date, and the
erasure of a person on request."""

from typing import Annotated, Any

import typer

from dangdn_cli.commands._common import (
    AsOf,
    ConfirmNeeded,
    Json,
    On,
    Reveal,
    codes,
    day,
    label_of,
    masked,
    required_day,
    session,
)
from dangdn_cli.i18n import tr
from dangdn_cli.vocabulary import ROLE

app = typer.Typer(
    no_args_is_help=True,
    help=tr(
        "Người: xem, tìm, chuyển nơi làm việc, xóa.", "Persons: show, search, move employer, erase."
    ),
)

PersonId = Annotated[int, typer.Argument(metavar="PERSON_ID", help=tr("Mã người.", "Person id."))]
LABELS = {
    "id": ("Mã người", "Person id"),
    "name": ("Họ và tên", "Name"),
    "birth_date": ("Ngày sinh", "Born"),
    "gender": ("Giới tính", "Gender"),
    "id_number": ("Số CCCD", "Citizen ID"),
}
JOB_COLUMNS = [
    ("enterprise", "Doanh nghiệp", "Enterprise"),
    ("role", "Vai trò", "Role"),
    ("start_on", "Từ ngày", "From"),
    ("end_on", "Đến ngày", "To"),
    ("stable", "Ổn định", "Stable"),
]
MEMBERSHIP_COLUMNS = [
    ("id", "Mã", "Id"),
    ("type", "Loại", "Type"),
    ("status", "Đảng tịch", "Status"),
    ("organization", "Tổ chức", "Organisation"),
    ("joined_on", "Ngày vào", "Joined"),
    ("left_on", "Ngày rời", "Left"),
]


def _print_person(record: dict[str, Any], reveal: bool, as_json: bool) -> None:
    from dangdn_cli.output import print_record_or_json, print_table

    record = masked(record, reveal)
    record["memberships"] = [masked(m, reveal) for m in record["memberships"]]
    print_record_or_json(record, as_json, LABELS, formatters={"gender": label_of("gender")})
    if as_json:
        return
    print_table(
        record["employment"],
        JOB_COLUMNS,
        tr("Quá trình làm việc", "Employment"),
        formatters={"role": label_of("role")},
    )
    print_table(
        record["memberships"],
        MEMBERSHIP_COLUMNS,
        tr("Tổ chức tham gia", "Memberships"),
        formatters={"type": label_of("org_type", "short"), "status": label_of("party_status")},
    )


@app.command(
    help=tr(
        "Xem một người, việc làm và tổ chức tham gia.",
        "Show a person.",
    ),
)
def show(person_id: PersonId, reveal: Reveal = False, as_json: Json = False) -> None:
    """Show a person."""
    from dangdn_cli.registry import people

    with session() as s:
        record = people.show_person(s, person_id)
    _print_person(record, reveal, as_json)


@app.command(
    "list",
    help=tr(
        "Liệt kê người, với nơi làm việc tại một ngày.",
        "List persons with their employer.",
    ),
)
def list_(
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
    as_of: AsOf = None,
    reveal: Reveal = False,
    as_json: Json = False,
) -> None:
    """List persons with their employer."""
    from dangdn_cli.output import print_table_or_json
    from dangdn_cli.registry import people

    with session() as s:
        rows = people.list_persons(s, search, day(as_of))
    rows = [masked(r, reveal) for r in rows]
    print_table_or_json(
        rows,
        as_json,
        [
            ("id", "Mã", "Id"),
            ("name", "Họ và tên", "Name"),
            ("birth_date", "Ngày sinh", "Born"),
            ("enterprise", "Doanh nghiệp", "Enterprise"),
            ("id_number", "Số CCCD", "Citizen ID"),
        ],
        tr(f"Người ({len(rows)})", f"Persons ({len(rows)})"),
    )


@app.command(
    help=tr(
        "Chuyển nơi làm việc từ một ngày.",
        "Move a person to another employer from a date.",
    ),
)
def move(
    person_id: PersonId,
    enterprise: Annotated[
        str,
        typer.Option("--enterprise", metavar="MST", help=tr("Nơi làm việc mới.", "New employer.")),
    ],
    on: On,
    unstable_employment: Annotated[
        bool,
        typer.Option(
            "--unstable-employment",
            help=tr("Việc làm mới không ổn định.", "The new job is not on a stable contract."),
        ),
    ] = False,
    role: Annotated[
        str | None,
        typer.Option(
            "--role",
            metavar=codes(ROLE),
            help=tr("Vai trò mới (mặc định như cũ).", "New role (default: as before)."),
        ),
    ] = None,
    reveal: Reveal = False,
    as_json: Json = False,
) -> None:
    """Move a person to another employer from a date."""
    from dangdn_cli.output import success
    from dangdn_cli.registry import people

    with session(write=True) as s:
        record = people.move(
            s, person_id, enterprise, required_day(on, "--on"), not unstable_employment, role
        )
    if not as_json:
        success(
            tr(
                f"Đã chuyển người {person_id} sang {enterprise}.",
                f"Moved person {person_id} to {enterprise}.",
            )
        )
    _print_person(record, reveal, as_json)


@app.command(
    help=tr(
        "Xóa vĩnh viễn một người và dữ liệu của họ.",
        "Erase a person and their data.",
    ),
)
def erase(
    person_id: PersonId,
    confirm: Annotated[
        bool,
        typer.Option(
            "--confirm", help=tr("Xác nhận xóa vĩnh viễn.", "Confirm the permanent erasure.")
        ),
    ] = False,
    as_json: Json = False,
) -> None:
    """Erase a person and their data."""
    from dangdn_cli.output import print_json, success
    from dangdn_cli.registry import erasure

    if not confirm:
        raise ConfirmNeeded(person_id=person_id)
    with session(write=True) as s:
        result = erasure.erase(s, person_id)
    if as_json:
        print_json(result)
    else:
        success(tr(f"Đã xóa người {person_id}.", f"Erased person {person_id}."))
