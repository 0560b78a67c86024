"""Local standards: tighten-only overlays on the statutory rule set."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corparent.codes import LegalStatus, PlacementType
from corparent.errors import ConfigError
from corparent.law import (
    ENGLAND,
    Force,
    IntervalMaxMonths,
    IntervalMaxWeeks,
    LocalStandard,
    Trigger,
    WithinWorkingDays,
    never_later,
)
from corparent.model import CaseRecord, Child, ContactRequest, Episode, Review, Visit
from corparent.schedule import Status, schedule

D = dt.date
SIX_WEEKS_CONTACT = LocalStandard(
    id="bnes.social_worker_contact",
    title="Social worker in touch at least every 6 weeks",
    tightens="visit_after_first_year",
    rule=IntervalMaxWeeks(weeks=6),
    source="Bath and North East Somerset Council",
)
CARE_PLAN_SIX_MONTHS = LocalStandard(
    id="bnes.care_plan_review",
    title="Care plan reviewed at least every six months",
    tightens="review_subsequent",
    rule=IntervalMaxMonths(months=5),
)
CALL_BACK = LocalStandard(
    id="bnes.call_back",
    title="We return your call within two working days",
    trigger=Trigger.CONTACT_REQUESTED,
    rule=WithinWorkingDays(days=2),
)


def record() -> CaseRecord:
    return CaseRecord(
        child=Child(id="L1", date_of_birth=D(2012, 1, 1)),
        episodes=[
            Episode(start=D(2023, 1, 9), legal_status=LegalStatus.C2, placement=PlacementType.U4)
        ],
        reviews=[
            Review(date=D(2023, 2, 1)),
            Review(date=D(2023, 5, 1)),
            Review(date=D(2023, 10, 25)),
        ],
        visits=[Visit(date=D(2023, 1, 12), seen=True)],
        contact_requests=[ContactRequest(date=D(2024, 3, 1), responded_on=D(2024, 3, 6))],
    )


def test_a_tightening_standard_adds_local_obligations_beside_the_statutory_ones() -> None:
    rules = ENGLAND.with_standards([CARE_PLAN_SIX_MONTHS, CALL_BACK])
    assert len(rules) == len(ENGLAND) + 2
    s = schedule(record(), D(2024, 3, 31), rules=rules).by_duty()
    statutory = s["review_subsequent"][0]
    local = s["bnes.care_plan_review"][0]
    assert (statutory.trigger, statutory.due, statutory.status) == (
        D(2023, 5, 1),
        D(2023, 11, 1),
        Status.MET,
    )
    assert (local.due, local.status, local.force) == (D(2023, 10, 1), Status.MET_LATE, Force.LOCAL)
    call = s["bnes.call_back"][0]
    assert (call.due, call.status) == (D(2024, 3, 5), Status.MET_LATE)
    assert "review_subsequent" in [d.id for d in ENGLAND]  # the original is untouched
    assert "bnes.call_back" not in ENGLAND


def test_a_pledge_like_object_with_standards_is_accepted() -> None:
    class Pledge:
        standards = (SIX_WEEKS_CONTACT,)

    assert "bnes.social_worker_contact" in ENGLAND.with_standards(Pledge())


def test_a_loosening_standard_is_refused_naming_both() -> None:
    loose = LocalStandard(
        id="x.reviews",
        title="Reviews yearly",
        tightens="review_subsequent",
        rule=IntervalMaxMonths(months=12),
    )
    with pytest.raises(ConfigError) as info:
        ENGLAND.with_standards([loose])
    message = str(info.value)
    assert "x.reviews" in message
    assert "review_subsequent" in message
    assert "CPPCR 2010 reg 33(2)" in message


def test_unknown_duty_is_refused() -> None:
    with pytest.raises(ConfigError, match="unknown duty"):
        ENGLAND.with_standards(
            [LocalStandard(id="x", title="x", tightens="nope", rule=IntervalMaxMonths(months=1))]
        )


@settings(max_examples=60, deadline=None)
@given(trigger=st.dates(D(2011, 4, 1), D(2035, 12, 31)), months=st.integers(1, 6))
def test_an_accepted_standard_is_never_due_later_than_statute(
    trigger: dt.date, months: int
) -> None:
    from corparent.law import Conventions

    standard = LocalStandard(
        id="x.r", title="r", tightens="review_subsequent", rule=IntervalMaxMonths(months=months)
    )
    rules = ENGLAND.with_standards([standard])
    local, statutory = rules["x.r"], rules["review_subsequent"]
    conv = Conventions()
    assert local.rule.due(trigger, conv) <= statutory.rule.due(trigger, conv)
    assert never_later(local.rule, statutory) is None
