"""dangdn candidate add|advance|list"""

from __future__ import annotations

from typing import Annotated, Any

import typer

from dangdn_cli.commands._common import AsOf, Json, On, day, required_day, session
from dangdn_cli.i18n import tr

app = typer.Typer(
    no_args_is_help=True,
    help=tr("Quần chúng ưu tú: nguồn phát triển đảng viên.", "Candidates for party admission."),
)

STAGE_LABELS = {
    "identified": ("đã xác định", "identified"),
    "trained": ("đã học lớp nhận thức", "trained"),
    "introduced": ("đã được giới thiệu", "introduced"),
    "admitted": ("đã kết nạp", "admitted"),
    "dropped": ("dừng", "dropped"),
}
COLUMNS = [
    ("id", "Mã", "Id"),
    ("name", "Họ và tên", "Name"),
    ("enterprise", "Doanh nghiệp", "Enterprise"),
    ("stage", "Giai đoạn", "Stage"),
    ("identified_on", "Xác định", "Identified"),
    ("trained_on", "Học lớp", "Trained"),
    ("introduced_on", "Giới thiệu", "Introduced"),
    ("admitted_on", "Kết nạp", "Admitted"),
]


def stage_label(value: Any) -> str:
    return tr(*STAGE_LABELS[value]) if value in STAGE_LABELS else ""


def _print(record: dict[str, Any], as_json: bool, message: str) -> None:
    from dangdn_cli.output import print_json, print_table, success

    if as_json:
        print_json(record)
        return
    success(message)
    print_table([record], COLUMNS, formatters={"stage": stage_label})


@app.command()
def add(
    name: Annotated[str | None, typer.Option("--name", help=tr("Họ và tên.", "Full name."))] = None,
    enterprise: Annotated[
        str,
        typer.Option(
            "--enterprise",
            metavar="MST",
            help=tr("Doanh nghiệp nơi làm việc.", "Employer's tax code."),
        ),
    ] = "",
    identified: Annotated[
        str | None,
        typer.Option(
            "--identified",
            metavar="DATE",
            help=tr(
                "Ngày xác định là quần chúng ưu tú (mặc định hôm nay).",
                "Date identified (default today).",
            ),
        ),
    ] = None,
    introduced_by: Annotated[
        int | None,
        typer.Option(
            "--introduced-by",
            metavar="ORG_ID",
            help=tr("Tổ chức giới thiệu (công đoàn, đoàn).", "Introducing organisation."),
        ),
    ] = None,
    person: Annotated[
        int | None,
        typer.Option(
            "--person", metavar="ID", help=tr("Dùng người đã có.", "Reuse an existing person.")
        ),
    ] = None,
    birth: Annotated[
        str | None, typer.Option("--birth", metavar="DATE", help=tr("Ngày sinh.", "Birth date."))
    ] = None,
    gender: Annotated[
        str | None, typer.Option("--gender", metavar="nam|nu", help=tr("Giới tính.", "Gender."))
    ] = None,
    id_number: Annotated[
        str | None,
        typer.Option(
            "--id-number",
            metavar="CCCD",
            help=tr("Số CCCD (12 chữ số).", "Citizen ID (12 digits)."),
        ),
    ] = None,
    as_json: Json = False,
) -> None:
    """Thêm quần chúng ưu tú. / Add a candidate."""
    from dangdn_cli.errors import EmptyValue
    from dangdn_cli.services import candidates

    if not enterprise:
        raise EmptyValue(field="--enterprise")
    with session(write=True) as s:
        record = candidates.add(
            s,
            name,
            enterprise,
            day(identified),
            introduced_by,
            person,
            day(birth),
            gender,
            id_number,
        )
    _print(
        record,
        as_json,
        tr(f"Đã thêm quần chúng ưu tú {record['id']}.", f"Added candidate {record['id']}."),
    )


@app.command()
def advance(
    candidate_id: Annotated[
        int, typer.Argument(metavar="ID", help=tr("Mã quần chúng.", "Candidate id."))
    ],
    stage: Annotated[
        str,
        typer.Option(
            "--stage",
            metavar="trained|introduced|admitted|dropped",
            help=tr(
                "Giai đoạn mới; admitted tạo đảng viên dự bị.",
                "New stage; admitted creates a probationary member.",
            ),
        ),
    ],
    on: On,
    as_json: Json = False,
) -> None:
    """Chuyển giai đoạn. / Advance a candidate to a stage."""
    from dangdn_cli.services import candidates

    with session(write=True) as s:
        record = candidates.advance(s, candidate_id, stage, required_day(on, "--on"))
    _print(
        record,
        as_json,
        tr(
            f"Quần chúng {candidate_id}: {stage_label(record['stage'])}.",
            f"Candidate {candidate_id}: {stage_label(record['stage'])}.",
        ),
    )


@app.command("list")
def list_(
    stage: Annotated[
        str | None,
        typer.Option(
            "--stage",
            metavar="identified|trained|introduced|admitted|dropped",
            help=tr("Chỉ giai đoạn này.", "Only this stage."),
        ),
    ] = None,
    as_of: AsOf = None,
    as_json: Json = False,
) -> None:
    """Liệt kê quần chúng ưu tú. / List candidates."""
    from dangdn_cli.output import print_json, print_table
    from dangdn_cli.services import candidates

    with session() as s:
        rows = candidates.list_(s, stage, day(as_of))
    if as_json:
        print_json(rows)
    else:
        print_table(
            rows,
            COLUMNS,
            tr(f"Quần chúng ưu tú ({len(rows)})", f"Candidates ({len(rows)})"),
            formatters={"stage": stage_label},
        )
