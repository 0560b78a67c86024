"""corparent.synth: the hidden history is realistic, and returns are cut from it as the DfE
collects them."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corparent import synth
from corparent.codes import ReasonEpisodeCeased, ReasonNewEpisode, ReviewParticipation, Sex
from corparent.dates import add_months, age_on, birthday
from corparent.io.ssda903 import load
from corparent.model import CaseRecord, Evidence
from corparent.schedule import Status, schedule

D = dt.date
YEAR_END = D(2024, 3, 31)
YEAR_START = D(2023, 4, 1)
UPN = re.compile(r"^[A-HJ-NP-RT-Z]\d{12}$")


@pytest.fixture(scope="module")
def hidden() -> synth.History:
    return synth.history(600, seed=21)


@pytest.fixture(scope="module")
def this_year(hidden: synth.History) -> dict[str, CaseRecord]:
    return {r.id: r for r in synth.cut_return(hidden, YEAR_END)}


def _looked_after_in(record: CaseRecord, start: D, end: D) -> bool:
    return any(
        p.start <= end and (p.end is None or p.end >= start) for p in record.periods_of_care()
    )


def _facts(record: CaseRecord) -> CaseRecord:
    """The record without its evidence windows (what the rows say)."""
    return attrs.evolve(record, evidence=Evidence.complete())


def test_history_is_deterministic_for_a_seed() -> None:
    one = synth.history(40, seed=5)
    two = synth.history(40, seed=5)
    other = synth.history(40, seed=6)
    assert tuple(one.caseload) == tuple(two.caseload)
    assert tuple(one.caseload) != tuple(other.caseload)


def test_history_spans_many_years_of_entries(hidden: synth.History) -> None:
    starts = [p.start for r in hidden.caseload for p in r.periods_of_care()]
    years = Counter(s.year for s in starts)
    assert len([y for y in years if y <= 2020]) >= 4, "children entered care over many years"
    assert max(starts) <= YEAR_END
    assert all(e.date <= YEAR_END for r in hidden.caseload for e in r.reviews)


def test_most_reviews_on_time_few_late_or_outstanding(hidden: synth.History) -> None:
    statuses = Counter(
        o.status
        for r in hidden.caseload
        for o in schedule(r, YEAR_END)
        if o.duty.id.startswith("review_") and YEAR_START <= o.due <= YEAR_END
    )
    met = statuses[Status.MET] + statuses[Status.MET_LATE]
    assert statuses[Status.MET] / met >= 0.95
    assert statuses[Status.MET_LATE] > 0, "some reviews are late"
    faults = statuses[Status.MET_LATE] + statuses[Status.OVERDUE]
    assert faults / sum(statuses.values()) <= 0.05


def test_care_leavers_and_rare_short_breaks(hidden: synth.History) -> None:
    eighteen = [
        r
        for r in hidden.caseload
        if r.periods_of_care()[-1].end == birthday(r.child.date_of_birth, 18)
    ]
    assert len(eighteen) >= 0.05 * len(hidden.caseload)
    assert sum(bool(r.leaver_outcomes) for r in hidden.caseload) >= 0.08 * 600
    short = [r for r in hidden.caseload if any(e.legal_status.is_short_break for e in r.episodes)]
    assert 0 < len(short) <= 0.02 * len(hidden.caseload)


def test_return_holds_children_looked_after_in_the_year_or_due_oc3(
    hidden: synth.History, this_year: dict[str, CaseRecord]
) -> None:
    assert len(this_year) == 600
    for record in hidden.caseload:
        in_year = _looked_after_in(record, YEAR_START, YEAR_END)
        oc3 = any(o.year_ending == YEAR_END for o in record.leaver_outcomes)
        assert (record.id in this_year) == (in_year or oc3)


@pytest.mark.parametrize("ending", [YEAR_END, D(2023, 3, 31)])
def test_episodes_are_those_open_in_the_year(hidden: synth.History, ending: D) -> None:
    start = add_months(ending, -12) + dt.timedelta(days=1)
    cut_year = {r.id: r for r in synth.cut_return(hidden, ending)}
    seen = Counter[str]()
    for full in hidden.caseload:
        cut = cut_year.get(full.id)
        visible = {e.start: e for e in cut.episodes} if cut else {}
        for e in full.episodes:
            if e.start > ending or (e.end is not None and e.end < start):
                assert e.start not in visible
                seen["absent"] += 1
                continue
            got = visible[e.start]
            if e.end is not None and e.end > ending:
                assert got.end is None
                assert got.reason_ceased is None
                seen["open on 31 March, closed later"] += 1
            else:
                assert got == e
                seen["as it is"] += 1
    assert seen["absent"]
    assert seen["as it is"]
    assert bool(seen["open on 31 March, closed later"]) == (ending < hidden.year_ending)


def test_first_visible_episode_often_not_a_start(this_year: dict[str, CaseRecord]) -> None:
    firsts = Counter(r.episodes[0].reason_new for r in this_year.values() if r.episodes)
    assert firsts[ReasonNewEpisode.S] < sum(firsts.values()) * 0.6
    assert firsts[ReasonNewEpisode.P] > 0


def test_reviews_in_the_year_with_participation_codes(this_year: dict[str, CaseRecord]) -> None:
    reviews = [(r, v) for r in this_year.values() for v in r.reviews]
    assert reviews
    assert all(YEAR_START <= v.date <= YEAR_END for _, v in reviews)
    coded = [(r, v) for r, v in reviews if v.participation is not None]
    assert len(coded) >= 0.98 * len(reviews)
    for r, v in coded:
        under_4 = age_on(r.child.date_of_birth, v.date) < 4
        assert (v.participation is ReviewParticipation.PN0) == under_4


def test_oc2_for_twelve_months_looked_after(
    hidden: synth.History, this_year: dict[str, CaseRecord]
) -> None:
    for full in hidden.caseload:
        due = any(
            p.start <= YEAR_START and (p.end is None or p.end > YEAR_END)
            for p in full.periods_of_care()
        )
        cut = this_year.get(full.id)
        assert bool(cut and cut.health_outcomes) == due
        if cut:
            assert all(h.year_ending == YEAR_END for h in cut.health_outcomes)


def test_oc3_for_care_leavers_whose_birthday_fell_in_the_year(
    this_year: dict[str, CaseRecord],
) -> None:
    leavers = [r for r in this_year.values() if r.leaver_outcomes]
    assert leavers
    for r in leavers:
        dob = r.child.date_of_birth
        birthdays = [birthday(dob, a) for a in range(17, 22)]
        day = next(b for b in birthdays if YEAR_START <= b <= YEAR_END)
        periods = r.periods_of_care()
        assert not any(p.covers(day) for p in periods)
        assert all(p.end is not None and p.end < day for p in periods)
        assert [o.year_ending for o in r.leaver_outcomes] == [YEAR_END]


def test_upn_or_reason_code_for_every_child(this_year: dict[str, CaseRecord]) -> None:
    upns = Counter(
        "UN" if (r.child.upn or "").startswith("UN") else "UPN" for r in this_year.values()
    )
    assert upns["UPN"] > upns["UN"] > 0.05 * len(this_year)
    for r in this_year.values():
        upn = r.child.upn
        assert upn is not None
        assert UPN.match(upn) or upn in {"UN1", "UN2", "UN3", "UN4", "UN5"}
        if age_on(r.child.date_of_birth, YEAR_END) < 5:
            assert upn == "UN1"


def test_sex_codes_follow_the_year(hidden: synth.History) -> None:
    h = synth.history(50, seed=3, year_ending=D(2025, 3, 31), previous=1)
    this = synth.cut_return(h, D(2025, 3, 31))
    last = synth.cut_return(h, D(2024, 3, 31))
    assert {r.child.sex for r in this} <= {Sex.M, Sex.F}
    assert {r.child.sex for r in last} <= {Sex.MALE_1, Sex.FEMALE_2}


def test_previous_returns_cut_for_their_own_year(hidden: synth.History) -> None:
    last = {r.id: r for r in synth.cut_return(hidden, D(2023, 3, 31))}
    gone = [
        r
        for r in hidden.caseload
        if r.periods_of_care()[-1].end is not None
        and r.periods_of_care()[-1].end < YEAR_START
        and not r.leaver_outcomes
    ]
    assert gone, "children who left in an earlier year are in the history"
    for r in gone:
        end = r.periods_of_care()[-1].end
        assert end is not None
        assert (r.id in last) == (end >= D(2022, 4, 1))
    for r in last.values():
        assert all(D(2022, 4, 1) <= v.date <= D(2023, 3, 31) for v in r.reviews)
        assert all(e.end is None or e.end <= D(2023, 3, 31) for e in r.episodes)
        assert all(o.year_ending == D(2023, 3, 31) for o in r.leaver_outcomes)


def test_written_returns_load_cleanly(tmp_path: Path, hidden: synth.History) -> None:
    folders = synth.write_returns(hidden, tmp_path, previous=2)
    assert [p.name for p in folders.values()] == ["2024", "2023", "2022"]
    earlier = synth.write_returns(hidden, tmp_path / "e", year_ending=D(2023, 3, 31))
    assert [p.name for p in earlier.values()] == ["2023", "2022"]
    for ending, folder in folders.items():
        result = load(folder, strict=True, collection_year_end=ending)
        assert result.stats.accounted
        cut = synth.cut_return(hidden, ending)
        assert [_facts(r) for r in result.caseload] == [_facts(r) for r in cut]
        for record in result.caseload:  # a loader that sets evidence windows sets the year's
            window = record.evidence.window("reviews")
            assert window.is_complete or window == cut[record.id].evidence.window("reviews")


def test_collection_year_must_end_on_31_march() -> None:
    with pytest.raises(ValueError, match="31 March"):
        synth.collection_year(D(2024, 3, 30))
    with pytest.raises(ValueError, match="earlier years"):
        synth.write_returns(synth.history(3, seed=1, previous=0), "unused", previous=1)
    with pytest.raises(ValueError, match="does not fill"):
        synth.write_returns(
            synth.history(3, seed=1, previous=0), "unused", year_ending=D(2023, 3, 31)
        )


@settings(max_examples=15, deadline=None)
@given(seed=st.integers(0, 2**32), years_back=st.integers(0, 2))
def test_a_cut_never_invents_events(seed: int, years_back: int) -> None:
    """Everything in a return is in the history (bar DEC/REC of episodes open on 31 March)."""
    h = synth.history(8, seed=seed, previous=2)
    ending = D(2024 - years_back, 3, 31)
    start = add_months(ending, -12) + dt.timedelta(days=1)
    full = {r.id: r for r in h.caseload}
    for cut in synth.cut_return(h, ending):
        record = full[cut.id]
        assert set(cut.reviews) <= set(record.reviews)
        starts = {e.start: e for e in record.episodes}
        for e in cut.episodes:
            original = starts[e.start]
            assert e.end == original.end or (e.end is None and original.end > ending)
            assert original.end is None or original.end >= start
        for e in cut.episodes:
            if e.reason_ceased is not None:
                assert e.reason_ceased is starts[e.start].reason_ceased
                assert e.reason_ceased is not ReasonEpisodeCeased.X1 or e.end is not None


def test_a_cut_with_previous_years_is_the_returns_merged_row_by_row(
    hidden: synth.History,
) -> None:
    """Later returns supersede earlier ones: episodes by child and DECOM, reviews by date."""
    endings = [D(2022, 3, 31), D(2023, 3, 31), YEAR_END]
    years = [{r.id: r for r in synth.cut_return(hidden, e)} for e in endings]
    merged = synth.cut_return(hidden, YEAR_END, previous=2)
    assert [r.id for r in merged] == sorted(set().union(*years), key=lambda i: (len(i), i))
    for record in merged:
        episodes: dict[D, object] = {}
        reviews = set()
        for year in years:
            if record.id in year:
                episodes.update({e.start: e for e in year[record.id].episodes})
                reviews |= set(year[record.id].reviews)
        assert dict(zip([e.start for e in record.episodes], record.episodes, strict=True)) == (
            episodes
        )
        assert set(record.reviews) == reviews
        assert record.evidence.window("reviews").start == D(2021, 4, 1)
        assert not record.evidence.window("visits").held
        latest = next(year[record.id] for year in reversed(years) if record.id in year)
        assert record.child == latest.child
