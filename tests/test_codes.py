"""SSDA903 code lists: parsing, descriptions and the predicates the law needs."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from corparent.codes import (
    CODE_LISTS,
    Accommodation,
    Activity,
    CodeList,
    InTouch,
    LegalStatus,
    PlacementType,
    ReasonEpisodeCeased,
    ReasonNewEpisode,
    ReviewParticipation,
    Sex,
)
from corparent.errors import CodeError, CorparentError

ALL_MEMBERS = [m for cls in CODE_LISTS.values() for m in cls]


@pytest.mark.parametrize("member", ALL_MEMBERS, ids=lambda m: f"{type(m).__name__}.{m.code}")
def test_every_code_parses_to_itself_and_has_a_description(member: CodeList) -> None:
    cls = type(member)
    assert cls.parse(member.code) is member
    assert cls.parse(f"  {member.code.lower()} ") is member
    assert member.value == member.code == str(member)
    assert member.description.strip()


@given(member=st.sampled_from(ALL_MEMBERS))
def test_parse_is_case_insensitive(member: CodeList) -> None:
    assert type(member).parse(member.code.lower()) is member
    assert type(member)(member.code) is member


@pytest.mark.parametrize(("cls", "bad"), [(LegalStatus, "C9"), (PlacementType, "Q1"), (Sex, "X")])
def test_bad_code_names_list_and_value(cls: type[CodeList], bad: str) -> None:
    with pytest.raises(CodeError) as info:
        cls.parse(bad)
    assert isinstance(info.value, CorparentError)
    assert isinstance(info.value, ValueError)
    assert cls.__name__ in str(info.value)
    assert repr(bad) in str(info.value)
    assert info.value.code_list == cls.__name__
    assert info.value.value == bad


def test_code_lists_are_keyed_by_903_column() -> None:
    assert CODE_LISTS["LS"] is LegalStatus
    assert CODE_LISTS["PLACE"] is PlacementType
    assert CODE_LISTS["RNE"] is ReasonNewEpisode
    assert CODE_LISTS["REC"] is ReasonEpisodeCeased
    assert CODE_LISTS["REVIEW_CODE"] is ReviewParticipation
    assert len(LegalStatus) == 13
    assert len(ReviewParticipation) == 8


def test_legal_status_predicates() -> None:
    assert {m for m in LegalStatus if m.is_short_break} == {LegalStatus.V3, LegalStatus.V4}
    assert {m for m in LegalStatus if m.is_remand} == {LegalStatus.J1}
    assert {m for m in LegalStatus if m.is_care_order} == {LegalStatus.C1, LegalStatus.C2}
    assert LegalStatus.E1.is_in_care
    assert LegalStatus.E1.is_placement_order
    assert not LegalStatus.V2.is_in_care
    assert LegalStatus.V2.is_accommodated_s20
    assert LegalStatus.L2.is_emergency
    assert LegalStatus.J3.is_youth_justice


def test_placement_type_predicates() -> None:
    foster = {m.code for m in PlacementType if m.is_foster}
    assert foster == {"U1", "U2", "U3", "U4", "U5", "U6"}
    assert {m.code for m in PlacementType if m.is_connected_person} == {"U1", "U2", "U3"}
    assert {m.code for m in PlacementType if m.is_long_term_foster} == {"U1", "U4"}
    assert {m.code for m in PlacementType if m.is_temporary} == {"T0", "T1", "T2", "T3", "T4"}
    assert {m.code for m in PlacementType if m.is_placed_for_adoption} == {"A3", "A4", "A5", "A6"}
    assert PlacementType.P1.is_placed_with_parents
    assert PlacementType.R5.is_custody
    assert PlacementType.K1.is_secure


def test_placement_codes_record_their_years() -> None:
    assert PlacementType.K3.valid_from == "2024/25"
    assert PlacementType.H5.valid_until == "2024/25"
    assert PlacementType.Z11.valid_from == "2025/26"
    assert Sex.M.valid_from == "2024/25"
    assert Sex.MALE_1.valid_until == "2023/24"
    assert PlacementType.U4.valid_from is None


def test_episode_reason_predicates() -> None:
    assert ReasonNewEpisode.S.starts_period_of_care
    assert {m.code for m in ReasonNewEpisode if m.changes_placement} == {"P", "T", "U", "B"}
    assert {m.code for m in ReasonNewEpisode if m.changes_legal_status} == {"L", "T", "U"}
    assert ReasonEpisodeCeased.X1.continues_care
    assert not ReasonEpisodeCeased.X1.ends_period_of_care
    assert ReasonEpisodeCeased.E11.is_adoption
    assert ReasonEpisodeCeased.E4A.is_return_home
    assert ReasonEpisodeCeased.E45.is_special_guardianship_to_former_foster_carers


def test_outcome_predicates() -> None:
    assert ReviewParticipation.PN1.child_attended
    assert ReviewParticipation.PN1.views_conveyed
    assert not ReviewParticipation.PN7.views_conveyed
    assert ReviewParticipation.PN5.views_conveyed
    assert not ReviewParticipation.PN5.child_attended
    assert InTouch.YES.in_touch
    assert not InTouch.REFU.in_touch
    assert Activity.parse("0") is Activity.NONE_0
    assert Activity.F5.in_education_employment_or_training
    assert not Activity.G6.in_education_employment_or_training
    assert Accommodation.Z1.is_suitable
    assert not Accommodation.S2.is_suitable
