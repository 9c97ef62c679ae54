"""dangdn model add|list: the "Dân vận khéo" (skilled mass mobilisation)
models organisations register each year, and their list."""

from typing import Annotated

import typer

from dangdn_cli.commands._common import Json, required, session
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


@app.command(
    help=tr('Đăng ký mô hình "Dân vận khéo".', 'Register a "Dân vận khéo" model.'),
)
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
    from dangdn_cli.output import print_record_or_json
    from dangdn_cli.registry import recognition

    org_id = required(org, tr("Mã tổ chức (--org)", "Organisation id (--org)"))
    year = required(year, tr("Năm (--year)", "Year (--year)"))
    with session(write=True) as s:
        record = recognition.add_model(s, org_id, year, name)
    message = tr(f"Đã đăng ký mô hình {record['id']}.", f"Registered model {record['id']}.")
    shown = {**record, "year": str(record["year"])}
    print_record_or_json(record, as_json, LABELS, message, shown=shown)


@app.command("list", help=tr('Liệt kê mô hình "Dân vận khéo".', 'List "Dân vận khéo" models.'))
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
    from dangdn_cli.output import as_text, print_table_or_json
    from dangdn_cli.registry import recognition

    with session() as s:
        rows = recognition.list_models(s, year=year, org_id=org)
    print_table_or_json(
        rows,
        as_json,
        COLUMNS,
        tr(f'Mô hình "Dân vận khéo" ({len(rows)})', f'"Dân vận khéo" models ({len(rows)})'),
        formatters={"year": as_text},
    )
