"""Anytown Council's own check: too many placement moves in the last 12 months.

Anytown's pledge to children in care promises stability (CSWA 2017 s.1(1)(f)). The statutory
903 measure counts children with three or more placements in the year; Anytown reviews every
child whose count reaches its own limit.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import corparent as cp


@cp.check(
    id="anytown.placement_moves",
    severity=cp.Severity.WARNING,
    description="Three or more placements starting in the last 12 months",
    principles=[cp.Principle.SAFETY_AND_STABILITY],
)
def placement_moves(
    record: cp.CaseRecord, ctx: cp.CheckContext, *, limit: int = 3, days: int = 365
) -> Iterator[cp.Finding]:
    """One finding when ``limit`` or more placements started in the ``days`` before as_of."""
    since = ctx.as_of - dt.timedelta(days=days)
    starts = [p.start for p in record.placements() if since < p.start <= ctx.as_of]
    if len(starts) >= limit:
        yield ctx.finding(
            record,
            message=f"{len(starts)} placements started in the last {days} days (limit {limit})",
            code="placement_moves",
        )
