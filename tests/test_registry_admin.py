"""init, db path|check|backup|restore, profile set|show, log."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from test_registry_helpers import A, B
from test_registry_helpers import fast_cli as fast_cli  # the autouse fixture


def test_init_creates_then_reports_up_to_date(cli, tmp_path, monkeypatch):
    fresh = tmp_path / "sub" / "new.db"
    monkeypatch.setenv("DANGDN_DB", str(fresh))
    out = cli("init").stdout
    assert out.startswith("Đã tạo sổ đăng ký (phiên bản ")
    assert out.rstrip().endswith(str(fresh))
    assert fresh.exists()
    again = cli("init").stdout
    assert again.startswith("Sổ đăng ký đã ở phiên bản mới nhất (")
    english = cli("--lang", "en", "init").stdout
    assert english.startswith("The registry is up to date (")


def test_db_option_wins_over_environment(cli, tmp_path):
    other = tmp_path / "other.db"
    assert cli("--db", str(other), "db", "path").stdout.strip() == str(other)
    cli("--db", str(other), "enterprise", "add", "--tax-code", A, "--name", "Ở tệp khác")
    assert cli("enterprise", "list", "--json").json() == []
    assert len(cli("--db", str(other), "enterprise", "list", "--json").json()) == 1


def test_db_path_and_check(cli, registry):
    assert cli("db", "path").stdout.strip() == str(registry)
    out = cli("db", "check").stdout
    assert "Sổ đăng ký toàn vẹn" in out
    assert cli("db", "check", "--json").json() == {
        "ok": True,
        "integrity": ["ok"],
        "foreign_keys": [],
    }


def test_backup_and_restore(cli, tmp_path):
    cli("enterprise", "add", "--tax-code", A, "--name", "Trước sao lưu")
    copy = tmp_path / "saved" / "backup.db"
    out = cli("db", "backup", str(copy)).stdout
    assert f"Đã sao lưu vào {copy}" in out
    with sqlite3.connect(copy) as conn:
        assert conn.execute("SELECT tax_code FROM enterprise").fetchall() == [(A,)]
    cli("enterprise", "add", "--tax-code", B, "--name", "Sau sao lưu")
    assert len(cli("enterprise", "list", "--json").json()) == 2
    cli("db", "restore", str(copy))
    assert [r["tax_code"] for r in cli("enterprise", "list", "--json").json()] == [A]


def test_backup_onto_the_registry_and_restore_garbage_are_refused(cli, registry, tmp_path, dump):
    before = dump()
    same = cli("db", "backup", str(registry), expect=1)
    assert same.stderr == "Giá trị không hợp lệ: tệp sao lưu trùng với sổ đăng ký\n"
    junk = tmp_path / "junk.db"
    junk.write_text("không phải cơ sở dữ liệu")
    bad = cli("db", "restore", str(junk), expect=1)
    assert bad.stderr.startswith("Giá trị không hợp lệ: junk.db không phải sổ đăng ký dangdn")
    missing = cli("db", "restore", str(tmp_path / "none.db"), expect=1)
    assert missing.stderr == f"Giá trị không hợp lệ: không có tệp {tmp_path / 'none.db'}\n"
    assert dump() == before


def test_a_file_that_is_not_a_registry(cli, tmp_path):
    junk = tmp_path / "notes.db"
    junk.write_text("ghi chú")
    result = cli("--db", str(junk), "enterprise", "list", expect=1)
    assert result.stderr.startswith("Lỗi sổ đăng ký: ")
    assert "Traceback" not in result.output


def test_profile_set_and_show(cli):
    entry = cli("profile", "set", "issuing_body", "  BAN TỔ CHỨC ", "--json").json()
    assert entry == {"key": "issuing_body", "value": "BAN TỔ CHỨC"}
    assert "place = An Bình" in cli("profile", "set", "place", "An Bình").stdout
    cli("profile", "set", "deadline_half_year", "25/5")
    shown = cli("profile", "show", "--json").json()
    assert shown["issuing_body"] == "BAN TỔ CHỨC"
    assert shown["deadline_half_year"] == "25/5"
    assert shown["signer"] is None
    table = cli("profile", "show").stdout
    assert "Hồ sơ cơ quan" in table and "Cơ quan ban hành" in table


def test_log_records_every_change(cli):
    cli("enterprise", "add", "--tax-code", A, "--name", "An", "--founded", "2020-01-01")
    cli("enterprise", "update", A, "--workers", "9")
    cli("profile", "set", "place", "An Bình")
    rows = cli("log", "--json").json()
    assert [(r["action"], r["entity"], r["entity_id"]) for r in rows] == [
        ("set", "profile", "place"),
        ("update", "enterprise", A),
        ("add", "enterprise", A),
    ]
    assert rows[1]["os_user"]
    assert '"workers": 9' in rows[1]["after"] and '"workers": 0' in rows[1]["before"]
    assert len(cli("log", "--limit", "1", "--json").json()) == 1
    assert cli("log", "--as-of", "2000-01-01", "--json").json() == []
    out = " ".join(cli("log").stdout.split())
    assert "Nhật ký thay đổi" in out and "cập nhật" in out and "Người dùng" in out


def test_a_failed_command_leaves_no_log_row(cli):
    cli("enterprise", "add", "--tax-code", A, "--name", "An")
    cli("enterprise", "add", "--tax-code", A, "--name", "Lần hai", expect=1)
    assert len(cli("log", "--json").json()) == 1


def test_version(cli):
    from dangdn_cli import __version__

    assert cli("--version").stdout.strip() == f"dangdn {__version__}"


def test_default_location_is_the_application_directory(cli, monkeypatch, tmp_path: Path):
    monkeypatch.delenv("DANGDN_DB")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("HOME", str(tmp_path))
    path = cli("db", "path").stdout.strip()
    assert path.endswith("dangdn.db") and "dangdn" in Path(path).parent.name
