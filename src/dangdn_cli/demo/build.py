"""The demo: a fresh registry built from the fictional district in
``examples/district/``, loaded through the same service functions the
commands use, in one transaction.

Each CSV file has one loader, registered with ``@loads("file.csv")``; files
load in the order their loaders are defined (enterprises before their
organisations, organisations before members…). Adding a data file means
adding one function here. A CSV file without a loader is an error, so no
data is silently left out.
"""

from __future__ import annotations

import csv
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any

from sqlmodel import Session

from dangdn_cli import errors, validate
from dangdn_cli.analysis import progress
from dangdn_cli.demo import fieldwork
from dangdn_cli.registry import cadres

DISTRICT = "district"
REGISTRY_NAME = "dangdn.db"

Row = dict[str, str]


@dataclass
class Context:
    """What loaders share: the session and the ids behind the files' keys."""

    session: Session
    orgs: dict[str, int] = field(default_factory=dict)  # organizations.csv key -> id
    persons: dict[str, int] = field(default_factory=dict)  # members.csv person -> id
    plans: dict[str, int] = field(default_factory=dict)  # plan code -> id

    def org(self, key: str) -> int | None:
        """The id of an organisation by its key in organizations.csv ("" -> None)."""
        if not key:
            return None
        if key not in self.orgs:
            raise KeyError(f"organizations.csv has no key {key!r}")
        return self.orgs[key]


Loader = Callable[[Context, Row], None]
LOADERS: dict[str, Loader] = {}
# Loaders of several files at once (from another service), run after the
# row loaders: (file names, function(ctx, folder) -> rows loaded per file).
FolderLoader = Callable[[Context, Path], dict[str, int]]
FOLDER_LOADERS: list[tuple[tuple[str, ...], FolderLoader]] = []


def loads(file_name: str) -> Callable[[Loader], Loader]:
    """Register the loader of one CSV file of the examples: a function called
    with each row (a dict of its cells), in file order."""

    def register(function: Loader) -> Loader:
        LOADERS[file_name] = function
        return function

    return register


def loads_files(*file_names: str) -> Callable[[FolderLoader], FolderLoader]:
    """Register a loader of several CSV files that reads the folder itself."""

    def register(function: FolderLoader) -> FolderLoader:
        FOLDER_LOADERS.append((file_names, function))
        return function

    return register


# Reading CSV cells ---------------------------------------------------------


def text(row: Row, key: str) -> str | None:
    value = (row.get(key) or "").strip()
    return value or None


def day(row: Row, key: str) -> date | None:
    return validate.parse_date(text(row, key))


def number(row: Row, key: str) -> int | None:
    value = text(row, key)
    return None if value is None else int(value)


def flag(row: Row, key: str) -> bool | None:
    """x / yes / có / 1 / true -> True; no / không / 0 / false -> False; empty -> None."""
    value = text(row, key)
    if value is None:
        return None
    return value.lower() in ("x", "yes", "có", "co", "1", "true")


# Loaders, in load order ----------------------------------------------------


@loads("profile.csv")
def load_profile(ctx: Context, row: Row) -> None:
    from dangdn_cli.registry import admin

    admin.profile_set(ctx.session, row["key"], row["value"])


def _enterprise_fields(row: Row) -> dict[str, Any]:
    unstable, violation = flag(row, "unstable"), flag(row, "law_violation")
    return {
        "name": text(row, "name"),
        "sector": text(row, "sector"),
        "address": text(row, "address"),
        "commune": text(row, "commune"),
        "district": text(row, "district"),
        "province": text(row, "province"),
        "zone": text(row, "zone"),
        "founded_on": day(row, "founded"),
        "owner_name": text(row, "owner"),
        "workers": number(row, "workers"),
        "stable_workers": number(row, "stable_workers"),
        "female_workers": number(row, "female_workers"),
        "young_workers": number(row, "young_workers"),
        "stable_operation": None if unstable is None else not unstable,
        "law_compliant": None if violation is None else not violation,
    }


@loads("enterprises.csv")
def load_enterprises(ctx: Context, row: Row) -> None:
    from dangdn_cli.registry import enterprises

    enterprises.add(ctx.session, row["tax_code"], _enterprise_fields(row), record=False)


@loads("enterprise_history.csv")
def load_enterprise_history(ctx: Context, row: Row) -> None:
    """Later facts: workforce snapshots, flags, a new owner, as of a date."""
    from dangdn_cli.registry import enterprises

    fields = _enterprise_fields(row)
    fields["stable_operation"] = flag(row, "stable_operation")
    fields["law_compliant"] = flag(row, "law_compliant")
    enterprises.update(ctx.session, row["tax_code"], fields, day(row, "as_of"))


@loads("organizations.csv")
def load_organizations(ctx: Context, row: Row) -> None:
    from dangdn_cli.registry import organizations

    record = organizations.add(
        ctx.session,
        row["type"],
        [code for code in row["enterprises"].split(";") if code.strip()],
        validate.require_date(row["founded"], "founded"),
        text(row, "name"),
        text(row, "decision"),
        text(row, "superior"),
        text(row, "leader"),
    )
    ctx.orgs[row["key"]] = record["id"]
    dissolved = day(row, "dissolved")
    if dissolved is not None:
        organizations.dissolve(
            ctx.session, record["id"], dissolved, text(row, "dissolution_decision")
        )


@loads("members.csv")
def load_members(ctx: Context, row: Row) -> None:
    """One membership a row; a person key seen before reuses that person.
    ``promoted`` and ``left`` dates are applied after the membership is added."""
    from dangdn_cli.registry import memberships

    record = memberships.add_member(
        ctx.session,
        text(row, "name"),
        row["type"],
        row["enterprise"],
        person_id=ctx.persons.get(row["person"]),
        birth=day(row, "birth"),
        gender=text(row, "gender"),
        id_number=text(row, "id_number"),
        joined=day(row, "joined"),
        status=text(row, "status"),
        official_on=day(row, "official_on"),
        org_id=ctx.org(row.get("org", "")),
        residence=bool(flag(row, "residence")),
        role=text(row, "role") or "worker",
        stable=not flag(row, "unstable_employment"),
        employed_from=day(row, "employed_from"),
    )
    ctx.persons[row["person"]] = record["person_id"]
    promoted, left = day(row, "promoted"), day(row, "left")
    if promoted is not None:
        memberships.promote(ctx.session, record["id"], promoted)
    if left is not None:
        memberships.leave(ctx.session, record["id"], left)


@loads("moves.csv")
def load_moves(ctx: Context, row: Row) -> None:
    from dangdn_cli.registry import people

    people.move(
        ctx.session,
        ctx.persons[row["person"]],
        row["enterprise"],
        validate.require_date(row["on"], "on"),
        stable=not flag(row, "unstable_employment"),
        role=text(row, "role"),
    )


@loads("candidates.csv")
def load_candidates(ctx: Context, row: Row) -> None:
    """Each candidate advances through every stage dated in its row; an
    admitted one with a ``promoted`` date is then made official."""
    from dangdn_cli.registry import candidates, memberships

    record = candidates.add(
        ctx.session,
        text(row, "name"),
        row["enterprise"],
        identified=day(row, "identified"),
        introduced_by=ctx.org(row.get("introduced_by", "")),
        birth=day(row, "birth"),
        gender=text(row, "gender"),
        id_number=text(row, "id_number"),
    )
    for stage in ("trained", "introduced", "admitted", "dropped"):
        on = day(row, stage)
        if on is not None:
            record = candidates.advance(ctx.session, record["id"], stage, on)
    promoted = day(row, "promoted")
    if promoted is not None:
        memberships.promote(ctx.session, record["membership_id"], promoted)


@loads("enterprise_status.csv")
def load_enterprise_status(ctx: Context, row: Row) -> None:
    """Closures and reopenings, after everything that happened before them."""
    from dangdn_cli.registry import enterprises

    enterprises.set_status(
        ctx.session,
        row["tax_code"],
        validate.require_date(row["on"], "on"),
        row["status"],
    )


# The plan service belongs to the plans engineer; the demo writes the plan's
# rows directly with the models.


@loads("plans.csv")
def load_plans(ctx: Context, row: Row) -> None:
    from dangdn_cli.models import Plan
    from dangdn_cli.registry import audit

    plan = Plan(
        code=row["code"],
        title=row["title"],
        issuer=text(row, "issuer"),
        start_on=validate.require_date(row["start"], "start"),
        end_on=validate.require_date(row["end"], "end"),
        created_at=datetime.now(timezone.utc),
    )
    ctx.session.add(plan)
    ctx.session.flush()
    assert plan.id is not None
    ctx.plans[plan.code] = plan.id
    audit.record(ctx.session, "add", "plan", plan.code, after=dict(row))


@loads("plan_targets.csv")
def load_plan_targets(ctx: Context, row: Row) -> None:
    from dangdn_cli.models import PlanTarget

    ctx.session.add(
        PlanTarget(plan_id=ctx.plans[row["plan"]], figure=row["figure"], value=float(row["value"]))
    )


@loads("plan_funding.csv")
def load_plan_funding(ctx: Context, row: Row) -> None:
    from dangdn_cli.models import PlanFunding

    ctx.session.add(
        PlanFunding(
            plan_id=ctx.plans[row["plan"]],
            org_type=row["type"],
            amount=int(row["amount"]),
            max_count=int(row["max_count"]),
        )
    )


@loads("plan_cadre_caps.csv")
def load_plan_cadre_caps(ctx: Context, row: Row) -> None:
    from dangdn_cli.models import PlanCadreCap

    ctx.session.add(
        PlanCadreCap(plan_id=ctx.plans[row["plan"]], kind=row["kind"], cap=int(row["cap"]))
    )


@loads("cadres.csv")
def load_cadres(ctx: Context, row: Row) -> None:
    cadres.add_cadre(
        ctx.session,
        row["name"],
        row["kind"],
        row["plan"],
        validate.require_date(row["from"], "from"),
        day(row, "to"),
        [code for code in (row.get("enterprises") or "").split(";") if code],
    )


# The fieldwork engineer's files (visits, activities, ratings, awards,
# models) load through their service, which reads the folder itself.


@loads_files(*fieldwork.FIELDWORK_FILES)
def load_fieldwork(ctx: Context, folder: Path) -> dict[str, int]:
    return fieldwork.load_fieldwork_examples(ctx.session, folder)


# Finding and loading the examples -------------------------------------------


def examples_dir(name: str = DISTRICT) -> Path:
    """The examples folder: inside the installed package (wheels carry
    ``dangdn_cli/examples``), else the repository's ``examples/`` (editable
    installs)."""
    from importlib.resources import files

    packaged = Path(str(files("dangdn_cli"))) / "examples" / name
    if packaged.is_dir():
        return packaged
    repository = Path(__file__).resolve().parents[3] / "examples" / name
    if repository.is_dir():
        return repository
    raise errors.ExamplesMissing(path=str(repository))


def read_csv(path: Path) -> list[Row]:
    """Rows of a UTF-8 CSV file (with or without BOM) as dicts of stripped text."""
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return [
            {(k or "").strip(): (v or "").strip() for k, v in row.items()}
            for row in csv.DictReader(handle)
        ]


def load(session: Session, folder: Path) -> dict[str, int]:
    """Load every CSV file of ``folder`` with its loader; returns rows per file.

    A bad row is reported with its file and row number (the header is row 1)."""
    present = {p.name for p in folder.glob("*.csv")}
    claimed = set(LOADERS).union(*(names for names, _ in FOLDER_LOADERS))
    unknown = sorted(present - claimed)
    if unknown:
        raise errors.UnknownExampleFile(file=unknown[0])
    ctx = Context(session)
    loaded: dict[str, int] = {}
    for file_name, loader in LOADERS.items():
        if file_name not in present:
            continue
        rows = read_csv(folder / file_name)
        for number, row in enumerate(rows, start=2):
            try:
                loader(ctx, row)
            except errors.DangdnError as exc:
                raise errors.ExampleDataError(
                    file=file_name, row=number, message=exc.message()
                ) from exc
            except (KeyError, ValueError) as exc:
                raise errors.ExampleDataError(
                    file=file_name, row=number, message=repr(exc)
                ) from exc
        loaded[file_name] = len(rows)
    for file_names, folder_loader in FOLDER_LOADERS:
        if present & set(file_names):
            counts = folder_loader(ctx, folder)
            loaded.update({name: n for name, n in counts.items() if name in present})
    return loaded


@contextmanager
def registry_at(path: Path) -> Iterator[None]:
    """Point every session at ``path`` for the duration (the user's own
    registry is not touched)."""
    from dangdn_cli import db

    previous = db._db_option
    db.set_db_option(str(path))
    try:
        yield
    finally:
        db.dispose_all()
        db.set_db_option(previous)


def default_out_dir(now: datetime | None = None) -> Path:
    now = now or datetime.now()
    return Path.cwd() / f"dangdn-demo-{now:%Y%m%d-%H%M%S}"


def build(out_dir: Path | str | None = None, examples: Path | None = None) -> dict[str, Any]:
    """Build a fresh registry from the examples in ``out_dir`` (default: a new
    folder ``dangdn-demo-YYYYMMDD-HHMMSS`` in the current directory) and
    summarise it as of today. Refuses to load into an existing, non-empty
    registry file.

    Returns ``out_dir``, ``registry``, ``examples``, ``loaded`` (rows per
    file), ``as_of``, ``summary`` and ``seconds``. Later steps (eligibility,
    plan progress, the report) add their own keys to this dict."""
    from dangdn_cli import db

    started = time.perf_counter()
    out = Path(out_dir) if out_dir is not None else default_out_dir()
    out = out.expanduser().resolve()
    registry = out / REGISTRY_NAME
    if registry.exists() and registry.stat().st_size > 0:
        raise errors.RegistryNotEmpty(path=str(registry))
    folder = examples or examples_dir()
    if not folder.is_dir():
        raise errors.ExamplesMissing(path=str(folder))
    out.mkdir(parents=True, exist_ok=True)
    on = date.today()
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


# The period the example district's activity is recorded in.
DEMO_REPORT_PERIOD = "2024H1"


def _extend(session: Session, result: dict[str, Any], out: Path, on: date) -> None:
    """What the demo shows beyond the summary: who qualifies (and who is
    close), each plan's progress, and the report files."""
    from sqlmodel import col, select

    from dangdn_cli import reports
    from dangdn_cli.analysis import eligibility
    from dangdn_cli.models import Plan

    result["eligibility"] = eligibility.demo_summary(session, on)
    codes = session.exec(select(Plan.code).order_by(col(Plan.start_on))).all()
    result["plans"] = [progress.progress(session, code, on) for code in codes]
    written = reports.write_demo_reports(session, out, period=DEMO_REPORT_PERIOD)
    result["reports"] = [str(path) for path in written]


# The summary -----------------------------------------------------------------


def summarize(session: Session, on: date) -> dict[str, Any]:
    """Counts as of ``on``: enterprises and workers, active organisations by
    type, members by type (persons), candidates by stage reached."""
    from sqlalchemy import case, func, select
    from sqlmodel import col

    from dangdn_cli.models import Membership, Organization
    from dangdn_cli.registry import candidates, history
    from dangdn_cli.vocabulary import ORG_TYPES

    conn = session.connection()
    state = history.enterprise_state(on).subquery()
    active = state.c.status == "active"
    ent = (
        conn.execute(
            select(
                func.count().label("registered"),
                func.sum(case((active, 1), else_=0)).label("active"),
                func.sum(case((active, state.c.workers), else_=0)).label("workers"),
                func.sum(case((active, state.c.stable_workers), else_=0)).label("stable"),
            )
        )
        .mappings()
        .one()
    )
    orgs = dict(
        conn.execute(
            select(col(Organization.type), func.count())
            .where(history.org_active(on))
            .group_by(col(Organization.type))
        ).all()
    )
    members = dict(
        conn.execute(
            select(col(Membership.type), func.count(func.distinct(col(Membership.person_id))))
            .where(history.membership_active(on))
            .group_by(col(Membership.type))
        ).all()
    )
    official = conn.execute(
        select(func.count(func.distinct(col(Membership.person_id)))).where(
            col(Membership.type) == "party",
            history.membership_active(on),
            history.party_official(on),
        )
    ).scalar_one()
    stages = candidates.count_by_stage(session, on)
    return {
        "enterprises": {
            "registered": int(ent["registered"] or 0),
            "active": int(ent["active"] or 0),
            "closed": int((ent["registered"] or 0) - (ent["active"] or 0)),
        },
        "workers": {"total": int(ent["workers"] or 0), "stable": int(ent["stable"] or 0)},
        "organizations": {kind: int(orgs.get(kind, 0)) for kind in ORG_TYPES},
        "members": {kind: int(members.get(kind, 0)) for kind in ORG_TYPES},
        "party": {
            "official": int(official),
            "probationary": int(members.get("party", 0)) - int(official),
        },
        "candidates": stages,
    }
