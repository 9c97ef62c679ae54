"""The demo district's fieldwork examples load through the service checks
and give the 2024H1 figures computed by hand from the CSV files."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path
from typing import Any

import pytest

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "district"


def _load_district(tmp_path: Path) -> dict[str, int]:
    """The registry engineer's loader for the core files, then ours."""
    demo = pytest.importorskip("dangdn_cli.demo.build")
    from dangdn_cli import db
    from dangdn_cli.demo import fieldwork as examples

    core = tmp_path / "core"
    core.mkdir()
    for path in EXAMPLES.glob("*.csv"):
        if path.name not in examples.FIELDWORK_FILES:
            shutil.copy(path, core / path.name)
    with db.session(write=True) as session:
        demo.load(session, core)
        return examples.load_fieldwork_examples(session, EXAMPLES)


def test_examples_2024h1(tmp_path: Path) -> None:
    from dangdn_cli import db
    from dangdn_cli.analysis import due as deadlines
    from dangdn_cli.analysis import fieldwork

    loaded = _load_district(tmp_path)
    assert loaded == {
        "visits.csv": 13,
        "activities.csv": 16,
        "ratings.csv": 40,
        "awards.csv": 6,
        "models.csv": 3,
    }
    with db.session() as session:
        figures = fieldwork.compute(session, date(2024, 1, 1), date(2024, 6, 30))
        due = deadlines.due_items(session, date(2024, 6, 30))
    assert figures["outreach"] == {
        "visits": 10,
        "enterprises_visited": 7,
        "surveys_without_party_org": 6,
        "overdue_follow_ups": 2,
    }
    assert figures["activities"] == {
        "sessions": 7,
        "attendees": 288,
        "party_attendees": 84,
        "party_attendance_rate": 0.2917,
        "congresses": 1,
    }
    assert figures["ratings"]["party"] == {
        "xuat_sac": 3,
        "tot": 7,
        "hoan_thanh": 4,
        "khong_hoan_thanh": 0,
    }
    assert figures["ratings"]["union"] == {
        "vung_manh_xuat_sac": 1,
        "vung_manh": 3,
        "hoan_thanh": 1,
        "yeu": 1,
    }
    assert figures["recognition"] == {"models": 2, "awards_collective": 2, "awards_individual": 2}
    assert figures["terms_ending_within_6_months"] == 2
    assert [(i["kind"], i["due_on"]) for i in due] == [
        ("overdue_follow_up", date(2024, 4, 30)),
        ("overdue_follow_up", date(2024, 6, 10)),
        ("term_ending", date(2024, 9, 15)),
        ("term_ending", date(2024, 10, 10)),
    ]


def test_bad_example_row_names_file_and_row(tmp_path: Path, dump: Any) -> None:
    from dangdn_cli import db
    from dangdn_cli.demo import fieldwork as examples

    (tmp_path / "visits.csv").write_text(
        "tax_code,visited_on,cadre\n0100100008,2024-01-02,Nam\n", encoding="utf-8"
    )
    before = dump()
    with (
        pytest.raises(examples.FieldworkExampleError) as caught,
        db.session(write=True) as session,
    ):
        examples.load_fieldwork_examples(session, tmp_path)
    assert caught.value.message("vi") == (
        "Dữ liệu mẫu visits.csv, dòng 2: Không tìm thấy doanh nghiệp có mã số thuế 0100100008."
    )
    assert dump() == before
