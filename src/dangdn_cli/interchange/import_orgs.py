"""Importing a list of organisations (same rules as
``registry.organizations.add``, written set-based).

An organisation is found by its id (``Mã tổ chức``, as exported) or else by
its type, founding date and the exact set of enterprises it covers. A new
organisation keeps the id the sheet gives it when that id is free, so a full
export imports into an empty registry with the same ids (members refer to
them). Type and enterprises of an existing organisation are never changed
by an import.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import sqlalchemy as sa

from dangdn_cli import errors, validate
from dangdn_cli.i18n import fmt_date, tr
from dangdn_cli.interchange.errors import OrgIdTaken, OverlapsInFile
from dangdn_cli.interchange.import_base import BATCH, Changes, Importer
from dangdn_cli.models import (
    Enterprise,
    EnterpriseStatus,
    EnterpriseVersion,
    Organization,
    OrganizationEnterprise,
)
from dangdn_cli.registry.history import table_of
from dangdn_cli.registry.organizations import default_name
from dangdn_cli.vocabulary import ORG_TYPE, labels

FAR = date(9999, 12, 31)  # "never dissolved", for interval overlaps
DETAILS = ("name", "decision", "superior", "leader", "dissolved_on", "dissolution_decision")


def _kind_words(kind: str) -> dict[str, str]:
    """An organisation type's words for an error's ``kind_vi`` / ``kind_en``."""
    names = labels("org_type", kind)
    return {"kind_vi": names["vi"], "kind_en": names["en"]}


class OrgImporter(Importer):
    kind = "orgs"
    entity = "organization"
    stage_name = "dangdn_import_org"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.link = sa.Table(
            "dangdn_import_org_link",
            sa.MetaData(),
            sa.Column("row_no", sa.Integer, nullable=False, index=True),
            sa.Column("tax_code", sa.String(14), nullable=False),
            sa.Column("enterprise_id", sa.Integer, index=True),
            prefixes=["TEMPORARY"],
        )
        self.links: list[dict[str, Any]] = []

    def create(self) -> None:
        super().create()
        self.conn.exec_driver_sql(f"DROP TABLE IF EXISTS {self.link.name}")
        self.link.create(self.conn)
        self.extra_tables.append(self.link)

    def stage_columns(self) -> list[sa.Column[Any]]:
        return [
            sa.Column("given_id", sa.Integer),
            sa.Column("type", sa.String(16)),
            *(sa.Column(k, sa.String) for k in ("name", "decision", "superior", "leader")),
            sa.Column("dissolution_decision", sa.String),
            sa.Column("enterprises", sa.String),
            sa.Column("codes", sa.Integer),
            sa.Column("founded_on", sa.Date),
            sa.Column("dissolved_on", sa.Date),
            sa.Column("natural_key", sa.String),
            sa.Column("org_id", sa.Integer),
        ]

    def extra_indexes(self) -> list[tuple[str, list[str]]]:
        return [("natural_key", ["natural_key"]), ("given_id", ["given_id"])]

    def stage_row(self, row_no: int, values: dict[str, Any], bad: bool) -> dict[str, Any]:
        row = {k: values.get(k) for k in (*DETAILS, "type", "founded_on")}
        row["given_id"] = values.get("id")
        codes: list[str] = values.get("enterprises") or []
        for key, value in (
            ("type", row["type"]),
            ("enterprises", codes),
            ("founded_on", row["founded_on"]),
        ):
            if not value and not bad:
                self.flag_error(row_no, key, None, errors.EmptyValue(field=self.label(key)))
        try:
            validate.not_before(
                row["founded_on"],
                row["dissolved_on"],
                tr("thành lập", "founding"),
                tr("giải thể", "dissolution"),
            )
        except errors.DangdnError as exc:
            self.flag_error(row_no, "dissolved_on", row["dissolved_on"], exc)
        row["enterprises"] = "; ".join(codes) or None
        row["codes"] = len(codes)
        if row["type"] and codes and row["founded_on"]:
            row["natural_key"] = (
                f"{row['type']}|{row['founded_on'].isoformat()}|{row['enterprises']}"
            )
        else:
            row["natural_key"] = None
        row["bad"] = bad
        self.links.extend({"row_no": row_no, "tax_code": c} for c in codes)
        if len(self.links) >= BATCH:
            self._flush_links()
        return row

    def _flush_links(self) -> None:
        if self.links:
            self.insert_rows(self.link, self.links)
            self.links = []

    # -- checks ------------------------------------------------------------------
    def check(self) -> None:
        s = self.stage.c
        self._flush_links()
        self.enterprise_ids(self.link)
        self.unknown_enterprises(self.link, "enterprises")
        self.duplicates(["given_id"], tr("cùng mã tổ chức", "same organisation id"))
        self.duplicates(
            ["natural_key"],
            tr(
                "cùng loại, ngày thành lập và doanh nghiệp", "same type, founding date, enterprises"
            ),
            column="type",
        )
        self._match()
        self.set_action("new", s.org_id.is_(None))
        self._check_new()
        self._compare_existing()

    def _enterprise_sets(self, org_ids: list[int]) -> dict[int, list[str]]:
        oe = table_of(OrganizationEnterprise).c
        ent = table_of(Enterprise).c
        sets: dict[int, list[str]] = {}
        rows = self.conn.execute(
            sa.select(oe.organization_id, ent.tax_code)
            .join(table_of(Enterprise), ent.id == oe.enterprise_id)
            .where(oe.organization_id.in_(org_ids))
            .order_by(oe.organization_id, ent.tax_code)
        )
        for org_id, code in rows:
            sets.setdefault(org_id, []).append(code)
        return sets

    def _match(self) -> None:
        s = self.stage.c
        org = table_of(Organization).c
        assign = (
            sa.update(self.stage)
            .where(s.row_no == sa.bindparam("b_row"))
            .values(org_id=sa.bindparam("b_org"))
        )
        # By id: the same organisation, or a conflict.
        stmt = (
            sa.select(s.row_no, s.given_id, s.type, s.enterprises, org.type.label("org_type"))
            .join(table_of(Organization), org.id == s.given_id)
            .where(s.bad.is_(False))
        )
        for page in self.pages(stmt):
            sets = self._enterprise_sets([r.given_id for r in page])
            matched = []
            for r in page:
                codes = "; ".join(sets.get(r.given_id, []))
                if r.org_type == r.type and codes == r.enterprises:
                    matched.append({"b_row": r.row_no, "b_org": r.given_id})
                    continue
                actual = f"{ORG_TYPE.label(r.org_type)}, {codes}"
                self.flag_error(
                    r.row_no, "id", r.given_id, OrgIdTaken(org_id=r.given_id, actual=actual)
                )
            if matched:
                self.conn.execute(assign, matched)
            self.flush_problems()
        # By type, founding date and the same enterprises.
        lk = self.link.c
        oe = table_of(OrganizationEnterprise).c
        count = sa.func.count().label("matched")
        candidates = (
            sa.select(s.row_no.label("row_no"), oe.organization_id.label("org_id"), s.codes, count)
            .select_from(self.stage)
            .join(self.link, lk.row_no == s.row_no)
            .join(table_of(OrganizationEnterprise), oe.enterprise_id == lk.enterprise_id)
            .join(table_of(Organization), org.id == oe.organization_id)
            .where(
                s.bad.is_(False),
                s.org_id.is_(None),
                org.type == s.type,
                org.founded_on == s.founded_on,
            )
            .group_by(s.row_no, oe.organization_id, s.codes)
            .subquery()
        )
        size = (
            sa.select(sa.func.count())
            .where(oe.organization_id == candidates.c.org_id)
            .scalar_subquery()
        )
        same = sa.select(candidates.c.row_no, sa.func.min(candidates.c.org_id)).where(
            candidates.c.matched == candidates.c.codes, size == candidates.c.codes
        )
        found = [
            {"b_row": row_no, "b_org": org_id}
            for row_no, org_id in self.conn.execute(same.group_by(candidates.c.row_no))
        ]
        if found:
            self.conn.execute(assign, found)

    def _at_founding(self, column: sa.Column[Any]) -> Any:
        """An enterprise history column's value in force on the day a row's
        organisation is founded, for the enterprise of a link row (the latest
        fact from that day or before; ties go to the later entry)."""
        t = column.table.c
        return (
            sa.select(column)
            .where(
                t.enterprise_id == self.link.c.enterprise_id,
                t.effective_on <= self.stage.c.founded_on,
            )
            .order_by(t.effective_on.desc(), t.id.desc())
            .limit(1)
            .scalar_subquery()
        )

    def _check_new(self) -> None:
        """A new organisation must not overlap another of its type in one of its
        enterprises (in the registry or earlier in the file), nor be founded in a
        closed enterprise."""
        s = self.stage.c
        lk = self.link.c
        org = table_of(Organization).c
        oe = table_of(OrganizationEnterprise).c
        st = table_of(EnterpriseStatus).c
        new = s.action == "new"
        far = sa.literal(FAR, sa.Date)
        overlap = sa.and_(
            org.founded_on < sa.func.coalesce(s.dissolved_on, far),
            sa.or_(org.dissolved_on.is_(None), org.dissolved_on > s.founded_on),
        )
        clash = (
            sa.select(lk.row_no, lk.tax_code, s.type, sa.func.min(org.id))
            .select_from(self.stage)
            .join(self.link, lk.row_no == s.row_no)
            .join(table_of(OrganizationEnterprise), oe.enterprise_id == lk.enterprise_id)
            .join(table_of(Organization), sa.and_(org.id == oe.organization_id, org.type == s.type))
            .where(new, overlap)
            .group_by(lk.row_no, lk.tax_code, s.type)
            .order_by(lk.row_no)
        )
        for row_no, code, kind, org_id in self.conn.execute(clash):
            error: errors.DangdnError = errors.AlreadyCovered(
                tax_code=code, org_id=org_id, **_kind_words(kind)
            )
            self.flag_error(row_no, "enterprises", code, error)
        status = self._at_founding(st.status)
        closed = (
            sa.select(lk.row_no, lk.tax_code, s.founded_on, status.label("status"))
            .join(self.stage, s.row_no == lk.row_no)
            .where(new)
            .subquery()
        )
        for row_no, code, founded, _ in self.conn.execute(
            sa.select(closed).where(closed.c.status != "active").order_by(closed.c.row_no)
        ):
            error = errors.EnterpriseNotActive(tax_code=code, on=fmt_date(founded))
            self.flag_error(row_no, "enterprises", code, error)
        # Two new organisations of a type overlapping in one enterprise.
        other = self.stage.alias("other")
        other_link = self.link.alias("other_link")
        pairs = (
            sa.select(s.row_no, lk.tax_code, s.type, sa.func.min(other.c.row_no))
            .select_from(self.stage)
            .join(self.link, lk.row_no == s.row_no)
            .join(other_link, other_link.c.enterprise_id == lk.enterprise_id)
            .join(other, other.c.row_no == other_link.c.row_no)
            .where(
                new,
                other.c.action == "new",
                other.c.row_no < s.row_no,
                other.c.type == s.type,
                other.c.founded_on < sa.func.coalesce(s.dissolved_on, far),
                s.founded_on < sa.func.coalesce(other.c.dissolved_on, far),
            )
            .group_by(s.row_no, lk.tax_code, s.type)
            .order_by(s.row_no)
        )
        for row_no, code, kind, first in self.conn.execute(pairs):
            error = OverlapsInFile(tax_code=code, first=first, **_kind_words(kind))
            self.flag_error(row_no, "enterprises", code, error)
        self.flush_problems()

    def _compare_existing(self) -> None:
        s = self.stage.c
        org = table_of(Organization).c
        stmt = (
            sa.select(self.stage, *(org[k].label(f"cur_{k}") for k in DETAILS))
            .join(table_of(Organization), org.id == s.org_id)
            .where(s.org_id.is_not(None), self.undecided())
        )
        self.decide_existing(stmt, (*DETAILS, "action"))

    def decide(
        self, row: Any, decided: list[dict[str, Any]], updated: list[dict[str, Any]]
    ) -> None:
        changes = Changes()
        merged = {}
        for key in DETAILS:
            old, new = row[f"cur_{key}"], row[key]
            merged[key] = new if self.differs(changes, key, old, new) else old
        if self.settle(row["row_no"], changes, decided):
            updated.append(
                {
                    "b_row": row["row_no"],
                    "b_action": "update",
                    **{f"b_{k}": merged[k] for k in DETAILS},
                }
            )

    # -- writing -----------------------------------------------------------------
    def write(self) -> dict[str, int]:
        s = self.stage.c
        lk = self.link.c
        organization = table_of(Organization)
        ver = table_of(EnterpriseVersion).c
        conn = self.conn
        new = s.action == "new"
        # Default names, as organizations.add gives them.
        in_force = self._at_founding(ver.name)
        earliest = (
            sa.select(ver.name)
            .where(ver.enterprise_id == lk.enterprise_id)
            .order_by(ver.effective_on, ver.id)
            .limit(1)
            .scalar_subquery()
        )
        unnamed = (
            sa.select(s.row_no, s.type, sa.func.coalesce(in_force, earliest))
            .join(self.link, lk.row_no == s.row_no)
            .where(new, s.name.is_(None))
            .order_by(s.row_no, lk.tax_code)
        )
        names: list[dict[str, Any]] = []
        current: tuple[int, str, list[str]] | None = None
        for row_no, kind, name in conn.execute(unnamed):
            if current is None or current[0] != row_no:
                if current is not None:
                    names.append(
                        {"b_row": current[0], "b_name": default_name(current[1], current[2])}
                    )
                current = (row_no, kind, [])
            current[2].append(name)
        if current is not None:
            names.append({"b_row": current[0], "b_name": default_name(current[1], current[2])})
        if names:
            conn.execute(
                sa.update(self.stage)
                .where(s.row_no == sa.bindparam("b_row"))
                .values(name=sa.bindparam("b_name")),
                names,
            )
        fields = ["type", *DETAILS, "founded_on", "created_at"]
        values = [s.type, *(s[k] for k in DETAILS), s.founded_on, sa.literal(self.now, sa.DateTime)]
        # Ids given in the sheet are kept when free (checked: no such organisation).
        with_id = sa.and_(new, s.given_id.is_not(None))
        conn.execute(sa.update(self.stage).where(with_id).values(org_id=s.given_id))
        conn.execute(
            sa.insert(organization).from_select(
                ["id", *fields], sa.select(s.given_id, *values).where(with_id).order_by(s.row_no)
            )
        )
        if conn.dialect.name == "postgresql":
            conn.exec_driver_sql(
                "SELECT setval(pg_get_serial_sequence('organization', 'id'), "
                "(SELECT MAX(id) FROM organization))"
            )
        insert = sa.insert(organization).returning(organization.c.id, sort_by_parameter_order=True)
        assign = (
            sa.update(self.stage)
            .where(s.row_no == sa.bindparam("b_row"))
            .values(org_id=sa.bindparam("b_org"))
        )
        stmt = sa.select(self.stage).where(new, s.given_id.is_(None))
        for page in self.pages(stmt):
            ids = (
                conn.execute(
                    insert,
                    [
                        {
                            "type": r.type,
                            **{k: getattr(r, k) for k in DETAILS},
                            "founded_on": r.founded_on,
                            "created_at": self.now,
                        }
                        for r in page
                    ],
                )
                .scalars()
                .all()
            )
            conn.execute(
                assign, [{"b_row": r.row_no, "b_org": i} for r, i in zip(page, ids, strict=True)]
            )
        conn.execute(
            sa.insert(table_of(OrganizationEnterprise)).from_select(
                ["organization_id", "enterprise_id"],
                sa.select(s.org_id, lk.enterprise_id)
                .join(self.link, lk.row_no == s.row_no)
                .where(new)
                .distinct(),
            )
        )
        changed = conn.execute(sa.select(self.stage).where(s.action == "update"))
        self.update_by_id(
            organization, [{"id": r.org_id, **{k: getattr(r, k) for k in DETAILS}} for r in changed]
        )
        return {}
