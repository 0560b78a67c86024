"""Northern Ireland's rule set: the duties of a Health and Social Care Trust as corporate
parent, as dated, cited data.

Few Northern Irish timescales could be read in the instruments: reviews (RCC(NI) 1996 reg 3)
and most visits were not. The review periods are kept as provisional duties and the first
review's period, which the sources give as 2 or 4 weeks, must be set explicitly
(``Conventions.ni_first_review_weeks``): corparent raises
:class:`~corparent.errors.ConfigError` rather than guess. Visits (FP(NI) 1996 regs 6, 9, 15)
are not coded at all: no figure was read.
"""

from __future__ import annotations

import attrs

from corparent.jurisdiction import Jurisdiction
from corparent.law._conventions import Conventions
from corparent.law._nation import VERIFIED, ShortBreakLimits, cite
from corparent.law._ruleset import RuleSet
from corparent.law.northern_ireland import duties
from corparent.law.northern_ireland._sources import RCC_REG_11, RCCNI
from corparent.principles import UK_EQUIVALENTS, Equivalent

__all__ = [
    "CORPORATE_PARENTING",
    "NORTHERN_IRELAND",
    "NORTHERN_IRISH_CONVENTIONS",
    "SHORT_BREAKS",
]

NORTHERN_IRISH_CONVENTIONS = attrs.evolve(
    Conventions(), calendar=Jurisdiction.NORTHERN_IRELAND.calendar
)
"""Northern Ireland bank holidays (St Patrick's Day, 12 July). ``ni_first_review_weeks`` is
left unset on purpose: set it before scheduling reviews."""

SHORT_BREAKS = ShortBreakLimits(
    max_single_days=28,
    max_total_days=90,
    citation=cite(RCCNI, "reg 11(1)", VERIFIED, RCC_REG_11),
)
"""Short periods at the same place: none over 4 weeks, at most 90 days in 12 months."""

CORPORATE_PARENTING: Equivalent = next(e for e in UK_EQUIVALENTS if e.nation == "Northern Ireland")
"""Children (NI) Order 1995 Art 26A: enacted in 2022 and prospective (not yet in force)."""

NORTHERN_IRELAND = RuleSet(
    "Northern Ireland",
    duties.DUTIES,
    jurisdiction=Jurisdiction.NORTHERN_IRELAND,
    conventions=NORTHERN_IRISH_CONVENTIONS,
)
"""Every duty of a Northern Irish authority that corparent codes."""
