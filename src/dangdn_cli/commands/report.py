"""dangdn report: the six-month or annual report (Word in the Party's format,
the Excel annex, Markdown, JSON or a summary on the terminal), the
multi-year review of a plan, and the fields a Word template may use."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from dangdn_cli.commands._common import Json, day, session
from dangdn_cli.errors import EmptyValue
from dangdn_cli.i18n import tr

PERIOD_HELP = tr(
    "Kỳ báo cáo: 2024H1, 2024H2, 2024, 2024Q1…Q4, 2024-05, 2024-01-01..2024-05-25 "
    "hoặc plan:MÃ (sơ kết kế hoạch).",
    "Period: 2024H1, 2024H2, 2024, 2024Q1…Q4, 2024-05, 2024-01-01..2024-05-25 "
    "or plan:CODE (a plan's review).",
)


def report(
    period: Annotated[
        str | None, typer.Option("--period", metavar="PERIOD", help=PERIOD_HELP)
    ] = None,
    plan: Annotated[
        str | None,
        typer.Option(
            "--plan",
            metavar="CODE",
            help=tr(
                "Chỉ tính chỉ tiêu và kinh phí của kế hoạch này.",
                "Only this plan's targets and funding.",
            ),
        ),
    ] = None,
    docx: Annotated[
        Path | None,
        typer.Option(
            "--docx", metavar="FILE", help=tr("Ghi báo cáo Word.", "Write the Word report.")
        ),
    ] = None,
    xlsx: Annotated[
        Path | None,
        typer.Option(
            "--xlsx", metavar="FILE", help=tr("Ghi phụ lục Excel.", "Write the Excel annex.")
        ),
    ] = None,
    md: Annotated[
        Path | None,
        typer.Option("--md", metavar="FILE", help=tr("Ghi bản Markdown.", "Write Markdown.")),
    ] = None,
    as_json: Json = False,
    template: Annotated[
        Path | None,
        typer.Option(
            "--template",
            metavar="FILE",
            help=tr(
                "Mẫu Word (.docx) của đơn vị thay cho mẫu có sẵn.",
                "Your own Word (.docx) template instead of the shipped one.",
            ),
        ),
    ] = None,
    number: Annotated[
        str | None,
        typer.Option(
            "--number",
            metavar="TEXT",
            help=tr(
                "Số văn bản, VD 12-BC/BTCHU (hoặc 12); bỏ trống để điền tay.",
                "Document number, e.g. 12-BC/BTCHU (or 12); blank to fill in by hand.",
            ),
        ),
    ] = None,
    cutoff: Annotated[
        str | None,
        typer.Option(
            "--cutoff",
            metavar="DATE",
            help=tr(
                "Chốt số liệu sớm hơn cuối kỳ (một ngày trong kỳ).",
                "End the period early (a day within it).",
            ),
        ),
    ] = None,
    notes: Annotated[
        Path | None,
        typer.Option(
            "--notes",
            metavar="FILE",
            help=tr(
                "Tệp Markdown: đoạn văn dưới tiêu đề “# Hạn chế” và “# Phương hướng”.",
                "Markdown file: paragraphs under “# Hạn chế” (shortcomings) and "
                "“# Phương hướng” (directions).",
            ),
        ),
    ] = None,
    list_fields: Annotated[
        bool,
        typer.Option(
            "--list-fields",
            help=tr(
                "In mọi trường mẫu báo cáo dùng được, kèm ý nghĩa.",
                "Print every field a template may use, with its meaning.",
            ),
        ),
    ] = False,
) -> None:
    from dangdn_cli import output, reports

    if list_fields:
        _print_fields(as_json)
        return
    if not period:
        raise EmptyValue(field=tr("Kỳ báo cáo (--period)", "The period (--period)"))

    notes_data = reports.read_notes(notes) if notes else {}
    with session() as sess:
        resolved = reports.resolve_period(sess, period, day(cutoff))
        data = reports.collect(sess, resolved, plan)
    data.notes = notes_data
    written = reports.write_outputs(
        data, docx_path=docx, xlsx_path=xlsx, md_path=md, template=template, number=number
    )
    if as_json:
        output.print_json(reports.review_json(data) if data.review else data.figures)
        return
    if written:
        for path in written:
            output.success(tr(f"Đã ghi {path}", f"Wrote {path}"))
        return
    _print_summary(data)


# The terminal summary is a quick look: long lists stop here (the files have them all).
SUMMARY_ROWS = 20


def _print_fields(as_json: bool) -> None:
    from dangdn_cli import output
    from dangdn_cli.reports.fields import TEMPLATE_FIELDS

    rows = [{"field": name, "meaning": tr(vi, en)} for name, vi, en in TEMPLATE_FIELDS]
    if as_json:
        output.print_json(rows)
        return
    from rich.table import Table

    table = Table(
        title=tr("Các trường dùng trong mẫu báo cáo", "Fields a report template may use"),
        header_style="bold",
        title_justify="left",
    )
    table.add_column(tr("Trường", "Field"), no_wrap=True)
    table.add_column(tr("Ý nghĩa", "Meaning"), overflow="fold")
    for row in rows:
        table.add_row(row["field"], row["meaning"])
    output.console.print(table)
    output.console.print(
        tr(
            "Dùng trong mẫu Word: {{ n.enterprises.active }}; lặp dòng bảng: "
            "{%tr for r in org_rows %} … {%tr endfor %}.",
            "In a Word template: {{ n.enterprises.active }}; table rows: "
            "{%tr for r in org_rows %} … {%tr endfor %}.",
        ),
        markup=False,
        style="dim",
    )


def _print_summary(data: object) -> None:
    from rich.table import Table

    from dangdn_cli import output
    from dangdn_cli.reports import markdown

    assert isinstance(data, markdown.ReportData)
    output.console.print(f"[bold]{tr('BÁO CÁO', 'REPORT')}[/bold] – {data.period.label}")
    for block in markdown.blocks(data, limit=SUMMARY_ROWS):
        if block.text:
            output.console.print(f"{block.title}: {block.text}", markup=False)
            continue
        table = Table(title=block.title, header_style="bold", title_justify="left")
        for i, header in enumerate(block.headers):
            table.add_column(
                header, justify="right" if i >= block.numeric_from else "left", overflow="fold"
            )
        for row in block.rows:
            table.add_row(*row)
        output.console.print(table)


def register(app: typer.Typer) -> None:
    app.command(
        "report",
        help=tr(
            "Báo cáo 6 tháng, năm, sơ kết kế hoạch: Word theo thể thức của Đảng, phụ lục "
            "Excel, Markdown, JSON.",
            "Six-month, annual and plan review reports: Word in the Party's format, "
            "Excel annex, Markdown, JSON.",
        ),
    )(report)
