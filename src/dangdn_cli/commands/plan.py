"""dangdn plan add|list|show|update|progress|target set|target remove: the
plans with their targets (report figures to reach), founding support and
cadre caps, and the progress against them."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from dangdn_cli.commands._common import AsOf, Json, day, required_day, session
from dangdn_cli.i18n import fmt_int, fmt_money, tr
from dangdn_cli.registry.errors import BadSyntax
from dangdn_cli.vocabulary import CADRE_KIND

app = typer.Typer(
    no_args_is_help=True,
    help=tr(
        "Kế hoạch (chỉ tiêu, kinh phí hỗ trợ thành lập, cán bộ phụ trách) và tiến độ thực hiện.",
        "Plans (targets, founding support, assigned cadres) and their progress.",
    ),
)
target_app = typer.Typer(
    no_args_is_help=True,
    help=tr("Thêm, sửa, xóa chỉ tiêu của kế hoạch.", "Set or remove a plan's targets."),
)
app.add_typer(target_app, name="target")

Code = Annotated[
    str, typer.Argument(metavar="CODE", help=tr("Số hiệu kế hoạch, VD 83-KH/HU.", "Plan code."))
]
Targets = Annotated[
    list[str] | None,
    typer.Option(
        "--target",
        metavar="FIGURE=VALUE",
        help=tr(
            "Chỉ tiêu: tên số liệu của báo cáo và giá trị (lặp lại), VD "
            "organizations.party.founded=5, union_coverage.rate=0.9.",
            "A target: a report figure and its value (repeatable), e.g. "
            "organizations.party.founded=5, union_coverage.rate=0.9.",
        ),
    ),
]
Funding = Annotated[
    list[str] | None,
    typer.Option(
        "--funding",
        metavar="TYPE=AMOUNTxCOUNT",
        help=tr(
            "Hỗ trợ thành lập: mức cho mỗi tổ chức (đồng) và số tổ chức tối đa (lặp lại), "
            "VD party=20000000x5.",
            "Founding support: VND per organisation and the most it pays for (repeatable), "
            "e.g. party=20000000x5.",
        ),
    ),
]
Caps = Annotated[
    list[str] | None,
    typer.Option(
        "--cadre-cap",
        metavar="KIND=N",
        help=tr(
            "Số cán bộ phụ trách tối đa: full_time (chuyên trách) hoặc part_time (kiêm nhiệm), "
            "VD full_time=3 (lặp lại).",
            "The most cadres assigned: full_time or part_time, e.g. full_time=3 (repeatable).",
        ),
    ),
]
Title = Annotated[str | None, typer.Option("--title", help=tr("Tên kế hoạch.", "Plan title."))]
Issuer = Annotated[
    str | None,
    typer.Option("--issuer", help=tr("Cơ quan ban hành, VD Huyện ủy.", "Issuing body.")),
]

LABELS = {
    "code": ("Số hiệu", "Code"),
    "title": ("Tên kế hoạch", "Title"),
    "issuer": ("Cơ quan ban hành", "Issuer"),
    "start": ("Từ ngày", "From"),
    "end": ("Đến ngày", "To"),
    "targets": ("Chỉ tiêu", "Targets"),
    "funding": ("Hỗ trợ thành lập", "Founding support"),
    "cadre_caps": ("Cán bộ phụ trách tối đa", "Cadre caps"),
    "cadres": ("Cán bộ đã phân công", "Cadres assigned"),
}


def _plan_view(record: dict[str, Any]) -> dict[str, Any]:
    from dangdn_cli.output.plans import type_label, value_text

    view = dict(record)
    view["targets"] = "\n".join(
        f"{t['figure']} = {value_text(t['figure'], t['value'])}" for t in record["targets"]
    )
    view["funding"] = "\n".join(
        f"{type_label(f['type'])}: {fmt_money(f['amount'])} × {fmt_int(f['max_count'])}"
        for f in record["funding"]
    )
    view["cadre_caps"] = ", ".join(
        f"{CADRE_KIND.label(k)}: {fmt_int(v)}" for k, v in record["cadre_caps"].items()
    )
    return view


def _print_plan(record: dict[str, Any], as_json: bool, message: str | None = None) -> None:
    from dangdn_cli.output import print_record_or_json

    shown = None if as_json else _plan_view(record)
    print_record_or_json(record, as_json, LABELS, message, shown=shown)


@app.command(
    help=tr(
        "Thêm kế hoạch với chỉ tiêu, kinh phí hỗ trợ và số cán bộ tối đa.",
        "Add a plan with its targets, founding support and cadre caps.",
    )
)
def add(
    code: Annotated[
        str,
        typer.Option(
            "--code", help=tr("Số hiệu kế hoạch, VD 83-KH/HU.", "Plan code, e.g. 83-KH/HU.")
        ),
    ],
    title: Annotated[str, typer.Option("--title", help=tr("Tên kế hoạch.", "Plan title."))],
    start: Annotated[
        str,
        typer.Option(
            "--start", metavar="DATE", help=tr("Ngày bắt đầu thực hiện.", "First day of the plan.")
        ),
    ],
    end: Annotated[
        str,
        typer.Option(
            "--end", metavar="DATE", help=tr("Ngày kết thúc (tính cả ngày này).", "Last day.")
        ),
    ],
    target: Targets = None,
    funding: Funding = None,
    cadre_cap: Caps = None,
    issuer: Issuer = None,
    as_json: Json = False,
) -> None:
    from dangdn_cli.registry import plans

    with session(write=True) as s:
        record = plans.add(
            s,
            code,
            title,
            required_day(start, "--start"),
            required_day(end, "--end"),
            target or [],
            funding or [],
            cadre_cap or [],
            issuer,
        )
    _print_plan(
        record, as_json, tr(f"Đã thêm kế hoạch {record['code']}.", f"Added plan {record['code']}.")
    )


@app.command("list", help=tr("Liệt kê các kế hoạch.", "List plans."))
def list_(as_json: Json = False) -> None:
    from dangdn_cli.output import print_table_or_json
    from dangdn_cli.registry import plans

    with session() as s:
        rows = plans.list_(s)
    print_table_or_json(
        rows,
        as_json,
        [
            ("code", "Số hiệu", "Code"),
            ("title", "Tên kế hoạch", "Title"),
            ("start", "Từ ngày", "From"),
            ("end", "Đến ngày", "To"),
            ("targets", "Số chỉ tiêu", "Targets"),
            ("cadres", "Cán bộ", "Cadres"),
        ],
        tr(f"Kế hoạch ({len(rows)})", f"Plans ({len(rows)})"),
        shown=[{**r, "targets": len(r["targets"])} for r in rows],
    )


@app.command(help=tr("Xem một kế hoạch.", "Show a plan."))
def show(code: Code, as_json: Json = False) -> None:
    from dangdn_cli.registry import plans

    with session() as s:
        record = plans.show(s, code)
    _print_plan(record, as_json)


@app.command(
    help=tr(
        "Sửa kế hoạch (các loại hỗ trợ, cán bộ được nêu thì thay thế).",
        "Update a plan (funding and caps given replace those of the same type or kind).",
    )
)
def update(
    code: Code,
    title: Title = None,
    issuer: Issuer = None,
    start: Annotated[
        str | None,
        typer.Option("--start", metavar="DATE", help=tr("Ngày bắt đầu mới.", "New first day.")),
    ] = None,
    end: Annotated[
        str | None,
        typer.Option("--end", metavar="DATE", help=tr("Ngày kết thúc mới.", "New last day.")),
    ] = None,
    funding: Funding = None,
    cadre_cap: Caps = None,
    as_json: Json = False,
) -> None:
    from dangdn_cli.registry import plans

    with session(write=True) as s:
        record = plans.update(
            s, code, title, issuer, day(start), day(end), funding or [], cadre_cap or []
        )
    _print_plan(
        record, as_json, tr(f"Đã cập nhật kế hoạch {record['code']}.", f"Updated plan {code}.")
    )


@target_app.command(
    "set", help=tr("Đặt (thêm hoặc sửa) một chỉ tiêu.", "Set (add or change) a target.")
)
def target_set(
    code: Code,
    figure: Annotated[
        str,
        typer.Argument(
            metavar="FIGURE[=VALUE]",
            help=tr("Tên số liệu (hoặc FIGURE=VALUE).", "Figure name (or FIGURE=VALUE)."),
        ),
    ],
    value: Annotated[
        str | None,
        typer.Argument(metavar="VALUE", help=tr("Giá trị chỉ tiêu.", "Target value.")),
    ] = None,
    as_json: Json = False,
) -> None:
    from dangdn_cli.registry import plans

    if value is None:
        name, sep, raw = figure.partition("=")
        if not sep:
            raise BadSyntax(option="FIGURE", value=figure, form="FIGURE=VALUE")
        figure, value = name, raw
    with session(write=True) as s:
        record = plans.set_target(s, code, figure, value)
    _print_plan(
        record,
        as_json,
        tr(
            f"Đã đặt chỉ tiêu {figure.strip()} cho kế hoạch {record['code']}.",
            f"Set target {figure.strip()} of plan {record['code']}.",
        ),
    )


@target_app.command("remove", help=tr("Xóa một chỉ tiêu.", "Remove a target."))
def target_remove(
    code: Code,
    figure: Annotated[str, typer.Argument(metavar="FIGURE", help=tr("Tên số liệu.", "Figure."))],
    as_json: Json = False,
) -> None:
    from dangdn_cli.registry import plans

    with session(write=True) as s:
        record = plans.remove_target(s, code, figure)
    _print_plan(
        record,
        as_json,
        tr(
            f"Đã xóa chỉ tiêu {figure.strip()} của kế hoạch {record['code']}.",
            f"Removed target {figure.strip()} of plan {record['code']}.",
        ),
    )


@app.command(
    help=tr(
        "Tiến độ thực hiện chỉ tiêu và kinh phí hỗ trợ thành lập.",
        "Progress against the targets, and the founding support due.",
    )
)
def progress(
    code: Annotated[
        str | None,
        typer.Argument(
            metavar="[CODE]",
            help=tr(
                "Số hiệu kế hoạch (bỏ trống: mọi kế hoạch đã bắt đầu).",
                "Plan code (omit for every plan that has started).",
            ),
        ),
    ] = None,
    as_of: AsOf = None,
    as_json: Json = False,
) -> None:
    from dangdn_cli.analysis import progress
    from dangdn_cli.output import console, print_json
    from dangdn_cli.output.plans import print_progress

    with session() as s:
        if code is not None:
            results = [progress.progress(s, code, day(as_of))]
        else:
            results = progress.progress_all(s, day(as_of))
    if as_json:
        print_json(results[0] if code is not None else results)
        return
    if not results:
        console.print(tr("(chưa có kế hoạch nào đã bắt đầu)", "(no plan has started)"), style="dim")
    for result in results:
        print_progress(result)
