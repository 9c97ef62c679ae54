"""dangdn eligible --type TYPE [--as-of DATE] [--explain] [--near|--forecast|--joint]:
the enterprises that qualify to found an organisation of a type on a date,
every check explained, those close to qualifying, when they will, and the
joint party cells to propose."""

from __future__ import annotations

from typing import Annotated

import typer

from dangdn_cli import clock
from dangdn_cli.commands._common import AsOf, Json, OrgTypeHelp, day, session
from dangdn_cli.i18n import tr
from dangdn_cli.vocabulary import ORG_TYPES


def eligible(
    org_type: Annotated[
        str,
        typer.Option(
            "--type",
            metavar=OrgTypeHelp,
            help=tr(
                f"Loại tổ chức cần xét: {', '.join(ORG_TYPES)}.",
                f"Organisation type: {', '.join(ORG_TYPES)}.",
            ),
        ),
    ],
    as_of: AsOf = None,
    explain: Annotated[
        bool,
        typer.Option(
            "--explain",
            help=tr(
                "Mọi doanh nghiệp được xét, từng điều kiện: cần, có, đạt hay chưa, và vì sao.",
                "Every enterprise considered, each check: required, actual, pass or fail, and why.",
            ),
        ),
    ] = False,
    near: Annotated[
        bool,
        typer.Option(
            "--near",
            help=tr(
                "Doanh nghiệp chỉ còn thiếu về số lượng, thiếu ít nhất xếp trước.",
                "Enterprises failing only on a count, fewest missing first.",
            ),
        ),
    ] = False,
    forecast: Annotated[
        bool,
        typer.Option(
            "--forecast",
            help=tr(
                "Ngày dự kiến đủ điều kiện khi đảng viên dự bị được công nhận chính thức.",
                "The date each will qualify as probationary members become official.",
            ),
        ),
    ] = False,
    joint: Annotated[
        bool,
        typer.Option(
            "--joint",
            help=tr(
                "Đề xuất chi bộ ghép (doanh nghiệp cùng xã/phường hoặc KCN có 1–2 đảng viên).",
                "Joint party cell proposals (same commune or zone, 1–2 members each).",
            ),
        ),
    ] = False,
    as_json: Json = False,
) -> None:
    from dangdn_cli.analysis import eligibility
    from dangdn_cli.output import eligibility as printers
    from dangdn_cli.output import print_json
    from dangdn_cli.registry import organizations

    if sum((near, forecast, joint)) > 1:
        raise eligibility.ConflictingModes()
    kind = organizations.org_type(org_type)
    on = day(as_of) or clock.today()
    with session() as s:
        if joint:
            groups = eligibility.joint(s, kind, on)
        elif near:
            rows = eligibility.near(s, kind, on)
        elif forecast:
            rows = eligibility.forecast(s, kind, on, explain=explain)
        else:
            rows = eligibility.evaluate(s, kind, on, explain=explain)
    if joint and as_json:
        print_json(groups)
    elif joint:
        printers.print_joint(groups, on)
    elif as_json:
        print_json(rows)
    elif near:
        printers.print_near(rows, kind, on)
    elif forecast:
        printers.print_forecast(rows, kind, on)
    elif explain:
        printers.print_explained(rows, kind, on)
    else:
        printers.print_eligible(rows, kind, on)


def register(app: typer.Typer) -> None:
    app.command(
        "eligible",
        help=tr(
            "Doanh nghiệp đủ điều kiện thành lập tổ chức đảng, công đoàn, chi đoàn, chi hội"
            " phụ nữ, cựu chiến binh; vì sao, sắp đủ, khi nào đủ.",
            "Enterprises that qualify to found a party cell, union, youth, women's or veterans'"
            " chapter; why, which are close, and when they will.",
        ),
    )(eligible)
