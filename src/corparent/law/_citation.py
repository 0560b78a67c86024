"""Where a duty comes from: :class:`Citation` and its legal :class:`Force`."""

from __future__ import annotations

import enum

import attrs

__all__ = ["Citation", "Force"]


class Force(enum.Enum):
    """The legal force of a duty (reference/duties.md §0.2)."""

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


@attrs.frozen(kw_only=True)
class Citation:
    """The provision a duty comes from.

    Attributes:
        instrument: The Act, regulations or guidance, e.g.
            ``"Care Planning, Placement and Case Review (England) Regulations 2010"``.
        provision: The regulation or section, e.g. ``"reg 33(1)"``.
        url: Where to read it.
        checked: How the text was checked for this library (the reference's [V] / [S] / [R]).
    """

    instrument: str
    provision: str
    url: str = ""
    checked: str = ""

    @property
    def short(self) -> str:
        """A short form for messages, e.g. ``"CPPCR 2010 reg 33(1)"``."""
        return f"{_SHORT.get(self.instrument, self.instrument)} {self.provision}".strip()

    def __str__(self) -> str:
        return self.short


CPPCR = "Care Planning, Placement and Case Review (England) Regulations 2010"
CLR = "Care Leavers (England) Regulations 2010"
CA1989 = "Children Act 1989"
AAR = "Adoption Agencies Regulations 2005"
FSR = "Fostering Services (England) Regulations 2011"
HEALTH_GUIDANCE = (
    "Promoting the health and well-being of looked-after children (statutory guidance, 2015)"
)
EDUCATION_GUIDANCE = (
    "Promoting the education of looked-after children and previously looked-after children "
    "(statutory guidance, 2018)"
)
IRO_HANDBOOK = "IRO Handbook (statutory guidance, 2010)"
NMS = "Fostering Services: National Minimum Standards (2011)"

_SHORT = {
    CPPCR: "CPPCR 2010",
    CLR: "CLR 2010",
    CA1989: "CA 1989",
    AAR: "AAR 2005",
    FSR: "FSR 2011",
    HEALTH_GUIDANCE: "Health of LAC guidance 2015",
    EDUCATION_GUIDANCE: "Education of LAC guidance 2018",
    IRO_HANDBOOK: "IRO Handbook 2010",
    NMS: "Fostering NMS 2011",
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
}
