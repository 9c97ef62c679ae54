"""Importing a list of members (same rules as ``registry.memberships.add_member``,
written set-based): the memberships and jobs; which person a row means, and
creating or correcting people, is in ``import_people``.

A person with no membership of the row's type gets one; a membership already
held is compared with the row (a party member's status as of the day). A
person found in the registry who does not work at the row's enterprise is a
difference (a move): ``--on-conflict update`` ends their current job and
starts one there. The role and stable-contract columns describe a new job
only. A sheet without a type column is of ``--type``, or of party members
when its admission column says so ("Ngày vào Đảng").
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa

from dangdn_cli import errors, validate
from dangdn_cli.i18n import fmt_date, tr
from dangdn_cli.interchange.cells import fast_fold, header_key
from dangdn_cli.interchange.import_base import Changes
from dangdn_cli.interchange.import_people import PERSON_FIELDS, PersonRows, person_key
from dangdn_cli.interchange.sheets import PARTY_HEADERS
from dangdn_cli.models import Employment, Enterprise, Membership, Organization, Person
from dangdn_cli.registry.history import table_of
from dangdn_cli.vocabulary import MEMBER_TYPE, labels

MEMBERSHIP_FIELDS = ("joined_on", "status", "official_on", "org_id", "residence")
FLAGS = ("person_changed", "membership_changed", "move", "first_of_person")


class MemberImporter(PersonRows):
    kind = "members"
    entity = "membership"
    stage_name = "dangdn_import_member"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        default = self.options.member_type
        if default is not None:
            default = validate.choice(
                default, MEMBER_TYPE.codes, tr("loại thành viên (--type)", "--type")
            )
        elif any(
            header_key(self.mapping.header_cells[i]) in PARTY_HEADERS
            for i, col in self.mapping.columns
            if col.key == "joined_on"
        ):
            default = "party"  # "Ngày vào Đảng": a list of party members
        self.default_type = default

    def stage_columns(self) -> list[sa.Column[Any]]:
        return [
            *(sa.Column(k, sa.String) for k in ("name", "name_key", "gender", "type", "status")),
            sa.Column("id_number", sa.String(12)),
            sa.Column("tax_code", sa.String(14)),
            sa.Column("role", sa.String(16)),
            *(sa.Column(k, sa.Date) for k in ("birth_date", "joined_on", "official_on")),
            *(sa.Column(k, sa.Date) for k in ("employed_from", "start_on")),
            *(sa.Column(k, sa.Boolean) for k in ("residence", "stable")),
            sa.Column("person_key", sa.String),
            *(
                sa.Column(k, sa.Integer)
                for k in ("org_id", "enterprise_id", "person_id", "membership_id")
            ),
            *(sa.Column(k, sa.Boolean, nullable=False, default=False) for k in FLAGS),
        ]

    def extra_indexes(self) -> list[tuple[str, list[str]]]:
        return [("person_key", ["person_key", "type"]), ("id_number", ["id_number"])]

    def stage_row(self, row_no: int, values: dict[str, Any], bad: bool) -> dict[str, Any]:
        row = {k: values.get(k) for k in (*PERSON_FIELDS, *MEMBERSHIP_FIELDS)}
        row.update(
            {k: values.get(k) for k in ("role", "stable", "employed_from", "type", "enterprise")}
        )
        row["tax_code"] = row.pop("enterprise")
        kind = row["type"] = row["type"] or self.default_type
        for key, label in (
            ("name", "name"),
            ("enterprise", "tax_code"),
            ("type", "type"),
        ):
            if row[label] is None and not (bad and key in self.present):
                self.flag_error(row_no, key, None, errors.EmptyValue(field=self.label(key)))
        if kind == "party":
            try:
                validate.not_before(
                    row["joined_on"],
                    row["official_on"],
                    tr("kết nạp", "admission"),
                    tr("chính thức", "official"),
                )
            except errors.DangdnError as exc:
                self.flag_error(row_no, "official_on", row["official_on"], exc)
            if row["residence"] and row["org_id"] is not None:
                self.flag_error(row_no, "residence", row["residence"], errors.ResidenceWithOrg())
        elif kind is not None:
            given = [
                self.label(key)
                for key in ("status", "official_on", "residence")
                if row[key] is not None and row[key] is not False
            ]
            if given:
                self.flag_error(
                    row_no, "type", kind, errors.PartyOnlyOption(options=", ".join(given))
                )
        row["name_key"] = fast_fold(row["name"]) if row["name"] else None
        row["start_on"] = row["employed_from"] or row["joined_on"] or self.on
        row["person_key"] = person_key(row)
        row["bad"] = bad
        return row

    # -- checks ------------------------------------------------------------------
    def check(self) -> None:
        s = self.stage.c
        org = table_of(Organization).c
        conn = self.conn
        self.enterprise_ids(self.stage, s.tax_code.is_not(None))
        self.unknown_enterprises(self.stage, "enterprise")
        orgs = (
            sa.select(s.row_no, s.org_id, s.type, s.joined_on, org.id, org.type, org.dissolved_on)
            .select_from(self.stage.outerjoin(table_of(Organization), org.id == s.org_id))
            .where(s.org_id.is_not(None))
            .order_by(s.row_no)
        )
        for row_no, org_id, kind, joined, found, org_kind, dissolved in conn.execute(orgs):
            if found is None:
                self.flag_error(row_no, "org_id", org_id, errors.UnknownOrganization(org_id=org_id))
            elif kind is not None and org_kind != kind:
                actual, wanted = labels("org_type", org_kind), labels("org_type", kind)
                error = errors.WrongOrgType(
                    org_id=org_id,
                    actual_vi=actual["vi"],
                    actual_en=actual["en"],
                    wanted_vi=wanted["vi"],
                    wanted_en=wanted["en"],
                )
                self.flag_error(row_no, "org_id", org_id, error)
            elif dissolved is not None and (joined is None or dissolved <= joined):
                gone = errors.AlreadyDissolved(org_id=org_id, on=fmt_date(dissolved))
                self.flag_error(row_no, "org_id", org_id, gone)
        self.flush_problems()
        self.duplicates(
            ["person_key", "type", "name_key"],
            tr("cùng người, cùng loại thành viên", "same person, same membership type"),
            column="name",
        )
        self.same_id_number()
        self.match_people()
        self.set_action("new", s.person_id.is_(None), s.enterprise_id.is_not(None))
        self._compare_existing()

    def _compare_existing(self) -> None:
        s = self.stage.c
        p = table_of(Person).c
        m = table_of(Membership).c
        job = table_of(Employment).c
        ent = table_of(Enterprise).c
        existing = sa.and_(s.person_id.is_not(None), self.undecided())
        if not self.conn.execute(sa.select(sa.func.count()).where(existing)).scalar():
            return
        works_there = (
            sa.exists()
            .where(
                job.person_id == s.person_id,
                job.enterprise_id == s.enterprise_id,
                sa.or_(job.end_on.is_(None), job.end_on > s.start_on),
            )
            .label("works_there")
        )
        employer = (
            sa.select(ent.tax_code)
            .join(table_of(Employment), job.enterprise_id == ent.id)
            .where(
                job.person_id == s.person_id,
                job.start_on <= self.on,
                sa.or_(job.end_on.is_(None), job.end_on > self.on),
            )
            .order_by(job.start_on.desc(), job.id.desc())
            .limit(1)
            .scalar_subquery()
            .label("employer")
        )
        stmt = (
            sa.select(
                self.stage,
                p.full_name.label("cur_name"),
                p.name_key.label("cur_name_key"),
                p.birth_date.label("cur_birth_date"),
                p.gender.label("cur_gender"),
                p.id_number.label("cur_id_number"),
                m.joined_on.label("cur_joined_on"),
                m.status.label("cur_status"),
                m.official_on.label("cur_official_on"),
                m.organization_id.label("cur_org_id"),
                m.residence.label("cur_residence"),
                works_there,
                employer,
            )
            .select_from(
                self.stage.join(table_of(Person), p.id == s.person_id).outerjoin(
                    table_of(Membership), m.id == s.membership_id
                )
            )
            .where(existing)
        )
        keys = (*PERSON_FIELDS, "name_key", *MEMBERSHIP_FIELDS, "start_on", "action", *FLAGS[:3])
        self.decide_existing(stmt, keys)

    def _current_status(self, row: Any) -> str | None:
        if row["membership_id"] is None or row["type"] != "party":
            return None
        official_on = row["cur_official_on"]
        if official_on is not None:
            return "official" if official_on <= self.on else "probationary"
        return row["cur_status"]

    def decide(
        self, row: Any, decided: list[dict[str, Any]], updated: list[dict[str, Any]]
    ) -> None:
        row_no = row["row_no"]
        changes = Changes()
        merged: dict[str, Any] = {}
        person_changed = self.person_changes(row, changes, merged)
        has_membership = row["membership_id"] is not None
        membership_changed = False
        for key in MEMBERSHIP_FIELDS:
            new = row[key]
            if not has_membership:
                merged[key] = new
                continue
            old = self._current_status(row) if key == "status" else row[f"cur_{key}"]
            if key == "residence":
                old = bool(old)
            merged[key] = row[f"cur_{key}"] if key != "residence" else bool(row["cur_residence"])
            if self.differs(changes, key, old, new):
                merged[key] = new
                membership_changed = True
        move = not row["works_there"]
        if move:
            changes.note("enterprise", self.label("enterprise"), row["employer"], row["tax_code"])
        if not self.settle(row_no, changes, decided, same=self._plain(row)):
            return
        start = row["start_on"]
        if move:
            start = row["employed_from"] or self.on
        updated.append(
            {
                "b_row": row_no,
                **{f"b_{k}": merged[k] for k in (*PERSON_FIELDS, "name_key", *MEMBERSHIP_FIELDS)},
                "b_start_on": start,
                "b_action": "update" if has_membership else "add",
                "b_person_changed": person_changed,
                "b_membership_changed": membership_changed,
                "b_move": move,
            }
        )

    @staticmethod
    def _plain(row: Any) -> str:
        """A row equal to the registry: nothing to do, or a new membership."""
        return "same" if row["membership_id"] is not None else "add"

    # -- writing -----------------------------------------------------------------
    def write(self) -> dict[str, int]:
        s = self.stage.c
        conn = self.conn
        job = table_of(Employment).c
        membership = table_of(Membership)
        self.update_people()
        moving = sa.and_(s.move.is_(True), s.action.in_(("update", "add")))
        move_day = (
            sa.select(sa.func.min(s.start_on))
            .where(moving, s.person_id == job.person_id)
            .scalar_subquery()
        )
        conn.execute(
            sa.update(table_of(Employment))
            .where(
                job.person_id.in_(sa.select(s.person_id).where(moving)),
                job.start_on <= move_day,
                sa.or_(job.end_on.is_(None), job.end_on > move_day),
            )
            .values(end_on=move_day)
        )
        created = self.create_people()
        writing = s.action.in_(("new", "add", "update"))
        first = (
            sa.select(sa.func.min(s.row_no)).where(writing).group_by(s.person_id, s.enterprise_id)
        )
        no_job = ~sa.exists().where(
            job.person_id == s.person_id,
            job.enterprise_id == s.enterprise_id,
            sa.or_(job.end_on.is_(None), job.end_on > s.start_on),
        )
        conn.execute(
            sa.insert(table_of(Employment)).from_select(
                ["person_id", "enterprise_id", "start_on", "stable", "role"],
                sa.select(
                    s.person_id,
                    s.enterprise_id,
                    s.start_on,
                    sa.func.coalesce(s.stable, sa.true()),
                    sa.func.coalesce(s.role, "worker"),
                )
                .where(s.row_no.in_(first), no_job)
                .order_by(s.row_no),
            )
        )
        party = s.type == "party"
        conn.execute(
            sa.insert(membership).from_select(
                [
                    "person_id",
                    "type",
                    "organization_id",
                    "joined_on",
                    "status",
                    "official_on",
                    "residence",
                    "created_at",
                ],
                sa.select(
                    s.person_id,
                    s.type,
                    s.org_id,
                    s.joined_on,
                    sa.case((party, sa.func.coalesce(s.status, "official")), else_=sa.null()),
                    sa.case((party, s.official_on), else_=sa.null()),
                    sa.func.coalesce(s.residence, sa.false()),
                    sa.literal(self.now, sa.DateTime),
                )
                .where(s.action.in_(("new", "add")))
                .order_by(s.row_no),
            )
        )
        changed = conn.execute(
            sa.select(self.stage).where(s.action == "update", s.membership_changed.is_(True))
        )
        self.update_by_id(
            membership,
            [
                {
                    "id": r.membership_id,
                    "joined_on": r.joined_on,
                    "status": r.status,
                    "official_on": r.official_on,
                    "organization_id": r.org_id,
                    "residence": bool(r.residence),
                }
                for r in changed
            ],
        )
        return {"people_created": created}
