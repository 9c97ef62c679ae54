"""dangdn rating set|list: each organisation's quality grade for a year, on
its type's scale (a change is recorded, the old grade kept as superseded),
and the ratings that count or their whole history."""

from typing import Annotated, Any

import typer

from dangdn_cli.commands._common import Json, OrgTypeHelp, label_of, required, session
from dangdn_cli.i18n import tr
from dangdn_cli.vocabulary import GRADE_SCALES, ORG_TYPE, grade_label

app = typer.Typer(
    no_args_is_help=True,
    help=tr(
        "Xếp loại chất lượng tổ chức hằng năm.",
        "Yearly quality ratings of organisations.",
    ),
)

COLUMNS = [
    ("year", "Năm", "Year"),
    ("org_id", "Mã tổ chức", "Org id"),
    ("org_type", "Loại tổ chức", "Type"),
    ("org_name", "Tổ chức", "Organisation"),
    ("grade_label", "Xếp loại", "Grade"),
]
LABELS = {
    "org_id": ("Mã tổ chức", "Organisation id"),
    "org_type": ("Loại tổ chức", "Organisation type"),
    "org_name": ("Tổ chức", "Organisation"),
    "year": ("Năm", "Year"),
    "grade_label": ("Xếp loại", "Grade"),
}


@app.command(
    "set",
    help=tr("Xếp loại tổ chức cho một năm (đặt lại: ghi nhận thay đổi).", "Rate an organisation."),
)
def set_(
    org: Annotated[
        int | None,
        typer.Option("--org", metavar="ORG_ID", help=tr("Mã tổ chức.", "Organisation id.")),
    ] = None,
    year: Annotated[
        int | None, typer.Option("--year", metavar="YYYY", help=tr("Năm xếp loại.", "Year rated."))
    ] = None,
    grade: Annotated[
        str,
        typer.Option(
            "--grade",
            metavar="G",
            help=tr(
                "Mức xếp loại theo thang của loại tổ chức (xem `dangdn rules show`), "
                f"VD tổ chức đảng: {', '.join(GRADE_SCALES['party'])}.",
                "Grade on the organisation type's scale (see `dangdn rules show`), "
                f"e.g. party: {', '.join(GRADE_SCALES['party'])}.",
            ),
        ),
    ] = "",
    as_json: Json = False,
) -> None:
    from dangdn_cli.output import print_record_or_json
    from dangdn_cli.registry import recognition

    org = required(org, tr("Mã tổ chức (--org)", "Organisation id (--org)"))
    year = required(year, tr("Năm (--year)", "Year (--year)"))
    with session(write=True) as s:
        record = recognition.set_rating(s, org, year, grade)
    shown = {**record, "org_type": ORG_TYPE.label(record["org_type"]), "year": str(record["year"])}
    print_record_or_json(record, as_json, LABELS, _message(record, org, year), shown=shown)


def _message(record: dict[str, Any], org: int, year: int) -> str:
    label = record["grade_label"]
    if not record["changed"]:
        return tr(f"Xếp loại không đổi: {label}.", f"Rating unchanged: {label}.")
    if record["previous_grade"]:
        previous = grade_label(record["previous_grade"], record["org_type"])
        return tr(
            f"Đã đổi xếp loại năm {year} của tổ chức {org}: {previous} → {label}.",
            f"Changed organisation {org}'s rating for {year}: {previous} → {label}.",
        )
    return tr(
        f"Đã xếp loại tổ chức {org} năm {year}: {label}.",
        f"Rated organisation {org} for {year}: {label}.",
    )


@app.command(
    "list",
    help=tr("Liệt kê xếp loại (mỗi tổ chức, mỗi năm một xếp loại).", "List ratings."),
)
def list_(
    year: Annotated[
        int | None,
        typer.Option("--year", metavar="YYYY", help=tr("Chỉ năm này.", "Only this year.")),
    ] = None,
    org: Annotated[
        int | None,
        typer.Option(
            "--org", metavar="ORG_ID", help=tr("Chỉ tổ chức này.", "Only this organisation.")
        ),
    ] = None,
    org_type: Annotated[
        str | None,
        typer.Option(
            "--type", metavar=OrgTypeHelp, help=tr("Chỉ loại tổ chức này.", "Only this type.")
        ),
    ] = None,
    include_history: Annotated[
        bool,
        typer.Option(
            "--history",
            help=tr(
                "Cả các xếp loại đã bị thay (mặc định chỉ xếp loại hiện hành).",
                "Include superseded ratings (default: only the ones that count).",
            ),
        ),
    ] = False,
    as_json: Json = False,
) -> None:
    from dangdn_cli.output import as_text, print_table_or_json
    from dangdn_cli.registry import recognition

    with session() as s:
        rows = recognition.list_ratings(
            s, year=year, org_id=org, org_type=org_type, include_history=include_history
        )
    columns = list(COLUMNS)
    if include_history:
        columns += [("set_at", "Ghi lúc", "Set at"), ("superseded", "Đã bị thay", "Superseded")]
    print_table_or_json(
        rows,
        as_json,
        columns,
        tr(f"Xếp loại tổ chức ({len(rows)})", f"Ratings ({len(rows)})"),
        formatters={"org_type": label_of("org_type"), "year": as_text},
    )
