"""dangdn cadre add|list: the cadres assigned under a plan (full-time or
part-time, within the plan's caps) to the enterprises in their charge."""

from __future__ import annotations

from typing import Annotated

import typer

from dangdn_cli.commands._common import AsOf, Json, codes, day, label_of, required_day, session
from dangdn_cli.i18n import tr
from dangdn_cli.vocabulary import CADRE_KIND

app = typer.Typer(
    no_args_is_help=True,
    help=tr("Cán bộ được phân công phụ trách theo kế hoạch.", "Cadres assigned under a plan."),
)

COLUMNS = [
    ("id", "Mã", "Id"),
    ("plan", "Kế hoạch", "Plan"),
    ("name", "Họ và tên", "Name"),
    ("kind", "Loại", "Kind"),
    ("from_on", "Từ ngày", "From"),
    ("to_on", "Đến ngày (không tính)", "Until (excl.)"),
    ("enterprises", "Doanh nghiệp phụ trách", "Enterprises"),
]


_kind = label_of("cadre_kind")


@app.command(
    help=tr(
        "Phân công cán bộ theo kế hoạch (trong giới hạn số cán bộ tối đa).",
        "Assign a cadre under a plan (within its caps).",
    )
)
def add(
    name: Annotated[str, typer.Option("--name", help=tr("Họ và tên cán bộ.", "Cadre's name."))],
    kind: Annotated[
        str,
        typer.Option(
            "--kind",
            metavar=codes(CADRE_KIND),
            help=tr("Chuyên trách hoặc kiêm nhiệm.", "Full-time or part-time."),
        ),
    ],
    plan: Annotated[
        str, typer.Option("--plan", metavar="CODE", help=tr("Số hiệu kế hoạch.", "Plan code."))
    ],
    from_: Annotated[
        str,
        typer.Option("--from", metavar="DATE", help=tr("Ngày bắt đầu phân công.", "First day.")),
    ],
    to: Annotated[
        str | None,
        typer.Option(
            "--to",
            metavar="DATE",
            help=tr(
                "Ngày thôi phân công (từ ngày này không còn phụ trách).",
                "The day the assignment ends (not included).",
            ),
        ),
    ] = None,
    enterprise: Annotated[
        list[str] | None,
        typer.Option(
            "--enterprise",
            metavar="MST",
            help=tr("Doanh nghiệp phụ trách (lặp lại).", "Enterprise in charge (repeatable)."),
        ),
    ] = None,
    as_json: Json = False,
) -> None:
    from dangdn_cli.output import print_json, print_table, success
    from dangdn_cli.registry import cadres

    with session(write=True) as s:
        record = cadres.add_cadre(
            s,
            name,
            kind,
            plan,
            required_day(from_, "--from"),
            day(to),
            enterprise or [],
        )
    if as_json:
        print_json(record)
        return
    success(
        tr(
            f"Đã phân công cán bộ {record['name']} ({_kind(record['kind'])}) "
            f"theo kế hoạch {record['plan']}.",
            f"Assigned {record['name']} ({_kind(record['kind'])}) under plan {record['plan']}.",
        )
    )
    print_table([record], COLUMNS, formatters={"kind": _kind})


@app.command(
    "list",
    help=tr(
        "Liệt kê cán bộ được phân công (--as-of: chỉ người đang phụ trách ngày đó).",
        "List cadre assignments (--as-of: only those in force that day).",
    ),
)
def list_(
    plan: Annotated[
        str | None,
        typer.Option("--plan", metavar="CODE", help=tr("Chỉ kế hoạch này.", "Only this plan.")),
    ] = None,
    as_of: AsOf = None,
    as_json: Json = False,
) -> None:
    from dangdn_cli.output import print_table_or_json
    from dangdn_cli.registry import cadres

    with session() as s:
        rows = cadres.list_cadres(s, plan, day(as_of))
    print_table_or_json(
        rows,
        as_json,
        COLUMNS,
        tr(f"Cán bộ phụ trách ({len(rows)})", f"Cadres ({len(rows)})"),
        formatters={"kind": _kind},
    )
