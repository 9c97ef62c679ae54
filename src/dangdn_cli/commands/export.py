"""dangdn export enterprises|members|orgs FILE [--as-of DATE] [--reveal]: the
registry as of a date in the columns the importer reads, to .csv or .xlsx."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from dangdn_cli import clock
from dangdn_cli.commands._common import AsOf, Json, Reveal, day, session
from dangdn_cli.i18n import fmt_date, fmt_int, tr

app = typer.Typer(
    no_args_is_help=True,
    help=tr(
        "Xuất bảng doanh nghiệp, thành viên, tổ chức ra .csv hoặc .xlsx (nhập lại được).",
        "Export enterprises, members or organisations to .csv or .xlsx (re-importable).",
    ),
)

File = Annotated[
    Path,
    typer.Argument(
        metavar="FILE",
        help=tr(
            "Tệp cần ghi: .csv (UTF-8 có BOM) hoặc .xlsx, theo đuôi tệp.",
            "The file to write: .csv (UTF-8 with BOM) or .xlsx, by extension.",
        ),
    ),
]


def _export(kind: str, file: Path, as_of: str | None, reveal: bool, as_json: bool) -> None:
    from dangdn_cli.interchange import exporter
    from dangdn_cli.output import print_json, success

    on = day(as_of) or clock.today()
    with session() as s:
        result = exporter.export(s, kind, file, on, reveal)
    if as_json:
        print_json(result)
        return
    success(
        tr(
            f"Đã xuất {fmt_int(result['rows'])} dòng (tính đến ngày {fmt_date(on)}) ra {file}.",
            f"Exported {fmt_int(result['rows'])} rows (as of {fmt_date(on)}) to {file}.",
        )
    )


@app.command(
    help=tr("Xuất danh sách doanh nghiệp tại một ngày.", "Export the enterprises as of a date.")
)
def enterprises(
    file: File, as_of: AsOf = None, reveal: Reveal = False, as_json: Json = False
) -> None:
    _export("enterprises", file, as_of, reveal, as_json)


@app.command(
    help=tr(
        "Xuất danh sách thành viên tại một ngày. Số CCCD bị che trừ khi có --reveal; bảng "
        "đã che không nhập lại được số CCCD.",
        "Export the members as of a date. Citizen IDs are masked unless --reveal; a masked "
        "sheet cannot bring them back.",
    )
)
def members(file: File, as_of: AsOf = None, reveal: Reveal = False, as_json: Json = False) -> None:
    _export("members", file, as_of, reveal, as_json)


@app.command(
    help=tr(
        "Xuất danh sách tổ chức đảng, đoàn thể tại một ngày.",
        "Export the organisations as of a date.",
    )
)
def orgs(file: File, as_of: AsOf = None, reveal: Reveal = False, as_json: Json = False) -> None:
    _export("orgs", file, as_of, reveal, as_json)
