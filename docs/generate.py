"""Writes the command reference from the command tree itself, so that it
cannot go stale: docs/commands.md (Vietnamese) and docs/commands.en.md
(English), every command and sub-command with its help, usage, arguments and
options. Run it after changing a command:

    python docs/generate.py          # write both files
    python docs/generate.py --check  # exit 1 if a file differs from the code

tests/test_docs.py runs the check, and fails too when a command, argument or
option has no help text in either language.

Help texts are chosen in the language of the moment the command modules are
imported, so each language is rendered by a fresh interpreter (with this
checkout's ``src`` first on the path). That interpreter runs with ``-OO``: a
help text kept only in a docstring vanishes there, as it would for a user
running ``python -OO``, and counts as missing.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
FILES = {"vi": ROOT / "docs" / "commands.md", "en": ROOT / "docs" / "commands.en.md"}
REGENERATE = "python docs/generate.py"


def render(language: str) -> tuple[str, list[str]]:
    """The reference in ``language`` (``vi`` or ``en``) and what has no help text."""
    path = os.pathsep.join(p for p in (str(ROOT / "src"), os.environ.get("PYTHONPATH")) if p)
    env = {**os.environ, "DANGDN_LANG": language, "PYTHONPATH": path, "PYTHONIOENCODING": "utf-8"}
    result = subprocess.run(
        [sys.executable, "-OO", str(Path(__file__).resolve()), "--render", language],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        check=False,
    )
    if result.returncode != 0:
        raise RuntimeError(f"rendering the {language} reference failed:\n{result.stderr}")
    answer = json.loads(result.stdout)
    return answer["markdown"], answer["missing"]


def stale() -> list[Path]:
    """The reference files that differ from what the code would write."""
    return [
        path
        for language, path in FILES.items()
        if not path.exists() or path.read_text(encoding="utf-8") != render(language)[0]
    ]


# ---------------------------------------------------------------------------
# Inside the fresh interpreter: the command tree to Markdown.


def _tree() -> tuple[Any, Any]:
    import typer.main
    from typer import _click

    from dangdn_cli.cli import app

    root = typer.main.get_command(app)
    return root, _click.Context(root, info_name="dangdn")


def _commands(command: Any, ctx: Any) -> list[tuple[Any, Any]]:
    """``command`` and every command below it, depth first, in help order."""
    from typer import _click
    from typer.core import TyperGroup

    found = [(command, ctx)]
    if isinstance(command, TyperGroup):
        for name in command.list_commands(ctx):
            sub = command.get_command(ctx, name)
            if sub is not None and not sub.hidden:
                found += _commands(sub, _click.Context(sub, info_name=name, parent=ctx))
    return found


def _params(command: Any, ctx: Any) -> list[Any]:
    return [p for p in command.get_params(ctx) if p.name != "help" and not p.hidden]


def _missing(command: Any, ctx: Any) -> list[str]:
    where = ctx.command_path
    gaps = [] if (command.help or "").strip() else [f"{where} (the command)"]
    for param in _params(command, ctx):
        if not (param.help or "").strip():
            gaps.append(f"{where} {param.opts[0] if param.opts else param.name}")
    return gaps


def _line(param: Any, ctx: Any, tr: Any) -> str:
    """One argument or option: its name and value, its help, what else --help says."""
    name, text = param.get_help_record(ctx)
    help_text = " ".join((param.help or "").split())
    extra = text[len(param.help or "") :].strip().strip("[]")
    if extra:
        extra = extra.replace("default: ", tr("mặc định: ", "default: ")).replace(
            "required", tr("bắt buộc", "required")
        )
        help_text = f"{help_text} ({extra})" if help_text else f"({extra})"
    return f"- `{name}`: {help_text}"


def _section(command: Any, ctx: Any, tr: Any) -> list[str]:
    from typer.core import TyperArgument

    path = ctx.command_path
    depth = max(2, min(path.count(" ") + 1, 4))
    lines = [f"{'#' * depth} {path}", "", " ".join((command.help or "").split()), ""]
    usage = " ".join(command.collect_usage_pieces(ctx))
    lines += ["```", f"{path} {usage}", "```", ""]
    params = _params(command, ctx)
    arguments = [p for p in params if isinstance(p, TyperArgument)]
    options = [p for p in params if not isinstance(p, TyperArgument)]
    for title, group in (
        (tr("Đối số", "Arguments"), arguments),
        (tr("Tùy chọn", "Options"), options),
    ):
        if group:
            lines += [f"{title}:", "", *(_line(p, ctx, tr) for p in group), ""]
    return lines


def _anchor(path: str) -> str:
    return path.lower().replace(" ", "-")


def markdown() -> tuple[str, list[str]]:
    """The reference in the current language, and what has no help text."""
    from dangdn_cli.i18n import tr

    root, ctx = _tree()
    commands = _commands(root, ctx)
    lines = [
        tr("# Tra cứu lệnh dangdn", "# dangdn command reference"),
        "",
        tr(
            "Tệp này được sinh từ chính các lệnh (`python docs/generate.py`); đừng sửa tay. "
            "Bản tiếng Anh: [commands.en.md](commands.en.md).",
            "This file is generated from the commands themselves (`python docs/generate.py`); "
            "do not edit it by hand. In Vietnamese: [commands.md](commands.md).",
        ),
        "",
        tr(
            "Mọi lệnh nhận `--help` (in trợ giúp của lệnh); `--lang en` in bằng tiếng Anh. "
            "Trong dòng cách dùng, `{X}` là đối số bắt buộc, `[X]` là đối số có thể bỏ.",
            "Every command takes `--help` (print the command's help); `--lang vi` prints it "
            "in Vietnamese. In a usage line `{X}` is a required argument, `[X]` one that may "
            "be left out.",
        ),
        "",
        tr("## Các lệnh", "## Commands"),
        "",
    ]
    for command, sub_ctx in commands[1:]:
        if sub_ctx.parent is ctx:
            short = command.get_short_help_str(limit=200)
            lines.append(f"- [{sub_ctx.info_name}](#{_anchor(sub_ctx.command_path)}): {short}")
    lines.append("")
    missing: list[str] = []
    for command, sub_ctx in commands:
        lines += _section(command, sub_ctx, tr)
        missing += _missing(command, sub_ctx)
    return "\n".join(lines).rstrip() + "\n", missing


def main(argv: list[str]) -> int:
    if argv[:1] == ["--render"]:
        text, missing = markdown()
        sys.stdout.write(json.dumps({"markdown": text, "missing": missing}, ensure_ascii=False))
        return 0
    if argv[:1] == ["--check"]:
        differ = stale()
        for path in differ:
            print(f"{path.relative_to(ROOT)} differs from the code; run: {REGENERATE}")
        return 1 if differ else 0
    for language, path in FILES.items():
        text, missing = render(language)
        path.write_text(text, encoding="utf-8")
        print(f"wrote {path.relative_to(ROOT)}")
        for gap in missing:
            print(f"  no help text ({language}): {gap}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
