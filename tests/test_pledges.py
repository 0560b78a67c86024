"""Pledges as data: the B&NES transcription, the schema's errors, coverage and the overlay."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from corparent import pledges
from corparent.codes import LegalStatus, PlacementType, ReasonEpisodeCeased, ReasonNewEpisode
from corparent.errors import ConfigError
from corparent.law import ENGLAND, Force
from corparent.model import CaseRecord, Child, ContactRequest, Episode, Review
from corparent.principles import Principle
from corparent.schedule import Status, schedule

D = dt.date
BNES = "bath-and-north-east-somerset"


def test_bnes_every_ticked_promise_grouped_as_the_seed_groups_them() -> None:
    pledge = pledges.load(BNES)
    per_theme = {t: sum(c.theme == t for c in pledge.commitments) for t in pledge.themes}
    # Counted from shared/seeds/003: the ticks under each heading, plus the children-in-care
    # nurse sentence under "Your Health".
    assert per_theme == {
        "Your Social Worker": 4,
        "How we make decisions": 3,
        "Your Care Plan": 7,
        "Your Independent Reviewing Officer (IRO)": 3,
        "Where you live": 5,
        "Friends and Family": 3,
        "Your Education": 7,
        "Your Identity": 4,
        "Your Health": 6,
        "Leaving Care and Moving On": 8,
        "Helping you sort out problems and worries": 5,
    }
    assert len({c.id for c in pledge.commitments}) == 55
    assert all(
        c.principles and all(link.reason for link in c.principles) for c in pledge.commitments
    )
    assert {s.id for s in pledge.standards} == {
        c.standard for c in pledge.commitments if c.standard
    }


def test_coverage_and_compare() -> None:
    pledge = pledges.load(BNES)
    cov = pledges.coverage(pledge)
    assert cov.gaps == ()
    assert sum(cov.counts().values()) >= len(pledge.commitments)
    table = pledges.compare([pledge])
    assert set(table[pledge.council]) == set(Principle)


def record() -> CaseRecord:
    return CaseRecord(
        child=Child(id="B1", date_of_birth=D(2011, 5, 1)),
        episodes=[
            Episode(
                start=D(2023, 1, 9),
                end=D(2023, 9, 4),
                legal_status=LegalStatus.C2,
                placement=PlacementType.U6,
                reason_ceased=ReasonEpisodeCeased.X1,
            ),
            Episode(
                start=D(2023, 9, 4),
                legal_status=LegalStatus.C2,
                placement=PlacementType.U4,
                reason_new=ReasonNewEpisode.P,
            ),
        ],
        reviews=[
            Review(date=D(2023, 2, 1)),
            Review(date=D(2023, 5, 1)),
            Review(date=D(2023, 10, 20)),
        ],
        contact_requests=[ContactRequest(date=D(2024, 2, 5), responded_on=D(2024, 2, 6))],
    )


def test_bnes_standards_add_local_obligations_on_a_record() -> None:
    rules = ENGLAND.with_standards(pledges.load(BNES))
    s = schedule(record(), D(2024, 3, 31), rules=rules).by_duty()
    move = s["bnes.review_after_move"][0]
    assert (move.trigger, move.due, move.met_on, move.status) == (
        D(2023, 9, 4),
        D(2023, 10, 2),
        D(2023, 10, 20),
        Status.MET_LATE,
    )
    assert move.force is Force.LOCAL
    call = s["bnes.call_back"][0]
    assert (call.due, call.status) == (D(2024, 2, 7), Status.MET)
    assert "review_subsequent" in s  # the statutory duty is still there beside the local one
    assert {o.duty.id for o in s["bnes.care_plan_review"]} == {"bnes.care_plan_review"}


@pytest.mark.parametrize(
    ("text", "path"),
    [
        ("[pledge]\ncouncil = 'X'\n", "pledge.title"),
        ("[pledge]\ncouncil = 'X'\ntitle = 'T'\ncolour = 'red'\n", "pledge.colour"),
        (
            "[pledge]\ncouncil='X'\ntitle='T'\n[[commitments]]\nid='a'\ntheme='t'\ntext='x'\n"
            "principles=[{principle='KINDNESS', reason='r'}]\n",
            "commitments[0].principles[0].principle",
        ),
        (
            "[pledge]\ncouncil='X'\ntitle='T'\n[[commitments]]\nid='a'\ntheme='t'\ntext='x'\n"
            "principles=[]\n",
            "commitments[0].principles",
        ),
        (
            "[pledge]\ncouncil='X'\ntitle='T'\n[[standards]]\nid='s'\ntitle='s'\n"
            "tightens='review_subsequent'\nrule={kind='every_so_often', months=1}\n",
            "standards[0].rule.kind",
        ),
        (
            "[pledge]\ncouncil='X'\ntitle='T'\n[[council_commitments]]\nid='c'\ntext='t'\nowner='o'\n"
            "cadence={kind='by date'}\n",
            "council_commitments[0].cadence.by",
        ),
    ],
)
def test_schema_errors_name_file_and_key_path(text: str, path: str) -> None:
    with pytest.raises(ConfigError) as info:
        pledges.loads(text, file="mine.toml")
    assert path in {p.path for p in info.value.problems}
    assert all(p.file == "mine.toml" for p in info.value.problems)


def test_not_toml_and_missing_files() -> None:
    with pytest.raises(ConfigError, match="not valid TOML"):
        pledges.loads("[pledge", file="x.toml")
    with pytest.raises(ConfigError, match="cannot read"):
        pledges.load(Path("/nonexistent/pledge.toml"))
    with pytest.raises(ConfigError, match="cannot read"):
        pledges.load("no-such-council")


def test_a_loosening_standard_in_a_pledge_is_refused() -> None:
    pledge = pledges.loads(
        "[pledge]\ncouncil='X'\ntitle='T'\n[[standards]]\nid='x.loose'\ntitle='Visits yearly'\n"
        "tightens='visit_first_year'\nrule={kind='interval_max_months', months=12}\n"
    )
    with pytest.raises(ConfigError, match=r"x\.loose"):
        ENGLAND.with_standards(pledge)


def test_cadences_with_rrule() -> None:
    quarterly = pledges.Cadence(kind=pledges.CadenceKind.QUARTERLY, by=D(2024, 1, 31))
    assert quarterly.occurrences(D(2024, 1, 1), D(2024, 12, 31)) == (
        D(2024, 1, 31),
        D(2024, 4, 30),
        D(2024, 7, 31),
        D(2024, 10, 31),
    )
    mid = pledges.Cadence(kind=pledges.CadenceKind.MONTHLY, by=D(2024, 1, 15))
    assert mid.occurrences(D(2024, 1, 1), D(2024, 3, 31)) == (
        D(2024, 1, 15),
        D(2024, 2, 15),
        D(2024, 3, 15),
    )
    termly = pledges.Cadence(kind=pledges.CadenceKind.TERMLY)
    assert termly.occurrences(D(2024, 1, 1), D(2024, 12, 31)) == (
        D(2024, 1, 1),
        D(2024, 4, 1),
        D(2024, 9, 1),
    )
    by = pledges.Cadence(kind=pledges.CadenceKind.BY_DATE, by=D(2016, 9, 1))
    assert by.occurrences(D(2016, 1, 1), D(2016, 12, 31)) == (D(2016, 9, 1),)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        # Counted from shared/seeds/000 (Oxfordshire, Oct 2013): the bullets under each setting.
        (
            "oxfordshire",
            {
                "At home: when finding a home": 13,
                "When settled into a home": 9,
                "Leaving the home": 8,
                "At school": 12,
                "At college, work placements and apprenticeships": 6,
                "At work": 5,
                "Leisure, hobbies and interest": 6,
                "Staying safe and protected": 2,
                "Health and well being": 10,
                "In the community": 5,
                "Having a say": 15,
            },
        ),
        # Counted from shared/seeds/001 (Lancashire slides): the want/will pairs per heading.
        (
            "lancashire",
            {
                "Rights, responsibilities and participation": 10,
                "Reviews and meetings": 5,
                "Placements": 4,
                "Training and development": 2,
            },
        ),
    ],
)
def test_transcribed_pledges_count_as_the_seeds(name: str, expected: dict[str, int]) -> None:
    pledge = pledges.load(name)
    assert list(pledge.themes) == list(expected)
    assert {t: sum(c.theme == t for c in pledge.commitments) for t in pledge.themes} == expected
    assert pledges.coverage(pledge).gaps == ()


def test_derby_council_commitments_and_reporting_calendar() -> None:
    derby = pledges.load("derby")
    # Counted from shared/seeds/002: every row of every directorate's table.
    assert len(derby.council_commitments) == 52
    owners = {c.owner for c in derby.council_commitments}
    assert "Communities and Place" in owners
    assert {c.cadence.kind for c in derby.council_commitments} >= {
        pledges.CadenceKind.QUARTERLY,
        pledges.CadenceKind.TERMLY,
        pledges.CadenceKind.WEEKLY,
        pledges.CadenceKind.BY_DATE,
        pledges.CadenceKind.ONGOING,
    }
    complaints = next(c for c in derby.council_commitments if c.supports == ("1",))
    assert complaints.cadence.kind is pledges.CadenceKind.QUARTERLY
    calendar = pledges.reporting_calendar(derby, D(2016, 4, 1), D(2017, 3, 31))
    dates = [d for d, _ in calendar]
    assert dates == sorted(dates)
    assert (D(2016, 11, 30), "derby-8") in {(d, c.id) for d, c in calendar}  # takeover day
    assert pledges.coverage(derby).gaps == ()
