"""Invariants of the corrected law: short-break series, before-the-event deadlines and the
ambiguity report, over generated records."""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from corparent.codes import LegalStatus, PlacementType, ReasonEpisodeCeased
from corparent.law import Conventions
from corparent.leaving_care import MAX_BREAK_DAYS, MAX_DAYS_IN_12_MONTHS, short_breaks
from corparent.model import CaseRecord, Child, Episode, Review
from corparent.schedule import ambiguities, schedule
from corparent.testing import case_records

AS_OF = dt.date(2026, 1, 1)
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
_ENDINGS = [ReasonEpisodeCeased(c) for c in ("E4A", "E4A", "E4A", "E4B", "E13", "E8")]


@st.composite
def short_break_records(draw: st.DrawFn) -> CaseRecord:
    """A child with a run of V3 short breaks of varied length, gaps and endings."""
    day = dt.date(2023, 1, 1) + dt.timedelta(days=draw(st.integers(0, 300)))
    episodes = []
    for _ in range(draw(st.integers(1, 14))):
        length = draw(st.integers(1, 24))
        end = day + dt.timedelta(days=length)
        episodes.append(
            Episode(
                start=day,
                end=end,
                legal_status=LegalStatus.V3,
                placement=PlacementType.U6,
                reason_ceased=draw(st.sampled_from(_ENDINGS)),
            )
        )
        day = end + dt.timedelta(days=draw(st.integers(1, 120)))
    days = draw(st.lists(st.dates(episodes[0].start, AS_OF), max_size=6, unique=True))
    reviews = [Review(date=d) for d in days]
    return CaseRecord(
        child=Child(id="SB", date_of_birth=dt.date(2012, 1, 1)),
        episodes=episodes,
        reviews=reviews,
    )


@SETTINGS
@given(record=short_break_records())
def test_short_break_series_invariants(record: CaseRecord) -> None:
    found = short_breaks(record)
    in_series = [p.start for s in found.series for p in s.periods]
    assert len(in_series) == len(set(in_series))
    assert set(in_series) == {b.start for b in found.breaks if b.reg48}
    for b in found.breaks:
        if b.reg48:
            assert b.days <= MAX_BREAK_DAYS
            assert b.days_in_12_months <= MAX_DAYS_IN_12_MONTHS
        assert b.days <= b.days_in_12_months
    for earlier, later in zip(found.series, found.series[1:], strict=False):
        assert earlier.end is not None
        assert earlier.end <= later.start


@SETTINGS
@given(record=short_break_records())
def test_counting_nights_never_fails_a_break_counting_days_passes(record: CaseRecord) -> None:
    days = short_breaks(record)
    nights = short_breaks(record, Conventions(short_break_days_inclusive=False))
    for by_day, by_night in zip(days.breaks, nights.breaks, strict=True):
        assert by_night.days <= by_day.days
        if by_day.reg48:
            assert by_night.reg48


@SETTINGS
@given(record=short_break_records())
def test_reg_48_breaks_get_series_duties_not_the_full_regulations(record: CaseRecord) -> None:
    found = short_breaks(record)
    reg48_starts = {p.start for s in found.series for p in s.periods}
    s = schedule(record, AS_OF).by_duty()
    for duty_id in ("review_first", "care_plan_prepare", "placement_plan_prepare", "visit_first"):
        assert not {o.trigger for o in s.get(duty_id, ())} & reg48_starts, duty_id
    assert len(s.get("review_short_breaks", ())) <= len(found.series)
    assert len(s.get("care_plan_short_breaks", ())) <= len(found.series)


@SETTINGS
@given(record=case_records())
def test_before_the_first_review_is_never_later_than_the_long_stop(record: CaseRecord) -> None:
    as_of = dt.date(2024, 3, 31)
    for duty_id in ("iro_appoint", "health_assessment_initial"):
        for o in schedule(record, as_of).by_duty().get(duty_id, ()):
            assert o.due <= o.version.rule.due(o.trigger, Conventions())
            first = next((r.date for r in record.reviews if r.date >= o.trigger), None)
            if first is not None and first <= as_of and record.period_on(first) is not None:
                period = record.period_on(o.trigger)
                if period is not None and period.covers(first):
                    assert o.due <= first


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(record=case_records())
def test_every_ambiguity_shows_two_different_answers(record: CaseRecord) -> None:
    for a in ambiguities(record, dt.date(2024, 3, 31)):
        assert (a.default_due, a.default_status) != (a.alternative_due, a.alternative_status)
        if a.reading == "trigger day counted" and a.default_due and a.alternative_due:
            assert a.alternative_due <= a.default_due
