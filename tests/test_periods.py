"""Report periods (SPEC §3): codes, labels in words, cutoff, errors, and
hypothesis properties of the parser."""

from __future__ import annotations

import calendar
import itertools
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dangdn_cli import db, errors
from dangdn_cli.analysis.periods import (
    ACCEPTED_FORMS,
    CutoffOutsidePeriod,
    InvalidPeriod,
    PlanNeedsRegistry,
    UnknownPlan,
    parse_period,
    period_for,
)

YEARS = st.integers(min_value=1900, max_value=2999)


@pytest.mark.parametrize(
    ("code", "start", "end", "vi", "en"),
    [
        ("2024H1", "2024-01-01", "2024-06-30", "6 tháng đầu năm 2024", "the first half of 2024"),
        ("2024H2", "2024-07-01", "2024-12-31", "6 tháng cuối năm 2024", "the second half of 2024"),
        ("2024", "2024-01-01", "2024-12-31", "năm 2024", "2024"),
        ("2024Q1", "2024-01-01", "2024-03-31", "quý I năm 2024", "Q1 2024"),
        ("2024Q2", "2024-04-01", "2024-06-30", "quý II năm 2024", "Q2 2024"),
        ("2024Q3", "2024-07-01", "2024-09-30", "quý III năm 2024", "Q3 2024"),
        ("2024Q4", "2024-10-01", "2024-12-31", "quý IV năm 2024", "Q4 2024"),
        ("2024-05", "2024-05-01", "2024-05-31", "tháng 5 năm 2024", "May 2024"),
        ("2024-02", "2024-02-01", "2024-02-29", "tháng 2 năm 2024", "February 2024"),
        (
            "2024-01-01..2024-05-25",
            "2024-01-01",
            "2024-05-25",
            "từ ngày 01/01/2024 đến ngày 25/05/2024",
            "from 2024-01-01 to 2024-05-25",
        ),
    ],
)
def test_codes_and_labels(code, start, end, vi, en):
    period = parse_period(code)
    assert (period.code, period.start.isoformat(), period.end.isoformat()) == (code, start, end)
    assert (period.label_vi, period.label_en) == (vi, en)


def test_lenient_spellings():
    assert parse_period(" 2024h1 ").code == "2024H1"
    assert parse_period("2024q3").code == "2024Q3"
    assert parse_period("2024-5").code == "2024-05"
    assert parse_period("01/01/2024..25/5/2024").code == "2024-01-01..2024-05-25"


def test_cutoff_ends_early_and_says_so():
    period = parse_period("2024H1", cutoff=date(2024, 5, 25))
    assert (period.start, period.end, period.cutoff) == (date(2024, 1, 1), date(2024, 5, 25),
                                                         date(2024, 5, 25))  # fmt: skip
    assert period.code == "2024H1"
    assert period.label_vi == "6 tháng đầu năm 2024 (số liệu tính đến ngày 25/05/2024)"
    assert parse_period("2024H1", cutoff="30/6/2024") == parse_period("2024H1")
    with pytest.raises(CutoffOutsidePeriod):
        parse_period("2024H1", cutoff=date(2024, 7, 1))
    with pytest.raises(CutoffOutsidePeriod):
        parse_period("2024H2", cutoff=date(2024, 6, 30))


@pytest.mark.parametrize(
    "code",
    ["", "2024H3", "2024Q5", "2024-13", "2024-00", "24H1", "H1 2024", "năm 2024", "2024-01-01..",
     "..2024-01-01", "2024-02-30..2024-03-01", "plan:", "0000"],
)  # fmt: skip
def test_bad_codes_list_the_accepted_forms(code):
    with pytest.raises(InvalidPeriod) as caught:
        parse_period(code)
    assert caught.value.message("vi") == (
        f"Kỳ báo cáo không hợp lệ: {code.strip()}. Dùng một trong các dạng: {ACCEPTED_FORMS}."
    )
    assert caught.value.message("en").startswith(f"Invalid period: {code.strip()}. Use one of:")


def test_range_backwards_is_an_error():
    with pytest.raises(errors.EndBeforeStart):
        parse_period("2024-05-25..2024-01-01")


def test_plan_needs_the_registry_and_an_existing_plan():
    with pytest.raises(PlanNeedsRegistry):
        parse_period("plan:83-KH/HU")
    with db.session() as session, pytest.raises(UnknownPlan):
        parse_period("plan:83-KH/HU", session=session)


def test_plan_window(cli):
    cli("plan", "add", "--code", "83-KH/HU", "--title", "Kế hoạch 83", "--start", "2021-01-01",
        "--end", "2025-12-31")  # fmt: skip
    with db.session() as session:
        period = parse_period("plan:83-KH/HU", session=session)
        cut = parse_period("plan:83-KH/HU", cutoff="2023-12-31", session=session)
    assert (period.start, period.end, period.kind, period.plan) == (
        date(2021, 1, 1), date(2025, 12, 31), "plan", "83-KH/HU")  # fmt: skip
    assert period.label_vi == (
        "thực hiện Kế hoạch 83 (83-KH/HU) từ ngày 01/01/2021 đến ngày 31/12/2025"
    )
    assert cut.end == date(2023, 12, 31) and cut.code == "plan:83-KH/HU"


# --- properties ---------------------------------------------------------------------------


@given(YEARS)
def test_halves_and_quarters_tile_the_year(year):
    whole = parse_period(str(year))
    halves = [parse_period(f"{year}H{h}") for h in (1, 2)]
    quarters = [parse_period(f"{year}Q{q}") for q in (1, 2, 3, 4)]
    months = [parse_period(f"{year}-{m:02d}") for m in range(1, 13)]
    for parts in (halves, quarters, months):
        assert parts[0].start == whole.start and parts[-1].end == whole.end
        for before, after in itertools.pairwise(parts):
            assert before.end + timedelta(days=1) == after.start
    assert sum((p.end - p.start).days + 1 for p in months) == (366 if calendar.isleap(year)
                                                               else 365)  # fmt: skip


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2999, 12, 31)),
       st.integers(min_value=0, max_value=4000))  # fmt: skip
def test_any_range_round_trips(start, length):
    end = min(start + timedelta(days=length), date(2999, 12, 31))
    period = parse_period(f"{start.isoformat()}..{end.isoformat()}")
    assert (period.start, period.end) == (start, end)
    assert parse_period(period.code) == period
    assert period.label_vi == (f"từ ngày {start:%d/%m/%Y} đến ngày {end:%d/%m/%Y}")
    again = period_for(start, end)
    assert (again.start, again.end) == (start, end)


@given(YEARS, st.sampled_from(["", "H1", "H2", "Q1", "Q2", "Q3", "Q4", "-01", "-06", "-12"]),
       st.data())  # fmt: skip
def test_cutoff_within_the_period(year, suffix, data):
    period = parse_period(f"{year}{suffix}")
    cut = data.draw(st.dates(min_value=period.start, max_value=period.end))
    early = parse_period(period.code, cutoff=cut)
    assert (early.start, early.end, early.code) == (period.start, cut, period.code)
    assert parse_period(early.code) == period


@given(st.text(max_size=20))
def test_parser_never_crashes(text):
    try:
        period = parse_period(text)
    except errors.DangdnError as exc:
        assert exc.message("vi")
        return
    assert period.start <= period.end
    assert parse_period(period.code) == period


@given(YEARS, st.integers(min_value=1, max_value=12))
def test_month_labels(year, month):
    period = parse_period(f"{year}-{month}")
    assert period.label_vi == f"tháng {month} năm {year}"
    assert period.end.day == calendar.monthrange(year, month)[1]
    assert period_for(period.start, period.end) == period
