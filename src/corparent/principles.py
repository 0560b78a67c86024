"""The seven corporate parenting principles (Children and Social Work Act 2017 s.1).

An English local authority, in carrying out functions in relation to the children and young
people in s.1(2), must have regard to the need (s.1(1)) for each of the seven things below. It is
a "have regard" duty: a process duty with no deadlines, so corparent uses the principles to say
which duties and pledges serve which aim. In force from 1 April 2018 (SI 2018/346).

The wording is the Act's, checked against its text.
"""

from __future__ import annotations

import datetime as dt
import enum
from typing import Self

import attrs

from corparent.errors import CodeError

__all__ = [
    "IN_FORCE_FROM",
    "UK_EQUIVALENTS",
    "WHO_IS_COVERED",
    "Equivalent",
    "Principle",
]

_ACT = "Children and Social Work Act 2017"


class Principle(enum.Enum):
    """One of the seven corporate parenting principles of CSWA 2017 s.1(1)(a)-(g)."""

    letter: str
    reference_id: str
    statutory_wording: str
    plain_english: str

    def __new__(cls, letter: str, reference_id: str, statutory: str, plain: str) -> Self:
        obj = object.__new__(cls)
        obj._value_ = reference_id
        obj.letter = letter
        obj.reference_id = reference_id
        obj.statutory_wording = statutory
        obj.plain_english = plain
        return obj

    BEST_INTERESTS = (
        "a",
        "cpp_a_best_interests_health",
        "to act in the best interests, and promote the physical and mental health and "
        "well-being, of those children and young people",
        "act in their best interests and promote their physical and mental health and well-being",
    )
    EXPRESS_VIEWS = (
        "b",
        "cpp_b_encourage_views",
        "to encourage those children and young people to express their views, wishes and feelings",
        "encourage them to say what they think, want and feel",
    )
    TAKE_ACCOUNT_OF_VIEWS = (
        "c",
        "cpp_c_take_views_into_account",
        "to take into account the views, wishes and feelings of those children and young people",
        "take their views, wishes and feelings into account",
    )
    ACCESS_TO_SERVICES = (
        "d",
        "cpp_d_access_services",
        "to help those children and young people gain access to, and make the best use of, "
        "services provided by the local authority and its relevant partners",
        "help them get to, and make the best use of, the council's and its partners' services",
    )
    HIGH_ASPIRATIONS = (
        "e",
        "cpp_e_high_aspirations",
        "to promote high aspirations, and seek to secure the best outcomes, for those children "
        "and young people",
        "promote high aspirations and try to secure the best outcomes for them",
    )
    SAFETY_AND_STABILITY = (
        "f",
        "cpp_f_safety_stability",
        "for those children and young people to be safe, and for stability in their home lives, "
        "relationships and education or work",
        "keep them safe, with stable homes, relationships and education or work",
    )
    PREPARE_FOR_ADULTHOOD = (
        "g",
        "cpp_g_prepare_adulthood",
        "to prepare those children and young people for adulthood and independent living",
        "prepare them for adulthood and independent living",
    )

    @property
    def citation(self) -> str:
        """E.g. ``"Children and Social Work Act 2017 s.1(1)(a)"``."""
        return f"{_ACT} s.1(1)({self.letter})"

    @classmethod
    def parse(cls, text: str) -> Principle:
        """A principle from its member name, letter (``"a"``) or reference id.

        Raises:
            CodeError: ``text`` names no principle.
        """
        key = str(text).strip()
        for member in cls:
            if key.upper() == member.name or key.lower() in (member.letter, member.reference_id):
                return member
        raise CodeError("Principle", key, "a member name, a letter a-g or a cpp_ reference id")


IN_FORCE_FROM = dt.date(2018, 4, 1)
"""CSWA 2017 s.1 came into force on 1 April 2018 (SI 2018/346)."""

WHO_IS_COVERED: tuple[str, ...] = (
    "(a) children looked after by a local authority (Children Act 1989 s.22(1))",
    "(b) relevant children (Children Act 1989 s.23A(2))",
    "(c) former relevant children under 25 (Children Act 1989 s.23C(1))",
)
"""CSWA 2017 s.1(2). Qualifying persons under Children Act 1989 s.24 are not covered."""


@attrs.frozen(kw_only=True)
class Equivalent:
    """Another UK nation's counterpart to the English principles, as data.

    Attributes:
        nation: ``"Northern Ireland"``, ``"Scotland"`` or ``"Wales"``.
        instrument: Where it is found.
        in_force: Whether it is in force, and since when (or why not).
        covers: Who it covers.
        duties: Its duties or principles, in short.
        maps_to: The English principles each corresponds to (empty where there is no match).
        statutory: False for a voluntary, non-statutory commitment (Wales's charter).
        in_force_from: The day it came into force, or ``None`` (prospective, or not law).
    """

    nation: str
    instrument: str
    in_force: str
    covers: str
    duties: tuple[str, ...]
    maps_to: tuple[tuple[Principle, ...], ...]
    statutory: bool = True
    in_force_from: dt.date | None = None


UK_EQUIVALENTS: tuple[Equivalent, ...] = (
    Equivalent(
        nation="Northern Ireland",
        instrument="Children (Northern Ireland) Order 1995 Art 26A, inserted by the Adoption and "
        "Children Act (Northern Ireland) 2022 s.123",
        in_force="Prospective: shown as not yet in force on legislation.gov.uk (March 2025)",
        covers="Looked-after children, relevant children and former relevant children under 25",
        duties=tuple(p.statutory_wording for p in Principle),
        maps_to=tuple((p,) for p in Principle),
    ),
    Equivalent(
        nation="Scotland",
        instrument="Children and Young People (Scotland) Act 2014 Part 9 (s.58)",
        in_force="In force from 1 April 2015",
        in_force_from=dt.date(2015, 4, 1),
        covers="Looked-after children and care leavers under 26; duties on the corporate "
        "parents listed in Schedule 4",
        duties=(
            "be alert to matters which might adversely affect their wellbeing",
            "assess their needs for the services and support it provides",
            "promote their interests",
            "seek to provide opportunities to take part in activities that promote wellbeing",
            "take action to help them access those opportunities and use its services",
            "take other action to improve the way it exercises its functions for them",
        ),
        maps_to=(
            (Principle.BEST_INTERESTS, Principle.SAFETY_AND_STABILITY),
            (Principle.ACCESS_TO_SERVICES,),
            (Principle.BEST_INTERESTS, Principle.HIGH_ASPIRATIONS),
            (Principle.HIGH_ASPIRATIONS,),
            (Principle.ACCESS_TO_SERVICES,),
            (),
        ),
    ),
    Equivalent(
        nation="Wales",
        instrument="Corporate Parenting Charter, 'A Promise from Wales' (Welsh Government, 2023)",
        in_force="Voluntary and non-statutory: bodies sign up to it",
        covers="Care-experienced children and young people",
        duties=("a voluntary charter; no statutory corporate parenting principles",),
        maps_to=((),),
        statutory=False,
    ),
)
"""The devolved nations' counterparts."""
