"""Properties of scheduling under each nation's law, over generated case histories."""

from __future__ import annotations

import datetime as dt

import attrs
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from corparent.jurisdiction import Jurisdiction
from corparent.law import ENGLAND, LAWS, WithinWeeksByConvention
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
