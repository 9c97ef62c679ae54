"""Top-level commands: init and log."""

from __future__ import annotations

from typing import Annotated

import typer

from dangdn_cli.commands._common import Json, session
from dangdn_cli.i18n import tr


def init() -> None:
    """Tạo hoặc nâng cấp sổ đăng ký; in nơi lưu. / Create or upgrade the registry; print where it is."""
    from dangdn_cli import db
    from dangdn_cli.output import console

    before, after = db.upgrade()
    if before is None:
        console.print(
            tr(
                f"Đã tạo sổ đăng ký (phiên bản {after}):",
                f"Created the registry (version {after}):",
            )
        )
    elif before != after:
        console.print(
            tr(
                f"Đã nâng cấp sổ đăng ký {before} → {after}:",
                f"Upgraded the registry {before} → {after}:",
            )
        )
    else:
        console.print(
            tr(
                f"Sổ đăng ký đã ở phiên bản mới nhất ({after}):",
                f"The registry is up to date ({after}):",
            )
        )
    print(db.describe())


def log(
    limit: Annotated[
        int,
        typer.Option(
            "--limit",
            min=1,
            help=tr("Số thay đổi gần nhất cần in.", "How many recent changes to print."),
        ),
    ] = 20,
    as_json: Json = False,
) -> None:
    """Nhật ký thay đổi. / The audit log of changes."""
    from dangdn_cli.output import print_json, print_table
    from dangdn_cli.services import admin

    with session() as s:
        rows = admin.log(s, limit)
    if as_json:
        print_json(rows)
        return
    print_table(
        rows,
        [
            ("id", "Số", "No."),
            ("at", "Thời gian", "Time"),
            ("os_user", "Người dùng", "User"),
            ("action", "Thao tác", "Action"),
            ("entity", "Đối tượng", "Entity"),
            ("entity_id", "Mã", "Id"),
            ("command", "Lệnh", "Command"),
        ],
        tr("Nhật ký thay đổi", "Audit log"),
        formatters={"at": lambda v: v.strftime("%Y-%m-%d %H:%M:%S")},
    )


def register(app: typer.Typer) -> None:
    app.command()(init)
    app.command()(log)
