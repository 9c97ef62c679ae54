"""The errors the reports raise: a Word template that is missing, not a .docx,
unsafe, misspelt or malformed; a notes file that cannot be read; an output
file that cannot be written (``writing`` wraps every report file's writing).
Each subclasses the base hierarchy in ``dangdn_cli.errors``, so its exit code
and kind stay those of its parent."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from dangdn_cli import errors


class TemplateMissing(errors.NotFound):
    vi = "Không tìm thấy mẫu báo cáo: {path}."
    en = "Report template not found: {path}."


class TemplateNotDocx(errors.ValidationError):
    vi = "Mẫu báo cáo {path} không phải tệp Word .docx hợp lệ."
    en = "The report template {path} is not a valid Word .docx file."


class TemplateUnsafe(errors.ValidationError):
    vi = "Mẫu báo cáo bị từ chối vì truy cập thuộc tính không an toàn: {detail}"
    en = "Report template refused: it reaches for something unsafe: {detail}"


class TemplateFieldMissing(errors.ValidationError):
    vi = "Mẫu báo cáo dùng trường không có: {detail} (xem dangdn report --list-fields)."
    en = (
        "The report template uses a field that does not exist: {detail} "
        "(see dangdn report --list-fields)."
    )


class TemplateSyntax(errors.ValidationError):
    vi = "Mẫu báo cáo sai cú pháp: {detail}"
    en = "Report template syntax error: {detail}"


class NotesUnreadable(errors.ValidationError):
    vi = "Giá trị không hợp lệ: không đọc được tệp ghi chú {path}: {reason}"
    en = "Invalid value: cannot read the notes file {path}: {reason}"


class OutputUnwritable(errors.DangdnError):
    vi = "Không ghi được tệp {path}: {reason}"
    en = "Cannot write {path}: {reason}"


@contextmanager
def writing(out: Path) -> Iterator[Path]:
    """Make the folder of ``out`` for the block that writes it; a failure to
    write (a read-only folder, a full disk) is ``OutputUnwritable``."""
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        yield out
    except OSError as exc:
        raise OutputUnwritable(path=out, reason=exc.strerror or str(exc)) from None
