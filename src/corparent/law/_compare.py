"""The four nations side by side: how much of each rule set is coded from text read in the
instrument, and which duties each nation has. Used by the docs' comparison page."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from types import MappingProxyType

import attrs

from corparent.jurisdiction import Jurisdiction
from corparent.law import northern_ireland, scotland, wales
from corparent.law._citation import CPPCR, URLS, Citation, Verification
from corparent.law._duty import Duty
from corparent.law._nation import ShortBreakLimits, is_prospective, is_provisional, tag
from corparent.law._ruleset import RuleSet

__all__ = ["SHORT_BREAK_LIMITS", "RuleSetSummary", "comparison_rows", "summarise"]

SHORT_BREAK_LIMITS: Mapping[Jurisdiction, ShortBreakLimits] = MappingProxyType(
    {
        Jurisdiction.ENGLAND: ShortBreakLimits(
            max_single_days=17,
            max_total_days=75,
            citation=Citation(
                instrument=CPPCR,
                provision="reg 48(2)",
                url=URLS[CPPCR],
                checked="[V]",
                verification=Verification.VERIFIED,
            ),
        ),
        Jurisdiction.WALES: wales.SHORT_BREAKS,
        Jurisdiction.SCOTLAND: scotland.SHORT_BREAKS,
        Jurisdiction.NORTHERN_IRELAND: northern_ireland.SHORT_BREAKS,
    }
)
"""When a series of short breaks is one arrangement, by nation. The test is the responsible
authority's nation's, not where the breaks happen: a Welsh child can meet the 4-week, 120-day
test and not England's 17 and 75 days."""


@attrs.frozen(kw_only=True)
class RuleSetSummary:
    """Counts over one rule set's duties, judged by each duty's newest version.

    Attributes:
        name: The rule set's name.
        coded: Duties in the rule set.
        computable: Duties with a computable due date (not "as soon as practicable").
        verified: Duties whose rule cites text read in the instrument ([V]).
        secondary: Duties resting on official secondary sources ([S]).
        provisional: Ids of duties resting on text not read ([R]): findings say "(provisional)".
        prospective: Ids of duties enacted but not yet in force.
    """

    name: str
    coded: int
    computable: int
    verified: int
    secondary: int
    provisional: tuple[str, ...]
    prospective: tuple[str, ...]


def summarise(rules: RuleSet) -> RuleSetSummary:
    """How much of ``rules`` rests on verified text, and what stays provisional.

    English citations written before the tags were spelt out count by the tag they start
    with, like every other nation's.
    """
    duties = list(rules)
    return RuleSetSummary(
        name=rules.name,
        coded=len(duties),
        computable=sum(1 for d in duties if d.rule.computable),
        verified=sum(1 for d in duties if tag(d.citation) == "V"),
        secondary=sum(1 for d in duties if tag(d.citation) == "S"),
        provisional=tuple(d.id for d in duties if is_provisional(d)),
        prospective=tuple(d.id for d in duties if is_prospective(d)),
    )


def _cell(duty: Duty | None) -> str:
    if duty is None:
        return ""
    when = "prospective: " if is_prospective(duty) else ""
    return f"{when}{duty.rule.describe()} ({duty.citation.short})"


def comparison_rows(rule_sets: Iterable[RuleSet]) -> list[tuple[str, list[str]]]:
    """One row per duty id found in any rule set (first-seen order): the id and, for each rule
    set, its rule and citation, or ``""`` where that nation has no such duty."""
    sets = list(rule_sets)
    ids: dict[str, None] = {}
    for rules in sets:
        ids.update(dict.fromkeys(rules.ids()))
    return [(duty_id, [_cell(rules.get(duty_id)) for rules in sets]) for duty_id in ids]
