"""The person side of a member import: which person in the registry a row
means, and creating or correcting people.

A row's person is found by citizen ID, else by name (compared without
diacritics), birth date and a job at the row's enterprise; rows with neither
a citizen ID nor a name have no person key. Two rows with one citizen ID but
another name or birth date are two people claiming one ID: the later is
flagged. New people are created once per person key, in file order; a
person's name, birth date, gender and citizen ID are corrected only by
``--on-conflict update``.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa

from dangdn_cli.i18n import fold, tr
from dangdn_cli.interchange.errors import DuplicateInFile
from dangdn_cli.interchange.import_base import Changes, Importer
from dangdn_cli.models import Employment, Membership, Person
from dangdn_cli.registry.history import table_of

PERSON_FIELDS = ("name", "birth_date", "gender", "id_number")


def person_key(row: dict[str, Any]) -> str | None:
    """What identifies a row's person in the file: the citizen ID, else the
    folded name with the birth date and the enterprise's tax code."""
    if row["id_number"]:
        return "c:" + row["id_number"]
    if row["name_key"]:
        birth = row["birth_date"].isoformat() if row["birth_date"] else ""
        return f"n:{row['name_key']}|{birth}|{row['tax_code'] or ''}"
    return None


class PersonRows(Importer):
    """An import whose staged rows each name a person (``name``, ``name_key``,
    ``birth_date``, ``gender``, ``id_number``, ``person_key``, ``person_id``)."""

    def same_id_number(self) -> None:
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

    def match_people(self) -> None:
        """Find each row's person (by citizen ID, else by name, birth date and a
        job at the row's enterprise) and the membership of the row's type that
        person holds."""
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

    def person_changes(self, row: Any, changes: Changes, merged: dict[str, Any]) -> bool:
        """Compare a row with its person's record (``cur_*``), merging into
        ``merged``; True when something differs."""
        before = len(changes.fields)
        for key in PERSON_FIELDS:
            old, new = row[f"cur_{key}"], row[key]
            merged[key] = old
            if key == "name" and new is not None and fold(new) == row["cur_name_key"]:
                continue  # the same name, perhaps typed without diacritics
            if self.differs(changes, key, old, new):
                merged[key] = new
        merged["name_key"] = fold(merged["name"])
        return len(changes.fields) > before

    def update_people(self) -> None:
        """Correct the people whose rows differ and are to be written."""
        s = self.stage.c
        changed = self.conn.execute(
            sa.select(self.stage).where(s.person_changed.is_(True), s.action.in_(("update", "add")))
        )
        self.update_by_id(
            table_of(Person),
            [
                {
                    "id": r.person_id,
                    "full_name": r.name,
                    "name_key": r.name_key,
                    "birth_date": r.birth_date,
                    "gender": r.gender,
                    "id_number": r.id_number,
                }
                for r in changed
            ],
        )

    def create_people(self) -> int:
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
