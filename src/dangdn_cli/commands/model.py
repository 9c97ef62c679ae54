"""dangdn model add|list (mô hình "Dân vận khéo")"""

from typing import Annotated, Any

import typer

from dangdn_cli.commands._common import Json, session
from dangdn_cli.i18n import tr

app = typer.Typer(
    no_args_is_help=True,
    help=tr(
        'Mô hình "Dân vận khéo" của tổ chức.',
        'The organisations\' "Dân vận khéo" (skilled mass mobilisation) models.',
    ),
)

COLUMNS = [
    ("id", "Mã", "Id"),
    ("year", "Năm", "Year"),
    ("org_id", "Mã tổ chức", "Org id"),
    ("org_name", "Tổ chức", "Organisation"),
    ("name", "Tên mô hình", "Model"),
]
LABELS = {
    "id": ("Mã", "Id"),
    "org_id": ("Mã tổ chức", "Organisation id"),
    "org_name": ("Tổ chức", "Organisation"),
    "year": ("Năm", "Year"),
    "name": ("Tên mô hình", "Model"),
}


def _year(value: Any) -> str:
    return "" if value is None else str(value)


@app.command()
def add(
    org: Annotated[
        int | None,
        typer.Option("--org", metavar="ORG_ID", help=tr("Mã tổ chức.", "Organisation id.")),
    ] = None,
    year: Annotated[
        int | None,
        typer.Option("--year", metavar="YYYY", help=tr("Năm đăng ký.", "Year registered.")),
    ] = None,
    name: Annotated[
        str | None, typer.Option("--name", metavar="N", help=tr("Tên mô hình.", "Model name."))
    ] = None,
    as_json: Json = False,
) -> None:
    """Đăng ký mô hình "Dân vận khéo". / Register a "Dân vận khéo" model."""
    from dangdn_cli.errors import EmptyValue
    from dangdn_cli.output import print_json, print_record, success
    from dangdn_cli.registry import recognition

    if org is None:
        raise EmptyValue(field=tr("Mã tổ chức (--org)", "Organisation id (--org)"))
    if year is None:
        raise EmptyValue(field=tr("Năm (--year)", "Year (--year)"))
    with session(write=True) as s:
        record = recognition.add_model(s, org, year, name)
    if as_json:
        print_json(record)
        return
    success(tr(f"Đã đăng ký mô hình {record['id']}.", f"Registered model {record['id']}."))
    print_record({**record, "year": str(record["year"])}, LABELS)


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
    as_json: Json = False,
) -> None:
    """Liệt kê mô hình "Dân vận khéo". / List "Dân vận khéo" models."""
    from dangdn_cli.output import print_json, print_table
    from dangdn_cli.registry import recognition

    with session() as s:
        rows = recognition.list_models(s, year=year, org_id=org)
    if as_json:
        print_json(rows)
        return
    print_table(
        rows,
        COLUMNS,
        tr(f'Mô hình "Dân vận khéo" ({len(rows)})', f'"Dân vận khéo" models ({len(rows)})'),
        formatters={"year": _year},
    )
