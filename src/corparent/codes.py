"""The SSDA903 code lists as enums whose members are the codes.

Each list is an :class:`enum.Enum` whose member names and values are the DfE codes
(``LegalStatus.C2.value == "C2"``), with the official ``description`` from the DfE guide
"Children looked after return: guide to submitting data" and, where a code was added or
withdrawn, the collection years it is valid for. ``parse`` accepts any case and surrounding
whitespace and raises :class:`~corparent.errors.CodeError` naming the list and the bad value.

The predicates (``LegalStatus.is_remand``, ``PlacementType.is_foster``, ...) encode what the law
needs to know about a code; each says where the distinction comes from.
"""

from __future__ import annotations

import enum
import functools
from collections.abc import Mapping
from typing import Any, Self

from corparent.errors import CodeError

__all__ = [
    "CODE_LISTS",
    "Accommodation",
    "Activity",
    "AdopterLegalStatus",
    "AdopterSex",
    "CategoryOfNeed",
    "CodeList",
    "Ethnicity",
    "InTouch",
    "LegalStatus",
    "MissingType",
    "PlacementProvider",
    "PlacementType",
    "ReasonEpisodeCeased",
    "ReasonNewEpisode",
    "ReasonPlaceChange",
    "ReasonPlacedCeased",
    "ReviewParticipation",
    "SdqReason",
    "Sex",
]


class CodeList(enum.Enum):
    """Base of every code list: members carry ``description`` and validity years.

    Members are declared as ``CODE = ("CODE", "description")`` or with the collection years a
    code is valid for: ``("K3", "description", "2024/25", None)``.

    What a member says of itself (``code``, ``is_placed_for_adoption``, ...) is worked out on
    first use and then kept on the member: the engine asks it of every episode and placement.
    """

    description: str
    valid_from: str | None
    valid_until: str | None

    def __new__(
        cls,
        code: str,
        description: str,
        valid_from: str | None = None,
        valid_until: str | None = None,
    ) -> Self:
        obj = object.__new__(cls)
        obj._value_ = code
        obj.description = description
        obj.valid_from = valid_from
        obj.valid_until = valid_until
        return obj

    @functools.cached_property
    def code(self) -> str:
        """The code as it appears in the return (same as ``value``)."""
        return str(self._value_)

    def __str__(self) -> str:
        return self.code

    @classmethod
    def parse(cls, text: str) -> Self:
        """The member for ``text``, ignoring case and surrounding whitespace.

        Raises:
            CodeError: ``text`` is not a code of this list.
        """
        member = cls._value2member_map_.get(str(text).strip().upper())
        if member is not None:
            return member  # type: ignore[return-value]
        codes = ", ".join(m.code for m in cls)
        raise CodeError(cls.__name__, str(text), f"one of {codes}") from None

    @classmethod
    def unknown(cls) -> Self:
        """The value standing for a code of this list that could not be read (e.g. an episode
        whose LS is not a legal status: the episode is kept, its legal status unknown).

        It is not a member: iterating the list, ``len()`` and :meth:`parse` never give it, and
        no property (``is_temporary``, ...) holds for it. Its ``code`` is ``""`` (written back
        as a blank cell); ``cls("")`` gives it back (JSON, pickling).
        """
        found: Self | None = cls.__dict__.get("_unknown_value")
        if found is None:
            found = object.__new__(cls)
            found._value_ = ""
            found._name_ = "UNKNOWN"
            found.description = "unknown (the code could not be read)"
            found.valid_from = None
            found.valid_until = None
            type.__setattr__(cls, "_unknown_value", found)
        return found

    @functools.cached_property
    def is_unknown(self) -> bool:
        """True for :meth:`unknown`: the code could not be read."""
        return self.code == ""

    @classmethod
    def _missing_(cls, value: Any) -> Self | None:
        if value == "":
            return cls.unknown()
        if isinstance(value, str):
            key = value.strip().upper()
            for member in cls:
                if member.code == key:
                    return member
        return None


class Sex(CodeList):
    """SEX: 1/2 to 2023/24, M/F/U from 2024/25."""

    MALE_1 = ("1", "Male", None, "2023/24")
    FEMALE_2 = ("2", "Female", None, "2023/24")
    M = ("M", "Male", "2024/25", None)
    F = ("F", "Female", "2024/25", None)
    U = ("U", "Unknown or not stated", "2024/25", None)


class Ethnicity(CodeList):
    """ETHNIC: the child's ethnic origin."""

    WBRI = ("WBRI", "White British")
    WIRI = ("WIRI", "White Irish")
    WOTH = ("WOTH", "Any other White background")
    WIRT = ("WIRT", "Traveller of Irish heritage")
    WROM = ("WROM", "Gypsy/Roma")
    MWBC = ("MWBC", "White and Black Caribbean")
    MWBA = ("MWBA", "White and Black African")
    MWAS = ("MWAS", "White and Asian")
    MOTH = ("MOTH", "Any other mixed background")
    AIND = ("AIND", "Indian")
    APKN = ("APKN", "Pakistani")
    ABAN = ("ABAN", "Bangladeshi")
    AOTH = ("AOTH", "Any other Asian background")
    BCRB = ("BCRB", "Caribbean")
    BAFR = ("BAFR", "African")
    BOTH = ("BOTH", "Any other Black background")
    CHNE = ("CHNE", "Chinese")
    OOTH = ("OOTH", "Any other ethnic group")
    REFU = ("REFU", "Refused")
    NOBT = ("NOBT", "Information not yet obtained")


class LegalStatus(CodeList):
    """LS: the legal basis on which the child is looked after."""

    C1 = ("C1", "Interim care order")
    C2 = ("C2", "Full care order")
    D1 = ("D1", "Freeing order granted")
    E1 = ("E1", "Placement order granted")
    J1 = ("J1", "Remanded to local authority accommodation or to youth detention accommodation")
    J2 = (
        "J2",
        "Placed in local authority accommodation under the Police and Criminal Evidence Act 1984",
    )
    J3 = (
        "J3",
        "Sentenced to Youth Rehabilitation Order with residence or intensive fostering requirement",
    )
    L1 = ("L1", "Under police protection and in local authority accommodation")
    L2 = ("L2", "Emergency protection order")
    L3 = ("L3", "Under child assessment order and in local authority accommodation")
    V2 = ("V2", "Single period of accommodation under section 20 (Children Act 1989)")
    V3 = (
        "V3",
        "Accommodated under an agreed series of short-term breaks, when individual episodes of care are recorded",
    )
    V4 = (
        "V4",
        "Accommodated under an agreed series of short-term breaks, when agreements are recorded",
    )

    @functools.cached_property
    def is_short_break(self) -> bool:
        """V3/V4 — an agreed series of short breaks (CPPCR 2010 reg 48 may apply)."""
        return self in (LegalStatus.V3, LegalStatus.V4)

    @functools.cached_property
    def is_remand(self) -> bool:
        """J1 — remanded (looked after under LASPO 2012 s.104; CPPCR Part 8A)."""
        return self is LegalStatus.J1

    @functools.cached_property
    def is_youth_justice(self) -> bool:
        """J1-J3 — looked after through the youth justice system."""
        return self in (LegalStatus.J1, LegalStatus.J2, LegalStatus.J3)

    @functools.cached_property
    def is_interim_care_order(self) -> bool:
        """C1 — interim care order (CA 1989 s.38)."""
        return self is LegalStatus.C1

    @functools.cached_property
    def is_care_order(self) -> bool:
        """C1/C2 — subject to an interim or full care order."""
        return self in (LegalStatus.C1, LegalStatus.C2)

    @functools.cached_property
    def is_in_care(self) -> bool:
        """Whether the child is in the authority's care (a care, freeing or placement order).

        C1, C2, D1 and E1 (Children Act 1989 s.22(1)(a) and s.105(1)); the other statuses are
        provision of accommodation.
        """
        return self in (LegalStatus.C1, LegalStatus.C2, LegalStatus.D1, LegalStatus.E1)

    @functools.cached_property
    def is_placement_order(self) -> bool:
        """D1/E1 — authorised to be placed for adoption."""
        return self in (LegalStatus.D1, LegalStatus.E1)

    @functools.cached_property
    def is_accommodated_s20(self) -> bool:
        """V2-V4 — accommodated under CA 1989 s.20."""
        return self in (LegalStatus.V2, LegalStatus.V3, LegalStatus.V4)

    @functools.cached_property
    def is_emergency(self) -> bool:
        """L1-L3 — police protection, emergency protection or child assessment order."""
        return self in (LegalStatus.L1, LegalStatus.L2, LegalStatus.L3)


class CategoryOfNeed(CodeList):
    """CIN: the main reason the child is looked after."""

    N1 = ("N1", "Abuse or neglect")
    N2 = ("N2", "Child's disability")
    N3 = ("N3", "Parental illness or disability")
    N4 = ("N4", "Family in acute stress")
    N5 = ("N5", "Family dysfunction")
    N6 = ("N6", "Socially unacceptable behaviour")
    N7 = ("N7", "Low income")
    N8 = ("N8", "Absent parenting")


class PlacementType(CodeList):
    """PLACE: where and with whom the child lives."""

    A3 = (
        "A3",
        "Placed for adoption with parental or guardian consent with current foster carer(s)",
    )
    A4 = (
        "A4",
        "Placed for adoption with parental or guardian consent not with current foster carer(s)",
    )
    A5 = ("A5", "Placed for adoption with placement order with current foster carer(s)")
    A6 = ("A6", "Placed for adoption with placement order not with current foster carer(s)")
    H5 = (
        "H5",
        "Semi-independent living accommodation not subject to children's homes regulations",
        None,
        "2024/25",
    )
    K1 = ("K1", "Secure children's home")
    K2 = ("K2", "Children's home subject to children's homes regulations")
    K3 = ("K3", "Supported accommodation (registered)", "2024/25", None)
    P1 = ("P1", "Placed with own parent(s) or other person(s) with parental responsibility")
    P2 = (
        "P2",
        "Independent living, for example in a flat, lodgings, bedsit, bed and breakfast or with friends, with or without formal support",
        None,
        "2023/24",
    )
    P3 = ("P3", "Residential employment")
    R1 = ("R1", "Residential care home")
    R2 = ("R2", "NHS, health trust or other establishment providing medical or nursing care")
    R3 = ("R3", "Family centre or mother and baby unit")
    R5 = ("R5", "Young offender institution or prison")
    S1 = (
        "S1",
        "All residential schools, except where dual-registered as a school and children's home",
    )
    T0 = ("T0", "All types of temporary move")
    T1 = ("T1", "Temporary periods in hospital")
    T2 = ("T2", "Temporary absences of the child on holiday")
    T3 = ("T3", "Temporary accommodation whilst normal foster carer(s) is/are on holiday")
    T4 = (
        "T4",
        "Temporary accommodation of seven days or less, for any reason, not covered by codes T1 to T3",
    )
    U1 = ("U1", "Foster placement with relative(s) or friend(s) - long term fostering")
    U2 = (
        "U2",
        "Foster placement with relative(s) or friend(s) who is/are also an approved adopter(s) - fostering for adoption or concurrent planning",
    )
    U3 = (
        "U3",
        "Foster placement with relative(s) or friend(s) who is/are not long-term or fostering for adoption or concurrent planning",
    )
    U4 = ("U4", "Foster placement with other foster carer(s) - long term fostering")
    U5 = (
        "U5",
        "Foster placement with other foster carer(s) who is/are also an approved adopter(s) - fostering for adoption or concurrent planning",
    )
    U6 = (
        "U6",
        "Foster placement with other foster carer(s) - not long term or fostering for adoption or concurrent planning",
    )
    Z1 = (
        "Z1",
        "Other placements (must be listed on a schedule sent to DfE with annual submission)",
        None,
        "2024/25",
    )
    Z11 = (
        "Z11",
        "Other placements (one of the four 2025/26 sub-codes that replace Z1; see the DfE guide for the year)",
        "2025/26",
        None,
    )
    Z12 = (
        "Z12",
        "Other placements (one of the four 2025/26 sub-codes that replace Z1; see the DfE guide for the year)",
        "2025/26",
        None,
    )
    Z13 = (
        "Z13",
        "Other placements (one of the four 2025/26 sub-codes that replace Z1; see the DfE guide for the year)",
        "2025/26",
        None,
    )
    Z14 = (
        "Z14",
        "Other placements (one of the four 2025/26 sub-codes that replace Z1; see the DfE guide for the year)",
        "2025/26",
        None,
    )

    @functools.cached_property
    def is_foster(self) -> bool:
        """U1-U6 — a foster placement (with connected persons or other carers)."""
        return self.code[:1] == "U"

    @functools.cached_property
    def is_connected_person(self) -> bool:
        """U1-U3 — fostered by a relative, friend or other connected person (CPPCR reg 24)."""
        return self in (PlacementType.U1, PlacementType.U2, PlacementType.U3)

    @functools.cached_property
    def is_long_term_foster(self) -> bool:
        """U1/U4 — recorded as long-term fostering."""
        return self in (PlacementType.U1, PlacementType.U4)

    @functools.cached_property
    def is_placed_with_parents(self) -> bool:
        """P1 — placed with a parent or person with parental responsibility (CPPCR Part 4 ch 1)."""
        return self is PlacementType.P1

    @functools.cached_property
    def is_placed_for_adoption(self) -> bool:
        """A3-A6 — placed for adoption (reviewed and visited under AAR 2005 reg 36)."""
        return self.code[:1] == "A"

    @functools.cached_property
    def is_temporary(self) -> bool:
        """T0-T4 — a temporary move that interrupts the child's usual placement."""
        return self.code[:1] == "T"

    @functools.cached_property
    def is_residential(self) -> bool:
        """Children's homes, secure homes, residential care, schools and family centres."""
        return self.code in ("K1", "K2", "K3", "R1", "R3", "S1", "H5")

    @functools.cached_property
    def is_secure(self) -> bool:
        """K1 — secure children's home."""
        return self is PlacementType.K1

    @functools.cached_property
    def is_independent_living(self) -> bool:
        """P2, H5, K3 — independent or supported living."""
        return self.code in ("P2", "H5", "K3")

    @functools.cached_property
    def is_custody(self) -> bool:
        """R5 — young offender institution or prison."""
        return self is PlacementType.R5

    @functools.cached_property
    def is_other_arrangement(self) -> bool:
        """Z1 and its 2025/26 sub-types — other arrangements (CA 1989 s.22C(6)(d))."""
        return self.code.startswith("Z")


class PlacementProvider(CodeList):
    """PLACE_PROVIDER: who provides the placement (blank for T0-T4 and Z1)."""

    PR0 = ("PR0", "Parent(s) or other person(s) with parental responsibility")
    PR1 = ("PR1", "Own provision (by the local authority)")
    PR2 = ("PR2", "Other local authority provision")
    PR3 = ("PR3", "Other public provision (for example, a primary care trust)")
    PR4 = ("PR4", "Private provision")
    PR5 = ("PR5", "Voluntary or third sector provision")


class ReasonNewEpisode(CodeList):
    """RNE: why a new episode of care began."""

    S = ("S", "Started to be looked after")
    L = ("L", "Change of legal status only")
    P = ("P", "Change of placement and carer(s) only")
    T = ("T", "Change of both legal status and placement and carer(s) at the same time")
    U = ("U", "Change of legal status and placement, but carer(s) stayed the same")
    B = ("B", "Change of placement, but carer(s) stayed the same")

    @functools.cached_property
    def starts_period_of_care(self) -> bool:
        """S — the child started to be looked after (a new period of care)."""
        return self is ReasonNewEpisode.S

    @functools.cached_property
    def changes_placement(self) -> bool:
        """P, T, U, B — the placement changed."""
        return self.code in ("P", "T", "U", "B")

    @functools.cached_property
    def changes_legal_status(self) -> bool:
        """L, T, U — the legal status changed."""
        return self.code in ("L", "T", "U")

    @functools.cached_property
    def same_carers(self) -> bool:
        """U, B — the placement changed but the carers stayed the same."""
        return self.code in ("U", "B")


class ReasonEpisodeCeased(CodeList):
    """REC: why an episode of care ended."""

    X1 = ("X1", "Episode ceases, and new episode begins on same day, for any reason")
    E11 = ("E11", "Adopted - application for an adoption order unopposed")
    E12 = ("E12", "Adopted - consent dispensed with by the court")
    E2 = ("E2", "Died")
    E3 = ("E3", "Care taken over by another local authority in the UK")
    E4A = (
        "E4A",
        "Returned home to live with parent(s), relative(s), or other person(s) with parental responsibility as part of the care planning process",
    )
    E4B = (
        "E4B",
        "Returned home to live with parent(s), relative(s), or other person(s) with parental responsibility which was not part of the current care planning process",
    )
    E13 = (
        "E13",
        "Left care to live with parent(s), relative(s), or other person(s) with no parental responsibility",
    )
    E41 = (
        "E41",
        "Residence order (or, from 22 April 2014, a child arrangement order which sets out with whom the child is to live) granted",
    )
    E45 = (
        "E45",
        "Special guardianship order made to former foster carer(s), who was/are a relative(s) or friend(s)",
    )
    E46 = (
        "E46",
        "Special guardianship order made to former foster carer(s), other than relative(s) or friend(s)",
    )
    E47 = (
        "E47",
        "Special guardianship order made to carer(s), other than former foster carer(s), who was/are a relative(s) or friend(s)",
    )
    E48 = (
        "E48",
        "Special guardianship order made to carer(s), other than former foster carer(s), other than relative(s) or friend(s)",
    )
    E5 = (
        "E5",
        "Moved into independent living arrangement and no longer looked after: supportive accommodation providing formalised advice or support",
    )
    E6 = (
        "E6",
        "Moved into independent living arrangement and no longer looked after: accommodation providing no formalised advice or support",
    )
    E7 = ("E7", "Transferred to residential care funded by adult social care services")
    E8 = ("E8", "Period of being looked after ceased for any other reason")
    E9 = ("E9", "Sentenced to custody")
    E14 = ("E14", "Accommodation on remand ended")
    E15 = ("E15", "Age assessment determined child is aged 18 or over")
    E16 = ("E16", "Child moved abroad")
    E17 = (
        "E17",
        "Aged 18 (or over) and remained with current carers (inc under staying put arrangements)",
    )

    @functools.cached_property
    def continues_care(self) -> bool:
        """X1 — the episode ends and a new one begins the same day (care continues)."""
        return self is ReasonEpisodeCeased.X1

    @functools.cached_property
    def ends_period_of_care(self) -> bool:
        """Every reason other than X1 ends the period of care."""
        return self is not ReasonEpisodeCeased.X1

    @functools.cached_property
    def is_adoption(self) -> bool:
        """E11/E12 — adopted."""
        return self in (ReasonEpisodeCeased.E11, ReasonEpisodeCeased.E12)

    @functools.cached_property
    def is_return_home(self) -> bool:
        """E4A/E4B/E13 — went home to parents, relatives or others."""
        return self.code in ("E4A", "E4B", "E13")

    @functools.cached_property
    def is_special_guardianship(self) -> bool:
        """E45-E48 — special guardianship order."""
        return self.code in ("E45", "E46", "E47", "E48")

    @functools.cached_property
    def is_special_guardianship_to_former_foster_carers(self) -> bool:
        """E45/E46 — SGO to former foster carers (CA 1989 s.24(1A) qualifying persons)."""
        return self.code in ("E45", "E46")

    @functools.cached_property
    def is_custody(self) -> bool:
        """E9 — sentenced to custody."""
        return self is ReasonEpisodeCeased.E9


class ReasonPlaceChange(CodeList):
    """REASON_PLACE_CHANGE: why a placement ended (recorded on the ending episode)."""

    CARPL = ("CARPL", "Change to/implementation of care plan")
    CLOSE = ("CLOSE", "Resignation or closure of provision")
    ALLEG = ("ALLEG", "Allegation (s47)")
    STAND = ("STAND", "Standards of care concern")
    APPRR = ("APPRR", "Approval removed")
    CREQB = ("CREQB", "Carer requests placement end due to child's behaviour")
    CREQO = ("CREQO", "Carer requests placement end other than due to child's behaviour")
    CHILD = ("CHILD", "Child requests placement end")
    LAREQ = ("LAREQ", "Responsible or area authority requests placement end")
    PLACE = ("PLACE", "Change in the status of placement only")
    CUSTOD = ("CUSTOD", "Custody arrangement")
    OTHER = ("OTHER", "Other")


class ReviewParticipation(CodeList):
    """REVIEW_CODE: how the child took part in a review."""

    PN0 = ("PN0", "Child aged under 4 at the time of the review")
    PN1 = ("PN1", "Child physically attends and speaks for him or herself")
    PN2 = ("PN2", "Child physically attends and an advocate speaks on his or her behalf")
    PN3 = ("PN3", "Child attends and conveys his or her view symbolically (non-verbally)")
    PN4 = (
        "PN4",
        "Child physically attends but does not speak for him or herself, does not convey his or her view symbolically (non-verbally) and does not ask an advocate to speak for him or her",
    )
    PN5 = ("PN5", "Child does not attend physically but briefs an advocate to speak for him or her")
    PN6 = (
        "PN6",
        "Child does not attend but conveys his or her feelings to the review by a facilitative medium",
    )
    PN7 = ("PN7", "Child does not attend nor are his or her views conveyed to the review")

    @functools.cached_property
    def child_attended(self) -> bool:
        """PN1-PN4 — the child was at the review."""
        return self.code in ("PN1", "PN2", "PN3", "PN4")

    @functools.cached_property
    def views_conveyed(self) -> bool:
        """PN1-PN3, PN5, PN6 — the child's views reached the review (CSWA 2017 s.1(1)(b))."""
        return self.code in ("PN1", "PN2", "PN3", "PN5", "PN6")


class SdqReason(CodeList):
    """SDQ_REASON: why no SDQ score was given."""

    SDQ1 = (
        "SDQ1",
        "No form returned as child was aged under 4 or over 17 at date of latest assessment",
    )
    SDQ2 = ("SDQ2", "Carer refused to complete and return questionnaire")
    SDQ3 = (
        "SDQ3",
        "Not possible to complete the questionnaire due to severity of the child's disability",
    )
    SDQ4 = ("SDQ4", "Other")
    SDQ5 = ("SDQ5", "Young person refused to allow an SDQ to be completed")


class InTouch(CodeList):
    """OC3 IN_TOUCH: whether the authority is in touch with the care leaver."""

    YES = ("YES", "Yes")
    NO = ("NO", "No")
    DIED = ("DIED", "Young person has died")
    REFU = (
        "REFU",
        "Young person refuses contact or has asked the local authority to cease contact",
    )
    NREQ = ("NREQ", "Young person no longer requires services")
    RHOM = (
        "RHOM",
        "Young person has returned home to parents or someone with parental responsibility for a continuous period of at least 6 months",
    )

    @functools.cached_property
    def in_touch(self) -> bool:
        """YES — the authority is in touch (the national measure)."""
        return self is InTouch.YES


class Activity(CodeList):
    """OC3 ACTIV: the care leaver's main activity."""

    F1 = ("F1", "Full time in higher education")
    P1 = ("P1", "Part time in higher education")
    F2 = ("F2", "Full time in education other than higher education")
    P2 = ("P2", "Part time in education other than higher education")
    F4 = ("F4", "Full time apprenticeship")
    P4 = ("P4", "Part time apprenticeship")
    F5 = ("F5", "Full time in training or employment (not apprenticeship)")
    P5 = ("P5", "Part time in training or employment (not apprenticeship)")
    G4 = ("G4", "Not in education, training or employment, owing to illness or disability")
    G5 = ("G5", "Not in education, training or employment, owing to other reasons")
    G6 = ("G6", "Not in education, training or employment, owing to pregnancy or parenting")
    NONE_0 = ("0", "No activity recorded (required when IN_TOUCH is DIED or RHOM)")

    @functools.cached_property
    def in_education_employment_or_training(self) -> bool:
        """F1-P5 — in education, employment or training (the national EET measure)."""
        return self.code[:1] in ("F", "P")


class Accommodation(CodeList):
    """OC3 ACCOM: the care leaver's accommodation, a letter and a suitability digit."""

    B1 = ("B1", "With parents or relatives: suitable")
    B2 = ("B2", "With parents or relatives: not suitable")
    C1 = ("C1", "Community home or other form of residential care: suitable")
    C2 = ("C2", "Community home or other form of residential care: not suitable")
    D1 = ("D1", "Semi-independent, transitional accommodation: suitable")
    D2 = ("D2", "Semi-independent, transitional accommodation: not suitable")
    E1 = ("E1", "Supported lodgings: suitable")
    E2 = ("E2", "Supported lodgings: not suitable")
    G1 = ("G1", "Gone abroad: suitable")
    G2 = ("G2", "Gone abroad: not suitable")
    H1 = ("H1", "Deported: suitable")
    H2 = ("H2", "Deported: not suitable")
    K1 = ("K1", "Ordinary lodgings, without formal support: suitable")
    K2 = ("K2", "Ordinary lodgings, without formal support: not suitable")
    R1 = ("R1", "Residence not known: suitable")
    R2 = ("R2", "Residence not known: not suitable")
    S2 = ("S2", "No fixed abode or homeless: not suitable")
    T1 = ("T1", "Foyers and similar supported accommodation: suitable")
    T2 = ("T2", "Foyers and similar supported accommodation: not suitable")
    U1 = ("U1", "Independent living: suitable")
    U2 = ("U2", "Independent living: not suitable")
    V1 = ("V1", "Emergency accommodation: suitable")
    V2 = ("V2", "Emergency accommodation: not suitable")
    W1 = ("W1", "Bed and breakfast: suitable")
    W2 = ("W2", "Bed and breakfast: not suitable")
    X2 = ("X2", "In custody: not suitable")
    Y1 = ("Y1", "Other accommodation: suitable")
    Y2 = ("Y2", "Other accommodation: not suitable")
    Z1 = ("Z1", "With former foster carers (staying put): suitable")
    Z2 = ("Z2", "With former foster carers (staying put): not suitable")
    NONE_0 = ("0", "No accommodation recorded (required when IN_TOUCH is DIED or RHOM)")

    @functools.cached_property
    def is_suitable(self) -> bool:
        """The suitability digit is 1 (the national suitable-accommodation measure)."""
        return self.code.endswith("1")


class MissingType(CodeList):
    """MISSING: missing from placement or away without authorisation."""

    M = ("M", "Missing from placement")
    A = ("A", "Away from placement without authorisation")


class ReasonPlacedCeased(CodeList):
    """REASON_PLACED_CEASED: why a placement for adoption ended without an adoption order."""

    RD1 = ("RD1", "The child's needs changed subsequent to the match")
    RD2 = ("RD2", "The prospective adopters' circumstances changed subsequent to the match")
    RD3 = ("RD3", "The prospective adopters' relationship with the child broke down")
    RD4 = ("RD4", "Any other reason")


class AdopterSex(CodeList):
    """SEX_ADOPTR (AD1): the sex of the prospective adopter(s)."""

    M1 = ("M1", "Male adopter")
    F1 = ("F1", "Female adopter")
    MM = ("MM", "Male couple")
    FF = ("FF", "Female couple")
    MF = ("MF", "Mixed sex couple")


class AdopterLegalStatus(CodeList):
    """LS_ADOPTR (AD1): the legal status of the prospective adopter(s)."""

    L0 = ("L0", "Single adopter")
    L11 = ("L11", "Married couple")
    L12 = ("L12", "Civil partnership couple")
    L2 = ("L2", "Couple not married or in a civil partnership")
    L3 = ("L3", "Single adopter: partner of the child's parent")
    L4 = ("L4", "Couple: one is the child's parent")


CODE_LISTS: Mapping[str, type[CodeList]] = {
    "SEX": Sex,
    "ETHNIC": Ethnicity,
    "LS": LegalStatus,
    "CIN": CategoryOfNeed,
    "PLACE": PlacementType,
    "PLACE_PROVIDER": PlacementProvider,
    "RNE": ReasonNewEpisode,
    "REC": ReasonEpisodeCeased,
    "REASON_PLACE_CHANGE": ReasonPlaceChange,
    "REVIEW_CODE": ReviewParticipation,
    "SDQ_REASON": SdqReason,
    "IN_TOUCH": InTouch,
    "ACTIV": Activity,
    "ACCOM": Accommodation,
    "MISSING": MissingType,
    "REASON_PLACED_CEASED": ReasonPlacedCeased,
    "SEX_ADOPTR": AdopterSex,
    "LS_ADOPTR": AdopterLegalStatus,
}
"""Every code list keyed by the SSDA903 column that holds it."""
