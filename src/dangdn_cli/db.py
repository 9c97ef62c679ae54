"""Where the registry lives, how to connect, and its schema migrations.

Location: ``--db``, then ``DANGDN_DB``, then ``dangdn.db`` in the user's
application directory. A value containing ``://`` is a SQLAlchemy URL
(e.g. ``postgresql+psycopg://…``). No engine exists until a command asks.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from dangdn_cli import errors
from dangdn_cli.i18n import tr

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection, Engine
    from sqlmodel import Session

MIGRATIONS = Path(__file__).parent / "migrations" / "versions"
BUSY_TIMEOUT_MS = 10_000

_db_option: str | None = None
_engines: dict[str, Engine] = {}


def set_db_option(value: str | None) -> None:
    global _db_option
    _db_option = value


def default_path() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir("dangdn", appauthor=False)) / "dangdn.db"


def location() -> str:
    """The registry's location as given (a path or URL), before defaults."""
    return _db_option or os.environ.get("DANGDN_DB") or str(default_path())


def url_for(where: str) -> str:
    if "://" in where:
        return where
    return f"sqlite:///{Path(where).expanduser().resolve()}"


def is_sqlite(url: str) -> bool:
    return url.startswith("sqlite")


def sqlite_path(url: str | None = None) -> Path | None:
    url = url or url_for(location())
    if not is_sqlite(url):
        return None
    return Path(url.split(":///", 1)[1])


def describe() -> str:
    """Where the registry is, for people: a file path or the URL without password."""
    url = url_for(location())
    path = sqlite_path(url)
    if path is not None:
        return str(path)
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)


def _configure_sqlite(engine: Engine) -> None:
    from sqlalchemy import event

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy's BEGIN below, not pysqlite, open transactions.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Connection) -> None:
        # Writers take the lock up front, so two officers never deadlock mid-write.
        immediate = connection.get_execution_options().get("dangdn_write", False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def engine(url: str | None = None) -> Engine:
    from sqlalchemy import create_engine

    url = url or url_for(location())
    if url not in _engines:
        path = sqlite_path(url)
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
        eng = create_engine(url, future=True)
        if is_sqlite(url):
            _configure_sqlite(eng)
        _engines[url] = eng
    return _engines[url]


def dispose_all() -> None:
    for eng in _engines.values():
        eng.dispose()
    _engines.clear()


def head_revision() -> str:
    """The newest migration: files are numbered ``0001_…``, ``0002_…`` in order.

    Read from the file names so that opening a registry need not import Alembic.
    """
    return max(p.name[:4] for p in MIGRATIONS.glob("[0-9][0-9][0-9][0-9]_*.py"))


def current_revision(eng: Engine) -> str | None:
    from sqlalchemy import inspect, text

    with eng.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def alembic_config(url: str) -> Any:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(Path(__file__).parent / "migrations"))
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


def upgrade(url: str | None = None) -> tuple[str | None, str]:
    """Create or upgrade the schema to the newest migration. Returns (before, after)."""
    from alembic import command

    url = url or url_for(location())
    eng = engine(url)
    before = current_revision(eng)
    head = head_revision()
    if before != head:
        config = alembic_config(url)
        with eng.begin() as conn:
            config.attributes["connection"] = conn
            command.upgrade(config, "head")
    return before, head


def ready_engine() -> Engine:
    """The engine of the registry, created or upgraded if needed."""
    url = url_for(location())
    eng = engine(url)
    try:
        revision = current_revision(eng)
    except Exception as exc:  # a file that is not a database, a server that is down
        raise errors.RegistryError(detail=str(exc).splitlines()[0]) from exc
    if revision != head_revision():
        upgrade(url)
    return eng


@contextmanager
def session(write: bool = False) -> Iterator[Session]:
    """One transaction: committed if the block succeeds, rolled back otherwise.

    Writes begin with ``BEGIN IMMEDIATE`` on SQLite.
    """
    from sqlalchemy.exc import IntegrityError, OperationalError
    from sqlmodel import Session

    eng = ready_engine()
    with eng.connect() as conn:
        if write:
            conn = conn.execution_options(dangdn_write=True)
        with Session(bind=conn, expire_on_commit=False, autoflush=True) as sess:
            try:
                with conn.begin():
                    yield sess
                    sess.flush()
            except IntegrityError as exc:
                raise errors.Conflict(detail=_first_line(exc.orig)) from exc
            except OperationalError as exc:
                if "locked" in str(exc.orig):
                    raise errors.RegistryError(
                        detail=tr(
                            "sổ đăng ký đang bận, hãy thử lại", "the registry is busy, try again"
                        )
                    ) from exc
                raise


def _first_line(exc: Any) -> str:
    return str(exc).splitlines()[0] if str(exc) else type(exc).__name__
