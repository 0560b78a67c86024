"""Shorthand for writing England's duties as data."""

from __future__ import annotations

import datetime as dt

from corparent.law._citation import REFERENCE_EDITION, Citation, Force, Verification, provision_url
from corparent.law._duty import Duty, DutyVersion, Recurrence, Trigger
from corparent.law._rules import DeadlineRule
from corparent.principles import Principle

CPPCR_START = dt.date(2011, 4, 1)
"""CPPCR 2010 and CLR 2010 came into force on 1 April 2011."""

P = Principle
F = Force
T = Trigger
R = Recurrence

VERIFIED = Verification.VERIFIED
SECONDARY = Verification.SECONDARY
RECALLED = Verification.RECALLED

_NOTES = {
    VERIFIED: "[V] wording checked against the text of the instrument",
    SECONDARY: "[S] from statutory-guidance summaries and procedure manuals; primary text not read",
    RECALLED: "[R] recalled, not checked against the text of the instrument: provisional",
}


def cite(instrument: str, provision: str, checked: Verification) -> Citation:
    """A citation with its point-in-time address, how it was checked, and when."""
    return Citation(
        instrument=instrument,
        provision=provision,
        url=provision_url(instrument, provision, REFERENCE_EDITION),
        checked=_NOTES[checked],
        verification=checked,
        checked_on=None if checked is RECALLED else REFERENCE_EDITION,
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
    evidence: str = "",
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
        evidence=evidence,
    )
