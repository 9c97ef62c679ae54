"""dangdn db path|check|backup|restore: the registry file itself, where it is,
whether it is sound, and its online backup and restore."""

from pathlib import Path
from typing import Annotated

import typer

from dangdn_cli import db
from dangdn_cli.commands._common import Json
from dangdn_cli.errors import RegistryError
from dangdn_cli.i18n import tr

app = typer.Typer(
    no_args_is_help=True,
    help=tr(
        "Tệp sổ đăng ký: vị trí, kiểm tra, sao lưu, khôi phục.",
        "The registry file: path, check, backup, restore.",
    ),
)


BackupFile = Annotated[Path, typer.Argument(help=tr("Tệp sao lưu.", "Backup file."))]


@app.command(
    help=tr(
        "In nơi lưu sổ đăng ký.",
        "Print where the registry is.",
    ),
)
def path() -> None:
    print(db.describe())


@app.command(
    help=tr(
        "Kiểm tra toàn vẹn và khóa ngoại.",
        "Check integrity and foreign keys.",
    ),
)
def check(as_json: Json = False) -> None:
    from dangdn_cli.output import print_json, success
    from dangdn_cli.registry import admin

    result = admin.check()
    if as_json:
        print_json(result)
    elif result["ok"]:
        success(
            tr(
                "Sổ đăng ký toàn vẹn: integrity_check ok, foreign_key_check không lỗi.",
                "The registry is sound: integrity_check ok, no foreign key errors.",
            )
        )
    if not result["ok"]:
        raise RegistryError(
            detail=f"integrity_check: {'; '.join(result['integrity'])}; "
            f"foreign_key_check: {len(result['foreign_keys'])}"
        )


@app.command(
    help=tr(
        "Sao lưu sổ đăng ký (an toàn khi đang dùng).",
        "Back up the registry (safe while in use).",
    ),
)
def backup(file: BackupFile) -> None:
    from dangdn_cli.output import success
    from dangdn_cli.registry import admin

    target = admin.backup(file)
    success(tr(f"Đã sao lưu vào {target}", f"Backed up to {target}"))


@app.command(
    help=tr(
        "Khôi phục sổ đăng ký từ bản sao lưu.",
        "Restore the registry from a backup.",
    ),
)
def restore(file: BackupFile) -> None:
    from dangdn_cli.output import success
    from dangdn_cli.registry import admin

    target = admin.restore(file)
    success(tr(f"Đã khôi phục {target} từ {file}", f"Restored {target} from {file}"))
