"""dangdn due: the next deadlines (profile-configurable) and what each lacks."""

from __future__ import annotations

from test_report import AN, CUONG, district, district_file

__all__ = ["district", "district_file"]  # fixtures shared with test_report.py


def missing(deadline: dict) -> dict[str, dict]:
    return {m["key"]: m for m in deadline["missing"]}


def test_deadlines_and_what_they_lack(cli, district):
    result = cli("due", "--as-of", "2024-05-01", "--json").json()
    assert result["as_of"] == "2024-05-01"
    half, year = result["deadlines"]
    assert (half["kind"], half["period"], half["due_on"], half["days_left"]) == (
        "half_year", "2024H1", "2024-05-25", 24)  # fmt: skip
    assert half["period_label"] == "6 tháng đầu năm 2024"
    assert (year["kind"], year["period"], year["due_on"]) == ("year", "2024", "2024-12-25")
    lacks = missing(half)
    # Every enterprise's workforce was recorded in 2019, none in 2024H1.
    assert lacks["workforce_not_updated"]["count"] == 6
    assert len(lacks["workforce_not_updated"]["examples"]) == 5
    assert lacks["org_without_decision"]["count"] == 1  # the youth union
    assert "no_commune" not in lacks  # every enterprise has a commune or a zone
    assert "rating_missing" not in lacks  # only the annual report rates
    # Five organisations active on 1/5/2024; the party cell of An Phát is rated.
    assert missing(year)["rating_missing"]["count"] == 4
    assert result["profile_missing"] == []
    kinds = [f["kind"] for f in result["follow_ups"]]
    assert "overdue_follow_up" in kinds

    cli("enterprise", "update", AN, "--as-of", "2024-03-01", "--workers", "130")
    cli("member", "add", "--name", "Dự Bị Lâu", "--type", "party", "--enterprise", CUONG,
        "--joined", "2023-01-02", "--status", "probationary")  # fmt: skip
    again = cli("due", "--as-of", "2024-05-01", "--json").json()
    lacks = missing(again["deadlines"][0])
    assert lacks["workforce_not_updated"]["count"] == 5
    assert lacks["probation_overdue"]["count"] == 1


def test_after_the_deadline_the_next_year_comes(cli, district):
    result = cli("due", "--as-of", "2024-05-26", "--json").json()
    assert [(d["kind"], d["due_on"]) for d in result["deadlines"]] == [
        ("year", "2024-12-25"),
        ("half_year", "2025-05-25"),
    ]
    on_the_day = cli("due", "--as-of", "2024-12-25", "--json").json()
    assert on_the_day["deadlines"][0]["days_left"] == 0


def test_deadlines_from_the_profile(cli, district):
    cli("profile", "set", "deadline_half_year", "15/6")
    cli("profile", "set", "deadline_year", "10/12")
    result = cli("due", "--as-of", "2024-06-01", "--json").json()
    assert [(d["period"], d["due_on"]) for d in result["deadlines"]] == [
        ("2024H1", "2024-06-15"),
        ("2024", "2024-12-10"),
    ]


def test_text_output(cli, district):
    out = cli("due", "--as-of", "2024-05-01").stdout
    assert "Báo cáo 6 tháng đầu năm 2024: hạn 25/05/2024 (còn 24 ngày)" in out
    assert "Báo cáo năm 2024: hạn 25/12/2024 (còn 238 ngày)" in out
    assert "Tổ chức chưa có số quyết định thành" in out  # the table wraps at 80 columns
    assert "#6 Chi đoàn Công ty TNHH An Phát" in out
    assert "Quá hạn" in out  # the overdue follow-up of the visit
    english = cli("--lang", "en", "due", "--as-of", "2024-05-01").stdout
    assert "Report for the first half of 2024: due 2024-05-25 (24 days left)" in english


def test_empty_registry_lacks_only_the_profile(cli):
    result = cli("due", "--as-of", "2024-01-10", "--json").json()
    assert all(d["missing"] == [] for d in result["deadlines"])
    assert result["profile_missing"] == [
        "superior_body", "issuing_body", "symbol", "place", "signer", "signer_title",
        "signing_authority", "recipients",
    ]  # fmt: skip
    out = cli("due", "--as-of", "2024-01-10").stdout
    assert "Không thiếu số liệu nào." in out
    assert "Hồ sơ cơ quan còn thiếu: superior_body" in out


def test_bad_date_is_one_error(cli):
    result = cli("due", "--as-of", "2024-02-30", expect=1)
    assert result.stderr.strip() == (
        "Ngày không hợp lệ: 2024-02-30 (dùng dạng 2024-05-25, 25/05/2024 hoặc 25/5/2024)."
    )
