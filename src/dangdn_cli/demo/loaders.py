"""The loaders of the demo's example files: one function per CSV file of
``examples/district/``, registered with ``@loads("file.csv")``, which adds each
row through the same registry functions the commands use. Files load in the
order their loaders are defined (enterprises before their organisations,
organisations before members…); adding a data file means adding one function
here. A CSV file without a loader is an error, so no data is silently left out.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from sqlmodel import Session

from dangdn_cli import clock, validate
from dangdn_cli.demo import errors as demo_errors
from dangdn_cli.demo import fieldwork
from dangdn_cli.demo.rows import Row, day, flag, load_rows, number, read_csv, text
from dangdn_cli.models import Plan, PlanCadreCap, PlanFunding, PlanTarget
from dangdn_cli.registry import (
    admin,
    audit,
    cadres,
    candidates,
    enterprises,
    memberships,
    organizations,
    people,
)


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
# Loaders of several files at once (from another module), run after the
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


# Loaders, in load order ----------------------------------------------------


@loads("profile.csv")
def load_profile(ctx: Context, row: Row) -> None:
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
    enterprises.add(ctx.session, row["tax_code"], _enterprise_fields(row), record=False)


@loads("enterprise_history.csv")
def load_enterprise_history(ctx: Context, row: Row) -> None:
    """Later facts: workforce snapshots, flags, a new owner, as of a date."""
    fields = _enterprise_fields(row)
    fields["stable_operation"] = flag(row, "stable_operation")
    fields["law_compliant"] = flag(row, "law_compliant")
    enterprises.update(ctx.session, row["tax_code"], fields, day(row, "as_of"))


@loads("organizations.csv")
def load_organizations(ctx: Context, row: Row) -> None:
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
    enterprises.set_status(
        ctx.session,
        row["tax_code"],
        validate.require_date(row["on"], "on"),
        row["status"],
    )


# A plan, its targets, funding and cadre caps are written as the files give
# them, straight into their tables (one audit record per plan).


@loads("plans.csv")
def load_plans(ctx: Context, row: Row) -> None:
    plan = Plan(
        code=row["code"],
        title=row["title"],
        issuer=text(row, "issuer"),
        start_on=validate.require_date(row["start"], "start"),
        end_on=validate.require_date(row["end"], "end"),
        created_at=clock.now(),
    )
    ctx.session.add(plan)
    ctx.session.flush()
    assert plan.id is not None
    ctx.plans[plan.code] = plan.id
    audit.record(ctx.session, "add", "plan", plan.code, after=dict(row))


@loads("plan_targets.csv")
def load_plan_targets(ctx: Context, row: Row) -> None:
    ctx.session.add(
        PlanTarget(plan_id=ctx.plans[row["plan"]], figure=row["figure"], value=float(row["value"]))
    )


@loads("plan_funding.csv")
def load_plan_funding(ctx: Context, row: Row) -> None:
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


# The fieldwork files (visits, activities, ratings, awards, models) load
# through demo/fieldwork.py, which reads the folder itself.


@loads_files(*fieldwork.FIELDWORK_FILES)
def load_fieldwork(ctx: Context, folder: Path) -> dict[str, int]:
    return fieldwork.load_fieldwork_examples(ctx.session, folder)


def load(session: Session, folder: Path) -> dict[str, int]:
    """Load every CSV file of ``folder`` with its loader; returns rows per file.

    A bad row is reported with its file and row number (the header is row 1)."""
    present = {p.name for p in folder.glob("*.csv")}
    claimed = set(LOADERS).union(*(names for names, _ in FOLDER_LOADERS))
    unknown = sorted(present - claimed)
    if unknown:
        raise demo_errors.UnknownExampleFile(file=unknown[0])
    ctx = Context(session)
    loaded: dict[str, int] = {}
    for file_name, loader in LOADERS.items():
        if file_name in present:
            rows = read_csv(folder / file_name)
            loaded[file_name] = load_rows(file_name, rows, partial(loader, ctx))
    for file_names, folder_loader in FOLDER_LOADERS:
        if present & set(file_names):
            counts = folder_loader(ctx, folder)
            loaded.update({name: n for name, n in counts.items() if name in present})
    return loaded
