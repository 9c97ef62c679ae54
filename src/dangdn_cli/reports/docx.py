"""The Word report: a docxtpl template rendered in a Jinja sandbox.

The shipped template is an ordinary .docx an officer can edit; ``--template``
takes their own. Templates render in an ``ImmutableSandboxedEnvironment`` with
autoescape (a company named ``A & B <Việt Nam>`` prints as it is) and
``StrictUndefined`` (a misspelt field is an error, not a silent blank); what a
template must not do (``{{ ''.__class__ }}``) is one clear error line.
"""

from __future__ import annotations

import io
import zipfile
from importlib import resources
from pathlib import Path
from typing import Any

from dangdn_cli.i18n import tr
from dangdn_cli.reports.errors import (
    TemplateFieldMissing,
    TemplateMissing,
    TemplateNotDocx,
    TemplateSyntax,
    TemplateUnsafe,
    writing,
)

TEMPLATE_NAME = "bao-cao.docx"


def shipped_template(name: str = TEMPLATE_NAME) -> Path:
    """The template shipped with the package (wheel: ``dangdn_cli/templates``;
    editable install: the repository's ``templates/``)."""
    packaged = resources.files("dangdn_cli") / "templates" / name
    if packaged.is_file():
        return Path(str(packaged))
    repo = Path(__file__).resolve().parents[3] / "templates" / name
    if repo.is_file():
        return repo
    raise TemplateMissing(path=name)


def _check_template(path: Path) -> None:
    if not path.is_file():
        raise TemplateMissing(path=path)
    if not zipfile.is_zipfile(path):
        raise TemplateNotDocx(path=path)
    with zipfile.ZipFile(path) as archive:
        if "word/document.xml" not in archive.namelist():
            raise TemplateNotDocx(path=path)


def sandbox() -> Any:
    from jinja2 import StrictUndefined
    from jinja2.sandbox import ImmutableSandboxedEnvironment

    return ImmutableSandboxedEnvironment(autoescape=True, undefined=StrictUndefined)


def render(
    context: dict[str, Any],
    out: Path,
    template: Path | None = None,
    chart_png: bytes | None = None,
    chart_width_mm: float = 150,
) -> Path:
    """Render ``context`` into ``out`` (.docx) from ``template`` (default: the
    shipped one); ``chart_png`` becomes the ``chart`` picture."""
    from docx.shared import Mm
    from docxtpl import DocxTemplate, InlineImage
    from jinja2 import TemplateSyntaxError, UndefinedError
    from jinja2.exceptions import SecurityError, TemplateError

    path = template or shipped_template()
    _check_template(path)
    try:
        doc = DocxTemplate(str(path))
        doc.init_docx()
    except Exception as exc:  # a corrupt package: python-docx raises many kinds
        raise TemplateNotDocx(path=path) from exc
    context = dict(context)
    if chart_png:
        context["chart"] = InlineImage(doc, io.BytesIO(chart_png), width=Mm(chart_width_mm))
    try:
        doc.render(context, jinja_env=sandbox(), autoescape=True)
    except SecurityError as exc:
        raise TemplateUnsafe(detail=str(exc)) from None
    except UndefinedError as exc:
        raise TemplateFieldMissing(detail=str(exc)) from None
    except TemplateSyntaxError as exc:
        # docxtpl keeps the text around the error; XML line numbers mean nothing.
        near = " ".join(t.strip() for t in getattr(exc, "docx_context", []) if t.strip())
        where = tr(f"gần: {near[:120]}", f"near: {near[:120]}") if near else ""
        raise TemplateSyntax(detail=f"{exc.message} {where}".strip()) from None
    except TemplateError as exc:
        raise TemplateSyntax(detail=str(exc)) from None
    out = Path(out)
    with writing(out):
        doc.save(str(out))
    return out
