"""England's rule set: every duty of an English authority as corporate parent with a date
that can be computed from a case record.

One module per area, each reading like the regulation it cites: ``care_planning`` (CPPCR
Parts 2-4), ``reviews`` (Part 6, AAR reg 36), ``visits`` (reg 28), ``health`` (reg 7),
``education`` (PEPs), ``leaving_care`` (regs 40-43, CLR 2010, CA 1989 ss.23B-23CZB) and
``fostering`` (FSR 2011).
"""

from __future__ import annotations

from corparent.law._ruleset import RuleSet
from corparent.law.england import (
    care_planning,
    education,
    fostering,
    health,
    leaving_care,
    reviews,
    visits,
)

__all__ = ["ENGLAND"]

ENGLAND = RuleSet(
    "England",
    [
        *care_planning.DUTIES,
        *reviews.DUTIES,
        *visits.DUTIES,
        *health.DUTIES,
        *education.DUTIES,
        *leaving_care.DUTIES,
        *fostering.DUTIES,
    ],
)
"""Every date-computable duty of an English local authority as corporate parent."""
