"""dangdn candidate add|advance|show|list: the candidates for party
admission, each stage reached on a date (admission creates the probationary
party membership)."""

from typing import Annotated, Any

import typer

from dangdn_cli.commands._common import (
    AsOf,
    Json,
    On,
    codes,
    day,
    label_of,
    required_day,
    session,
)
from dangdn_cli.i18n import tr
from dangdn_cli.vocabulary import GENDER, STAGE

app = typer.Typer(
    no_args_is_help=True,
    help=tr("Quần chúng ưu tú: nguồn phát triển đảng viên.", "Candidates for party admission."),
)

CandidateId = Annotated[
    int, typer.Argument(metavar="ID", help=tr("Mã quần chúng.", "Candidate id."))
]
# Each stage's date is in `candidate show` and --json; a listing shows the
# stage reached and since when, which fits 80 columns.
COLUMNS = [
    ("id", "Mã", "Id"),
    ("name", "Họ và tên", "Name"),
    ("enterprise", "Doanh nghiệp", "Enterprise"),
    ("stage", "Giai đoạn", "Stage"),
    ("stage_on", "Từ ngày", "Since"),
]
LABELS = {
    "id": ("Mã quần chúng", "Candidate id"),
    "person_id": ("Mã người", "Person id"),
    "name": ("Họ và tên", "Name"),
    "enterprise": ("Doanh nghiệp", "Enterprise"),
    "stage": ("Giai đoạn", "Stage"),
    "introduced_by": ("Tổ chức giới thiệu", "Introduced by"),
    "identified_on": ("Ngày xác định", "Identified"),
    "trained_on": ("Ngày học lớp nhận thức về Đảng", "Trained"),
    "introduced_on": ("Ngày được giới thiệu", "Introduced"),
    "admitted_on": ("Ngày kết nạp", "Admitted"),
    "dropped_on": ("Ngày dừng", "Dropped"),
    "membership_id": ("Mã đảng viên", "Party membership id"),
}


stage_label = label_of("stage")


def _print(record: dict[str, Any], as_json: bool, message: str | None = None) -> None:
    from dangdn_cli.output import print_record_or_json

    print_record_or_json(record, as_json, LABELS, message, {"stage": stage_label})


@app.command(
    help=tr(
        "Thêm quần chúng ưu tú.",
        "Add a candidate.",
    ),
)
def add(
    enterprise: Annotated[
        str,
        typer.Option(
            "--enterprise",
            metavar="MST",
            help=tr("Doanh nghiệp nơi làm việc.", "Employer's tax code."),
        ),
    ],
    name: Annotated[
        str | None, typer.Option("--name", metavar="NAME", help=tr("Họ và tên.", "Full name."))
    ] = None,
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
        str | None,
        typer.Option("--gender", metavar=codes(GENDER), help=tr("Giới tính.", "Gender.")),
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
    """Add a candidate."""
    from dangdn_cli.registry import candidates

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


@app.command(
    help=tr(
        "Chuyển giai đoạn.",
        "Advance a candidate to a stage.",
    ),
)
def advance(
    candidate_id: CandidateId,
    stage: Annotated[
        str,
        typer.Option(
            "--stage",
            metavar=codes(STAGE.codes[1:]),
            help=tr(
                "Giai đoạn mới; admitted tạo đảng viên dự bị.",
                "New stage; admitted creates a probationary member.",
            ),
        ),
    ],
    on: On,
    as_json: Json = False,
) -> None:
    """Advance a candidate to a stage."""
    from dangdn_cli.registry import candidates

    with session(write=True) as s:
        record = candidates.advance(s, candidate_id, stage, required_day(on, "--on"))
    _print(
        record,
        as_json,
        tr(
            f"Quần chúng {candidate_id}: {stage_label(record['stage'])}"
            f" ngày {record[record['stage'] + '_on']:%d/%m/%Y}.",
            f"Candidate {candidate_id}: {stage_label(record['stage'])}"
            f" on {record[record['stage'] + '_on'].isoformat()}.",
        ),
    )


@app.command(
    help=tr(
        "Xem một quần chúng ưu tú.",
        "Show a candidate.",
    ),
)
def show(
    candidate_id: CandidateId,
    as_of: AsOf = None,
    as_json: Json = False,
) -> None:
    """Show a candidate."""
    from dangdn_cli.registry import candidates

    with session() as s:
        record = candidates.show(s, candidate_id, day(as_of))
    _print(record, as_json)


@app.command(
    "list",
    help=tr(
        "Liệt kê quần chúng ưu tú.",
        "List candidates.",
    ),
)
def list_(
    stage: Annotated[
        str | None,
        typer.Option(
            "--stage",
            metavar=codes(STAGE),
            help=tr("Chỉ giai đoạn này.", "Only this stage."),
        ),
    ] = None,
    enterprise: Annotated[
        str | None,
        typer.Option(
            "--enterprise", metavar="MST", help=tr("Chỉ doanh nghiệp này.", "Only this enterprise.")
        ),
    ] = None,
    as_of: AsOf = None,
    as_json: Json = False,
) -> None:
    """List candidates."""
    from dangdn_cli.output import print_table_or_json
    from dangdn_cli.registry import candidates

    with session() as s:
        rows = candidates.list_(s, stage, day(as_of), enterprise)
    print_table_or_json(
        rows,
        as_json,
        COLUMNS,
        tr(f"Quần chúng ưu tú ({len(rows)})", f"Candidates ({len(rows)})"),
        formatters={"stage": stage_label},
        shown=[{**r, "stage_on": r.get(f"{r['stage']}_on")} for r in rows],
    )
