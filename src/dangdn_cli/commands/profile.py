"""dangdn profile set|show: the issuing body's details a report's letterhead
and signature read (superior body, symbol, place, signer…)."""

from typing import Annotated

import typer

from dangdn_cli.commands._common import Json, session
from dangdn_cli.i18n import tr

app = typer.Typer(
    no_args_is_help=True,
    help=tr("Thông tin cơ quan ban hành cho báo cáo.", "The issuing body's details for reports."),
)


@app.command(
    "set",
    help=tr(
        "Đặt một mục hồ sơ.",
        "Set a profile entry.",
    ),
)
def set_(
    key: Annotated[
        str, typer.Argument(help=tr("Khóa (xem profile show).", "Key (see profile show)."))
    ],
    value: Annotated[str, typer.Argument(help=tr("Giá trị.", "Value."))],
    as_json: Json = False,
) -> None:
    from dangdn_cli.output import print_json, success
    from dangdn_cli.registry import admin

    with session(write=True) as s:
        entry = admin.profile_set(s, key, value)
    if as_json:
        print_json(entry)
    else:
        success(f"{entry['key']} = {entry['value']}")


@app.command(
    help=tr(
        "Xem hồ sơ.",
        "Show the profile.",
    ),
)
def show(as_json: Json = False) -> None:
    from dangdn_cli.output import print_json, print_table
    from dangdn_cli.registry import admin

    with session() as s:
        profile = admin.profile_show(s)
    if as_json:
        print_json(profile)
        return
    rows = [
        {"key": k, "meaning": tr(*admin.PROFILE_KEYS[k]), "value": v} for k, v in profile.items()
    ]
    print_table(
        rows,
        [("key", "Khóa", "Key"), ("meaning", "Ý nghĩa", "Meaning"), ("value", "Giá trị", "Value")],
        tr("Hồ sơ cơ quan", "Profile"),
    )
