"""Invariants of the built-in checks over coherent random histories.

Histories come from ``corparent.synth.generate_record`` driven by a Hypothesis-drawn seed, so
every example is a consistent record (episodes in order, events after birth) and shrinks to a
seed that reproduces it.
"""

from __future__ import annotations

import datetime as dt
import random

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from corparent.checks import Severity, builtin_checks, run_checks
from corparent.checks.builtin.compliance import severity_for
from corparent.model import CaseRecord
from corparent.synth import generate_record

as_of_dates = st.dates(min_value=dt.date(2015, 1, 1), max_value=dt.date(2026, 3, 31))


@st.composite
def case_records(draw: st.DrawFn, child_id: str = "P0001") -> CaseRecord:
    seed = draw(st.integers(0, 2**32))
    as_of = draw(st.dates(min_value=dt.date(2016, 3, 31), max_value=dt.date(2025, 3, 31)))
    return generate_record(
        random.Random(seed),
        child_id,
        as_of,
        care_leaver=draw(st.booleans()),
        on_time_rate=draw(st.sampled_from([0.0, 0.5, 0.85, 1.0])),
        include_non_903_events=draw(st.booleans()),
    )


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(case_records(), as_of_dates)
def test_builtins_never_crash_and_never_leak(record: CaseRecord, as_of: dt.date) -> None:
    result = run_checks([record], as_of, checks=builtin_checks())
    assert result.crashes == ()
    dob = record.child.date_of_birth
    for f in result.findings:
        assert f.child_id == record.id
        assert dob.isoformat() not in f.message
        assert dob.strftime("%d/%m/%Y") not in f.message
        if f.check_id == "builtin.compliance.overdue":
            assert f.due is not None
            assert f.due < as_of
            assert f.days_overdue == (as_of - f.due).days > 0
        if f.check_id in ("builtin.compliance.overdue", "builtin.compliance.met_late"):
            assert f.force is not None
            assert f.duty_id is not None
            assert f.citation
            assert f.severity is severity_for(f.force)
        if f.check_id == "builtin.compliance.due_soon":
            assert f.severity is Severity.INFO
            assert f.due is not None
            assert 0 <= (f.due - as_of).days <= 14


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.integers(0, 10**6), min_size=1, max_size=4, unique=True).flatmap(
        lambda ids: st.tuples(*(case_records(f"P{i}") for i in ids))
    ),
    as_of_dates,
)
def test_a_caseload_is_the_sum_of_its_records(
    records: tuple[CaseRecord, ...], as_of: dt.date
) -> None:
    together = run_checks(records, as_of, checks=builtin_checks())
    alone = [f for r in records for f in run_checks([r], as_of, checks=builtin_checks()).findings]
    assert list(together.findings) == alone
    assert together.children_checked == len(records)
