"""Care leavers and short breaks: leaving-care status and entitlements, and the reg 48 test.

:func:`care_leaver_status` gives a young person's status on a day (a
:class:`~corparent.law.LeaverStatus`); :func:`care_leaver_determination` adds its dates and
entitlements; :func:`short_breaks` says which short breaks CPPCR 2010 reg 48 covers (a child
to whom reg 48 applies is not an eligible child, reg 40(2)).
"""

from __future__ import annotations

from corparent.leaving_care._short_breaks import (
    MAX_BREAK_DAYS,
    MAX_DAYS_IN_12_MONTHS,
    ShortBreak,
    ShortBreaks,
    ShortBreakSeries,
    short_breaks,
)
from corparent.leaving_care._status import (
    Entitlement,
    LeaverDetermination,
    StatusPeriod,
    care_leaver_determination,
    care_leaver_status,
    eligible_from,
    explain,
    status_timeline,
)

__all__ = [
    "MAX_BREAK_DAYS",
    "MAX_DAYS_IN_12_MONTHS",
    "Entitlement",
    "LeaverDetermination",
    "ShortBreak",
    "ShortBreakSeries",
    "ShortBreaks",
    "StatusPeriod",
    "care_leaver_determination",
    "care_leaver_status",
    "eligible_from",
    "explain",
    "short_breaks",
    "status_timeline",
]
