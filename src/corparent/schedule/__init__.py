"""The obligations engine: ``schedule(record, as_of)`` gives every duty's due dates and status.

>>> import datetime as dt
>>> from corparent.schedule import Status
>>> Status.OVERDUE.value
'overdue'
"""

from __future__ import annotations

from corparent.schedule._ambiguity import ALTERNATIVES, Ambiguity, Reading, ambiguities
from corparent.schedule._engine import carer_schedule, rules_for_duties, schedule
from corparent.schedule._obligation import Obligation, Schedule, Status

__all__ = [
    "ALTERNATIVES",
    "Ambiguity",
    "Obligation",
    "Reading",
    "Schedule",
    "Status",
    "ambiguities",
    "carer_schedule",
    "rules_for_duties",
    "schedule",
]
