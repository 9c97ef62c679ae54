"""dangdn rules show|set, the rules API, and migration 0002."""

from __future__ import annotations

import pytest

from test_eligibility import _fast_cli  # noqa: F401  (autouse: a faster cli fixture)

DEFAULTS = {
    "party.min_official_members": 3,
    "party.require_stable_operation": True,
    "party.require_law_compliance": True,
    "party.months_to_official": 12,
    "union.min_stable_workers": 20,
    "youth.min_members": 3,
    "youth.require_party_org": True,
    "women.min_members": 3,
    "women.require_party_org": True,
    "veterans.min_members": 3,
    "veterans.require_party_org": True,
    "rating.party.grades": ["xuat_sac", "tot", "hoan_thanh", "khong_hoan_thanh"],
    "rating.union.grades": ["vung_manh_xuat_sac", "vung_manh", "hoan_thanh", "yeu"],
    "rating.youth.grades": ["xuat_sac", "kha", "trung_binh", "yeu"],
    "rating.women.grades": ["xuat_sac", "kha", "trung_binh", "yeu"],
    "rating.veterans.grades": [
        "trong_sach_vung_manh_xuat_sac",
        "trong_sach_vung_manh",
        "kha",
        "trung_binh",
        "yeu",
    ],
}


def test_show_lists_every_rule_with_its_source(cli):
    rows = cli("rules", "show", "--json").json()
    assert {r["key"]: r["value"] for r in rows} == DEFAULTS
    party = rows[0]
    assert party["meaning"] == (
        "Số đảng viên chính thức tối thiểu làm việc ổn định tại doanh nghiệp"
    )
    assert party["source"] == (
        "Điều lệ Đảng, Điều 21; Kế hoạch của tỉnh thực hiện Chỉ thị 33-CT/TW ngày 18/3/2019"
    )
    union = next(r for r in rows if r["key"] == "union.min_stable_workers")
    assert "tối thiểu 5 đoàn viên" in union["source"]
    english = cli("--lang", "en", "rules", "show", "--json").json()
    assert english[0]["source"].startswith("Party Charter, art. 21;")
    assert english[0]["meaning"] == (
        "The fewest official party members employed at the enterprise on stable terms"
    )
    table = cli("rules", "show").stdout
    assert "Quy tắc đang áp dụng" in table and "Căn cứ" in table


def test_set_changes_one_rule_and_is_audited(cli):
    result = cli("rules", "set", "union.min_stable_workers", "30")
    assert result.stdout.strip() == "Đã đặt union.min_stable_workers = 30."
    values = {r["key"]: r["value"] for r in cli("rules", "show", "--json").json()}
    assert values == {**DEFAULTS, "union.min_stable_workers": 30}
    log = cli("log", "--limit", "1", "--json").json()[0]
    assert (log["action"], log["entity"], log["entity_id"]) == (
        "set",
        "rule",
        "union.min_stable_workers",
    )
    assert '"value": 20' in log["before"] and '"value": 30' in log["after"]


@pytest.mark.parametrize(
    ("key", "typed", "stored"),
    [
        ("party.require_law_compliance", "không", False),
        ("party.require_law_compliance", "FALSE", False),
        ("youth.require_party_org", "yes", True),
        ("party.months_to_official", " 18 ", 18),
        ("rating.party.grades", "a , b,c", ["a", "b", "c"]),
    ],
)
def test_set_accepts_and_normalises(cli, key, typed, stored):
    record = cli("rules", "set", key, typed, "--json").json()
    assert record["value"] == stored


@pytest.mark.parametrize(
    ("args", "vi", "en"),
    [
        (
            ("union.min_workers", "30"),
            "Không có quy tắc union.min_workers. Các khóa hợp lệ: party.min_official_members,",
            "No rule union.min_workers. Valid keys: party.min_official_members,",
        ),
        (
            ("union.min_stable_workers", "ba mươi"),
            'Giá trị không hợp lệ cho union.min_stable_workers: "ba mươi"'
            " (phải là số nguyên dương).",
            'Invalid value for union.min_stable_workers: "ba mươi" (must be a whole number).',
        ),
        (
            ("union.min_stable_workers", "--", "-5"),
            'Giá trị không hợp lệ cho union.min_stable_workers: "-5" (phải là số nguyên dương).',
            'Invalid value for union.min_stable_workers: "-5" (must be a whole number).',
        ),
        (
            ("party.min_official_members", "0"),
            'Giá trị không hợp lệ cho party.min_official_members: "0" (phải từ 1 đến 100000).',
            'Invalid value for party.min_official_members: "0" (must be from 1 to 100000).',
        ),
        (
            ("party.months_to_official", "121"),
            'Giá trị không hợp lệ cho party.months_to_official: "121" (phải từ 1 đến 120).',
            'Invalid value for party.months_to_official: "121" (must be from 1 to 120).',
        ),
        (
            ("youth.require_party_org", "maybe"),
            'Giá trị không hợp lệ cho youth.require_party_org: "maybe" (dùng true hoặc false).',
            'Invalid value for youth.require_party_org: "maybe" (use true or false).',
        ),
        (
            ("rating.union.grades", "tot"),
            'Giá trị không hợp lệ cho rating.union.grades: "tot" (ít nhất hai mã xếp loại,'
            " cách nhau bằng dấu phẩy, chỉ gồm a-z, 0-9 và _).",
            'Invalid value for rating.union.grades: "tot" (at least two grade codes'
            " separated by commas, using only a-z, 0-9 and _).",
        ),
        (
            ("rating.union.grades", "tot,Xuất sắc"),
            'Giá trị không hợp lệ cho rating.union.grades: "tot,Xuất sắc" (ít nhất hai mã'
            " xếp loại, cách nhau bằng dấu phẩy, chỉ gồm a-z, 0-9 và _).",
            'Invalid value for rating.union.grades: "tot,Xuất sắc" (at least two grade codes'
            " separated by commas, using only a-z, 0-9 and _).",
        ),
        (
            ("rating.union.grades", "tot,kha,tot"),
            'Giá trị không hợp lệ cho rating.union.grades: "tot,kha,tot"'
            " (có mã xếp loại trùng nhau).",
            'Invalid value for rating.union.grades: "tot,kha,tot" (a grade code appears twice).',
        ),
    ],
)
def test_set_errors_leave_the_registry_unchanged(cli, dump, args, vi, en):
    before = dump()
    result = cli("rules", "set", *args, expect=1)
    assert result.stdout == ""
    assert result.stderr.strip().startswith(vi)
    assert len(result.stderr.strip().splitlines()) == 1
    result = cli("--lang", "en", "rules", "set", *args, expect=1)
    assert result.stderr.strip().startswith(en)
    assert dump() == before


def test_set_needs_key_and_value(cli):
    assert cli("rules", "set", "union.min_stable_workers", expect=2).exit_code == 2


def test_api_typed_values_and_rating_grades(cli):
    from dangdn_cli import db, vocabulary
    from dangdn_cli.errors import DangdnError
    from dangdn_cli.registry import rules
    from dangdn_cli.registry.errors import UnknownRule

    cli("rules", "set", "rating.women.grades", "tot,kha,yeu")
    with db.session() as s:
        assert rules.get_rules(s) == {**DEFAULTS, "rating.women.grades": ["tot", "kha", "yeu"]}
        assert rules.rule(s, "union.min_stable_workers") == 20
        assert rules.rule(s, "party.require_stable_operation") is True
        assert rules.rating_grades(s, "party") == DEFAULTS["rating.party.grades"]
        assert rules.rating_grades(s, "women") == ["tot", "kha", "yeu"]
        with pytest.raises(UnknownRule):
            rules.rule(s, "nope")
        with pytest.raises(DangdnError):
            rules.rating_grades(s, "club")
    assert vocabulary.grade_label("vung_manh_xuat_sac") == "vững mạnh xuất sắc"
    assert vocabulary.grade_label("custom_code") == "custom_code"


def test_missing_or_corrupt_row_falls_back_to_default(cli, registry):
    import sqlite3

    from dangdn_cli import db
    from dangdn_cli.registry import rules

    with sqlite3.connect(registry) as conn:
        conn.execute("DELETE FROM rule WHERE key = 'youth.min_members'")
        conn.execute("UPDATE rule SET value = 'lots' WHERE key = 'women.min_members'")
    with db.session() as s:
        values = rules.get_rules(s)
    assert values["youth.min_members"] == 3 and values["women.min_members"] == 3
    # Setting a rule whose row is missing recreates it.
    cli("rules", "set", "youth.min_members", "4")
    with sqlite3.connect(registry) as conn:
        row = conn.execute("SELECT value, source FROM rule WHERE key = 'youth.min_members'")
        value, source = row.fetchone()
    assert value == "4" and source.endswith("Điều lệ Đoàn TNCS Hồ Chí Minh")


def test_migration_seeds_and_downgrade_removes(tmp_path):
    import sqlite3

    from alembic import command

    from dangdn_cli import db

    path = tmp_path / "fresh.db"
    url = db.url_for(str(path))
    db.upgrade(url)
    with sqlite3.connect(path) as conn:
        keys = {k for (k,) in conn.execute("SELECT key FROM rule")}
    assert keys == set(DEFAULTS)
    config = db.alembic_config(url)
    with db.engine(url).begin() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, "0001")
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT count(*) FROM rule").fetchone() == (0,)
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
