"""Integrity: every kind of contradiction is found, named, located, and all are listed."""

from __future__ import annotations

import datetime as dt

import pytest

from corparent.codes import LegalStatus, PlacementType, ReasonEpisodeCeased, ReasonNewEpisode
from corparent.errors import RecordError
from corparent.model import (
    CaseRecord,
    Child,
    Episode,
    IntegrityProblem,
    PlacementNotification,
    PlacementPlan,
    Review,
    StayingPut,
    Visit,
)

D = dt.date
X1 = ReasonEpisodeCeased.X1
E8 = ReasonEpisodeCeased.E8
CHILD = Child(id="C7", date_of_birth=D(2010, 5, 1))


def ep(start: dt.date, end: dt.date | None = None, rec: ReasonEpisodeCeased | None = None,
       rne: ReasonNewEpisode = ReasonNewEpisode.S) -> Episode:  # fmt: skip
    return Episode(
        start=start,
        end=end,
        reason_ceased=rec,
        reason_new=rne,
        legal_status=LegalStatus.C2,
        placement=PlacementType.U4,
    )


CASES = {
    IntegrityProblem.EPISODE_ENDS_BEFORE_START: (
        {"episodes": [ep(D(2020, 5, 1), D(2020, 4, 1), E8)]},
        "episodes[0].end",
    ),
    IntegrityProblem.EPISODES_OVERLAP: (
        {"episodes": [ep(D(2020, 1, 1), D(2020, 5, 1), E8), ep(D(2020, 4, 1))]},
        "episodes[1].start",
    ),
    IntegrityProblem.OPEN_EPISODE_NOT_LAST: (
        {"episodes": [ep(D(2020, 1, 1)), ep(D(2020, 4, 1))]},
        "episodes[0].end",
    ),
    IntegrityProblem.X1_WITHOUT_SUCCESSOR: (
        {"episodes": [ep(D(2020, 1, 1), D(2020, 2, 1), X1), ep(D(2020, 3, 1), None)]},
        "episodes[0].reason_ceased",
    ),
    IntegrityProblem.REASON_CEASED_WITHOUT_END: (
        {"episodes": [ep(D(2020, 1, 1), None, E8)]},
        "episodes[0].reason_ceased",
    ),
    IntegrityProblem.END_WITHOUT_REASON_CEASED: (
        {"episodes": [ep(D(2020, 1, 1), D(2020, 2, 1))]},
        "episodes[0].end",
    ),
    IntegrityProblem.EVENT_BEFORE_BIRTH: (
        {"episodes": [ep(D(2020, 1, 1))], "reviews": [Review(date=D(2009, 1, 1))]},
        "reviews[0].date",
    ),
    IntegrityProblem.DUPLICATE_EVENT: (
        {"episodes": [ep(D(2020, 1, 1))], "visits": [Visit(date=D(2020, 1, 5), seen=True)] * 2},
        "visits[1]",
    ),
    IntegrityProblem.PERIOD_ENDS_BEFORE_START: (
        {"staying_put": [StayingPut(start=D(2028, 5, 1), end=D(2028, 4, 1))]},
        "staying_put[0].end",
    ),
    IntegrityProblem.UNKNOWN_PLACEMENT: (
        {
            "episodes": [ep(D(2020, 1, 1))],
            "placement_plans": [PlacementPlan(date=D(2020, 1, 2), placement_start=D(2020, 1, 2))],
        },
        "placement_plans[0].placement_start",
    ),
}


def test_every_problem_kind_has_a_case() -> None:
    assert set(CASES) == set(IntegrityProblem)


@pytest.mark.parametrize("kind", list(IntegrityProblem), ids=lambda k: k.value)
def test_each_fault_is_named_with_its_path(kind: IntegrityProblem) -> None:
    fields, path = CASES[kind]
    with pytest.raises(RecordError) as info:
        CaseRecord(child=CHILD, **fields)
    found = {(p.code, p.path) for p in info.value.problems}
    assert (kind.value, path) in found
    assert all(p.record_id == "C7" for p in info.value.problems)
    assert kind.value in str(info.value) or kind.description in str(info.value)
    assert "2010" not in str(info.value)  # never the date of birth


def test_all_problems_are_listed_at_once() -> None:
    fields: dict[str, object] = {}
    for kind in (
        IntegrityProblem.REASON_CEASED_WITHOUT_END,
        IntegrityProblem.DUPLICATE_EVENT,
        IntegrityProblem.PERIOD_ENDS_BEFORE_START,
    ):
        for key, value in CASES[kind][0].items():
            fields.setdefault(key, value)
    with pytest.raises(RecordError) as info:
        CaseRecord(child=CHILD, **fields)  # type: ignore[arg-type]
    codes = {p.code for p in info.value.problems}
    assert codes >= {
        "reason_ceased_without_end",
        "duplicate_event",
        "period_ends_before_start",
    }


def test_build_keeps_the_record_and_returns_problems() -> None:
    fields, _ = CASES[IntegrityProblem.EPISODES_OVERLAP]
    record, problems = CaseRecord.build(child=CHILD, **fields)
    assert isinstance(record, CaseRecord)
    assert [p.code for p in problems] == ["episodes_overlap"]
    assert record.problems() == problems
    unchecked = CaseRecord.unchecked(child=CHILD, **fields)
    assert unchecked == record
    with pytest.raises(RecordError):
        CaseRecord(child=CHILD, **fields)  # the flag does not leak


def test_consistent_x1_chain_and_notification_are_clean() -> None:
    record = CaseRecord(
        child=CHILD,
        episodes=[
            ep(D(2020, 1, 1), D(2020, 2, 1), X1),
            ep(D(2020, 2, 1), D(2020, 3, 1), E8, rne=ReasonNewEpisode.P),
        ],
        placement_notifications=[
            PlacementNotification(date=D(2020, 2, 3), placement_start=D(2020, 2, 1))
        ],
    )
    assert record.problems() == ()
