"""Top-level commands: ``init`` (create or upgrade the registry, print where
it is) and ``log`` (the audit log of changes, in the officer's local time)."""

from datetime import timezone
from typing import Annotated, Any

import typer

from dangdn_cli import db
from dangdn_cli.commands._common import AsOf, Json, day, session
from dangdn_cli.i18n import tr
from dangdn_cli.vocabulary import label


def init() -> None:
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
            metavar="N",
            min=1,
            help=tr("Số thay đổi gần nhất cần in.", "How many recent changes to print."),
        ),
    ] = 20,
    as_of: AsOf = None,
    as_json: Json = False,
) -> None:
    from dangdn_cli.output import print_table_or_json
    from dangdn_cli.registry import admin

    with session() as s:
        rows = admin.log(s, limit, day(as_of))
    shown = [
        {
            **row,
            "change": " ".join(
                part
                for part in (
                    label("action", row["action"]),
                    label("entity", row["entity"]),
                    row["entity_id"],
                )
                if part
            ),
            "command": row["command"].removeprefix("dangdn "),
        }
        for row in rows
    ]
    print_table_or_json(
        rows,
        as_json,
        [
            ("id", "Số", "No."),
            ("at", "Thời gian", "Time"),
            ("os_user", "Người dùng", "User"),
            ("change", "Thay đổi", "Change"),
            ("command", "Lệnh dangdn", "dangdn command"),
        ],
        tr("Nhật ký thay đổi", "Audit log"),
        formatters={"at": _local_time},
        shown=shown,
    )


def _local_time(value: Any) -> str:
    # Stored in UTC; shown in the officer's local time.
    if value.tzinfo is None:
        value = value.replace(tzinfo=timezone.utc)
    return str(value.astimezone().strftime("%d/%m/%Y %H:%M"))


def register(app: typer.Typer) -> None:
    app.command(
        help=tr(
            "Tạo hoặc nâng cấp sổ đăng ký; in nơi lưu.",
            "Create or upgrade the registry; print where it is.",
        )
    )(init)
    app.command(help=tr("Nhật ký thay đổi.", "The audit log of changes."))(log)
