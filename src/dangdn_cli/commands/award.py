"""dangdn award add|list: the awards to organisations, enterprises and
persons, and the list, newest first."""

from typing import Annotated, Any

import typer

from dangdn_cli.commands._common import Json, codes, day, required_day, session
from dangdn_cli.errors import EmptyValue
from dangdn_cli.i18n import tr
from dangdn_cli.vocabulary import AWARD_TARGET

app = typer.Typer(
    no_args_is_help=True,
    help=tr(
        "Khen thưởng tổ chức, doanh nghiệp, cá nhân.",
        "Awards to organisations, enterprises and persons.",
    ),
)

COLUMNS = [
    ("id", "Mã", "Id"),
    ("awarded_on", "Ngày", "Date"),
    ("to", "Đối tượng", "To"),
    ("target", "Mã đối tượng", "Target"),
    ("target_name", "Tên", "Name"),
    ("title", "Hình thức/danh hiệu", "Title"),
    ("level", "Cấp khen thưởng", "Level"),
    ("decision", "Quyết định", "Decision"),
]
LABELS = {
    "id": ("Mã", "Id"),
    "to": ("Đối tượng", "Awarded to"),
    "target": ("Mã đối tượng", "Target"),
    "target_name": ("Tên", "Name"),
    "awarded_on": ("Ngày khen thưởng", "Date"),
    "title": ("Hình thức/danh hiệu", "Title"),
    "level": ("Cấp khen thưởng", "Level"),
    "decision": ("Quyết định", "Decision"),
}


def _display(record: dict[str, Any]) -> dict[str, Any]:
    target = record["tax_code"] if record["to"] == "enterprise" else str(record["target_id"])
    return {**record, "to": AWARD_TARGET.label(record["to"]), "target": target}


@app.command(help=tr("Ghi một khen thưởng.", "Record an award."))
def add(
    to: Annotated[
        str,
        typer.Option(
            "--to",
            metavar=codes(AWARD_TARGET),
            help=tr(
                "Đối tượng: tổ chức, doanh nghiệp hoặc cá nhân.",
                "Awarded to an organisation, an enterprise or a person.",
            ),
        ),
    ] = "",
    target: Annotated[
        str,
        typer.Option(
            "--id",
            metavar="ID",
            help=tr(
                "Mã tổ chức, mã số thuế doanh nghiệp hoặc mã người.",
                "Organisation id, enterprise tax code or person id.",
            ),
        ),
    ] = "",
    on: Annotated[
        str, typer.Option("--on", metavar="DATE", help=tr("Ngày khen thưởng.", "Date awarded."))
    ] = "",
    level: Annotated[
        str | None,
        typer.Option(
            "--level",
            metavar="L",
            help=tr(
                "Cấp khen thưởng, VD: Tỉnh ủy, UBND tỉnh, Huyện ủy.",
                "Awarding level, e.g. Tỉnh ủy, UBND tỉnh, Huyện ủy.",
            ),
        ),
    ] = None,
    decision: Annotated[
        str | None,
        typer.Option(
            "--decision", metavar="TEXT", help=tr("Số quyết định khen thưởng.", "Award decision.")
        ),
    ] = None,
    title: Annotated[
        str | None,
        typer.Option(
            "--title",
            metavar="T",
            help=tr("Hình thức hoặc danh hiệu, VD: Bằng khen.", "Form or title, e.g. Bằng khen."),
        ),
    ] = None,
    as_json: Json = False,
) -> None:
    from dangdn_cli.output import print_record_or_json
    from dangdn_cli.registry import recognition

    if not target.strip():
        raise EmptyValue(field=tr("Mã đối tượng (--id)", "Target id (--id)"))
    awarded_on = required_day(on, tr("Ngày khen thưởng (--on)", "Award date (--on)"))
    with session(write=True) as s:
        record = recognition.add_award(
            s, to, target, awarded_on, level, decision=decision, title=title
        )
    message = tr(f"Đã ghi khen thưởng {record['id']}.", f"Recorded award {record['id']}.")
    print_record_or_json(record, as_json, LABELS, message, shown=_display(record))


@app.command("list", help=tr("Liệt kê khen thưởng, mới nhất trước.", "List awards, newest first."))
def list_(
    to: Annotated[
        str | None,
        typer.Option(
            "--to",
            metavar=codes(AWARD_TARGET),
            help=tr("Chỉ đối tượng này.", "Only this kind."),
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
            "--until", metavar="DATE", help=tr("Đến ngày (tính cả ngày này).", "Up to this day.")
        ),
    ] = None,
    as_json: Json = False,
) -> None:
    from dangdn_cli.output import print_table_or_json
    from dangdn_cli.registry import recognition

    with session() as s:
        rows = recognition.list_awards(s, to=to, start=day(start), end=day(end))
    print_table_or_json(
        rows,
        as_json,
        COLUMNS,
        tr(f"Khen thưởng ({len(rows)})", f"Awards ({len(rows)})"),
        shown=[_display(r) for r in rows],
    )
