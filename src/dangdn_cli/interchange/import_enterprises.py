"""Importing a sheet of enterprises (same rules as ``registry.enterprises.add``
and ``update``, written set-based)."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa

from dangdn_cli import errors
from dangdn_cli.i18n import fmt_date, fold, tr
from dangdn_cli.interchange.cells import fast_fold
from dangdn_cli.interchange.errors import NotYetRegistered
from dangdn_cli.interchange.import_base import Changes, Importer
from dangdn_cli.models import Enterprise, EnterpriseStatus, EnterpriseVersion, Workforce
from dangdn_cli.registry import history
from dangdn_cli.registry.history import table_of

DESCRIPTIVE = ("name", "sector", "address", "commune", "district", "province", "zone", "owner_name")
FLAGS = ("stable_operation", "law_compliant")
# staging column -> (sheet field, column of history.enterprise_state)
COUNTS = {
    "total": ("workers", "workers"),
    "stable": ("stable_workers", "stable_workers"),
    "female": ("female_workers", "female_workers"),
    "young": ("young_workers", "young_workers"),
}
COUNT_LABELS = {
    "female": ("Số lao động nữ", "Female workers"),
    "young": ("Số lao động trẻ", "Young workers"),
}


class EnterpriseImporter(Importer):
    kind = "enterprises"
    entity = "enterprise"
    stage_name = "dangdn_import_enterprise"

    def stage_columns(self) -> list[sa.Column[Any]]:
        text = [
            sa.Column(k, sa.String) for k in (*DESCRIPTIVE, "name_key", "status", "first_status")
        ]
        return [
            sa.Column("tax_code", sa.String(14)),
            *text,
            *(sa.Column(k, sa.Boolean) for k in FLAGS),
            *(sa.Column(k, sa.Integer) for k in COUNTS),
            sa.Column("founded_on", sa.Date),
            sa.Column("effective_on", sa.Date),
            sa.Column("close_on", sa.Date),
            sa.Column("enterprise_id", sa.Integer),
            *(
                sa.Column(k, sa.Boolean, nullable=False, default=False)
                for k in ("new_version", "new_workforce", "new_status", "new_founded")
            ),
        ]

    def extra_indexes(self) -> list[tuple[str, list[str]]]:
        return [("tax_code", ["tax_code"]), ("enterprise_id", ["enterprise_id"])]

    def stage_row(self, row_no: int, values: dict[str, Any], bad: bool) -> dict[str, Any]:
        code = values.get("tax_code")
        if code is None and not bad:
            self.flag_error(
                row_no, "tax_code", None, errors.EmptyValue(field=self.label("tax_code"))
            )
        row: dict[str, Any] = {
            k: values.get(k) for k in (*DESCRIPTIVE, *FLAGS, "status", "founded_on")
        }
        row["tax_code"] = code
        row["name_key"] = fast_fold(row["name"]) if row["name"] else None
        for key, (field, _) in COUNTS.items():
            row[key] = values.get(field)
        self._check_counts(row_no, row, pairwise=True)
        founded = row["founded_on"]
        as_of = self.options.as_of
        if founded is not None and as_of is not None and as_of < founded:
            error = errors.EndBeforeStart(
                start=fmt_date(founded),
                end=fmt_date(as_of),
                start_label=tr("thành lập", "founding"),
                end_label=tr("ghi nhận (--as-of)", "record (--as-of)"),
            )
            self.flag_error(row_no, "founded_on", founded, error)
        effective = as_of or founded or self.today
        row["effective_on"] = effective
        status = row["status"]
        row["first_status"] = "active"
        row["close_on"] = None
        if status is not None and status != "active":
            if self.on > effective:
                row["close_on"] = self.on
            else:
                row["first_status"] = status
        row["bad"] = bad
        return row

    def _check_counts(self, row_no: int, row: dict[str, Any], pairwise: bool) -> bool:
        """stable, female and young workers within the total; False if not."""
        total = row.get("total")
        if total is None and pairwise:
            return True
        total = total or 0
        ok = True
        stable = row.get("stable")
        if stable is not None and stable > total:
            error: errors.DangdnError = errors.StableAboveTotal(stable=stable, total=total)
            self.flag_error(row_no, "stable_workers", stable, error)
            ok = False
        for key in ("female", "young"):
            part = row.get(key)
            if part is not None and part > total:
                error = errors.PartAboveTotal(field=tr(*COUNT_LABELS[key]), part=part, total=total)
                self.flag_error(row_no, COUNTS[key][0], part, error)
                ok = False
        return ok

    # -- checks ------------------------------------------------------------------
    def check(self) -> None:
        s = self.stage.c
        self.duplicates(["tax_code"], tr("cùng mã số thuế", "same tax code"))
        self.enterprise_ids(self.stage, s.tax_code.is_not(None))
        new = sa.and_(s.enterprise_id.is_(None), s.tax_code.is_not(None), s.bad.is_(False))
        nameless = sa.select(s.row_no).where(new, s.name.is_(None)).order_by(s.row_no)
        for (row_no,) in self.conn.execute(nameless):
            error = errors.EmptyValue(field=self.label("name"))
            self.flag_error(row_no, "name", None, error)
        # A new enterprise's total is 0 when not given: the parts must fit.
        partial = sa.select(s.row_no, s.stable, s.female, s.young).where(
            new, s.total.is_(None), sa.or_(s.stable > 0, s.female > 0, s.young > 0)
        )
        for row in self.conn.execute(partial):
            self._check_counts(row.row_no, dict(row._mapping), pairwise=False)
        self.flush_problems()
        self.set_action("new", new)
        self._compare_existing()

    def _compare_existing(self) -> None:
        s = self.stage.c
        existing = sa.and_(s.enterprise_id.is_not(None), self.undecided())
        if not self.conn.execute(sa.select(sa.func.count()).where(existing)).scalar():
            return
        # The facts in force, computed once for the enterprises in the file.
        state = history.enterprise_state(self.on).subquery()
        current = sa.Table(
            "dangdn_import_current",
            sa.MetaData(),
            *(sa.Column(c.name, c.type, primary_key=c.name == "id") for c in state.c),
            prefixes=["TEMPORARY"],
        )
        self.conn.exec_driver_sql(f"DROP TABLE IF EXISTS {current.name}")
        current.create(self.conn)
        self.extra_tables.append(current)
        self.conn.execute(
            sa.insert(current).from_select(
                [c.name for c in state.c],
                sa.select(state).where(state.c.id.in_(sa.select(s.enterprise_id).where(existing))),
            )
        )
        stmt = sa.select(self.stage, *(c.label(f"cur_{c.name}") for c in current.c)).select_from(
            self.stage.outerjoin(current, current.c.id == s.enterprise_id)
        )
        stmt = stmt.where(existing)
        self.decide_existing(stmt, self._merged_keys())

    def _merged_keys(self) -> tuple[str, ...]:
        return (
            *DESCRIPTIVE,
            "name_key",
            *FLAGS,
            *COUNTS,
            "founded_on",
            "status",
            "action",
            "new_version",
            "new_workforce",
            "new_status",
            "new_founded",
        )

    def decide(
        self, row: Any, decided: list[dict[str, Any]], updated: list[dict[str, Any]]
    ) -> None:
        row_no = row["row_no"]
        if row["cur_id"] is None:
            missing = NotYetRegistered(tax_code=row["tax_code"], on=fmt_date(self.on))
            self.flag_error(row_no, "tax_code", row["tax_code"], missing)
            return
        changes = Changes()
        merged: dict[str, Any] = {}
        for key in (*DESCRIPTIVE, *FLAGS):
            old = row[f"cur_{key}"]
            if key in FLAGS and old is not None:
                old = bool(old)
            merged[key] = row[key] if self.differs(changes, key, old, row[key]) else old
        version_changed = bool(changes.fields)
        workforce_changed = False
        for key, (field, state_key) in COUNTS.items():
            old = row[f"cur_{state_key}"]
            merged[key] = old
            if self.differs(changes, field, old, row[key]):
                merged[key] = row[key]
                workforce_changed = True
        founded_changed = self.differs(
            changes, "founded_on", row["cur_founded_on"], row["founded_on"]
        )
        status_changed = self.differs(changes, "status", row["cur_status"], row["status"])
        if not self.settle(row_no, changes, decided):
            return
        if workforce_changed:
            snapshot = {k: merged[k] for k in COUNTS}
            snapshot["total"] = snapshot["total"] or 0
            snapshot["stable"] = snapshot["stable"] or 0
            if not self._check_counts(row_no, snapshot, pairwise=False):
                return
            merged.update(snapshot)
        updated.append(
            {
                "b_row": row_no,
                **{f"b_{k}": merged[k] for k in (*DESCRIPTIVE, *FLAGS, *COUNTS)},
                "b_name_key": fold(merged["name"]) if merged["name"] else None,
                "b_founded_on": row["founded_on"] if founded_changed else row["cur_founded_on"],
                "b_status": row["status"] if status_changed else row["cur_status"],
                "b_action": "update",
                "b_new_version": version_changed,
                "b_new_workforce": workforce_changed,
                "b_new_status": status_changed,
                "b_new_founded": founded_changed,
            }
        )

    # -- writing -----------------------------------------------------------------
    def write(self) -> dict[str, int]:
        s = self.stage.c
        ent = table_of(Enterprise)
        version = table_of(EnterpriseVersion)
        status = table_of(EnterpriseStatus)
        workforce = table_of(Workforce)
        new = s.action == "new"
        update = s.action == "update"
        on = sa.literal(self.on, sa.Date)
        conn = self.conn
        conn.execute(
            sa.insert(ent).from_select(
                ["tax_code", "founded_on", "created_at"],
                sa.select(s.tax_code, s.founded_on, sa.literal(self.now, sa.DateTime))
                .where(new)
                .order_by(s.row_no),
            )
        )
        self.enterprise_ids(self.stage, new)  # the new rows' ids, by tax code
        version_cols = ["enterprise_id", "effective_on", *DESCRIPTIVE, "name_key", *FLAGS]

        def version_values(date_col: Any) -> list[Any]:
            return [
                s.enterprise_id,
                date_col,
                s.name,
                sa.func.coalesce(s.sector, "tu_nhan"),
                *(s[k] for k in DESCRIPTIVE[2:]),
                s.name_key,
                *(sa.func.coalesce(s[k], sa.true()) for k in FLAGS),
            ]

        for date_col, where in ((s.effective_on, new), (on, sa.and_(update, s.new_version))):
            conn.execute(
                sa.insert(version).from_select(
                    version_cols,
                    sa.select(*version_values(date_col)).where(where).order_by(s.row_no),
                )
            )
        status_cols = ["enterprise_id", "effective_on", "status"]
        for select in (
            sa.select(s.enterprise_id, s.effective_on, s.first_status).where(new),
            sa.select(s.enterprise_id, s.close_on, s.status).where(new, s.close_on.is_not(None)),
            sa.select(s.enterprise_id, on, s.status).where(update, s.new_status),
        ):
            conn.execute(sa.insert(status).from_select(status_cols, select.order_by(s.row_no)))
        workforce_cols = ["enterprise_id", "effective_on", "total", "stable", "female", "young"]
        for select in (
            sa.select(
                s.enterprise_id,
                s.effective_on,
                sa.func.coalesce(s.total, 0),
                sa.func.coalesce(s.stable, 0),
                s.female,
                s.young,
            ).where(new),
            sa.select(s.enterprise_id, on, s.total, s.stable, s.female, s.young).where(
                update, s.new_workforce
            ),
        ):
            conn.execute(
                sa.insert(workforce).from_select(workforce_cols, select.order_by(s.row_no))
            )
        founded = sa.and_(update, s.new_founded)
        conn.execute(
            sa.update(ent)
            .where(ent.c.id.in_(sa.select(s.enterprise_id).where(founded)))
            .values(
                founded_on=sa.select(s.founded_on)
                .where(s.enterprise_id == ent.c.id, founded)
                .scalar_subquery()
            )
        )
        return {}
