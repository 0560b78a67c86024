"""Scotland's rule set: the duties of a Scottish local authority to looked-after children and
care leavers, as dated, cited data.

``looked_after`` (LAC(S) 2009: plans, reviews and visits from the placement, emergency
placements), ``fostering`` (regs 22, 25) and ``aftercare`` (C(S)A 1995 ss.26A, 29; the
Continuing Care Order 2015; the prospective 2026 Act). Its conventions use Scottish bank
holidays (2 January, the first Monday in August, St Andrew's Day; no Easter Monday).
"""

from __future__ import annotations

import attrs

from corparent.dates import LeapDay
from corparent.jurisdiction import Jurisdiction
from corparent.law._conventions import Conventions
from corparent.law._nation import VERIFIED, ShortBreakLimits, cite
from corparent.law._ruleset import RuleSet
from corparent.law.scotland import aftercare, fostering, looked_after
from corparent.law.scotland._sources import LACS, LACS_REG30
from corparent.principles import UK_EQUIVALENTS, Equivalent

__all__ = ["CORPORATE_PARENTING", "SCOTLAND", "SCOTTISH_CONVENTIONS", "SHORT_BREAKS"]

SCOTTISH_CONVENTIONS = attrs.evolve(
    Conventions(),
    calendar=Jurisdiction.SCOTLAND.calendar,
    count_trigger_day=False,
    leap_day=LeapDay.MARCH_1,
    placement_restarts_reviews=True,
)
"""How corparent reads Scottish law by default.

* Working days: LAC(S) 2009 defines none although regs 36 and 38 count them; corparent
  excludes Saturdays, Sundays and Scottish bank holidays, and does not count the trigger day.
* 29 February: someone born on 29 February attains an age on 1 March in a common year (the
  Age of Legal Capacity (Scotland) Act 1991 governs the time an age is attained; its wording
  was not read, so this is a convention, not a verified rule).
* A new placement starts a new "first review within 6 weeks of the placement" (reg 45(2)(a)
  read literally); ``placement_restarts_reviews=False`` keeps one chain per period of care.
"""

SHORT_BREAKS = ShortBreakLimits(
    max_single_days=28,
    max_total_days=120,
    citation=cite(LACS, "reg 30", VERIFIED, LACS_REG30),
)
"""Planned short-term foster placements treated as one: all within 12 months, none over 4
weeks, at most 120 days in total (reg 30; the kinship counterpart, reg 14, was not read)."""

CORPORATE_PARENTING: Equivalent = next(e for e in UK_EQUIVALENTS if e.nation == "Scotland")
"""Children and Young People (Scotland) Act 2014 Part 9, in force from 1 April 2015."""

SCOTLAND = RuleSet(
    "Scotland",
    [*looked_after.DUTIES, *fostering.DUTIES, *aftercare.DUTIES],
    jurisdiction=Jurisdiction.SCOTLAND,
    conventions=SCOTTISH_CONVENTIONS,
)
"""Every duty of a Scottish local authority that corparent codes."""
