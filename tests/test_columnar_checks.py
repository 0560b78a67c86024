"""The column-wise main job (corparent.checks._columnar) gives exactly what run_checks gives.

For the children ``needs_records`` leaves out, ``columnar_findings`` must give the findings
(every field, in order) and the not-assessable counts of ``run_checks`` on their records; every
child with an integrity problem must be marked. Records come from the synthetic generator
(whole histories, seen through a 903 window, or with faults), from 903 files loaded back, and
from hypothesis.
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import random
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import attrs
import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from corparent import synth
from corparent.batch._dates import NEVER, from_day, to_day
from corparent.batch._tables import TABLE_FIELDS, ReturnColumns
from corparent.checks import CheckSet, Severity, check, default, run_checks
from corparent.checks._columnar import (
    ColumnarFindings,
    columnar_findings,
    columnar_plan,
    needs_records,
)
from corparent.checks._columnar_completeness import Birthdays, oc3_reaches_status
from corparent.checks._columnar_integrity import integrity_suspects
from corparent.cli._check import rules_for, select_checks
from corparent.codes import (
    LegalStatus,
    MissingType,
    PlacementProvider,
    PlacementType,
    ReasonEpisodeCeased,
    ReasonNewEpisode,
    ReviewParticipation,
)
from corparent.codes import (
    ReasonEpisodeCeased as R,
)
from corparent.dates import LeapDay, birthday
from corparent.io.ssda903 import load
from corparent.law import ENGLAND, SCOTLAND, Conventions, LeaverEpisodeRule, RuleSet
from corparent.model import (
    CaseRecord,
    Child,
    DeprivationOfLiberty,
    Episode,
    Evidence,
    MissingEpisode,
    PlacedForAdoption,
    Review,
    SocialWorkerEpisode,
    restrict,
)
from corparent.testing import case_records, dates_between, faulty_case_records

D = dt.date
YEAR_END = D(2024, 3, 31)
_FIELDS_903 = (
    "child",
    "episodes",
    "reviews",
    "health_outcomes",
    "leaver_outcomes",
    "adoption_decisions",
    "placed_for_adoption",
    "previous_permanence",
    "missing",
    "social_worker_episodes",
    "deprivations_of_liberty",
)
_DAY = dt.timedelta(days=1)


def _args(**given: Any) -> argparse.Namespace:
    values: dict[str, Any] = {
        "no_plugins": True,
        "block": [],
        "checks": [],
        "exclude": [],
        "duties": [],
        "pledge": None,
    }
    values.update(given)
    return argparse.Namespace(**values)


MAIN_CHECKS = select_checks(_args())
"""``corparent check``'s default checks for a 903 return (duties ``review_*``)."""
MAIN_RULES = rules_for(_args())
"""... and its rule set."""


def as_903(
    record: CaseRecord,
    year_end: dt.date,
    evidence: Evidence | None = None,
    *,
    outcomes: bool = True,
    dob: dt.date | None = None,
) -> CaseRecord:
    """``record`` as a 903 return for the year ending ``year_end`` holds it: the 903 fields
    only, OC2 and OC3 rows of that year only (no OC3 rows without ``outcomes``), the date of
    birth ``dob`` if given."""
    fields = {name: getattr(record, name) for name in _FIELDS_903}
    child = record.child
    if not child.uasc and child.uasc_ceased is not None:
        child = attrs.evolve(child, uasc_ceased=None)
    if dob is not None:
        child = attrs.evolve(child, date_of_birth=dob)
    fields["child"] = child
    for name in ("health_outcomes", "leaver_outcomes"):
        fields[name] = tuple(o for o in fields[name] if o.year_ending == year_end)
    if not outcomes:
        fields["leaver_outcomes"] = ()
    fields["evidence"] = evidence if evidence is not None else record.evidence
    return CaseRecord.unchecked(**fields)


def _by_child(findings: Sequence[Any]) -> dict[str, list[Any]]:
    out: dict[str, list[Any]] = {}
    for f in findings:
        out.setdefault(f.child_id, []).append(f)
    return out


def compare(
    records: Sequence[CaseRecord],
    as_of: dt.date,
    *,
    checks: CheckSet = MAIN_CHECKS,
    rules: RuleSet = MAIN_RULES,
    conventions: Conventions | None = None,
    year_end: dt.date = YEAR_END,
    evidence: Evidence | None = None,
) -> tuple[ColumnarFindings, np.ndarray[Any, Any]]:
    """Check the column-wise path against run_checks on ``records`` (one evidence for all);
    give its result and the mask of children needing records."""
    records = sorted(records, key=lambda r: r.id)
    if evidence is None:
        evidence = records[0].evidence if records else Evidence.complete()
    assert all(r.evidence == evidence for r in records)
    plan = columnar_plan(checks, rules, conventions)
    assert plan is not None
    data = ReturnColumns.from_records(records, year_end)
    assert data.child_ids == tuple(r.id for r in records)
    mask = needs_records(plan, data, as_of, evidence)
    assert mask.dtype == np.bool_
    assert mask.shape == (len(records),)
    for record, marked in zip(records, mask.tolist(), strict=True):
        if record.problems():
            assert marked, f"{record.id} has integrity problems and is not marked"
    got = columnar_findings(plan, data, ~mask, as_of, evidence)
    kept = [r for r, m in zip(records, mask.tolist(), strict=True) if not m]
    ref = run_checks(kept, as_of, checks=checks, rules=rules, conventions=conventions, workers=1)
    assert not ref.crashes
    assert got.findings == list(ref.findings)
    for mine, theirs in zip(got.findings, ref.findings, strict=True):  # equal types too
        for field in attrs.fields(type(mine)):
            a, b = getattr(mine, field.name), getattr(theirs, field.name)
            assert type(a) is type(b), field.name
    assert got.not_assessable == dict(ref.not_assessable)
    # each finding sits at its child's offsets; children needing records have none
    assert got.offsets.shape == (len(records) + 1,)
    for j, record in enumerate(records):
        mine = got.findings[got.offsets[j] : got.offsets[j + 1]]
        assert all(f.child_id == record.id for f in mine)
        if mask[j]:
            assert not mine
    # the caller's wiring: the column-wise findings plus run_checks on the marked records, in
    # data order, are run_checks on every record
    marked = [r for r, m in zip(records, mask.tolist(), strict=True) if m]
    rest = _by_child(
        run_checks(
            marked, as_of, checks=checks, rules=rules, conventions=conventions, workers=1
        ).findings
    )
    whole = run_checks(records, as_of, checks=checks, rules=rules, conventions=conventions)
    combined = []
    for j, record in enumerate(records):
        combined.extend(got.findings[got.offsets[j] : got.offsets[j + 1]])
        combined.extend(rest.get(record.id, []))
    assert combined == list(whole.findings)
    return got, mask


# -- the shape: ReturnColumns.from_records (fastread's), as these tests read it ------------------


def test_from_records_encodes_as_the_contract_says() -> None:
    records = [as_903(r, YEAR_END) for r in synth.generate(60, seed=4).records]
    data = ReturnColumns.from_records(reversed(records), YEAR_END)
    ordered = sorted(records, key=lambda r: r.id)
    assert data.child_ids == tuple(r.id for r in ordered)
    assert set(data.tables) == set(TABLE_FIELDS)
    episodes = data.tables["episodes"]
    for j, record in enumerate(ordered):
        a, b = episodes.offsets[j], episodes.offsets[j + 1]
        assert b - a == len(record.episodes)
        for row, ep in zip(range(a, b), record.episodes, strict=True):
            assert episodes.values["start"][row] == to_day(ep.start)
            assert episodes.values["end"][row] == (NEVER if ep.end is None else to_day(ep.end))
            assert episodes.values["legal_status"][row] == list(LegalStatus).index(ep.legal_status)
            rec = episodes.values["reason_ceased"][row]
            assert rec == (
                -1
                if ep.reason_ceased is None
                else list(ReasonEpisodeCeased).index(ep.reason_ceased)
            )
            assert bool(episodes.values["home_postcode"][row]) == bool(ep.home_postcode)
        header = data.tables["header"]
        assert header.values["upn"][j] == (record.child.upn is not None)
        assert header.values["date_of_birth"][j] == to_day(record.child.date_of_birth)
    for table in data.tables.values():
        assert len(table.offsets) == len(records) + 1
        for name, values in table.values.items():
            assert len(values) == len(table), name
            assert values.dtype in (np.int64, np.int16, np.bool_), name
    assert (np.diff(data.tables["header"].offsets) == 1).all()


# -- the plan ------------------------------------------------------------------------------------


def test_plan_takes_the_main_job_and_refuses_the_rest() -> None:
    assert columnar_plan(MAIN_CHECKS, MAIN_RULES) is not None
    assert columnar_plan(default(plugins_enabled=False), MAIN_RULES) is not None  # duties "*"
    assert columnar_plan(MAIN_CHECKS.select("builtin.completeness"), MAIN_RULES) is not None
    assert columnar_plan((), MAIN_RULES) is not None
    # every duty of the law: the batch engine does not schedule them all
    assert columnar_plan(MAIN_CHECKS, ENGLAND) is None
    assert columnar_plan(MAIN_CHECKS, SCOTLAND) is None
    # a pledge's local standards beyond the reviews
    pledged = _args(pledge="bath-and-north-east-somerset")
    assert columnar_plan(select_checks(pledged), rules_for(pledged)) is None

    @check(id="anytown.custom")
    def custom(record: CaseRecord, ctx: object) -> Any:
        return iter(())

    assert columnar_plan(MAIN_CHECKS.with_(custom), MAIN_RULES) is None
    for check_id, setting in (
        ("builtin.completeness.oc3", {"ages": (-1,)}),
        ("builtin.compliance.met_late", {"lookback_days": -3}),
        ("builtin.compliance.met_late", {"lookback_months": 10**6}),
        ("builtin.compliance.due_soon", {"within_days": 10**9}),
    ):
        odd = MAIN_CHECKS.configure(check_id, **setting)
        assert columnar_plan(odd, MAIN_RULES) is None, setting


def test_no_children() -> None:
    got, mask = compare([], YEAR_END)
    assert got.findings == []
    assert got.offsets.tolist() == [0]
    assert mask.shape == (0,)


# -- differential: synthetic records -------------------------------------------------------------

_AS_OFS = (D(2024, 3, 31), D(2024, 2, 29), D(2023, 3, 31), D(2024, 4, 30), D(2025, 3, 31))


@pytest.fixture(scope="module")
def whole() -> list[CaseRecord]:
    return [
        as_903(r, YEAR_END)
        for r in synth.generate(300, seed=31, include_non_903_events=False).records
    ]


@pytest.mark.parametrize("as_of", _AS_OFS)
def test_whole_histories(whole: list[CaseRecord], as_of: dt.date) -> None:
    got, mask = compare(whole, as_of)
    assert len(got.findings) > 50
    assert mask.sum() < len(whole) // 2


@pytest.mark.parametrize("seed", [1, 2])
def test_records_seen_through_a_903_window(seed: int) -> None:
    evidence = Evidence.ssda903(D(2023, 4, 1), YEAR_END)
    records = [
        as_903(restrict(r, evidence), YEAR_END)
        for r in synth.generate(300, seed=seed, include_non_903_events=False).records
    ]
    got, _ = compare(records, YEAR_END)
    assert got.not_assessable  # the window hides earlier reviews
    compare(records, D(2024, 2, 29))
    compare(records, D(2025, 3, 31))


@pytest.mark.parametrize(
    "configure",
    [
        {"builtin.compliance.met_late": {"lookback_months": 6}},
        {"builtin.compliance.met_late": {"lookback_months": None}},
        {"builtin.compliance.missed": {"lookback_days": 30}},
        {"builtin.compliance.due_soon": {"within_days": 0}},
        {"builtin.compliance.due_soon": {"within_days": 90}},
        {"builtin.compliance.overdue": {"duties": ("review_first", "review_adoption_*")}},
        {"builtin.compliance.overdue": {"duties": ()}},
        {"builtin.compliance.overdue": {"local_severity": Severity.ERROR}},
        {"builtin.completeness.oc3": {"ages": (18,)}},
        {"builtin.completeness.oc3": {"ages": ()}},
        {"builtin.completeness.oc3": {"ages": (16, 17, 17, 21)}},
    ],
)
def test_settings(whole: list[CaseRecord], configure: dict[str, dict[str, object]]) -> None:
    checks = MAIN_CHECKS
    for check_id, setting in configure.items():
        checks = checks.configure(check_id, **setting)
    compare(whole, YEAR_END, checks=checks)


def test_check_order_and_subsets(whole: list[CaseRecord]) -> None:
    specs = list(MAIN_CHECKS)
    rng = random.Random(5)
    for _ in range(3):
        rng.shuffle(specs)
        compare(whole[:120], YEAR_END, checks=CheckSet(checks=specs[: rng.randint(0, len(specs))]))


def test_checks_under_other_ids_severities_and_principles(whole: list[CaseRecord]) -> None:
    """A council's copy of a built-in check (same function, its own id, severity and
    principles) is evaluated column-wise as the check itself would run."""
    from corparent.principles import Principle

    renamed = [
        attrs.evolve(
            spec,
            id=spec.id.replace("builtin.", "anytown."),
            severity=Severity.INFO,
            principles=(Principle.ACCESS_TO_SERVICES,),
        )
        for spec in MAIN_CHECKS
    ]
    got, _ = compare(whole, YEAR_END, checks=CheckSet(checks=renamed))
    assert {f.check_id.split(".")[0] for f in got.findings} == {"anytown"}


def test_rules_and_conventions(whole: list[CaseRecord]) -> None:
    reviews = RuleSet("England", [d for d in ENGLAND if d.id.startswith("review_")])
    compare(whole, YEAR_END, rules=reviews)
    pledged = _args(pledge="derby")  # a pledge whose standards leave the reviews alone
    compare(whole, YEAR_END, rules=rules_for(pledged), checks=select_checks(pledged))
    first = rules_for(_args(duties=["review_first,review_second"]))
    compare(whole, YEAR_END, rules=first, checks=select_checks(_args(duties=["review_first"])))
    for conventions in (
        Conventions(new_period_min_gap_days=7),
        Conventions(chain_from_actual=False),
        Conventions(include_guidance=False),
    ):
        compare(whole[:150], YEAR_END, conventions=conventions)


# -- records with faults -------------------------------------------------------------------------


def _short_breaks(record: CaseRecord, rng: random.Random) -> list[Episode]:
    """The record's episodes, V3 or V4 on the first, on all, or on one at random."""
    episodes = list(record.episodes)
    if not episodes:
        return episodes
    which = rng.choice(["first", "all", "one"])
    pick = rng.randrange(len(episodes))
    return [
        attrs.evolve(e, legal_status=rng.choice([LegalStatus.V3, LegalStatus.V4]))
        if which == "all" or (which == "first" and i == 0) or (which == "one" and i == pick)
        else e
        for i, e in enumerate(episodes)
    ]


def test_short_breaks(whole: list[CaseRecord]) -> None:
    """A period whose every episode is V3/V4 sends the record to schedule() (the batch engine
    leaves it); other V3/V4 episodes stay column-wise."""
    rng = random.Random(21)
    records = []
    for r in whole:
        fields = {f.name: getattr(r, f.name) for f in attrs.fields(CaseRecord) if f.init}
        if r.episodes and rng.random() < 0.6:
            fields["episodes"] = _short_breaks(r, rng)
        records.append(CaseRecord.unchecked(**fields))
    for as_of in (YEAR_END, D(2021, 3, 31)):
        for conventions in (None, Conventions(new_period_min_gap_days=30)):
            _, mask = compare(records, as_of, conventions=conventions)
            breaks = [
                any(e.legal_status.is_short_break for e in r.episodes)
                for r in sorted(records, key=lambda r: r.id)
            ]
            assert any(b and not m for b, m in zip(breaks, mask.tolist(), strict=True))
            assert any(b and m for b, m in zip(breaks, mask.tolist(), strict=True))


@st.composite
def period_records(draw: st.DrawFn, child_id: str) -> CaseRecord:
    """Episodes joined by X1 or not, RNE S or not, with short and long gaps, each C2, V3 or
    V4: periods of care, merged or not across gaps, of short breaks alone or mixed."""
    day = draw(dates_between(D(2019, 1, 1), D(2023, 6, 30)))
    episodes: list[Episode] = []
    for k in range(draw(st.integers(1, 5))):
        if k:
            gap = draw(st.sampled_from([0, 0, 0, 1, 5, 20, 40, 200]))
            joined = gap == 0 and draw(st.booleans())
            previous = episodes[-1]
            ended = previous.start + draw(st.integers(1, 150)) * _DAY
            episodes[-1] = attrs.evolve(previous, end=ended, reason_ceased=R.X1 if joined else R.E8)
            day = ended + gap * _DAY
            rne = ReasonNewEpisode.S if not joined or draw(st.booleans()) else ReasonNewEpisode.P
        else:
            rne = ReasonNewEpisode.S
        episodes.append(
            Episode(
                start=day,
                legal_status=draw(
                    st.sampled_from([LegalStatus.C2, LegalStatus.V3, LegalStatus.V4])
                ),
                placement=PlacementType.U1,
                provider=PlacementProvider.PR1,
                reason_new=rne,
            )
        )
    reviews = [Review(date=e.start + 15 * _DAY) for e in episodes[:: draw(st.integers(1, 2))]]
    child = Child(id=child_id, date_of_birth=D(2010, 5, 5), upn="A1")
    return CaseRecord.unchecked(child=child, episodes=episodes, reviews=reviews)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    records=st.lists(
        st.integers(0, 10**6).map(lambda i: f"P{i}").flatmap(period_records),
        min_size=1,
        max_size=6,
        unique_by=lambda r: r.id,
    ),
    as_of=st.sampled_from([YEAR_END, D(2021, 6, 30), D(2023, 2, 28)]),
    gap=st.sampled_from([0, 7, 30]),
)
def test_hypothesis_periods_of_short_breaks(
    records: list[CaseRecord], as_of: dt.date, gap: int
) -> None:
    compare(records, as_of, conventions=Conventions(new_period_min_gap_days=gap))


def _with_903_fault(record: CaseRecord, rng: random.Random) -> CaseRecord:
    """``record`` with one fault a 903 return can hold (or a near miss that is none)."""
    fields = {f.name: getattr(record, f.name) for f in attrs.fields(CaseRecord) if f.init}
    dob = record.child.date_of_birth
    first = record.episodes[0].start if record.episodes else dob + 400 * _DAY
    kind = rng.randrange(9)
    if kind == 0:  # the same review twice, or twice on one day with other codes
        code = rng.choice([None, ReviewParticipation.PN1])
        fields["reviews"] = [
            *record.reviews,
            Review(date=first),
            Review(date=first, participation=code),
        ]
    elif kind == 1:
        fields["placed_for_adoption"] = [PlacedForAdoption(date=dob - rng.randint(0, 3) * _DAY)]
    elif kind == 2:
        fields["missing"] = [
            MissingEpisode(
                kind=MissingType.M, start=first + 5 * _DAY, end=first + rng.randint(3, 7) * _DAY
            )
        ]
    elif kind == 3:
        fields["social_worker_episodes"] = [
            SocialWorkerEpisode(sw_id="X", start=dob - rng.randint(-1, 1) * _DAY),
        ]
    elif kind == 4:
        dolo = DeprivationOfLiberty(start=first, end=first + 9 * _DAY)
        fields["deprivations_of_liberty"] = [dolo, dolo] if rng.random() < 0.5 else [dolo]
    elif kind == 5 and len(record.episodes) > 1:  # X1 to an episode starting a day later
        eps = list(record.episodes)
        e = eps[0]
        end = eps[1].start - rng.randint(0, 1) * _DAY
        eps[0] = attrs.evolve(e, end=end, reason_ceased=ReasonEpisodeCeased.X1)
        fields["episodes"] = eps
    elif kind == 6 and record.episodes:  # an episode starting before birth, or on the day
        e = record.episodes[0]
        fields["episodes"] = [
            attrs.evolve(e, start=dob - rng.randint(0, 1) * _DAY),
            *record.episodes[1:],
        ]
    elif kind == 7 and record.episodes:  # the last episode's REC dropped, or X1
        e = record.episodes[-1]
        rec = rng.choice([None, ReasonEpisodeCeased.X1])
        fields["episodes"] = [*record.episodes[:-1], attrs.evolve(e, reason_ceased=rec)]
    elif kind == 8:  # short-break legal statuses (V3/V4) on some or all episodes
        fields["episodes"] = _short_breaks(record, rng)
    return CaseRecord.unchecked(**fields)


@pytest.mark.parametrize("seed", [11, 12])
def test_records_with_903_faults(whole: list[CaseRecord], seed: int) -> None:
    rng = random.Random(seed)
    records = [_with_903_fault(r, rng) if rng.random() < 0.4 else r for r in whole]
    assert sum(1 for r in records if r.problems()) > 20
    _, mask = compare(records, YEAR_END)
    assert mask.sum() > 20


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    records=st.lists(case_records(include_non_903_events=False), min_size=1, max_size=6),
    faulty=st.lists(faulty_case_records(include_non_903_events=False), max_size=3),
    seed=st.integers(0, 2**16),
    as_of=st.sampled_from(_AS_OFS),
    windowed=st.booleans(),
    outcomes=st.booleans(),
)
def test_hypothesis_records(
    records: list[CaseRecord],
    faulty: list[tuple[CaseRecord, object]],
    seed: int,
    as_of: dt.date,
    windowed: bool,
    outcomes: bool,
) -> None:
    rng = random.Random(seed)
    pool = [*records, *(r for r, _ in faulty)]
    pool = [_with_903_fault(r, rng) if rng.random() < 0.3 else r for r in pool]
    evidence = Evidence.ssda903(D(2023, 4, 1), YEAR_END) if windowed else Evidence.complete()
    unique: dict[str, CaseRecord] = {}
    for r in pool:
        if windowed:
            r = restrict(r, evidence)
        leap = _leap_born(r) if rng.random() < 0.2 else None
        unique.setdefault(r.id, as_903(r, YEAR_END, evidence, outcomes=outcomes, dob=leap))
    compare(list(unique.values()), as_of)


def test_every_integrity_fault_is_marked() -> None:
    """Each kind of fault the generator makes, on a 903 record: marked."""
    rng = random.Random(3)
    base = [as_903(r, YEAR_END) for r in synth.generate(80, seed=9).records]
    faulty = [_with_903_fault(r, rng) for r in base for _ in range(3)]
    renamed = [
        CaseRecord.unchecked(
            **{
                **{f.name: getattr(r, f.name) for f in attrs.fields(CaseRecord) if f.init},
                "child": attrs.evolve(r.child, id=f"F{i:04d}"),
            }
        )
        for i, r in enumerate(faulty)
    ]
    data = ReturnColumns.from_records(renamed, YEAR_END)
    suspects = integrity_suspects(data)
    by_id = {r.id: r for r in renamed}
    for child_id, marked in zip(data.child_ids, suspects.tolist(), strict=True):
        if by_id[child_id].problems():
            assert marked, child_id
    assert suspects.sum() >= sum(1 for r in renamed if r.problems())


def _moves(record: CaseRecord, count: int, rng: random.Random) -> CaseRecord:
    """``record`` with its first episode split into ``count`` placements (X1 then RNE P),
    from the first of April, some without a provider or in placements that need none."""
    first = record.episodes[0]
    start = D(2023, 4, 1) + rng.randint(-40, 40) * _DAY
    places = [PlacementType.U1, PlacementType.T1, PlacementType.Z1, PlacementType.K2]
    episodes = []
    for k in range(count):
        last = k == count - 1
        episodes.append(
            attrs.evolve(
                first,
                start=start + 20 * k * _DAY,
                end=None if last else start + 20 * (k + 1) * _DAY,
                reason_new=ReasonNewEpisode.S if k == 0 else ReasonNewEpisode.P,
                reason_ceased=None if last else ReasonEpisodeCeased.X1,
                placement=rng.choice(places),
                provider=rng.choice([None, None, PlacementProvider.PR1]),
            )
        )
    fields = {f.name: getattr(record, f.name) for f in attrs.fields(CaseRecord) if f.init}
    fields["episodes"] = episodes
    return CaseRecord.unchecked(**fields)


def test_many_placements_without_a_provider(whole: list[CaseRecord]) -> None:
    rng = random.Random(8)
    young = [r for r in whole if r.episodes and r.child.date_of_birth < D(2022, 1, 1)]
    records = [_moves(r, rng.randint(1, 14), rng) for r in young[:150]]
    got, _ = compare(records, YEAR_END)
    assert any("more" in f.message for f in got.findings)
    compare(records, D(2023, 3, 31))


# -- care leavers with no OC3 (the OC3 check asks for the leaving-care status) --------------------


def _oc3_findings(records: Sequence[CaseRecord], as_of: dt.date, **kw: Any) -> int:
    checks = MAIN_CHECKS.select("builtin.completeness.oc3")
    return len(run_checks(records, as_of, checks=checks, rules=MAIN_RULES, **kw).findings)


def _leap_born(record: CaseRecord) -> dt.date:
    """The 29 February nearest the record's date of birth."""
    dob = record.child.date_of_birth
    years = sorted(range(dob.year - 4, dob.year + 5), key=lambda y: abs(y - dob.year))
    return next(D(y, 2, 29) for y in years if y % 4 == 0 and (y % 100 or y % 400 == 0))


@pytest.mark.parametrize("as_of", [D(2024, 3, 31), D(2023, 3, 31), D(2024, 2, 29)])
def test_care_leavers_without_oc3(as_of: dt.date) -> None:
    made = synth.generate(400, seed=17, care_leaver_share=0.7, include_non_903_events=False)
    records = [as_903(r, YEAR_END, outcomes=i % 3 != 0) for i, r in enumerate(made.records)]
    assert _oc3_findings(records, as_of) > 10
    _, mask = compare(records, as_of)
    if as_of == YEAR_END:  # the year's OC3 rows spare most care leavers the status
        assert mask.sum() < len(records) // 2
    leap = [as_903(r, YEAR_END, outcomes=False, dob=_leap_born(r)) for r in made.records]
    compare(leap, as_of)
    compare(leap, as_of, conventions=Conventions(leap_day=LeapDay.FEB_28))
    compare(leap, as_of, conventions=Conventions(leaver_count_end_day=True))


@settings(max_examples=50, deadline=None)
@given(
    dobs=st.lists(dates_between(D(1700, 1, 1), D(2400, 12, 31)), min_size=1, max_size=30),
    leap=st.booleans(),
    age=st.sampled_from([0, 1, 16, 17, 18, 21, 25, 120, 700]),
)
def test_birthdays_are_the_dates_birthdays(dobs: list[dt.date], leap: bool, age: int) -> None:
    if leap:
        dobs.append(D(2004, 2, 29))
    got = Birthdays(np.array([to_day(d) for d in dobs], np.int64)).at(age)
    assert [from_day(g) for g in got] == [birthday(d, age) for d in dobs]


def test_the_oc3_narrowing_only_leaves_out(whole: list[CaseRecord]) -> None:
    made = synth.generate(300, seed=5, care_leaver_share=0.8, include_non_903_events=False)
    records = [as_903(r, YEAR_END, outcomes=False) for r in made.records]
    data = ReturnColumns.from_records(records, YEAR_END)
    for as_of in (YEAR_END, D(2023, 3, 31)):
        wide = oc3_reaches_status(data, as_of, (17, 18, 19, 20, 21), narrow=False)
        narrow = oc3_reaches_status(data, as_of, (17, 18, 19, 20, 21))
        assert not (narrow & ~wide).any()
        assert narrow.sum() < wide.sum()
        # the children left out have no OC3 finding
        out = [r for r, w, k in zip(records, wide, narrow, strict=True) if w and not k]
        assert out
        assert _oc3_findings(out, as_of) == 0


@st.composite
def leaver_records(draw: st.DrawFn, child_id: str) -> CaseRecord:
    """A young person whose 17th to 21st birthday may fall in the year to 31 March 2024, with
    episodes starting and ending within days of the birthdays the leaving-care status turns
    on (14, 16, 17, 18, and 13 weeks after 14), some remanded, some left home to a parent."""
    if draw(st.booleans()):
        dob = D(2004, 2, 29)
    else:
        dob = draw(dates_between(D(2002, 1, 1), D(2007, 12, 31)))
    marks = [birthday(dob, a) for a in (14, 16, 17, 18)] + [birthday(dob, 14) + 91 * _DAY]
    points = sorted(
        {
            draw(st.sampled_from(marks)) + draw(st.integers(-3, 3)) * _DAY
            for _ in range(draw(st.integers(2, 6)))
        }
    )
    points = [p for p in points if p <= YEAR_END]
    episodes: list[Episode] = []
    for left, right in itertools.pairwise(points):
        if episodes and draw(st.integers(0, 4)) == 0:
            continue  # a gap: out of care between these days
        joined = bool(episodes) and episodes[-1].end == left
        if episodes and not joined:
            episodes[-1] = attrs.evolve(
                episodes[-1], reason_ceased=draw(st.sampled_from([R.E8, R.E4A, R.E13]))
            )
        if joined:
            episodes[-1] = attrs.evolve(episodes[-1], reason_ceased=R.X1)
        episodes.append(
            Episode(
                start=left,
                end=right,
                legal_status=draw(st.sampled_from([LegalStatus.C2, LegalStatus.J1])),
                placement=PlacementType.U1,
                provider=PlacementProvider.PR1,
                reason_new=ReasonNewEpisode.P if joined else ReasonNewEpisode.S,
            )
        )
    if episodes:
        last = episodes[-1]
        if (last.end is not None and last.end >= YEAR_END) or draw(st.booleans()):
            episodes[-1] = attrs.evolve(last, end=None)
        else:
            episodes[-1] = attrs.evolve(last, reason_ceased=draw(st.sampled_from([R.E8, R.E4A])))
    child = Child(id=child_id, date_of_birth=dob, upn="A123456789012")
    return CaseRecord.unchecked(child=child, episodes=episodes)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    records=st.lists(
        st.integers(0, 10**6).map(lambda i: f"L{i}").flatmap(leaver_records),
        min_size=1,
        max_size=5,
        unique_by=lambda r: r.id,
    ),
    as_of=st.sampled_from([YEAR_END, D(2024, 2, 29), D(2023, 9, 30)]),
    conventions=st.sampled_from(
        [
            None,
            Conventions(leap_day=LeapDay.FEB_28),
            Conventions(leaver_count_remand=False),
            Conventions(leaver_count_end_day=True),
            Conventions(relevant_ends_after_six_months_home=False),
            Conventions(
                leaver_episode_rule=LeaverEpisodeRule.EPISODES_STARTING_AFTER_14TH_BIRTHDAY
            ),
        ]
    ),
)
def test_hypothesis_leavers_around_their_birthdays(
    records: list[CaseRecord], as_of: dt.date, conventions: Conventions | None
) -> None:
    compare(records, as_of, conventions=conventions)


def test_remanded_after_sixteen_is_relevant_when_remand_does_not_count() -> None:
    """Looked after from 14, remanded (J1) from a day after 16, the very day the last counted
    episode ends: when remand does not count, the young person is a relevant child on the 17th
    birthday, and without an OC3 the check reports it."""
    dob = D(2006, 6, 15)
    episodes = [
        Episode(
            start=D(2020, 6, 15),
            end=D(2022, 9, 1),
            legal_status=LegalStatus.C2,
            placement=PlacementType.U1,
            provider=PlacementProvider.PR1,
            reason_ceased=R.X1,
        ),
        Episode(
            start=D(2022, 9, 1),
            legal_status=LegalStatus.J1,
            placement=PlacementType.U1,
            provider=PlacementProvider.PR1,
            reason_new=ReasonNewEpisode.L,
        ),
    ]
    record = CaseRecord(child=Child(id="R1", date_of_birth=dob, upn="A1"), episodes=episodes)
    not_counted = Conventions(leaver_count_remand=False)
    assert _oc3_findings([record], YEAR_END, conventions=not_counted) == 1
    assert _oc3_findings([record], YEAR_END) == 0
    for conventions in (None, not_counted):
        _, mask = compare([record], YEAR_END, conventions=conventions)
        assert mask.tolist() == [True]  # the status decides: the record path


# -- records loaded from 903 files ----------------------------------------------------------------


def test_loaded_sample(tmp_path: Path) -> None:
    synth.write_sample(tmp_path, 400, seed=77)
    loaded = load(tmp_path)
    records = list(loaded.caseload)
    year_end = loaded.collection_year_end
    records = [as_903(r, year_end) for r in records]
    for as_of in (YEAR_END, D(2024, 2, 29)):
        compare(records, as_of, year_end=year_end, evidence=loaded.evidence)


@pytest.mark.parametrize("previous", [0, 1])
def test_loaded_real_shaped_returns(tmp_path: Path, previous: int) -> None:
    hidden = synth.history(400, seed=2025 + previous, previous=previous)
    folders = list(synth.write_returns(hidden, tmp_path, previous=previous).values())
    loaded = load(folders[0], collection_year_end=YEAR_END, previous=folders[1:])
    records = [as_903(r, YEAR_END) for r in loaded.caseload]
    got, mask = compare(records, YEAR_END, evidence=loaded.evidence)
    assert len(got.findings) > 10
    assert got.not_assessable
    no_oc3 = [as_903(r, YEAR_END, outcomes=False) for r in records]
    assert _oc3_findings(no_oc3, YEAR_END) > 0
    compare(no_oc3, YEAR_END, evidence=loaded.evidence)
    assert 0 < mask.sum() < len(records) // 3  # care leavers for the OC3 check
    compare(records, D(2024, 6, 30), evidence=loaded.evidence)
    compare(records, D(2023, 3, 31), evidence=loaded.evidence)
