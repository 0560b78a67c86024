"""Wales's rule set: England's duties overlaid with the Welsh regulations.

Wales inherits England's vocabulary (the same duty ids, triggers and discharging events) and
overlays it: duties re-cited to the Care Planning, Placement and Case Review (Wales)
Regulations 2015, the Care Leavers (Wales) Regulations 2015 and the Social Services and
Well-being (Wales) Act 2014 (``replace``), Welsh-only duties added (remand plans, category 2-5
care leavers), English-only duties removed (``without``). Rows whose Welsh text was not read
(review timings, several visit limbs) are kept only as provisional duties.
"""

from __future__ import annotations

import attrs

from corparent.jurisdiction import Jurisdiction
from corparent.law._conventions import Conventions
from corparent.law._nation import VERIFIED, ShortBreakLimits, cite
from corparent.law._ruleset import RuleSet
from corparent.law.england import ENGLAND
from corparent.law.wales import overlay
from corparent.law.wales._sources import CPPCRW, PART_10
from corparent.principles import UK_EQUIVALENTS, Equivalent

__all__ = ["CORPORATE_PARENTING", "SHORT_BREAKS", "WALES", "WELSH_CONVENTIONS"]

WELSH_CONVENTIONS = attrs.evolve(Conventions(), calendar=Jurisdiction.WALES.calendar)
"""England and Wales bank holidays. CPPCR(W) reg 2's own "working day" definition was not
read; a sister 2015 Welsh instrument (SI 2015/1823 reg 2) excludes weekends, Christmas Day,
Good Friday and bank holidays, which is what the England and Wales calendar does."""

SHORT_BREAKS = ShortBreakLimits(
    max_single_days=28,
    max_total_days=120,
    citation=cite(CPPCRW, "reg 62(2)", VERIFIED, PART_10),
)
"""No single break over 4 weeks, at most 120 days in 12 months (England: 17 and 75)."""

CORPORATE_PARENTING: Equivalent = next(e for e in UK_EQUIVALENTS if e.nation == "Wales")
"""The voluntary Corporate Parenting Charter (2023): non-statutory, so no duty rests on it."""


def _build() -> RuleSet:
    """England, less what Wales does not restate, each restated duty replaced, Welsh duties
    added."""
    kept = {d.id for d in overlay.REPLACED}
    rules = attrs.evolve(
        ENGLAND.without(*(i for i in ENGLAND.ids() if i not in kept)),
        name="Wales",
        jurisdiction=Jurisdiction.WALES,
        conventions=WELSH_CONVENTIONS,
    )
    for restated in overlay.REPLACED:
        rules = rules.replace(restated)
    return rules.with_duties(*overlay.ADDED)


WALES = _build()
"""Every duty of a Welsh local authority that corparent codes."""
