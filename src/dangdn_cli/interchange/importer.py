"""Running an import: the kinds of sheet and their importers, the run itself
(read, check, write, in one transaction) and the rejects sheet. The steps
are described in ``import_base``."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session

from dangdn_cli import errors, validate
from dangdn_cli.i18n import tr
from dangdn_cli.interchange import columns
from dangdn_cli.interchange.cells import parser, unneutralise
from dangdn_cli.interchange.errors import (
    DryRunRejected,
    ImportRejected,
    RejectsOverInput,
    UnsupportedExport,
)
from dangdn_cli.interchange.exporter import SUFFIXES, SheetWriter
from dangdn_cli.interchange.import_base import (
    BATCH,
    ON_CONFLICT,
    REPORT_PROBLEMS,
    Importer,
    Mapping,
    Options,
    Progress,
    empty_row,
    find_header,
    text_of,
)
from dangdn_cli.interchange.import_enterprises import EnterpriseImporter
from dangdn_cli.interchange.import_members import MemberImporter
from dangdn_cli.interchange.import_orgs import OrgImporter
from dangdn_cli.interchange.read import Row, Source, open_source
from dangdn_cli.registry import audit

KINDS: dict[str, type[Importer]] = {
    "enterprises": EnterpriseImporter,
    "members": MemberImporter,
    "orgs": OrgImporter,
}


def run(
    session: Session,
    kind: str,
    path: Path,
    options: Options | None = None,
    progress: Progress | None = None,
) -> dict[str, Any]:
    """Import ``path`` as a sheet of ``kind``; returns the report.

    Raises ``ImportRejected`` (with ``.report``) when a row is bad and
    ``skip_bad`` is off: the caller's transaction is then rolled back.
    """
    options = options or Options()
    kind = columns.sheet_kind(kind)
    options.on_conflict = (
        validate.choice(options.on_conflict, ON_CONFLICT, "--on-conflict") or "error"
    )
    if options.rejects is not None:
        if options.rejects.suffix.lower() not in SUFFIXES:
            raise UnsupportedExport(suffix=options.rejects.suffix or options.rejects.name)
        if options.rejects.resolve() == path.resolve():
            raise RejectsOverInput(path=path.name)
    source = open_source(path, options.sheet, options.encoding)
    try:
        rows = source.rows()
        mapping = find_header(kind, rows, path)
        importer = KINDS[kind](session, options, mapping)
        importer.create()
        total = _load(importer, source, rows, progress)
    finally:
        source.close()
    importer.index()
    importer.check()
    importer.flush_problems()
    bad = importer.bad_rows()
    if bad:
        importer.reject_problem_rows()
    counts = importer.action_counts()
    report: dict[str, Any] = {
        "type": kind,
        "file": str(path),
        "sheet": source.sheet,
        "reader": source.reader,
        "header_row": mapping.header_row,
        "dry_run": options.dry_run,
        "on_conflict": options.on_conflict,
        "as_of": options.as_of,
        "rows": total,
        "new": counts.get("new", 0) + counts.get("add", 0),
        "updated": counts.get("update", 0),
        "unchanged": counts.get("same", 0),
        "skipped": counts.get("skip", 0),
        "rejected": bad,
        "written": False,
        "ignored_columns": mapping.ignored,
        "rejects_file": str(options.rejects) if options.rejects else None,
        "problems": _problems(importer),
        "problems_total": int(
            importer.conn.execute(sa.select(sa.func.count()).select_from(importer.problem)).scalar()
            or 0
        ),
    }
    if options.rejects is not None:
        write_rejects(importer, path, options, mapping)
    if bad and not options.skip_bad:
        error_class = DryRunRejected if options.dry_run else ImportRejected
        error = error_class(bad=bad, rows=total)
        error.report = report
        raise error
    if not options.dry_run and report["new"] + report["updated"]:
        if progress is not None:
            progress(total, 1.0, "write")
        written = importer.write()
        report["written"] = True
        audit.record(
            session,
            "import",
            importer.entity,
            path.name,
            after={
                "file": str(path),
                "type": kind,
                "rows": total,
                **{k: report[k] for k in ("new", "updated", "unchanged", "skipped", "rejected")},
                **written,
                "on_conflict": options.on_conflict,
                "as_of": options.as_of,
            },
        )
    importer.drop()
    return report


def _load(
    importer: Importer, source: Source, rows: Iterator[Row], progress: Progress | None
) -> int:
    parsers = [(i, col, parser(col)) for i, col in importer.mapping.columns]
    batch: list[dict[str, Any]] = []
    total = 0
    for row_no, cells in rows:
        if empty_row(cells):
            continue
        total += 1
        values: dict[str, Any] = {}
        bad = False
        width = len(cells)
        for i, col, parse in parsers:
            raw = cells[i] if i < width else None
            try:
                values[col.key] = parse(raw)
            except errors.DangdnError as exc:
                values[col.key] = None
                bad = True
                importer.flag_error(row_no, col.key, raw, exc)
        staged = importer.stage_row(row_no, values, bad)
        staged["row_no"] = row_no
        batch.append(staged)
        if len(batch) >= BATCH:
            importer.insert_rows(importer.stage, batch)
            batch = []
            if progress is not None:
                progress(total, source.fraction(), "read")
    if batch:
        importer.insert_rows(importer.stage, batch)
    importer.flush_problems()
    if progress is not None:
        progress(total, 1.0, "check")
    return total


def _problems(importer: Importer) -> list[dict[str, Any]]:
    p = importer.problem.c
    rows = importer.conn.execute(
        sa.select(p.row_no, p.col, p.value, p.reason)
        .order_by(p.row_no, p.seq)
        .limit(REPORT_PROBLEMS)
    )
    return [{"row": r, "column": c, "value": v, "reason": why} for r, c, v, why in rows]


def write_rejects(importer: Importer, path: Path, options: Options, mapping: Mapping) -> None:
    """Write the bad rows back as they were, with the reasons, to fix and re-import.

    The file is read again and merged with the problems by row number, so
    nothing but one row is held in memory.
    """
    assert options.rejects is not None
    p = importer.problem.c
    reasons = importer.conn.execute(sa.select(p.row_no, p.col, p.reason).order_by(p.row_no, p.seq))
    pending = reasons.fetchone()
    width = max((i for i, c in enumerate(mapping.header_cells) if text_of(c)), default=0) + 1
    headers = [text_of(c) for c in mapping.header_cells[:width]]
    headers += [tr("Lý do lỗi", "Reason"), tr("Dòng gốc", "Source row")]
    widths = [max(10, min(40, len(h) + 4)) for h in headers[:-2]] + [60, 10]
    source = open_source(path, options.sheet, options.encoding)
    try:
        with SheetWriter(options.rejects, headers, widths, tr("Dòng lỗi", "Rejected rows")) as out:
            for row_no, cells in source.rows():
                if pending is None:
                    break
                if row_no < pending.row_no:
                    continue
                why: list[str] = []
                while pending is not None and pending.row_no == row_no:
                    why.append(
                        f"{pending.col}: {pending.reason}" if pending.col else pending.reason
                    )
                    pending = reasons.fetchone()
                padded = [
                    unneutralise(c) if isinstance(c, str) else c
                    for c in (list(cells) + [None] * width)[:width]
                ]
                out.write([*padded, " ".join(why), row_no])
    finally:
        reasons.close()
        source.close()


def show_columns(kind: str) -> list[dict[str, Any]]:
    return columns.describe(kind)
