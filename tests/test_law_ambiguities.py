"""The ambiguity report: obligations whose due date or status another reading would change."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from corparent.cli import main
from corparent.codes import LegalStatus, PlacementType
from corparent.law import Conventions
from corparent.model import CaseRecord, Child, Episode, HealthAssessment, Review
from corparent.schedule import ALTERNATIVES, ambiguities, schedule

D = dt.date
SAMPLE = Path(__file__).parent.parent / "examples" / "data" / "ssda903"


DOB = D(2012, 6, 1)


def _child(start: dt.date, dob: dt.date = DOB, **fields: object) -> CaseRecord:
    return CaseRecord(
        child=Child(id="C1", date_of_birth=dob),
        episodes=[Episode(start=start, legal_status=LegalStatus.C2, placement=PlacementType.U4)],
        **fields,  # type: ignore[arg-type]
    )


def test_trigger_day_reading_moves_the_first_review() -> None:
    found = ambiguities(_child(D(2023, 12, 22)), D(2024, 3, 31))
    first = [a for a in found if a.duty_id == "review_first"]
    assert [(a.reading, a.default_due, a.alternative_due) for a in first] == [
        ("trigger day counted", D(2024, 1, 24), D(2024, 1, 23)),
        ("bank holidays of any part of the UK", D(2024, 1, 24), D(2024, 1, 25)),
    ]
    assert "2024-01-23" in first[0].explain()


def test_a_saturday_trigger_is_not_ambiguous() -> None:
    """A period that starts on a Saturday gives the same day either way."""
    found = ambiguities(_child(D(2023, 12, 23)), D(2024, 3, 31))
    assert not [
        a for a in found if a.duty_id == "review_first" and a.reading == "trigger day counted"
    ]


def test_status_change_is_reported() -> None:
    """A review held on the 20th working day is met by default and late if the trigger day
    counts: the status changes as well as the date."""
    r = _child(D(2023, 12, 22), reviews=[Review(date=D(2024, 1, 24))])
    found = ambiguities(r, D(2024, 3, 31))
    (a,) = [a for a in found if a.duty_id == "review_first" and a.reading.startswith("trigger")]
    assert (a.default_status.value, a.alternative_status.value) == ("met", "met_late")  # type: ignore[union-attr]


def test_health_review_across_the_fifth_birthday() -> None:
    assessments = [
        HealthAssessment(date=D(2025, 1, 25), kind="initial", by_medical_practitioner=True)
    ]
    r = _child(D(2024, 1, 10), dob=D(2020, 3, 10), health_assessments=assessments)
    found = [a for a in ambiguities(r, D(2025, 3, 1)) if a.reading.startswith("12-month")]
    assert {(a.duty_id, a.default_due, a.alternative_due) for a in found} == {
        ("health_review_under_5", D(2025, 7, 25), None),
        ("health_review_5_plus", None, D(2026, 1, 25)),
    }


@pytest.mark.parametrize("reading", ALTERNATIVES, ids=lambda r: r.name)
def test_every_reading_changes_the_conventions(reading: object) -> None:
    assert reading.apply(Conventions()) != Conventions()  # type: ignore[attr-defined]


def test_no_ambiguity_means_identical_schedules() -> None:
    """Where nothing is reported for a reading, the two schedules agree exactly."""
    r = _child(D(2023, 12, 23))
    as_of = D(2024, 3, 31)
    reported = {a.reading for a in ambiguities(r, as_of)}
    for reading in ALTERNATIVES:
        if reading.name in reported or reading.name.startswith("unannounced"):
            continue
        left = [(o.duty.id, o.due, o.status) for o in schedule(r, as_of)]
        right = [
            (o.duty.id, o.due, o.status)
            for o in schedule(r, as_of, conventions=reading.apply(Conventions()))
        ]
        assert left == right, reading.name


def test_cli_ambiguities(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ambiguities", str(SAMPLE), "--as-of", "2024-03-31", "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert rows
    assert {"child_id", "duty_id", "default_due", "alternative_due"} <= set(rows[0])
    child = rows[0]["child_id"]
    assert main(["ambiguities", str(SAMPLE), "--as-of", "2024-03-31", "--child", child]) == 0
    text = capsys.readouterr().out
    assert text.splitlines()[0].endswith("(as of 2024-03-31):")
    assert main(["ambiguities", str(SAMPLE), "--as-of", "2024-03-31", "--child", "nobody"]) == 2
