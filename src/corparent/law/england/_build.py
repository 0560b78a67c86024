"""Shorthand for writing England's duties as data."""

from __future__ import annotations

import datetime as dt

from corparent.law._citation import URLS, Citation, Force
from corparent.law._duty import Duty, DutyVersion, Recurrence, Trigger
from corparent.law._rules import DeadlineRule
from corparent.principles import Principle

CPPCR_START = dt.date(2011, 4, 1)
"""CPPCR 2010 and CLR 2010 came into force on 1 April 2011."""

P = Principle
F = Force
T = Trigger
R = Recurrence

VERIFIED = "[V] wording checked against the instrument for reference/duties.md"
SECONDARY = "[S] from statutory-guidance summaries and procedure manuals; primary text not read"
RECALLED = (
    "[R] recalled in reference/duties.md and not re-verified against the current revised text "
    "in this release: treat as provisional"
)


def cite(instrument: str, provision: str, checked: str) -> Citation:
    """A citation with the instrument's legislation.gov.uk address where it has one."""
    return Citation(
        instrument=instrument, provision=provision, url=URLS.get(instrument, ""), checked=checked
    )


def duty(
    id: str,
    title: str,
    *,
    force: Force,
    principles: tuple[Principle, ...],
    applies_to: str,
    trigger: Trigger,
    recurrence: Recurrence,
    discharged_by: str,
    rule: DeadlineRule,
    citation: Citation,
    in_force_from: dt.date = CPPCR_START,
    resets: str = "",
    notes: str = "",
) -> Duty:
    """A duty with one version."""
    return Duty(
        id=id,
        title=title,
        force=force,
        principles=principles,
        applies_to=applies_to,
        trigger=trigger,
        recurrence=recurrence,
        discharged_by=discharged_by,
        resets=resets,
        versions=[DutyVersion(in_force_from=in_force_from, rule=rule, citation=citation)],
        notes=notes,
    )
