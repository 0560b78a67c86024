"""The dates layer: worked examples of reference/duties.md §17 and calendar properties."""

from __future__ import annotations

import calendar as pycalendar
import datetime as dt
import importlib.util
import json
from pathlib import Path

import holidays
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corparent.dates import (
    ANY_PART_OF_THE_UK,
    ENGLAND_AND_WALES,
    NORTHERN_IRELAND,
    SCOTLAND,
    LeapDay,
    WorkingDayCalendar,
    add_months,
    add_weeks,
    age_on,
    birthday,
)

D = dt.date
E = ENGLAND_AND_WALES
NATIONS = {"ENG": ENGLAND_AND_WALES, "SCT": SCOTLAND, "NIR": NORTHERN_IRELAND}
dates_1990_2040 = st.dates(D(1990, 1, 1), D(2040, 12, 31))


# -- worked examples (reference/duties.md §17) ---------------------------------------------------


@pytest.mark.parametrize(
    ("name", "trigger", "n", "expected", "expected_b"),
    [
        ("W1 first review, Christmas 2023", D(2023, 12, 22), 20, D(2024, 1, 24), D(2024, 1, 23)),
        ("W2 care plan 10 WD", D(2023, 12, 22), 10, D(2024, 1, 10), D(2024, 1, 9)),
        ("W3 IRO 5 WD", D(2023, 12, 22), 5, D(2024, 1, 3), D(2024, 1, 2)),
        ("W5 2022 spring + jubilee", D(2022, 6, 1), 5, D(2022, 6, 10), D(2022, 6, 9)),
        ("W6 State Funeral", D(2022, 9, 15), 5, D(2022, 9, 23), D(2022, 9, 22)),
        ("W7 Coronation", D(2023, 4, 24), 20, D(2023, 5, 24), D(2023, 5, 23)),
        ("W8 VE Day move 2020", D(2020, 5, 4), 5, D(2020, 5, 12), D(2020, 5, 11)),
        ("W9 substitute days 2022/23", D(2022, 12, 22), 5, D(2023, 1, 3), D(2022, 12, 30)),
        ("W10 Saturday trigger", D(2023, 12, 23), 20, D(2024, 1, 24), D(2024, 1, 24)),
        ("W30 6 WD over Christmas 2024", D(2024, 12, 19), 6, D(2024, 12, 31), D(2024, 12, 30)),
        ("W32 Easter and May 2023", D(2023, 4, 6), 20, D(2023, 5, 10), D(2023, 5, 9)),
    ],
)
def test_worked_examples_england_and_wales(
    name: str, trigger: dt.date, n: int, expected: dt.date, expected_b: dt.date
) -> None:
    assert E.add_working_days(trigger, n) == expected, name
    assert E.add_working_days(trigger, n, count_trigger_day=True) == expected_b, name
    assert E.working_days_between(trigger, expected) == n


def test_w5_w8_moved_holidays_are_not_working_days_but_the_normal_dates_are() -> None:
    assert not E.is_working_day(D(2022, 6, 2))
    assert not E.is_working_day(D(2022, 6, 3))
    assert E.is_working_day(D(2022, 5, 30))
    assert not E.is_working_day(D(2020, 5, 8))
    assert E.is_working_day(D(2020, 5, 4))
    assert not E.is_working_day(D(2022, 9, 19))
    assert not E.is_working_day(D(2023, 5, 8))


def test_w26_scotland_calendar_differs() -> None:
    assert E.add_working_days(D(2024, 12, 20), 20) == D(2025, 1, 22)
    assert SCOTLAND.add_working_days(D(2024, 12, 20), 20) == D(2025, 1, 23)
    assert not SCOTLAND.is_working_day(D(2025, 1, 2))
    assert add_weeks(D(2024, 12, 20), 6) == D(2025, 1, 31)


def test_w27_any_part_of_the_uk() -> None:
    assert E.add_working_days(D(2024, 3, 14), 5) == D(2024, 3, 21)
    assert ANY_PART_OF_THE_UK.add_working_days(D(2024, 3, 14), 5) == D(2024, 3, 22)
    assert not NORTHERN_IRELAND.is_working_day(D(2024, 3, 18))


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        (D(2024, 1, 24), 3, D(2024, 4, 24)),  # W4 second review
        (D(2024, 4, 24), 6, D(2024, 10, 24)),  # W4 third review
        (D(2023, 11, 30), 3, D(2024, 2, 29)),  # W11
        (D(2023, 8, 31), 6, D(2024, 2, 29)),  # W12
        (D(2024, 8, 31), 6, D(2025, 2, 28)),  # W12
        (D(2025, 2, 28), 6, D(2025, 8, 28)),  # W12 chaining drift, and W28
        (D(2024, 3, 27), 3, D(2024, 6, 27)),  # W18
        (D(2024, 11, 30), 3, D(2025, 2, 28)),  # W19, and W28 short breaks
        (D(2025, 3, 31), 6, D(2025, 9, 30)),  # W20
        (D(2025, 4, 30), 2, D(2025, 6, 30)),  # W21 "two months", not 56 days
        (D(2024, 2, 29), 12, D(2025, 2, 28)),  # W25
        (D(2025, 2, 20), 12, D(2026, 2, 20)),  # W25
        (D(2024, 3, 31), 6, D(2024, 9, 30)),  # W29
    ],
)
def test_worked_examples_months(start: dt.date, months: int, expected: dt.date) -> None:
    assert add_months(start, months) == expected


def test_w12_anchor_plus_twelve_months_would_be_wrong() -> None:
    assert add_months(add_months(D(2024, 8, 31), 6), 6) == D(2025, 8, 28)
    assert add_months(D(2024, 8, 31), 12) == D(2025, 8, 31)


def test_w13_six_week_chain() -> None:
    chain = [D(2024, 1, 12)]
    for _ in range(8):
        chain.append(add_weeks(chain[-1], 6))
    assert chain[1:] == [
        D(2024, 2, 23), D(2024, 4, 5), D(2024, 5, 17), D(2024, 6, 28),
        D(2024, 8, 9), D(2024, 9, 20), D(2024, 11, 1), D(2024, 12, 13),
    ]  # fmt: skip
    assert add_weeks(D(2024, 1, 8), 1) == D(2024, 1, 15)
    assert add_weeks(chain[-1], 6) == D(2025, 1, 24)
    assert add_months(chain[-1], 3) == D(2025, 3, 13)


def test_w15_sixteen_weeks_both_counts() -> None:
    start = D(2024, 3, 1)
    assert add_weeks(start, 16) == D(2024, 6, 21)
    assert add_weeks(start, 16) - dt.timedelta(days=1) == D(2024, 6, 20)
    assert E.add_working_days(start, 20) == D(2024, 4, 2)


def test_w16_health_reviews() -> None:
    assert add_months(D(2024, 1, 25), 6) == D(2024, 7, 25)
    assert birthday(D(2020, 3, 10), 5) == D(2025, 3, 10)
    assert add_months(D(2025, 1, 25), 6) == D(2025, 7, 25)
    assert add_months(D(2025, 1, 25), 12) == D(2026, 1, 25)


def test_w22_leap_day_birthdays() -> None:
    dob = D(2008, 2, 29)
    assert birthday(dob, 16) == D(2024, 2, 29)
    assert birthday(dob, 18) == D(2026, 3, 1)
    assert birthday(dob, 18, LeapDay.FEB_28) == D(2026, 2, 28)
    assert birthday(dob, 21) == D(2029, 3, 1)
    assert birthday(dob, 21, LeapDay.FEB_28) == D(2029, 2, 28)
    assert birthday(dob, 25) == D(2033, 3, 1)
    assert birthday(dob, 25, LeapDay.FEB_28) == D(2033, 2, 28)
    assert age_on(dob, D(2026, 2, 28)) == 17
    assert age_on(dob, D(2026, 2, 28), LeapDay.FEB_28) == 18


def test_w23_w24_ages() -> None:
    assert birthday(D(2001, 6, 15), 21) == D(2022, 6, 15)
    assert birthday(D(2001, 6, 15), 25) == D(2026, 6, 15)
    assert birthday(D(1995, 1, 10), 25) == D(2020, 1, 10)
    assert birthday(D(2006, 9, 1), 18) == D(2024, 9, 1)
    assert birthday(D(2006, 9, 1), 21) == D(2027, 9, 1)


# -- behaviour and errors ------------------------------------------------------------------------


def test_zero_and_negative_working_days() -> None:
    assert E.add_working_days(D(2024, 1, 6), 0) == D(2024, 1, 6)
    with pytest.raises(ValueError, match="n must be >= 0"):
        E.add_working_days(D(2024, 1, 6), -1)


def test_datetime_is_rejected_everywhere() -> None:
    moment = dt.datetime(2024, 1, 1, 12, 0)
    with pytest.raises(TypeError):
        E.add_working_days(moment, 1)
    with pytest.raises(TypeError):
        E.is_working_day(moment)
    with pytest.raises(TypeError):
        E.working_days_between(moment, D(2024, 2, 1))
    with pytest.raises(TypeError):
        add_months(moment, 1)
    with pytest.raises(TypeError):
        age_on(moment, D(2024, 1, 1))
    with pytest.raises(TypeError):
        E.with_closures([moment])


def test_age_before_birth_is_an_error() -> None:
    with pytest.raises(ValueError, match="before the date of birth"):
        age_on(D(2020, 1, 1), D(2019, 12, 31))
    with pytest.raises(ValueError, match="age must be"):
        birthday(D(2020, 1, 1), -1)


def test_with_closures_adds_days_and_leaves_the_original_alone() -> None:
    closures = [D(2024, 12, 24), D(2024, 12, 27)]
    council = E.with_closures(closures)
    assert isinstance(council, WorkingDayCalendar)
    assert not council.is_working_day(D(2024, 12, 24))
    assert E.is_working_day(D(2024, 12, 24))
    assert council.add_working_days(D(2024, 12, 23), 1) == D(2024, 12, 30)
    assert E.add_working_days(D(2024, 12, 23), 1) == D(2024, 12, 24)
    assert council.closures == frozenset(closures)
    assert council.with_closures([]) == council


def test_index_grows_beyond_the_default_range() -> None:
    cal = ENGLAND_AND_WALES.with_closures([D(2150, 6, 2)])
    assert cal.add_working_days(D(2150, 5, 29), 2) == D(2150, 6, 3)
    assert cal.working_days_between(D(1850, 1, 1), D(1850, 1, 8)) == 5
    assert cal.add_working_days(D(2100, 12, 31), 5) > D(2100, 12, 31)


def test_snapshot_of_non_working_weekdays_1990_2040() -> None:
    """A `holidays` upgrade that moves a bank holiday must fail here and show a diff."""
    path = Path(__file__).parent / "data" / "make_bank_holiday_snapshot.py"
    spec = importlib.util.spec_from_file_location("make_bank_holiday_snapshot", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    committed = json.loads(path.with_name("bank_holidays_1990_2040.json").read_text())
    assert module.snapshot() == committed


@pytest.mark.parametrize("subdivision", sorted(NATIONS))
def test_agrees_with_holidays_package_every_day_1990_2040(subdivision: str) -> None:
    cal = NATIONS[subdivision]
    bank = holidays.country_holidays("GB", subdiv=subdivision, years=range(1990, 2041))
    day, end = D(1990, 1, 1), D(2040, 12, 31)
    while day <= end:
        expected = day.weekday() < 5 and day not in bank
        assert cal.is_working_day(day) is expected, day
        day += dt.timedelta(days=1)


def test_england_and_wales_is_one_list() -> None:
    years = range(1990, 2041)
    eng = holidays.country_holidays("GB", subdiv="ENG", years=years)
    wls = holidays.country_holidays("GB", subdiv="WLS", years=years)
    assert set(eng) == set(wls)


# -- properties ----------------------------------------------------------------------------------


def naive_add_working_days(cal: WorkingDayCalendar, d: dt.date, n: int) -> dt.date:
    bank = holidays.country_holidays("GB", subdiv=_subdivision(cal), years=range(1989, 2043))
    while n:
        d += dt.timedelta(days=1)
        if d.weekday() < 5 and d not in bank:
            n -= 1
    return d


def _subdivision(cal: WorkingDayCalendar) -> str:
    return next(k for k, v in NATIONS.items() if v is cal)


nations = st.sampled_from(sorted(NATIONS)).map(NATIONS.__getitem__)


@given(cal=nations, d=dates_1990_2040, n=st.integers(0, 300))
def test_agrees_with_a_naive_loop(cal: WorkingDayCalendar, d: dt.date, n: int) -> None:
    assert cal.add_working_days(d, n) == naive_add_working_days(cal, d, n)


@given(cal=nations, d=dates_1990_2040, n=st.integers(1, 400))
def test_result_is_a_working_day_after_the_trigger(
    cal: WorkingDayCalendar, d: dt.date, n: int
) -> None:
    due = cal.add_working_days(d, n)
    assert cal.is_working_day(due)
    assert due > d
    assert cal.working_days_between(d, due) == n


@given(cal=nations, d=dates_1990_2040, n=st.integers(0, 400), m=st.integers(0, 400))
def test_monotone_in_n(cal: WorkingDayCalendar, d: dt.date, n: int, m: int) -> None:
    lo, hi = sorted((n, m))
    assert cal.add_working_days(d, lo) <= cal.add_working_days(d, hi)


@given(cal=nations, a=dates_1990_2040, b=dates_1990_2040, n=st.integers(0, 100))
def test_monotone_in_start(cal: WorkingDayCalendar, a: dt.date, b: dt.date, n: int) -> None:
    lo, hi = sorted((a, b))
    assert cal.add_working_days(lo, n) <= cal.add_working_days(hi, n)


@given(cal=nations, a=dates_1990_2040, b=dates_1990_2040)
def test_between_is_antisymmetric_and_additive(
    cal: WorkingDayCalendar, a: dt.date, b: dt.date
) -> None:
    assert cal.working_days_between(a, b) == -cal.working_days_between(b, a)
    mid = a + (b - a) / 2
    assert cal.working_days_between(a, b) == cal.working_days_between(
        a, mid
    ) + cal.working_days_between(mid, b)


@given(cal=nations, d=dates_1990_2040, n=st.integers(1, 200))
def test_counting_the_trigger_day(cal: WorkingDayCalendar, d: dt.date, n: int) -> None:
    b = cal.add_working_days(d, n, count_trigger_day=True)
    if cal.is_working_day(d):
        assert b == cal.add_working_days(d, n - 1)
    else:
        assert b == cal.add_working_days(d, n)


@given(cal=nations, d=dates_1990_2040)
def test_next_working_day(cal: WorkingDayCalendar, d: dt.date) -> None:
    nxt = cal.next_working_day(d)
    assert cal.is_working_day(nxt)
    assert nxt >= d
    assert cal.working_days_between(d, nxt) == (0 if nxt == d else 1)


@given(d=dates_1990_2040, months=st.integers(-600, 600))
def test_add_months_never_overshoots_month_end(d: dt.date, months: int) -> None:
    result = add_months(d, months)
    index = d.year * 12 + d.month - 1 + months
    year, month = divmod(index, 12)
    assert (result.year, result.month) == (year, month + 1)
    assert result.day == min(d.day, pycalendar.monthrange(year, month + 1)[1])


@settings(max_examples=300)
@given(
    dob=st.dates(D(1950, 1, 1), D(2030, 12, 31)),
    k=st.integers(1, 30),
    leap=st.sampled_from(LeapDay),
)
def test_age_on_birthday_is_k_and_k_minus_one_the_day_before(
    dob: dt.date, k: int, leap: LeapDay
) -> None:
    day = birthday(dob, k, leap)
    assert age_on(dob, day, leap) == k
    assert age_on(dob, day - dt.timedelta(days=1), leap) == k - 1


@given(dob=st.sampled_from([D(2000, 2, 29), D(2004, 2, 29), D(2008, 2, 29)]), k=st.integers(1, 40))
def test_leap_day_rule_only_moves_non_leap_years(dob: dt.date, k: int) -> None:
    year = dob.year + k
    if pycalendar.isleap(year):
        leap_year_birthday = D(year, 2, 29)
        assert birthday(dob, k, LeapDay.MARCH_1) == leap_year_birthday
        assert birthday(dob, k, LeapDay.FEB_28) == leap_year_birthday
    else:
        assert birthday(dob, k, LeapDay.MARCH_1) == D(year, 3, 1)
        assert birthday(dob, k, LeapDay.FEB_28) == D(year, 2, 28)


def test_calendars_pickle_for_worker_processes() -> None:
    import pickle

    council = ENGLAND_AND_WALES.with_closures([D(2024, 12, 24)])
    copy = pickle.loads(pickle.dumps(council))
    assert copy == council
    assert copy.add_working_days(D(2024, 12, 23), 1) == D(2024, 12, 27)
