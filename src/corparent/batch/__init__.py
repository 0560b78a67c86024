"""The column-wise batch engine: review obligations of a whole caseload at once, with numpy.

:func:`corparent.schedule.schedule` stays the reference, record by record; this package computes
the same review obligations (CPPCR 2010 Part 6, AAR 2005 reg 36) for many records in a few
array operations per step of the longest review chain. Records it cannot judge (evidence that
covers only part of the history, dates outside its calendars) are marked not batchable and go
to the object engine; :func:`unsupported` says when a rule set is beyond it.

>>> import datetime as dt
>>> from corparent import synth
>>> from corparent.law import ENGLAND
>>> records = synth.generate(3, seed=1).records
>>> table = review_obligations(Columns.from_records(records), synth.DEFAULT_AS_OF, rules=ENGLAND)
>>> [o.duty.id for o in table.obligations(0)] == [
...     o.duty.id for o in schedule_reviews(records[0], synth.DEFAULT_AS_OF)]
True
"""

from __future__ import annotations

import datetime as dt

from corparent.batch._columns import Columns
from corparent.batch._reviews import (
    REVIEW_DUTIES,
    STATUS_CODES,
    ObligationTable,
    review_obligations,
    unsupported,
)
from corparent.law import ENGLAND, Conventions, RuleSet
from corparent.model import CaseRecord
from corparent.schedule import Obligation, schedule

__all__ = [
    "REVIEW_DUTIES",
    "STATUS_CODES",
    "Columns",
    "ObligationTable",
    "review_obligations",
    "schedule_reviews",
    "unsupported",
]


def schedule_reviews(
    record: CaseRecord,
    as_of: dt.date,
    *,
    rules: RuleSet = ENGLAND,
    conventions: Conventions | None = None,
) -> tuple[Obligation, ...]:
    """The review obligations :func:`corparent.schedule.schedule` gives ``record`` (the
    reference the batch engine is held to), in schedule order."""
    only = rules.without(*[d.id for d in rules if d.id not in REVIEW_DUTIES])
    return schedule(record, as_of, rules=only, conventions=conventions).obligations
