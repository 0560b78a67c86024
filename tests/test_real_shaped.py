"""Trust on real returns: review findings on real-shaped SSDA903 returns, scored against the
hidden history they were cut from (corparent.synth.score).

A finding is true when the truth has the same child's review late on the same day, or unmet;
recall counts the faults the loaded years can show (see ``corparent.synth.faults``).
"""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corparent import synth
from corparent.checks import Finding, Severity, run_checks
from corparent.codes import LegalStatus, PlacementType
from corparent.model import Caseload, CaseRecord, Child, Episode, Review

D = dt.date
YEAR_END = D(2024, 3, 31)
YEAR_START = D(2023, 4, 1)
LONG_AGO = D(1990, 1, 1)


def _record(child_id: str, start: D, reviews: list[D]) -> CaseRecord:
    return CaseRecord(
        child=Child(id=child_id, date_of_birth=D(2012, 5, 1)),
        episodes=[Episode(start=start, legal_status=LegalStatus.C2, placement=PlacementType.U4)],
        reviews=[Review(date=d) for d in reviews],
    )


def test_scoring_the_whole_history_against_itself_is_perfect() -> None:
    h = synth.history(300, seed=8)
    run = run_checks(h.caseload, YEAR_END)
    result = synth.score(run.findings, h, YEAR_END, known_from=LONG_AGO)
    assert result.faults > 0
    assert result.faults == result.all_faults
    assert (result.precision, result.recall) == (1.0, 1.0)


def test_a_false_finding_lowers_precision_and_a_lost_one_recall() -> None:
    h = synth.history(300, seed=8)
    run = run_checks(h.caseload, YEAR_END)
    reviews = [f for f in run.findings if f.duty_id and f.duty_id.startswith("review_")]
    assert reviews
    invented = Finding(
        check_id="builtin.compliance.met_late",
        severity=Severity.ERROR,
        child_id=reviews[0].child_id,
        message="review_subsequent met 3 days late",
        duty_id="review_subsequent",
        due=D(2023, 6, 1),
        days_overdue=3,
        code="met_late",
    )
    worse = synth.score([*run.findings, invented], h, YEAR_END, known_from=LONG_AGO)
    assert worse.false_findings == (invented,)
    assert worse.precision < 1.0
    child = synth.faults(h, YEAR_END, known_from=LONG_AGO)[0].child_id
    kept = [f for f in run.findings if f.child_id != child]
    fewer = synth.score(kept, h, YEAR_END, known_from=LONG_AGO)
    assert fewer.recall < 1.0
    assert {f.child_id for f in fewer.faults_not_found} == {child}


def test_what_one_year_can_show() -> None:
    """In care since 2020 (reviews every 6 months before the year), a return from 1 April
    2023: a review late against the true due date but held before 30 September 2023 is not
    knowable (the last review before the year could have been as late as 31 March); one held
    after it is; a late review after a known review is knowable exactly."""
    before = [D(2020, 1, 30), D(2020, 4, 20), D(2020, 10, 15), D(2021, 4, 10), D(2021, 10, 1)]
    before += [D(2022, 3, 25), D(2022, 9, 20)]
    truth = Caseload(
        records=[
            # due 2023-08-01 after 2023-02-01, held 2023-09-20: late, not provable
            # then due 2024-03-20 after 2023-09-20, held 2024-03-25: late, provable
            _record("A", D(2020, 1, 6), [*before, D(2023, 2, 1), D(2023, 9, 20), D(2024, 3, 25)]),
            # due 2023-07-10 after 2023-01-10, held 2023-10-15: after 30 September, provable
            _record("B", D(2020, 1, 6), [*before, D(2023, 1, 10), D(2023, 10, 15)]),
            # due 2023-06-01 after 2022-12-01, none since: overdue, provable on 31 March
            _record("C", D(2020, 1, 6), [*before, D(2022, 12, 1)]),
        ]
    )
    found = {
        (f.child_id, f.kind, f.on): f.knowable
        for f in synth.faults(truth, YEAR_END, known_from=YEAR_START)
    }
    assert found == {
        ("A", "late", D(2023, 9, 20)): False,
        ("A", "late", D(2024, 3, 25)): True,
        ("B", "late", D(2023, 10, 15)): True,
        ("C", "unmet", YEAR_END): True,
    }
    earlier = synth.faults(truth, YEAR_END, known_from=D(2022, 4, 1))
    assert all(f.knowable for f in earlier)


@pytest.fixture(scope="module")
def council() -> synth.History:
    return synth.history(2000, seed=2024)


def _score(h: synth.History, previous: int) -> synth.Score:
    """Findings on the return (and ``previous`` earlier ones) as a loader gives them."""
    records = synth.cut_return(h, YEAR_END, previous=previous)
    run = run_checks(records, YEAR_END)
    known_from = synth.collection_year(D(YEAR_END.year - previous, 3, 31))[0]
    return synth.score(run.findings, h, YEAR_END, known_from=known_from)


def test_one_year_return_of_2000_children(council: synth.History) -> None:
    result = _score(council, 0)
    assert result.faults >= 10, "the return has faults to find"
    assert result.precision >= 0.95, result.describe()
    assert result.recall >= 0.90, result.describe()


def test_previous_returns_never_make_the_figures_worse(council: synth.History) -> None:
    scores = [_score(council, previous) for previous in (0, 1, 2)]
    for fewer, more in itertools.pairwise(scores):
        assert more.faults >= fewer.faults, "more years make more faults knowable"
        assert more.precision >= fewer.precision, (fewer.describe(), more.describe())
        assert more.recall >= fewer.recall, (fewer.describe(), more.describe())
    assert scores[2].faults > scores[0].faults


@settings(max_examples=10, deadline=None)
@given(seed=st.integers(0, 2**32), previous=st.integers(0, 2))
def test_findings_on_cut_returns_are_faults_of_the_truth(seed: int, previous: int) -> None:
    """Whatever the history, a cut return never shows a review fault the truth does not have,
    and finds every fault in the year that the loaded years can show (the met-late check looks
    back over the collection year's 12 calendar months, so 1 April counts in a leap year)."""
    h = synth.history(60, seed=seed, review_on_time=0.8)
    records = synth.cut_return(h, YEAR_END, previous=previous)
    run = run_checks(records, YEAR_END)
    known_from = synth.collection_year(D(YEAR_END.year - previous, 3, 31))[0]
    result = synth.score(run.findings, h, YEAR_END, known_from=known_from)
    assert result.false_findings == ()
    assert result.faults_not_found == ()
