"""Hypothesis strategies for case records: valid and realistic, or with one chosen fault.

``case_records()`` draws a seed and builds the record with :mod:`corparent.synth`, so examples
look like real casework (entry ages, moves, reviews and visits mostly on time, some late or
missing, care leavers); hypothesis still shrinks towards small seeds and simple options.
"""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

import attrs
from hypothesis import strategies as st

from corparent.codes import ReasonEpisodeCeased
from corparent.model import (
    CaseRecord,
    IntegrityProblem,
    PlacementPlan,
    Review,
    StayingPut,
)
from corparent.synth import DEFAULT_AS_OF, generate_record

__all__ = ["case_records", "dates_between", "faulty_case_records"]

_DAY = dt.timedelta(days=1)


def dates_between(start: dt.date, end: dt.date) -> st.SearchStrategy[dt.date]:
    """Dates from ``start`` to ``end`` inclusive (plain ``date``, never ``datetime``)."""
    return st.dates(min_value=start, max_value=end)


@st.composite
def case_records(
    draw: st.DrawFn,
    *,
    as_of: dt.date = DEFAULT_AS_OF,
    care_leavers: bool = True,
    on_time_rate: float | None = None,
    include_non_903_events: bool = True,
) -> CaseRecord:
    """Valid, realistic case records as at ``as_of``.

    Args:
        as_of: Nothing in the record happens after this day.
        care_leavers: Whether some records are care leavers aged 17 to 21.
        on_time_rate: The share of duties met on time; drawn between 0.5 and 1 when ``None``.
        include_non_903_events: Add visits, plans and assessments (not only 903 data).
    """
    seed = draw(st.integers(0, 2**32 - 1))
    leaver = care_leavers and draw(st.booleans())
    rate = on_time_rate if on_time_rate is not None else draw(st.floats(0.5, 1.0))
    child_id = draw(st.from_regex(r"C[0-9]{4,6}", fullmatch=True))
    return generate_record(
        random.Random(seed),
        child_id,
        as_of,
        care_leaver=leaver,
        on_time_rate=rate,
        include_non_903_events=include_non_903_events,
    )


def _fault(record: CaseRecord, kind: IntegrityProblem) -> dict[str, Any]:
    first = record.episodes[0]
    dob = record.child.date_of_birth
    if kind is IntegrityProblem.EPISODE_ENDS_BEFORE_START:
        bad = attrs.evolve(first, end=first.start - _DAY, reason_ceased=ReasonEpisodeCeased.E8)
        return {"episodes": [bad, *record.episodes[1:]]}
    if kind is IntegrityProblem.EPISODES_OVERLAP:
        extra = attrs.evolve(first, start=first.start + _DAY, end=None, reason_ceased=None)
        closed = attrs.evolve(
            first, end=first.start + 10 * _DAY, reason_ceased=ReasonEpisodeCeased.E8
        )
        return {"episodes": [closed, extra]}
    if kind is IntegrityProblem.OPEN_EPISODE_NOT_LAST:
        opened = attrs.evolve(first, end=None, reason_ceased=None)
        later = attrs.evolve(first, start=first.start + 30 * _DAY, end=None, reason_ceased=None)
        return {"episodes": [opened, later]}
    if kind is IntegrityProblem.X1_WITHOUT_SUCCESSOR:
        last = record.episodes[-1]
        ended = attrs.evolve(last, end=last.start + _DAY, reason_ceased=ReasonEpisodeCeased.X1)
        return {"episodes": [*record.episodes[:-1], ended]}
    if kind is IntegrityProblem.REASON_CEASED_WITHOUT_END:
        last = record.episodes[-1]
        return {
            "episodes": [
                *record.episodes[:-1],
                attrs.evolve(last, end=None, reason_ceased=ReasonEpisodeCeased.E8),
            ]
        }
    if kind is IntegrityProblem.END_WITHOUT_REASON_CEASED:
        last = record.episodes[-1]
        return {
            "episodes": [
                *record.episodes[:-1],
                attrs.evolve(last, end=last.start + _DAY, reason_ceased=None),
            ]
        }
    if kind is IntegrityProblem.EVENT_BEFORE_BIRTH:
        return {"reviews": [*record.reviews, Review(date=dob - _DAY)]}
    if kind is IntegrityProblem.DUPLICATE_EVENT:
        return {"reviews": [*record.reviews, Review(date=first.start)] * 2}
    if kind is IntegrityProblem.PERIOD_ENDS_BEFORE_START:
        return {"staying_put": [StayingPut(start=first.start + _DAY, end=first.start)]}
    return {"placement_plans": [PlacementPlan(date=first.start, placement_start=dob)]}


@st.composite
def faulty_case_records(
    draw: st.DrawFn, /, kind: IntegrityProblem | None = None, **options: Any
) -> tuple[CaseRecord, IntegrityProblem]:
    """A record with one integrity fault of ``kind`` (drawn if ``None``), built without the
    checks, and the kind; constructing it normally raises :class:`~corparent.errors.RecordError`.
    """
    record = draw(case_records(**options))
    fault = kind if kind is not None else draw(st.sampled_from(list(IntegrityProblem)))
    fields = {f.name: getattr(record, f.name) for f in attrs.fields(CaseRecord) if f.init}
    fields.update(_fault(record, fault))
    return CaseRecord.unchecked(**fields), fault
