"""Where a duty comes from: :class:`Citation`, its legal :class:`Force` and how far its text
was checked (:class:`Verification`)."""

from __future__ import annotations

import datetime as dt
import enum
import re

import attrs

__all__ = ["REFERENCE_EDITION", "Citation", "Force", "Verification", "provision_url"]


class Force(enum.Enum):
    """The legal force of a duty."""

    STATUTE = "statute"
    """An Act of Parliament; binding."""
    REGULATION = "regulation"
    """A statutory instrument made under an Act; binding."""
    STATUTORY_GUIDANCE = "statutory guidance"
    """Guidance authorities must follow unless they have good reason to depart from it."""
    PRACTICE = "practice"
    """Non-statutory guidance or data-return practice; a useful default, never the legal minimum."""
    LOCAL = "local"
    """A council's own standard (a pledge), stricter than the law."""

    @property
    def is_binding(self) -> bool:
        """True for statute and regulation."""
        return self in (Force.STATUTE, Force.REGULATION)


class Verification(enum.Enum):
    """How far the wording behind a citation was checked for this library."""

    VERIFIED = "V"
    """The wording was checked against the text of the instrument (legislation.gov.uk or an
    official mirror)."""
    SECONDARY = "S"
    """Supported by a secondary source (a statutory-guidance summary, a council's procedure
    manual, a law blog); the primary text was not read in full."""
    RECALLED = "R"
    """Recalled, never read in the text of the instrument; the rule is **provisional** and must
    be checked before a council relies on it."""

    @property
    def tag(self) -> str:
        """``"[V]"``, ``"[S]"`` or ``"[R]"``."""
        return f"[{self.value}]"


_BY_LETTER = {v.value: v for v in Verification}

REFERENCE_EDITION = dt.date(2026, 11, 30)
"""The edition of corparent's legal research that the England citations were checked against
(its last corrections: CPPCR regs 14, 33(3) and 48, staying put, CLR reg 3)."""


@attrs.frozen(kw_only=True)
class Citation:
    """The provision a duty comes from, with enough provenance for a council's legal sign-off.

    Attributes:
        instrument: The Act, regulations or guidance, e.g.
            ``"Care Planning, Placement and Case Review (England) Regulations 2010"``.
        provision: The regulation or section, e.g. ``"reg 33(1)"``.
        url: Where to read it: for legislation, the provision's point-in-time address on
            legislation.gov.uk (the text as it stood on ``checked_on``, or on the research
            edition when it was never checked).
        checked: A note on how the text was checked, in words.
        verification: Verified, secondary source or recalled; ``None`` for a council's own
            standard, which is not law.
        checked_on: The date the wording was last checked, or ``None`` if it never was.
    """

    instrument: str
    provision: str
    url: str = ""
    checked: str = ""
    verification: Verification | None = None
    checked_on: dt.date | None = None

    @property
    def level(self) -> Verification | None:
        """The ``verification``, else the ``[V]``/``[S]``/``[R]`` that ``checked`` begins with
        (``None`` when neither says how far the wording was checked)."""
        if self.verification is not None:
            return self.verification
        text = self.checked.lstrip()
        if len(text) > 2 and text[0] == "[" and text[2] == "]":
            return _BY_LETTER.get(text[1])
        return None

    @property
    def provisional(self) -> bool:
        """True when the wording was recalled and never checked; findings then say so."""
        return self.level is Verification.RECALLED

    @property
    def tag(self) -> str:
        """``"[V]"``, ``"[S]"``, ``"[R]"``, or ``""`` for a local standard."""
        level = self.level
        return level.tag if level is not None else ""

    @property
    def short(self) -> str:
        """A short form for messages, e.g. ``"CPPCR 2010 reg 33(1)"``; a provisional citation
        says so: ``"CPPCR 2010 reg 23 (provisional: wording not yet checked)"``."""
        text = f"{_SHORT.get(self.instrument, self.instrument)} {self.provision}".strip()
        if self.provisional and "provisional" not in text:
            return f"{text} (provisional: wording not yet checked)"
        return text

    def __str__(self) -> str:
        return self.short


CPPCR = "Care Planning, Placement and Case Review (England) Regulations 2010"
CLR = "Care Leavers (England) Regulations 2010"
CA1989 = "Children Act 1989"
AAR = "Adoption Agencies Regulations 2005"
FSR = "Fostering Services (England) Regulations 2011"
DETENTION = "Visits to Former Looked After Children in Detention (England) Regulations 2010"
HEALTH_GUIDANCE = (
    "Promoting the health and well-being of looked-after children (statutory guidance, 2015)"
)
EDUCATION_GUIDANCE = (
    "Promoting the education of looked-after children and previously looked-after children "
    "(statutory guidance, 2018)"
)
IRO_HANDBOOK = "IRO Handbook (statutory guidance, 2010)"
NMS = "Fostering Services: National Minimum Standards (2011)"
VOLUME_2 = (
    "Children Act 1989 guidance and regulations, Volume 2: care planning, placement and case "
    "review (statutory guidance)"
)

_SHORT = {
    CPPCR: "CPPCR 2010",
    CLR: "CLR 2010",
    CA1989: "CA 1989",
    AAR: "AAR 2005",
    FSR: "FSR 2011",
    DETENTION: "Former LAC in Detention Regs 2010",
    HEALTH_GUIDANCE: "Health of LAC guidance 2015",
    EDUCATION_GUIDANCE: "Education of LAC guidance 2018",
    IRO_HANDBOOK: "IRO Handbook 2010",
    NMS: "Fostering NMS 2011",
    VOLUME_2: "CA 1989 guidance Vol 2",
    # The other UK nations (corparent.law.wales, .scotland, .northern_ireland)
    "Care Planning, Placement and Case Review (Wales) Regulations 2015": "CPPCR(W) 2015",
    "Care Leavers (Wales) Regulations 2015": "CL(W) 2015",
    "Social Services and Well-being (Wales) Act 2014": "SSWBA 2014",
    "Looked After Children (Scotland) Regulations 2009": "LAC(S) 2009",
    "Children (Scotland) Act 1995": "C(S)A 1995",
    "Continuing Care (Scotland) Order 2015": "Continuing Care (S) Order 2015",
    "Children (Care, Care Experience and Services Planning) (Scotland) Act 2026": (
        "CCCESP(S)A 2026"
    ),
    "Review of Children's Cases Regulations (Northern Ireland) 1996": "RCC(NI) 1996",
    "Arrangements for Placement of Children (General) Regulations (Northern Ireland) 1996": (
        "APC(NI) 1996"
    ),
    "Foster Placement (Children) Regulations (Northern Ireland) 1996": "FP(NI) 1996",
    "Children (Leaving Care) Regulations (Northern Ireland) 2005": "CLC(NI) 2005",
    "Children (Northern Ireland) Order 1995": "C(NI)O 1995",
}

URLS = {
    CPPCR: "https://www.legislation.gov.uk/uksi/2010/959",
    CLR: "https://www.legislation.gov.uk/uksi/2010/2571",
    CA1989: "https://www.legislation.gov.uk/ukpga/1989/41",
    AAR: "https://www.legislation.gov.uk/uksi/2005/389",
    FSR: "https://www.legislation.gov.uk/uksi/2011/581",
    DETENTION: "https://www.legislation.gov.uk/uksi/2010/2797",
    HEALTH_GUIDANCE: "https://www.gov.uk/government/publications/"
    "promoting-the-health-and-wellbeing-of-looked-after-children--2",
    EDUCATION_GUIDANCE: "https://www.gov.uk/government/publications/"
    "promoting-the-education-of-looked-after-children",
    IRO_HANDBOOK: "https://www.gov.uk/government/publications/independent-reviewing-officers-handbook",
    NMS: "https://www.gov.uk/government/publications/fostering-services-national-minimum-standards",
    VOLUME_2: "https://www.gov.uk/government/publications/"
    "children-act-1989-care-planning-placement-and-case-review",
}
"""Each instrument's home: legislation.gov.uk for law, GOV.UK for statutory guidance."""

_PROVISION = re.compile(
    r"^(?:(?P<kind>regs?|s\.|ss\.)\s*(?P<number>\d+[A-Z]*)"
    r"|Sched(?:ule)?\s+(?P<sched>\d+[A-Z]*)\s+para\s+(?P<para>\d+[A-Z]*))"
)


def provision_url(instrument: str, provision: str, on: dt.date) -> str:
    """The point-in-time legislation.gov.uk address of a provision, e.g.
    ``https://www.legislation.gov.uk/uksi/2010/959/regulation/33/2026-11-30`` for CPPCR
    reg 33(1); the instrument's page for guidance (which has no point-in-time versions).

    >>> provision_url(CA1989, "s.25A(1)-(3)", dt.date(2026, 11, 30))
    'https://www.legislation.gov.uk/ukpga/1989/41/section/25A/2026-11-30'
    """
    base = URLS.get(instrument, "")
    if "legislation.gov.uk" not in base:
        return base
    match = _PROVISION.match(provision.strip())
    if match is None:
        return f"{base}/{on.isoformat()}"
    if match.group("sched"):
        part = f"schedule/{match.group('sched')}/paragraph/{match.group('para')}"
    elif match.group("kind").startswith("reg"):
        part = f"regulation/{match.group('number')}"
    else:
        part = f"section/{match.group('number')}"
    return f"{base}/{part}/{on.isoformat()}"
