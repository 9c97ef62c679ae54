"""dangdn rating set|list"""

from typing import Annotated, Any

import typer

from dangdn_cli.commands._common import Json, OrgTypeHelp, session
from dangdn_cli.i18n import tr
from dangdn_cli.vocabulary import ORG_TYPE

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


def _type_label(value: Any) -> str:
    return ORG_TYPE.label(value)


def _year(value: Any) -> str:
    return "" if value is None else str(value)


@app.command("set")
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
                "VD tổ chức đảng: xuat_sac, tot, hoan_thanh, khong_hoan_thanh.",
                "Grade on the organisation type's scale (see `dangdn rules show`), "
                "e.g. party: xuat_sac, tot, hoan_thanh, khong_hoan_thanh.",
            ),
        ),
    ] = "",
    as_json: Json = False,
) -> None:
    """Xếp loại tổ chức cho một năm (đặt lại: ghi nhận thay đổi). / Rate an organisation."""
    from dangdn_cli.errors import EmptyValue
    from dangdn_cli.output import print_json, print_record, success
    from dangdn_cli.registry import recognition
    from dangdn_cli.vocabulary import grade_label

    if org is None:
        raise EmptyValue(field=tr("Mã tổ chức (--org)", "Organisation id (--org)"))
    if year is None:
        raise EmptyValue(field=tr("Năm (--year)", "Year (--year)"))
    with session(write=True) as s:
        record = recognition.set_rating(s, org, year, grade)
    if as_json:
        print_json(record)
        return
    label = record["grade_label"]
    if not record["changed"]:
        success(tr(f"Xếp loại không đổi: {label}.", f"Rating unchanged: {label}."))
    elif record["previous_grade"]:
        previous = grade_label(record["previous_grade"], record["org_type"])
        success(
            tr(
                f"Đã đổi xếp loại năm {year} của tổ chức {org}: {previous} → {label}.",
                f"Changed organisation {org}'s rating for {year}: {previous} → {label}.",
            )
        )
    else:
        success(
            tr(
                f"Đã xếp loại tổ chức {org} năm {year}: {label}.",
                f"Rated organisation {org} for {year}: {label}.",
            )
        )
    print_record(
        {**record, "org_type": _type_label(record["org_type"]), "year": str(record["year"])},
        LABELS,
    )


@app.command("list")
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
    """Liệt kê xếp loại (mỗi tổ chức, mỗi năm một xếp loại). / List ratings."""
    from dangdn_cli.output import print_json, print_table
    from dangdn_cli.registry import recognition

    with session() as s:
        rows = recognition.list_ratings(
            s, year=year, org_id=org, org_type=org_type, include_history=include_history
        )
    if as_json:
        print_json(rows)
        return
    columns = list(COLUMNS)
    if include_history:
        columns += [("set_at", "Ghi lúc", "Set at"), ("superseded", "Đã bị thay", "Superseded")]
    print_table(
        rows,
        columns,
        tr(f"Xếp loại tổ chức ({len(rows)})", f"Ratings ({len(rows)})"),
        formatters={"org_type": _type_label, "year": _year},
    )
