"""The command reference in docs/ is generated from the command tree
(docs/generate.py): it must match the code, and every command, argument and
option must have a help text in both languages."""

from __future__ import annotations

import importlib.util
import re
from functools import cache
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[1]
LANGUAGES = ("vi", "en")


@cache
def generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("docs_generate", ROOT / "docs" / "generate.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@cache
def rendered(language: str) -> tuple[str, list[str]]:
    return generator().render(language)  # type: ignore[no-any-return]


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_command_reference_matches_the_code(language: str) -> None:
    path = generator().FILES[language]
    text, _ = rendered(language)
    assert path.exists(), f"{path.relative_to(ROOT)} is missing; run: python docs/generate.py"
    assert path.read_text(encoding="utf-8") == text, (
        f"{path.relative_to(ROOT)} differs from the commands; run: python docs/generate.py"
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_command_argument_and_option_has_a_help_text(language: str) -> None:
    _, missing = rendered(language)
    assert missing == [], f"no help text ({language}, under python -OO too): {missing}"


def test_the_reference_documents_every_command() -> None:
    text, _ = rendered("en")
    for path in ("dangdn enterprise add", "dangdn plan target set", "dangdn import members"):
        assert f"\n### {path}\n" in text or f"\n#### {path}\n" in text, path
    assert "- `--tax-code MST`: Tax code. (required)" in text


def _readme_reference() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    start = readme.index("## Command reference")
    return readme[start : readme.index("\n## ", start + 1)]


def test_the_readme_links_to_the_reference_and_names_every_command() -> None:
    section = _readme_reference()
    assert "(docs/commands.md)" in section and "(docs/commands.en.md)" in section
    text, _ = rendered("en")
    commands = re.findall(r"^- \[([a-z_]+)\]\(#", text, flags=re.MULTILINE)
    assert commands, "the reference lists no command"
    named = set(re.findall(r"`([a-z_]+)", section))
    assert [c for c in commands if c not in named] == []
