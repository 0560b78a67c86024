"""Each built-in check on hand-built records."""

from __future__ import annotations

import datetime as dt

import pytest

from corparent.checks import Severity
from corparent.checks.builtin.completeness import (
    oc3_missing,
    placement_provider,
    review_participation,
    upn_missing,
)
from corparent.checks.builtin.compliance import due_soon, met_late, overdue, severity_for
from corparent.checks.builtin.integrity import record_integrity
from corparent.codes import (
    InTouch,
    LegalStatus,
    PlacementProvider,
    PlacementType,
    ReasonEpisodeCeased,
    ReviewParticipation,
)
from corparent.law import Force
from corparent.model import CaseRecord, Child, Episode, LeaverOutcome, Review
from corparent.testing import run_check

DOB = dt.date(2012, 5, 17)
BECAME_LAC = dt.date(2023, 12, 22)  # a Friday before Christmas: first review due 24 Jan 2024
FIRST_REVIEW_DUE = dt.date(2024, 1, 24)  # CPPCR 2010 reg 33(1): 20 working days
AS_OF = dt.date(2024, 3, 31)


def episode(start: dt.date = BECAME_LAC, **kw: object) -> Episode:
    fields: dict[str, object] = {
        "start": start,
        "legal_status": LegalStatus.C2,
        "placement": PlacementType.U4,
        "provider": PlacementProvider.PR1,
    }
    fields.update(kw)
    return Episode(**fields)  # type: ignore[arg-type]


def record(**kw: object) -> CaseRecord:
    fields: dict[str, object] = {
        "child": Child(id="C0042", date_of_birth=DOB, upn="A123456789012"),
        "episodes": [episode()],
    }
    fields.update(kw)
    return CaseRecord(**fields)  # type: ignore[arg-type]


def by_duty(findings: tuple[object, ...], duty: str) -> list[object]:
    return [f for f in findings if getattr(f, "duty_id", None) == duty]


# --- integrity ------------------------------------------------------------------------------


def test_a_consistent_record_has_no_integrity_findings() -> None:
    assert run_check(record_integrity, record(), AS_OF) == ()


def test_integrity_reports_one_finding_per_kind_of_problem() -> None:
    bad = CaseRecord.unchecked(
        child=Child(id="C0042", date_of_birth=DOB),
        episodes=[
            episode(start=dt.date(2023, 1, 10), end=dt.date(2023, 1, 1)),
            episode(start=dt.date(2023, 5, 10), end=dt.date(2023, 5, 1)),
        ],
        reviews=[Review(date=dt.date(2001, 1, 1))],  # before birth
    )
    problems = bad.problems()
    codes = {p.code for p in problems}
    assert len(codes) >= 2  # episodes ending before they start; an event before birth
    found = run_check(record_integrity, bad, AS_OF)
    assert sorted(f.code or "" for f in found) == sorted(codes)
    assert all(f.severity is Severity.ERROR and f.child_id == "C0042" for f in found)
    repeated = [f for f in found if sum(p.code == f.code for p in problems) > 1]
    assert repeated, "two episodes share one kind of problem"
    assert all("problems)" in f.message for f in repeated)
    assert all(str(DOB) not in f.message for f in found)


# --- compliance -----------------------------------------------------------------------------


def test_first_review_not_held_is_overdue_with_citation() -> None:
    found = run_check(overdue, record(), AS_OF)
    [f] = by_duty(found, "review_first")
    assert f.due == FIRST_REVIEW_DUE
    assert f.days_overdue == (AS_OF - FIRST_REVIEW_DUE).days == 67
    assert f.severity is Severity.ERROR  # a regulation
    assert f.force is not None
    assert f.force.name == "REGULATION"
    assert f.citation is not None
    assert "33" in f.citation
    assert f.check_id == "builtin.compliance.overdue"
    assert f.code == "overdue"
    assert f.principles  # reviews serve the principles of hearing the child


def test_first_review_held_late_is_met_late_within_the_lookback() -> None:
    late = record(reviews=[Review(date=dt.date(2024, 2, 1))])
    assert by_duty(run_check(overdue, late, AS_OF), "review_first") == []
    [f] = by_duty(run_check(met_late, late, AS_OF), "review_first")
    assert f.days_overdue == (dt.date(2024, 2, 1) - FIRST_REVIEW_DUE).days == 8
    assert f.code == "met_late"
    assert f.severity is Severity.ERROR
    # Met 59 days before as_of: outside a 30-day look-back, inside the default year.
    assert by_duty(run_check(met_late, late, AS_OF, lookback_days=30), "review_first") == []
    assert by_duty(run_check(met_late, late, AS_OF, lookback_days=None), "review_first") != []


def test_first_review_held_on_time_is_not_reported() -> None:
    on_time = record(reviews=[Review(date=FIRST_REVIEW_DUE)])
    for spec in (overdue, met_late):
        assert by_duty(run_check(spec, on_time, AS_OF), "review_first") == []


def test_due_soon_is_information_within_the_window() -> None:
    as_of = dt.date(2024, 1, 20)
    [f] = by_duty(run_check(due_soon, record(), as_of), "review_first")
    assert f.severity is Severity.INFO
    assert f.due == FIRST_REVIEW_DUE
    assert f.days_overdue is None
    assert by_duty(run_check(due_soon, record(), as_of, within_days=3), "review_first") == []
    assert by_duty(run_check(due_soon, record(), as_of, within_days=4), "review_first") != []


def test_compliance_findings_never_predate_their_due_date() -> None:
    for as_of in (dt.date(2024, 1, 1), dt.date(2024, 6, 30), dt.date(2025, 3, 31)):
        for f in run_check(overdue, record(), as_of):
            assert f.due is not None
            assert f.due < as_of
            assert f.days_overdue is not None
            assert f.days_overdue > 0


@pytest.mark.parametrize("force", list(Force))
def test_severity_follows_legal_force(force: Force) -> None:
    expected = {
        "STATUTE": Severity.ERROR,
        "REGULATION": Severity.ERROR,
        "LOCAL": Severity.INFO,
    }.get(force.name, Severity.WARNING)
    assert severity_for(force, local=Severity.INFO) is expected


# --- completeness ---------------------------------------------------------------------------


def test_review_without_participation_code() -> None:
    r = record(
        reviews=[
            Review(date=dt.date(2024, 1, 20)),
            Review(date=dt.date(2024, 3, 1), participation=ReviewParticipation.PN1),
            Review(date=dt.date(2024, 4, 20)),  # after as_of: not yet in the return
        ]
    )
    [f] = run_check(review_participation, r, AS_OF)
    assert f.due == dt.date(2024, 1, 20)
    assert f.severity is Severity.WARNING
    assert f.code == "review_participation_missing"


def test_missing_upn() -> None:
    assert run_check(upn_missing, record(), AS_OF) == ()
    no_upn = record(child=Child(id="C0042", date_of_birth=DOB))
    [f] = run_check(upn_missing, no_upn, AS_OF)
    assert f.code == "upn_missing"
    assert "A123456789012" not in f.message


def test_placement_provider_required_except_temporary_and_other() -> None:
    assert run_check(placement_provider, record(), AS_OF) == ()
    missing = record(
        episodes=[
            episode(
                end=dt.date(2024, 1, 5),
                provider=None,
                reason_ceased=ReasonEpisodeCeased.X1,
            ),
            episode(
                start=dt.date(2024, 1, 5),
                end=dt.date(2024, 1, 9),
                placement=PlacementType.T2,
                provider=None,
                reason_ceased=ReasonEpisodeCeased.X1,
            ),
            episode(start=dt.date(2024, 1, 9), provider=None),
        ]
    )
    [f] = run_check(placement_provider, missing, AS_OF)
    assert "2 episode(s)" in f.message
    assert "episodes[0]" in f.message
    assert "episodes[2]" in f.message
    assert "episodes[1]" not in f.message  # T2: blank provider is right


def care_leaver(**kw: object) -> CaseRecord:
    """Looked after from 13 to 18: a former relevant child from the 18th birthday."""
    fields: dict[str, object] = {
        "child": Child(id="L0001", date_of_birth=dt.date(2004, 7, 10), upn="A123456789012"),
        "episodes": [
            episode(
                start=dt.date(2017, 9, 1),
                end=dt.date(2022, 7, 10),
                reason_ceased=ReasonEpisodeCeased.E17,
            )
        ],
    }
    fields.update(kw)
    return CaseRecord(**fields)  # type: ignore[arg-type]


def test_oc3_missing_for_a_care_leaver_aged_19_in_the_year() -> None:
    [f] = run_check(oc3_missing, care_leaver(), AS_OF)  # 19th birthday 10 July 2023
    assert f.code == "oc3_missing"
    assert "19" in f.message
    with_oc3 = care_leaver(leaver_outcomes=[LeaverOutcome(year_ending=AS_OF, in_touch=InTouch.YES)])
    assert run_check(oc3_missing, with_oc3, AS_OF) == ()


def test_oc3_not_needed_for_a_child_still_young_or_never_a_leaver() -> None:
    assert run_check(oc3_missing, record(), AS_OF) == ()  # aged 11
    assert run_check(oc3_missing, care_leaver(), dt.date(2030, 3, 31)) == ()  # aged 25
