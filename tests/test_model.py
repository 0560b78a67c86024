"""The model: construction, validation, derived views and the caseload."""

from __future__ import annotations

import datetime as dt

import attrs
import pytest

from corparent.codes import LegalStatus, PlacementType, ReasonEpisodeCeased, ReasonNewEpisode
from corparent.errors import CodeError, CorparentError, FieldTypeError, RecordError
from corparent.model import (
    Caseload,
    CaseRecord,
    Child,
    Episode,
    HealthAssessment,
    HealthAssessmentKind,
    PlacementPlan,
    Review,
    Visit,
)

D = dt.date
X1 = ReasonEpisodeCeased.X1


def episode(start: dt.date, end: dt.date | None = None, **kw: object) -> Episode:
    fields: dict[str, object] = {
        "legal_status": LegalStatus.C2,
        "placement": PlacementType.U4,
        "start": start,
        "end": end,
    }
    fields.update(kw)
    return Episode(**fields)  # type: ignore[arg-type]


DOB = D(2010, 5, 1)


def child(child_id: str = "C1", dob: dt.date = DOB) -> Child:
    return Child(id=child_id, date_of_birth=dob)


def history() -> CaseRecord:
    """Two periods of care: S, L (X1), P (X1), T0 temporary (X1), back (P); gap; re-entry."""
    return CaseRecord(
        child=child(),
        episodes=[
            episode(D(2020, 1, 10), D(2020, 3, 1), reason_ceased=X1, legal_status=LegalStatus.V2),
            episode(D(2020, 3, 1), D(2020, 6, 1), reason_new=ReasonNewEpisode.L, reason_ceased=X1),
            episode(
                D(2020, 6, 1),
                D(2020, 7, 1),
                reason_new=ReasonNewEpisode.P,
                placement=PlacementType.K2,
                reason_ceased=X1,
            ),
            episode(
                D(2020, 7, 1),
                D(2020, 7, 5),
                reason_new=ReasonNewEpisode.P,
                placement=PlacementType.T4,
                reason_ceased=X1,
            ),
            episode(
                D(2020, 7, 5),
                D(2021, 1, 1),
                reason_new=ReasonNewEpisode.P,
                placement=PlacementType.K2,
                reason_ceased=ReasonEpisodeCeased.E4A,
            ),
            episode(D(2022, 2, 2), placement=PlacementType.U6),
        ],
        reviews=[Review(date=D(2020, 2, 5)), Review(date=D(2020, 1, 30))],
    )


def test_collections_are_sorted_tuples() -> None:
    record = history()
    assert isinstance(record.episodes, tuple)
    assert [r.date for r in record.reviews] == [D(2020, 1, 30), D(2020, 2, 5)]
    assert record.id == "C1"


def test_periods_of_care_split_on_non_x1_and_gaps() -> None:
    periods = history().periods_of_care()
    assert [(p.start, p.end) for p in periods] == [
        (D(2020, 1, 10), D(2021, 1, 1)),
        (D(2022, 2, 2), None),
    ]
    assert periods[0].reason_ceased is ReasonEpisodeCeased.E4A
    assert len(periods[0].episodes) == 5
    assert history().became_looked_after() == (D(2020, 1, 10), D(2022, 2, 2))


def test_placements_continue_over_legal_status_changes_and_split_on_moves() -> None:
    placements = history().placements()
    assert [(p.start, p.placement_type.code) for p in placements] == [
        (D(2020, 1, 10), "U4"),
        (D(2020, 6, 1), "K2"),
        (D(2020, 7, 1), "T4"),
        (D(2020, 7, 5), "K2"),
        (D(2022, 2, 2), "U6"),
    ]
    assert placements[2].is_temporary
    assert len(placements[0].episodes) == 2


def test_on_a_day_views_treat_the_end_date_as_the_next_state() -> None:
    record = history()
    assert record.looked_after_on(D(2020, 1, 10))
    assert record.looked_after_on(D(2020, 12, 31))
    assert not record.looked_after_on(D(2021, 1, 1))
    assert not record.looked_after_on(D(2020, 1, 9))
    assert record.looked_after_on(D(2030, 1, 1))
    on_x1_day = record.episode_on(D(2020, 3, 1))
    assert on_x1_day is not None
    assert on_x1_day.reason_new is ReasonNewEpisode.L
    placement = record.placement_on(D(2020, 7, 3))
    assert placement is not None
    assert placement.is_temporary
    assert record.period_on(D(2021, 6, 1)) is None
    assert record.age_on(D(2020, 5, 1)) == 10
    assert record.age_on(D(2020, 4, 30)) == 9


def test_records_are_immutable_and_hashable_values() -> None:
    record = history()
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        record.reviews = ()  # type: ignore[misc]
    assert record == history()
    changed = attrs.evolve(record, visits=[Visit(date=D(2020, 1, 15), seen=True)])
    assert changed.visits[0].date == D(2020, 1, 15)
    assert record.visits == ()


def test_identifying_fields_stay_out_of_repr() -> None:
    record = CaseRecord(
        child=Child(id="C9", date_of_birth=D(2011, 2, 3), upn="A123456789012"),
        episodes=[episode(D(2020, 1, 1), home_postcode="AB1 2CD")],
    )
    text = repr(record)
    assert "C9" in text
    assert "2011" not in text
    assert "A123456789012" not in text
    assert "AB1 2CD" not in text


@pytest.mark.parametrize(
    "build",
    [
        lambda: Child(id="C1", date_of_birth=dt.datetime(2010, 1, 1)),  # type: ignore[arg-type]
        lambda: Review(date=dt.datetime(2020, 1, 1)),  # type: ignore[arg-type]
        lambda: episode(dt.datetime(2020, 1, 1)),  # type: ignore[arg-type]
    ],
)
def test_datetime_is_rejected(build: object) -> None:
    with pytest.raises(TypeError):
        build()  # type: ignore[operator]


def test_field_types_are_checked() -> None:
    with pytest.raises(FieldTypeError, match="legal_status"):
        Episode(start=D(2020, 1, 1), legal_status=2, placement=PlacementType.U4)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"reviews\[0\]"):
        CaseRecord(child=child(), reviews=[Visit(date=D(2020, 1, 1), seen=True)])
    with pytest.raises(ValueError, match="non-empty"):
        Child(id=" ", date_of_birth=D(2010, 1, 1))


def test_codes_may_be_given_as_strings_and_bad_ones_name_the_field() -> None:
    episode = Episode(start=D(2020, 1, 1), legal_status="c2", placement=" U4 ", reason_new="S")
    assert episode.legal_status is LegalStatus.C2
    assert episode.placement is PlacementType.U4
    assert (
        Episode(start=D(2020, 1, 1), legal_status="C2", placement="U4", provider="").provider
        is None
    )
    with pytest.raises(CodeError, match=r"'C9' is not a LegalStatus code.*Episode\.legal_status"):
        Episode(start=D(2020, 1, 1), legal_status="C9", placement="U4")
    assert HealthAssessment(date=D(2020, 1, 1), kind="review").kind is HealthAssessmentKind.REVIEW
    with pytest.raises(CodeError, match=r"HealthAssessment\.kind"):
        HealthAssessment(date=D(2020, 1, 1), kind="annual")
    assert Child(id="C1", date_of_birth=D(2010, 1, 1), sex="2").sex is not None


@pytest.mark.parametrize(
    ("field", "item"),
    [
        ("reviews", {"date": D(2020, 1, 1)}),
        ("reviews", D(2020, 1, 1)),
        ("episodes", {"start": D(2020, 1, 1)}),
        ("visits", "2020-01-01"),
    ],
)
def test_a_record_given_the_wrong_kind_of_item_says_so(field: str, item: object) -> None:
    with pytest.raises(FieldTypeError, match=rf"CaseRecord\.{field}\[0\] must be") as error:
        CaseRecord(child=child(), **{field: [item]})
    assert isinstance(error.value, CorparentError)
    if isinstance(item, dict):
        assert "(**item)" in str(error.value)
    with pytest.raises(FieldTypeError, match=r"CaseRecord\.child must be Child, not dict"):
        CaseRecord(child={"id": "C1"})  # type: ignore[arg-type]


def test_risky_facts_are_explicit() -> None:
    with pytest.raises(TypeError, match="seen"):
        Visit(date=D(2020, 1, 1))  # type: ignore[call-arg]
    with pytest.raises(TypeError, match="kind"):
        HealthAssessment(date=D(2020, 1, 1))  # type: ignore[call-arg]
    with pytest.raises(FieldTypeError, match="registered medical practitioner"):
        HealthAssessment(date=D(2020, 1, 1), kind=HealthAssessmentKind.INITIAL)
    assert HealthAssessment(date=D(2020, 1, 1), kind="review").by_medical_practitioner is None


def test_events_carry_their_fields() -> None:
    ha = HealthAssessment(date=D(2020, 2, 1), kind=HealthAssessmentKind.REVIEW)
    assert ha.by_medical_practitioner is None
    plan = PlacementPlan(date=D(2020, 6, 3), placement_start=D(2020, 6, 1))
    record = attrs.evolve(history(), placement_plans=[plan], health_assessments=[ha])
    assert record.problems() == ()


def test_caseload_lookup_and_duplicates() -> None:
    a = history()
    b = attrs.evolve(a, child=child("C2"))
    caseload = Caseload(records=[a, b])
    assert len(caseload) == 2
    assert caseload["C2"] is b
    assert caseload.get("nope") is None
    assert "C1" in caseload
    assert caseload.ids() == ("C1", "C2")
    assert list(caseload) == [a, b]
    with pytest.raises(RecordError) as info:
        Caseload(records=[a, a])
    assert info.value.problems[0].code == "duplicate_child"
    assert info.value.problems[0].path == "records[1]"
