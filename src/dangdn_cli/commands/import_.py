"""dangdn import enterprises|members|orgs FILE … and dangdn import
--show-columns TYPE: officers' sheets read into the registry in one checked
transaction (a progress bar on a terminal, the bad rows and why on stderr),
and the column names each kind of sheet may use."""

from __future__ import annotations

from contextlib import nullcontext
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from dangdn_cli.commands._common import AsOf, Json, OrgTypeHelp, day, session
from dangdn_cli.i18n import fmt_int, tr
from dangdn_cli.interchange import columns

if TYPE_CHECKING:
    from dangdn_cli.interchange.import_base import Progress

NAME = "import"
TABLE_PROBLEMS = 50  # rows of the problem table on stderr; --rejects has them all

app = typer.Typer(
    help=tr(
        "Nhập bảng doanh nghiệp, thành viên, tổ chức từ tệp .csv hoặc .xlsx.",
        "Import enterprises, members or organisations from a .csv or .xlsx file.",
    ),
)

File = Annotated[
    Path,
    typer.Argument(
        metavar="FILE",
        help=tr("Tệp .csv hoặc .xlsx cần nhập.", "The .csv or .xlsx file to import."),
    ),
]
DryRun = Annotated[
    bool,
    typer.Option(
        "--dry-run",
        help=tr("Chỉ kiểm tra và báo cáo, không ghi gì.", "Check and report only; write nothing."),
    ),
]
Rejects = Annotated[
    Path | None,
    typer.Option(
        "--rejects",
        metavar="FILE",
        help=tr(
            "Ghi các dòng lỗi (kèm lý do) ra tệp .csv/.xlsx để sửa rồi nhập lại.",
            "Write the bad rows (with reasons) to a .csv/.xlsx file to fix and re-import.",
        ),
    ),
]
Sheet = Annotated[
    str | None,
    typer.Option(
        "--sheet",
        metavar="NAME",
        help=tr("Trang tính cần đọc (mặc định trang đầu).", "The sheet to read (default: first)."),
    ),
]
OnConflict = Annotated[
    str,
    typer.Option(
        "--on-conflict",
        metavar="update|skip|error",
        help=tr(
            "Khi một dòng khác với sổ đăng ký: error báo lỗi (mặc định), skip bỏ qua, update "
            "ghi thông tin mới có ngày hiệu lực (giữ lịch sử).",
            "When a row differs from the registry: error (default), skip, or update (record "
            "the new values as dated facts, history kept).",
        ),
    ),
]
SkipBad = Annotated[
    bool,
    typer.Option(
        "--skip-bad",
        help=tr(
            "Ghi các dòng hợp lệ, bỏ qua các dòng lỗi (mặc định: một dòng lỗi thì không ghi gì).",
            "Write the good rows and leave the bad ones (default: one bad row writes nothing).",
        ),
    ),
]
Encoding = Annotated[
    str | None,
    typer.Option(
        "--encoding",
        metavar="ENC",
        help=tr(
            "Bảng mã của tệp CSV (mặc định utf-8, có hoặc không BOM; Windows-1258: cp1258).",
            "CSV encoding (default utf-8 with or without BOM; Windows-1258: cp1258).",
        ),
    ),
]
ImportAsOf = Annotated[
    str | None,
    typer.Option(
        "--as-of",
        metavar="DATE",
        help=tr(
            "Ngày hiệu lực của thông tin nhập (mặc định: ngày thành lập với doanh nghiệp mới, "
            "hôm nay với thông tin cập nhật).",
            "Date the imported facts take effect (default: the founding date for new "
            "enterprises, today for updates).",
        ),
    ),
]


@app.callback(
    invoke_without_command=True,
    help=tr(
        "Nhập bảng doanh nghiệp, thành viên, tổ chức từ tệp .csv hoặc .xlsx. Mọi dòng được "
        "kiểm tra trước khi ghi; một dòng lỗi thì không ghi gì (trừ khi --skip-bad).",
        "Import enterprises, members or organisations from a .csv or .xlsx file. Every row "
        "is checked before anything is written; one bad row writes nothing (unless --skip-bad).",
    ),
)
def main(
    ctx: typer.Context,
    show_columns: Annotated[
        str | None,
        typer.Option(
            "--show-columns",
            metavar="enterprises|members|orgs",
            help=tr(
                "Liệt kê các tên cột được nhận ra cho loại bảng này.",
                "List the column names recognised for this type of sheet.",
            ),
        ),
    ] = None,
    as_json: Json = False,
) -> None:
    if show_columns is not None:
        _show_columns(show_columns, as_json)
        raise typer.Exit()
    if ctx.invoked_subcommand is None:
        typer.echo(ctx.get_help())
        raise typer.Exit()


def _show_columns(kind: str, as_json: bool) -> None:
    from dangdn_cli.output import console, print_json, print_table

    rows = columns.describe(kind)
    if as_json:
        print_json(rows)
        return
    print_table(
        [
            {
                **r,
                "names": "; ".join(r["names"]),
                "required": tr("có", "yes") if r["required"] else "",
            }
            for r in rows
        ],
        [
            ("header", "Cột (khi xuất)", "Column (as exported)"),
            ("names", "Các tên được nhận ra", "Names recognised"),
            ("values", "Giá trị", "Values"),
            ("required", "Bắt buộc", "Required"),
        ],
        tr(f"Các cột của bảng {kind}", f"Columns of a {kind} sheet"),
    )
    console.print(
        tr(
            "Tên cột không phân biệt hoa thường, có dấu hay không dấu; dòng tiêu đề có thể nằm "
            "dưới vài dòng tên bảng.",
            "Names match in any case, with or without diacritics; the header row may sit "
            "below a few title lines.",
        ),
        style="dim",
    )


def _progress_bar(enabled: bool) -> Any:
    """A Rich progress bar on stderr when it is a terminal, else nothing."""
    from dangdn_cli.output import err_console

    if not enabled or not err_console.is_terminal:
        return nullcontext(None)
    from rich.progress import BarColumn, Progress, TaskProgressColumn, TextColumn, TimeElapsedColumn

    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        TaskProgressColumn(),
        TextColumn("{task.fields[rows]}"),
        TimeElapsedColumn(),
        console=err_console,
        transient=True,
    )


def _run(
    kind: str,
    *,
    file: Path,
    dry_run: bool,
    rejects: Path | None,
    sheet: str | None,
    on_conflict: str,
    as_of: str | None,
    skip_bad: bool,
    encoding: str | None,
    as_json: bool,
    member_type: str | None = None,
) -> None:
    """One import, from the options every import command takes, by name (each
    command passes its ``locals()``)."""
    from dangdn_cli.interchange import importer

    options = importer.Options(
        dry_run=dry_run,
        skip_bad=skip_bad,
        on_conflict=on_conflict,
        as_of=day(as_of),
        sheet=sheet,
        encoding=encoding,
        rejects=rejects,
        member_type=member_type,
    )
    with _progress_bar(not as_json) as bar:
        progress: Progress | None = None
        if bar is not None:
            task = bar.add_task(tr("Đang đọc", "Reading"), total=1.0, rows="")

            phases = {
                "read": tr("Đang đọc", "Reading"),
                "check": tr("Đang kiểm tra", "Checking"),
                "write": tr("Đang ghi", "Writing"),
            }

            def progress(rows: int, fraction: float | None, phase: str) -> None:
                bar.update(
                    task,
                    description=phases.get(phase, phase),
                    completed=fraction or 0,
                    rows=tr(f"{fmt_int(rows)} dòng", f"{fmt_int(rows)} rows"),
                )

        try:
            with session(write=not dry_run) as s:
                report = importer.run(s, kind, file, options, progress)
        except importer.ImportRejected as exc:
            if bar is not None:
                bar.stop()
            _print(exc.report, as_json, rejected=True)
            raise
    _print(report, as_json)


def _print(report: dict[str, Any], as_json: bool, rejected: bool = False) -> None:
    from dangdn_cli.output import console, err_console, print_json, success, table

    if as_json:
        print_json(report)
        return
    if report["ignored_columns"]:
        err_console.print(
            tr("Bỏ qua các cột không nhận ra: ", "Ignored unrecognised columns: ")
            + ", ".join(report["ignored_columns"]),
            style="yellow",
            markup=False,
        )
    problems = report["problems"]
    if problems:
        shown = problems[:TABLE_PROBLEMS]
        err_console.print(
            table(
                shown,
                [
                    ("row", "Dòng", "Row"),
                    ("column", "Cột", "Column"),
                    ("value", "Giá trị", "Value"),
                    ("reason", "Lý do", "Reason"),
                ],
                tr(
                    f"Các dòng lỗi ({fmt_int(report['rejected'])})",
                    f"Bad rows ({fmt_int(report['rejected'])})",
                ),
                formatters={"row": str},
            )
        )
        more = report["problems_total"] - len(shown)
        if more > 0:
            err_console.print(
                tr(f"… và {fmt_int(more)} lỗi khác.", f"… and {fmt_int(more)} more."),
                style="dim",
            )
    if report["rejects_file"]:
        err_console.print(
            tr(
                f"Đã ghi {fmt_int(report['rejected'])} dòng lỗi vào {report['rejects_file']}.",
                f"Wrote {fmt_int(report['rejected'])} bad rows to {report['rejects_file']}.",
            ),
            markup=False,
        )
    counts = tr(
        f"{fmt_int(report['rows'])} dòng: {fmt_int(report['new'])} mới, "
        f"{fmt_int(report['updated'])} cập nhật, {fmt_int(report['unchanged'])} không đổi, "
        f"{fmt_int(report['skipped'])} bỏ qua, {fmt_int(report['rejected'])} lỗi.",
        f"{fmt_int(report['rows'])} rows: {fmt_int(report['new'])} new, "
        f"{fmt_int(report['updated'])} updated, {fmt_int(report['unchanged'])} unchanged, "
        f"{fmt_int(report['skipped'])} skipped, {fmt_int(report['rejected'])} bad.",
    )
    name = Path(report["file"]).name
    if report["dry_run"]:
        console.print(
            tr(
                f"Chạy thử {name} (không ghi gì): {counts}",
                f"Dry run of {name} (nothing written): {counts}",
            ),
            markup=False,
        )
    elif not rejected:
        success(tr(f"Đã nhập {name}: {counts}", f"Imported {name}: {counts}"))


@app.command(
    help=tr(
        "Nhập danh sách doanh nghiệp (khóa: mã số thuế).",
        "Import a list of enterprises (key: the tax code).",
    )
)
def enterprises(
    file: File,
    dry_run: DryRun = False,
    rejects: Rejects = None,
    sheet: Sheet = None,
    on_conflict: OnConflict = "error",
    as_of: ImportAsOf = None,
    skip_bad: SkipBad = False,
    encoding: Encoding = None,
    as_json: Json = False,
) -> None:
    _run("enterprises", **locals())


@app.command(
    help=tr(
        "Nhập danh sách đảng viên, đoàn viên, hội viên (doanh nghiệp phải có trong sổ).",
        "Import a list of members (their enterprises must be in the registry).",
    )
)
def members(
    file: File,
    member_type: Annotated[
        str | None,
        typer.Option(
            "--type",
            metavar=OrgTypeHelp,
            help=tr(
                "Loại thành viên khi bảng không có cột Loại thành viên.",
                "Membership type when the sheet has no type column.",
            ),
        ),
    ] = None,
    dry_run: DryRun = False,
    rejects: Rejects = None,
    sheet: Sheet = None,
    on_conflict: OnConflict = "error",
    as_of: AsOf = None,
    skip_bad: SkipBad = False,
    encoding: Encoding = None,
    as_json: Json = False,
) -> None:
    _run("members", **locals())


@app.command(
    help=tr(
        "Nhập danh sách tổ chức đảng, đoàn thể (doanh nghiệp phải có trong sổ).",
        "Import a list of organisations (their enterprises must be in the registry).",
    )
)
def orgs(
    file: File,
    dry_run: DryRun = False,
    rejects: Rejects = None,
    sheet: Sheet = None,
    on_conflict: OnConflict = "error",
    as_of: AsOf = None,
    skip_bad: SkipBad = False,
    encoding: Encoding = None,
    as_json: Json = False,
) -> None:
    _run("orgs", **locals())
