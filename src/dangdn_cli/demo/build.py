"""The demo: a fresh registry built from the fictional district in
``examples/district/`` (found in the installed package or the repository),
loaded by the loaders of ``loaders.py`` in one transaction into a new folder,
then summarised, with who qualifies for an organisation, each plan's progress
and the sample report files."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime
from importlib.resources import files
from pathlib import Path
from typing import Any

from sqlmodel import Session, col, select

from dangdn_cli import clock, db
from dangdn_cli.analysis import eligibility, progress
from dangdn_cli.demo import errors as demo_errors
from dangdn_cli.demo.loaders import load
from dangdn_cli.demo.sample_reports import write_demo_reports
from dangdn_cli.demo.summary import summarize
from dangdn_cli.models import Plan

__all__ = ["build", "default_out_dir", "examples_dir", "load", "registry_at", "summarize"]

DISTRICT = "district"
REGISTRY_NAME = "dangdn.db"
# The period the example district's activity is recorded in.
DEMO_REPORT_PERIOD = "2024H1"


def examples_dir(name: str = DISTRICT) -> Path:
    """The examples folder: inside the installed package (wheels carry
    ``dangdn_cli/examples``), else the repository's ``examples/`` (editable
    installs)."""
    packaged = Path(str(files("dangdn_cli"))) / "examples" / name
    if packaged.is_dir():
        return packaged
    repository = Path(__file__).resolve().parents[3] / "examples" / name
    if repository.is_dir():
        return repository
    raise demo_errors.ExamplesMissing(path=str(repository))


@contextmanager
def registry_at(path: Path) -> Iterator[None]:
    """Point every session at ``path`` for the duration (the user's own
    registry is not touched)."""
    previous = db._db_option
    db.set_db_option(str(path))
    try:
        yield
    finally:
        db.dispose_all()
        db.set_db_option(previous)


def default_out_dir(now: datetime | None = None) -> Path:
    """A new folder ``dangdn-demo-YYYYMMDD-HHMMSS`` (local time) here."""
    now = now or clock.now().astimezone()
    return Path.cwd() / f"dangdn-demo-{now:%Y%m%d-%H%M%S}"


def build(out_dir: Path | str | None = None, examples: Path | None = None) -> dict[str, Any]:
    """Build a fresh registry from the examples in ``out_dir`` (default: a new
    folder ``dangdn-demo-YYYYMMDD-HHMMSS`` in the current directory) and
    summarise it as of today. Refuses to load into an existing, non-empty
    registry file.

    Returns ``out_dir``, ``registry``, ``examples``, ``loaded`` (rows per
    file), ``as_of``, ``summary``, ``eligibility``, ``plans`` (each plan's
    progress), ``reports`` (the files written) and ``seconds``."""
    started = time.perf_counter()
    out = Path(out_dir) if out_dir is not None else default_out_dir()
    out = out.expanduser().resolve()
    registry = out / REGISTRY_NAME
    if registry.exists() and registry.stat().st_size > 0:
        raise demo_errors.RegistryNotEmpty(path=str(registry))
    folder = examples or examples_dir()
    if not folder.is_dir():
        raise demo_errors.ExamplesMissing(path=str(folder))
    out.mkdir(parents=True, exist_ok=True)
    on = clock.today()
    result: dict[str, Any] = {
        "out_dir": str(out),
        "registry": str(registry),
        "examples": str(folder),
        "as_of": on,
    }
    with registry_at(registry):
        db.upgrade()
        with db.session(write=True) as session:
            result["loaded"] = load(session, folder)
        with db.session() as session:
            result["summary"] = summarize(session, on)
            _extend(session, result, out, on)
    result["seconds"] = round(time.perf_counter() - started, 2)
    return result


def _extend(session: Session, result: dict[str, Any], out: Path, on: date) -> None:
    """What the demo shows beyond the summary: who qualifies (and who is
    close), each plan's progress, and the report files."""
    result["eligibility"] = eligibility.demo_summary(session, on)
    codes = session.exec(select(Plan.code).order_by(col(Plan.start_on))).all()
    result["plans"] = [progress.progress(session, code, on) for code in codes]
    written = write_demo_reports(session, out, period=DEMO_REPORT_PERIOD)
    result["reports"] = [str(path) for path in written]
