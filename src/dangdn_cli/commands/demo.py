"""dangdn demo [--out DIR]: a fresh registry of a fictional district, and its
summary: what it holds, who qualifies, the plans' progress, the sample
reports written, and how to try it."""

import shlex
from pathlib import Path
from typing import Annotated, Any

import typer

from dangdn_cli.commands._common import Json
from dangdn_cli.i18n import fmt_date, fmt_int, tr
from dangdn_cli.vocabulary import ORG_TYPES, label


def demo(
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            metavar="DIR",
            help=tr(
                "Thư mục tạo sổ đăng ký mẫu (mặc định: thư mục mới dangdn-demo-… tại đây).",
                "Folder for the demo registry (default: a new dangdn-demo-… folder here).",
            ),
        ),
    ] = None,
    as_json: Json = False,
) -> None:
    """Build a demo registry of a fictional district and summarise it."""
    from dangdn_cli.demo import build as service
    from dangdn_cli.output import print_json

    result = service.build(out)
    if as_json:
        print_json(result)
        return
    print_demo_summary(result)
    print_extensions(result)
    print_next_steps(result)


def print_extensions(result: dict[str, Any]) -> None:
    """Eligibility, plan progress and the report files written."""
    from dangdn_cli.output import console
    from dangdn_cli.output.eligibility import print_demo_summary as print_eligibility
    from dangdn_cli.output.plans import print_progress

    print_eligibility(result["eligibility"], result["as_of"])
    for progress in result["plans"]:
        print_progress(progress)
    console.print(tr("Báo cáo mẫu (6 tháng đầu năm 2024):", "Sample report (first half of 2024):"))
    for path in result["reports"]:
        console.print(f"  {path}", markup=False, soft_wrap=True)


def print_demo_summary(result: dict[str, Any]) -> None:
    from dangdn_cli.output import print_summary, print_table, success

    summary = result["summary"]
    success(
        tr(
            f"Đã tạo sổ đăng ký mẫu của một huyện hư cấu trong {result['seconds']} giây.",
            f"Built the demo registry of a fictional district in {result['seconds']} s.",
        )
    )
    ent, workers = summary["enterprises"], summary["workers"]
    print_summary(
        tr(
            f"Tổng quan (tính đến ngày {fmt_date(result['as_of'])})",
            f"Overview (as of {fmt_date(result['as_of'])})",
        ),
        [
            (tr("Doanh nghiệp đang hoạt động", "Active enterprises"), ent["active"]),
            (tr("Doanh nghiệp đã đóng", "Closed enterprises"), ent["closed"]),
            (tr("Người lao động", "Workers"), workers["total"]),
            (tr("Lao động có việc làm ổn định", "Workers on stable contracts"), workers["stable"]),
        ],
    )
    party = summary["party"]
    rows = []
    for kind in ORG_TYPES:
        members = fmt_int(summary["members"][kind])
        if kind == "party":
            official, probationary = fmt_int(party["official"]), fmt_int(party["probationary"])
            members += (
                f" ({official} {label('party_status', 'official')},"
                f" {probationary} {label('party_status', 'probationary')})"
            )
        rows.append(
            {
                "type": label("org_type", kind, capital=True),
                "count": summary["organizations"][kind],
                "members": members,
            }
        )
    print_table(
        rows,
        [
            ("type", "Loại", "Type"),
            ("count", "Tổ chức", "Organisations"),
            ("members", "Thành viên (người)", "Members (persons)"),
        ],
        tr("Tổ chức và thành viên", "Organisations and members"),
    )
    print_table(
        [
            {"stage": label("stage", stage, capital=True), "count": count}
            for stage, count in summary["candidates"].items()
        ],
        [("stage", "Giai đoạn đã đạt", "Stage reached"), ("count", "Số người", "Persons")],
        tr("Quần chúng ưu tú", "Candidates"),
    )


def print_next_steps(result: dict[str, Any]) -> None:
    from dangdn_cli.output import console

    registry = shlex.quote(result["registry"])
    console.print(
        tr("Sổ đăng ký mẫu:", "Demo registry:"), result["registry"], markup=False, soft_wrap=True
    )
    console.print(
        tr(
            "Dùng thử (chỉ lệnh này, sổ đăng ký của bạn không bị đụng tới):",
            "Try it (this command only; your own registry is left alone):",
        )
    )
    console.print(f"  DANGDN_DB={registry} dangdn enterprise list", markup=False, soft_wrap=True)
    console.print(
        tr(
            "hoặc cho cả phiên làm việc (Windows: set DANGDN_DB=…):",
            "or for the whole session (Windows: set DANGDN_DB=…):",
        )
    )
    console.print(f"  export DANGDN_DB={registry}", markup=False, soft_wrap=True)
    console.print("  dangdn enterprise list --without party", markup=False, soft_wrap=True)
    console.print("  dangdn org list --type party", markup=False, soft_wrap=True)
    console.print("  dangdn member list --type party", markup=False, soft_wrap=True)
    console.print("  dangdn candidate list", markup=False, soft_wrap=True)


def register(app: typer.Typer) -> None:
    app.command(
        "demo",
        help=tr(
            "Tạo sổ đăng ký mẫu (một huyện hư cấu) và in tóm tắt.",
            "Build a demo registry (a fictional district) and print a summary.",
        ),
    )(demo)
