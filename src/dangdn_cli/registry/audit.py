"""The audit log: every change, with time, OS user, command, before and after."""

from __future__ import annotations

import getpass
import json
import shlex
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from dangdn_cli import clock

if TYPE_CHECKING:
    from sqlmodel import Session


def _os_user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no login name in some containers
        return "unknown"


def _command() -> str:
    return shlex.join(["dangdn", *sys.argv[1:]])


def _dump(value: Any) -> str | None:
    if value is None:
        return None
    return json.dumps(value, ensure_ascii=False, default=str, sort_keys=True)


def record(
    session: Session,
    action: str,
    entity: str,
    entity_id: Any = None,
    before: Any = None,
    after: Any = None,
) -> None:
    """Add an audit row in the caller's transaction (so it rolls back with it)."""
    from dangdn_cli.models import AuditLog

    session.add(
        AuditLog(
            at=clock.now(),
            os_user=_os_user(),
            command=_command(),
            action=action,
            entity=entity,
            entity_id=None if entity_id is None else str(entity_id),
            before=_dump(before),
            after=_dump(after),
        )
    )


def added(
    session: Session,
    row: Any,
    entity: str,
    show: Callable[[Any], dict[str, Any]],
    links: Callable[[Any], list[Any]] | None = None,
) -> dict[str, Any]:
    """Insert a new record ``row`` (and the rows ``links`` makes from its id,
    which link it to others), read it back with ``show`` (given its id) and
    audit that as what was added; return it."""
    session.add(row)
    session.flush()
    if links is not None:
        session.add_all(links(row.id))
        session.flush()
    shown = show(row.id)
    record(session, "add", entity, row.id, after=shown)
    return shown
