"""Properties of scheduling under each nation's law, over generated case histories."""

from __future__ import annotations

import datetime as dt

import attrs
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from corparent.dates import age_on
from corparent.jurisdiction import Jurisdiction
from corparent.law import ENGLAND, LAWS, LeaverStatus, WithinWeeksByConvention
from corparent.leaving_care_nations import ScottishLeaverStatus, WelshCategory, leaver_status
from corparent.model import CaseRecord
from corparent.schedule import Status, schedule
from corparent.testing import case_records

AS_OF = dt.date(2024, 3, 31)
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
NI_FOUR_WEEKS = attrs.evolve(
    LAWS[Jurisdiction.NORTHERN_IRELAND].conventions, ni_first_review_weeks=4
)


def _conventions(nation: Jurisdiction) -> object:
    return NI_FOUR_WEEKS if nation is Jurisdiction.NORTHERN_IRELAND else None


@SETTINGS
@given(record=case_records(), nation=st.sampled_from(list(Jurisdiction)))
def test_every_obligation_is_the_nations_own(record: CaseRecord, nation: Jurisdiction) -> None:
    rec = attrs.evolve(record, jurisdiction=nation)
    rules = LAWS[nation]
    for o in schedule(rec, AS_OF, conventions=_conventions(nation)):  # type: ignore[arg-type]
        assert rules.get(o.duty.id) is o.duty
        assert o.version.citation.short in o.explain()
        assert o.status is not Status.NOT_ASSESSABLE  # a complete history can be judged
        if o.status is Status.MET:
            assert o.met_on is not None
            assert o.met_on <= o.due


@SETTINGS
@given(record=case_records())
def test_scottish_first_reviews_are_six_weeks_after_a_placement(record: CaseRecord) -> None:
    rec = attrs.evolve(record, jurisdiction=Jurisdiction.SCOTLAND)
    starts = {p.start for p in rec.placements()}
    for o in schedule(rec, AS_OF).by_duty().get("review_first", ()):
        assert o.trigger in starts
        assert o.due == o.trigger + dt.timedelta(weeks=6)


@SETTINGS
@given(record=case_records())
def test_a_stated_england_is_the_default(record: CaseRecord) -> None:
    stated = attrs.evolve(record, jurisdiction=Jurisdiction.ENGLAND)
    assert schedule(stated, AS_OF).obligations == schedule(record, AS_OF, rules=ENGLAND).obligations


def test_only_northern_ireland_needs_a_convention() -> None:
    needing = {
        rules.name
        for rules in LAWS.values()
        for duty in rules
        for version in duty.versions
        if isinstance(version.rule, WithinWeeksByConvention)
    }
    assert needing == {"Northern Ireland"}


@SETTINGS
@given(record=case_records(), on=st.dates(min_value=dt.date(2015, 4, 1), max_value=AS_OF))
def test_scottish_aftercare_follows_looked_after_at_16(record: CaseRecord, on: dt.date) -> None:
    rec = attrs.evolve(record, jurisdiction=Jurisdiction.SCOTLAND)
    status = leaver_status(rec, on)
    if on < rec.child.date_of_birth:
        assert status.status is ScottishLeaverStatus.NONE
        return
    age = age_on(rec.child.date_of_birth, on)
    if status.status is ScottishLeaverStatus.AFTERCARE:
        assert 16 <= age < 19
        assert not rec.looked_after_on(on)
        assert status.since is not None
        assert status.since <= on
    elif status.status is ScottishLeaverStatus.LOOKED_AFTER_16_PLUS:
        assert rec.looked_after_on(on)
        assert age >= 16
    elif status.status is ScottishLeaverStatus.AFTERCARE_ON_APPLICATION:
        assert 19 <= age < 26


@SETTINGS
@given(record=case_records(), on=st.dates(min_value=dt.date(2016, 4, 6), max_value=AS_OF))
def test_welsh_categories_one_to_three_are_englands_statuses(
    record: CaseRecord, on: dt.date
) -> None:
    welsh = leaver_status(record, on, jurisdiction=Jurisdiction.WALES)
    english = leaver_status(record, on, jurisdiction=Jurisdiction.ENGLAND).status
    pairs = {
        WelshCategory.CATEGORY_1: LeaverStatus.ELIGIBLE,
        WelshCategory.CATEGORY_2: LeaverStatus.RELEVANT,
        WelshCategory.CATEGORY_3: LeaverStatus.FORMER_RELEVANT,
    }
    if welsh.status in pairs:
        assert english is pairs[welsh.status]
    assert welsh.provisional == (
        welsh.status in (WelshCategory.CATEGORY_3, WelshCategory.CATEGORY_6)
    )
