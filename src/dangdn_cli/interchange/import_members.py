"""Importing a list of members (same rules as ``registry.memberships.add_member``,
written set-based).

A person is found by citizen ID, else by name, birth date and a job at the
row's enterprise. A person with no membership of the row's type gets one; a
membership already held is compared with the row. A person found in the
registry who does not work at the row's enterprise is a difference (a move):
``--on-conflict update`` ends their current job and starts one there.
The role and stable-contract columns describe a new job only.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa

from dangdn_cli import errors, validate
from dangdn_cli.i18n import fmt_date, fold, tr
from dangdn_cli.interchange import columns
from dangdn_cli.interchange.columns import fast_fold
from dangdn_cli.interchange.import_base import (
    DiffersFromRegistry,
    DuplicateInFile,
    Importer,
    diff_text,
)
from dangdn_cli.models import Employment, Enterprise, Membership, Organization, Person
from dangdn_cli.registry.history import table_of
from dangdn_cli.vocabulary import labels

PERSON_FIELDS = ("name", "birth_date", "gender", "id_number")
MEMBERSHIP_FIELDS = ("joined_on", "status", "official_on", "org_id", "residence")
FLAGS = ("person_changed", "membership_changed", "move", "first_of_person")


class MemberImporter(Importer):
    kind = "members"
    entity = "membership"
    stage_name = "dangdn_import_member"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        default = self.options.member_type
        if default is not None:
            default = validate.choice(
                default, columns.MEMBER_TYPE.labels, tr("loại thành viên (--type)", "--type")
            )
        elif any(
            columns.header_key(self.mapping.header_cells[i]) in columns.PARTY_HEADERS
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

    def _label(self, key: str) -> str:
        header = self.headers.get(key)
        if header:
            return header
        return next(c.header() for c in columns.MEMBER if c.key == key)

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
                self.flag_error(row_no, key, None, errors.EmptyValue(field=self._label(key)))
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
                self._label(key)
                for key in ("status", "official_on", "residence")
                if row[key] is not None and row[key] is not False
            ]
            if given:
                self.flag_error(
                    row_no, "type", kind, errors.PartyOnlyOption(options=", ".join(given))
                )
        row["name_key"] = fast_fold(row["name"]) if row["name"] else None
        row["start_on"] = row["employed_from"] or row["joined_on"] or self.on
        if row["id_number"]:
            row["person_key"] = "c:" + row["id_number"]
        elif row["name_key"]:
            birth = row["birth_date"].isoformat() if row["birth_date"] else ""
            row["person_key"] = f"n:{row['name_key']}|{birth}|{row['tax_code'] or ''}"
        else:
            row["person_key"] = None
        row["bad"] = bad
        return row

    # -- checks ------------------------------------------------------------------
    def check(self) -> None:
        s = self.stage.c
        ent = table_of(Enterprise).c
        org = table_of(Organization).c
        conn = self.conn
        conn.execute(
            sa.update(self.stage)
            .where(s.tax_code.is_not(None))
            .values(
                enterprise_id=sa.select(ent.id).where(ent.tax_code == s.tax_code).scalar_subquery()
            )
        )
        unknown = sa.select(s.row_no, s.tax_code).where(
            s.tax_code.is_not(None), s.enterprise_id.is_(None)
        )
        for row_no, code in conn.execute(unknown.order_by(s.row_no)):
            self.flag_error(row_no, "enterprise", code, errors.UnknownEnterprise(tax_code=code))
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
        self._same_id_number()
        self._match_people()
        self.set_action("new", s.person_id.is_(None), s.enterprise_id.is_not(None))
        self._compare_existing()

    def _same_id_number(self) -> None:
        """One citizen ID, two people: flag rows whose name or birth date differ
        from the first row with that ID."""
        s = self.stage.c
        first = (
            sa.select(s.id_number, sa.func.min(s.row_no).label("first"))
            .where(s.id_number.is_not(None))
            .group_by(s.id_number)
            .having(sa.func.count() > 1)
            .subquery()
        )
        other = self.stage.alias("first_row")
        stmt = (
            sa.select(s.row_no, s.id_number, first.c.first)
            .join(first, first.c.id_number == s.id_number)
            .join(other, other.c.row_no == first.c.first)
            .where(
                s.row_no > first.c.first,
                sa.or_(
                    s.name_key.is_distinct_from(other.c.name_key),
                    s.birth_date.is_distinct_from(other.c.birth_date),
                ),
            )
            .order_by(s.row_no)
        )
        what = tr("cùng số CCCD nhưng khác họ tên hoặc ngày sinh", "same citizen ID, other person")
        for row_no, number, first_row in self.conn.execute(stmt):
            self.flag_error(
                row_no, "id_number", number, DuplicateInFile(first=first_row, what=what)
            )
        self.flush_problems()

    def _match_people(self) -> None:
        s = self.stage.c
        p = table_of(Person).c
        job = table_of(Employment).c
        m = table_of(Membership).c
        conn = self.conn
        conn.execute(
            sa.update(self.stage)
            .where(s.id_number.is_not(None))
            .values(person_id=sa.select(p.id).where(p.id_number == s.id_number).scalar_subquery())
        )
        same_birth = sa.or_(
            p.birth_date == s.birth_date, sa.and_(p.birth_date.is_(None), s.birth_date.is_(None))
        )
        works_there = sa.exists().where(job.person_id == p.id, job.enterprise_id == s.enterprise_id)
        conn.execute(
            sa.update(self.stage)
            .where(s.person_id.is_(None), s.enterprise_id.is_not(None), s.name_key.is_not(None))
            .values(
                person_id=sa.select(sa.func.min(p.id))
                .where(
                    p.name_key == s.name_key,
                    same_birth,
                    sa.or_(p.id_number.is_(None), s.id_number.is_(None)),
                    works_there,
                )
                .scalar_subquery()
            )
        )
        still_on = sa.or_(
            m.left_on.is_(None), sa.and_(s.joined_on.is_not(None), m.left_on > s.joined_on)
        )
        conn.execute(
            sa.update(self.stage)
            .where(s.person_id.is_not(None))
            .values(
                membership_id=sa.select(sa.func.min(m.id))
                .where(m.person_id == s.person_id, m.type == s.type, still_on)
                .scalar_subquery()
            )
        )

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
        changes: list[tuple[str, Any, Any]] = []
        keys: list[str] = []
        merged: dict[str, Any] = {}
        for key in PERSON_FIELDS:
            old, new = row[f"cur_{key}"], row[key]
            merged[key] = old
            if key == "name" and new is not None and fold(new) == row["cur_name_key"]:
                continue  # the same name, perhaps typed without diacritics
            if new is not None and new != old:
                changes.append((self._label(key), self.shown(key, old), self.shown(key, new)))
                keys.append(key)
                merged[key] = new
        person_changed = bool(changes)
        merged["name_key"] = fold(merged["name"])
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
            if new is not None and new != old:
                changes.append((self._label(key), self.shown(key, old), self.shown(key, new)))
                keys.append(key)
                merged[key] = new
                membership_changed = True
        move = not row["works_there"]
        if move:
            enterprise = self._label("enterprise")
            changes.append((enterprise, row["employer"], row["tax_code"]))
            keys.append("enterprise")
        if not changes:
            decided.append({"b_row": row_no, "b_action": self._plain(row)})
            return
        policy = self.options.on_conflict
        if policy == "skip":
            decided.append({"b_row": row_no, "b_action": "skip"})
            return
        if policy == "error":
            error = DiffersFromRegistry(changes=diff_text(changes))
            self.flag_error(row_no, keys[0], changes[0][2], error)
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
        person = table_of(Person)
        job = table_of(Employment).c
        membership = table_of(Membership)
        renamed = [
            {
                "b_id": r.person_id,
                "b_name": r.name,
                "b_name_key": r.name_key,
                "b_birth_date": r.birth_date,
                "b_gender": r.gender,
                "b_id_number": r.id_number,
            }
            for r in conn.execute(
                sa.select(self.stage).where(
                    s.person_changed.is_(True), s.action.in_(("update", "add"))
                )
            )
        ]
        if renamed:
            conn.execute(
                sa.update(person)
                .where(person.c.id == sa.bindparam("b_id"))
                .values(
                    full_name=sa.bindparam("b_name"),
                    name_key=sa.bindparam("b_name_key"),
                    birth_date=sa.bindparam("b_birth_date"),
                    gender=sa.bindparam("b_gender"),
                    id_number=sa.bindparam("b_id_number"),
                ),
                renamed,
            )
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
        created = self._create_people()
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
        changed = list(
            conn.execute(
                sa.select(
                    s.membership_id, s.joined_on, s.status, s.official_on, s.org_id, s.residence
                ).where(s.action == "update", s.membership_changed.is_(True))
            )
        )
        if changed:
            m = membership.c
            conn.execute(
                sa.update(membership)
                .where(m.id == sa.bindparam("b_id"))
                .values(
                    joined_on=sa.bindparam("b_joined_on"),
                    status=sa.bindparam("b_status"),
                    official_on=sa.bindparam("b_official_on"),
                    organization_id=sa.bindparam("b_org_id"),
                    residence=sa.bindparam("b_residence"),
                ),
                [
                    {
                        "b_id": r.membership_id,
                        "b_joined_on": r.joined_on,
                        "b_status": r.status,
                        "b_official_on": r.official_on,
                        "b_org_id": r.org_id,
                        "b_residence": bool(r.residence),
                    }
                    for r in changed
                ],
            )
        return {"people_created": created}

    def _create_people(self) -> int:
        """Insert one person per new person key, in file order, and give the
        staged rows their ids."""
        s = self.stage.c
        person = table_of(Person)
        first = sa.select(sa.func.min(s.row_no)).where(s.action == "new").group_by(s.person_key)
        self.conn.execute(
            sa.update(self.stage).where(s.row_no.in_(first)).values(first_of_person=True)
        )
        stmt = sa.select(
            s.row_no, s.person_key, s.name, s.name_key, s.birth_date, s.gender, s.id_number
        ).where(s.first_of_person.is_(True))
        insert = sa.insert(person).returning(person.c.id, sort_by_parameter_order=True)
        assign = (
            sa.update(self.stage)
            .where(s.person_key == sa.bindparam("b_key"), s.action == "new")
            .values(person_id=sa.bindparam("b_id"))
        )
        created = 0
        for page in self.pages(stmt):
            ids = (
                self.conn.execute(
                    insert,
                    [
                        {
                            "full_name": r.name,
                            "name_key": r.name_key,
                            "birth_date": r.birth_date,
                            "gender": r.gender,
                            "id_number": r.id_number,
                            "created_at": self.now,
                        }
                        for r in page
                    ],
                )
                .scalars()
                .all()
            )
            self.conn.execute(
                assign, [{"b_key": r.person_key, "b_id": i} for r, i in zip(page, ids, strict=True)]
            )
            created += len(ids)
        return created
