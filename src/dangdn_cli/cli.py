"""The root command. Sub-command groups live in ``commands/`` and are joined
here; one handler turns every DangdnError into a red line and exit code 1."""

from __future__ import annotations

import importlib
import sys
from collections.abc import Sequence
from typing import Annotated, Any

import typer

# Typer vendors Click; its exception classes live there.
from typer._click.exceptions import ClickException, NoArgsIsHelpError, UsageError
from typer.core import TyperGroup

from dangdn_cli import __version__, i18n
from dangdn_cli import db as database
from dangdn_cli.errors import DangdnError, InvalidChoice
from dangdn_cli.i18n import tr


def _preselect_lang(argv: list[str]) -> None:
    # Help texts are built before options are parsed, so read --lang early.
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            i18n.set_lang(argv[i + 1])
        elif arg.startswith("--lang="):
            i18n.set_lang(arg.split("=", 1)[1])


_preselect_lang(sys.argv)


class HandledGroup(TyperGroup):
    """Turns our errors (and pydantic's) into one red line on stderr and exit 1,
    and usage errors into one line and exit 2."""

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        windows_expand_args: bool = True,
        **kwargs: Any,
    ) -> Any:
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, False, windows_expand_args, **kwargs)
        try:
            result = super().main(
                args, prog_name, complete_var, False, windows_expand_args, **kwargs
            )
        except NoArgsIsHelpError as exc:
            # The help is printed already: Typer's rich help prints itself
            # while Click builds this error.
            sys.exit(exc.exit_code)
        except UsageError as exc:
            hint = f" ({tr('xem', 'see')} {exc.ctx.command_path} --help)" if exc.ctx else ""
            _print_error(f"{tr('Lỗi cú pháp', 'Usage error')}: {exc.format_message()}{hint}")
            sys.exit(exc.exit_code)
        except ClickException as exc:
            _print_error(exc.format_message())
            sys.exit(exc.exit_code)
        except typer.Abort:
            _print_error(tr("Đã hủy.", "Aborted."))
            sys.exit(1)
        # Click hands back typer.Exit's code instead of exiting when not standalone.
        sys.exit(result if isinstance(result, int) else 0)

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except DangdnError as exc:
            _fail(exc.message(), exc.exit_code)
        except Exception as exc:
            if type(exc).__name__ == "ValidationError" and hasattr(exc, "errors"):
                first = exc.errors()[0]
                where = ".".join(str(p) for p in first.get("loc", ()))
                _fail(
                    f"{tr('Giá trị không hợp lệ', 'Invalid value')}: {where}: {first.get('msg')}", 1
                )
            raise


def _print_error(message: str) -> None:
    from dangdn_cli.output import err_console

    err_console.print(message, style="red", markup=False, soft_wrap=True)


def _fail(message: str, code: int) -> None:
    _print_error(message)
    raise typer.Exit(code)


app = typer.Typer(
    name="dangdn",
    cls=HandledGroup,
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    help=tr(
        "Sổ đăng ký xây dựng tổ chức đảng, đoàn thể trong doanh nghiệp ngoài khu vực nhà nước.",
        "A registry for building party and mass organisations in non-state enterprises.",
    ),
)


def _version(value: bool) -> None:
    if value:
        print(f"dangdn {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    db: Annotated[
        str | None,
        typer.Option(
            "--db",
            help=tr(
                "Tệp sổ đăng ký hoặc URL SQLAlchemy "
                "(mặc định: biến DANGDN_DB, rồi thư mục ứng dụng).",
                "Registry file or SQLAlchemy URL (default: DANGDN_DB, then the app directory).",
            ),
            metavar="PATH_OR_URL",
        ),
    ] = None,
    lang: Annotated[
        str | None,
        typer.Option(
            "--lang",
            help=tr(
                "Ngôn ngữ: vi hoặc en (mặc định: DANGDN_LANG, rồi vi).",
                "Language: vi or en (default: DANGDN_LANG, then vi).",
            ),
            metavar="vi|en",
        ),
    ] = None,
    version: Annotated[
        bool,
        typer.Option(
            "--version",
            callback=_version,
            is_eager=True,
            help=tr("In phiên bản rồi thoát.", "Print the version and exit."),
        ),
    ] = False,
) -> None:
    if lang is not None and lang not in i18n.LANGUAGES:
        i18n.set_lang(None)
        raise InvalidChoice(field="--lang", value=lang, choices="vi, en")
    i18n.set_lang(lang)
    database.set_db_option(db)


# Command modules, in help order. A module exposes ``register(app)`` for
# top-level commands, or ``app`` (a Typer group) joined under its ``NAME``.
COMMAND_MODULES = (
    "core",
    "demo",
    "db",
    "profile",
    "enterprise",
    "org",
    "member",
    "person",
    "candidate",
    "eligible",
    "rules",
    "plan",
    "cadre",
    "report",
    "due",
    "visit",
    "activity",
    "rating",
    "award",
    "model",
    "import_",
    "export",
)


def _register() -> None:
    for name in COMMAND_MODULES:
        module = importlib.import_module(f"dangdn_cli.commands.{name}")
        if hasattr(module, "register"):
            module.register(app)
        else:
            app.add_typer(module.app, name=getattr(module, "NAME", name))


_register()


def main() -> None:
    app()
