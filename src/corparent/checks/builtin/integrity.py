"""Built-in integrity check: a record that contradicts itself is reported, not checked blind.

Loaders build records through the model's non-raising path (``CaseRecord.unchecked``), so a
record can reach the checks with integrity problems (an episode ending before it starts,
overlapping episodes, an event before birth). Deadlines computed from such a record may be
wrong; this check says so, once per kind of problem per child.
"""

from __future__ import annotations

from collections.abc import Iterator

from corparent.checks._context import CheckContext
from corparent.checks._finding import Finding, Severity
from corparent.checks._spec import check
from corparent.errors import Problem
from corparent.model import CaseRecord

__all__ = ["record_integrity"]

_MAX_PATHS = 5


def _where(problems: list[Problem]) -> str:
    paths = [p.path for p in problems if p.path]
    shown = ", ".join(paths[:_MAX_PATHS])
    if len(paths) > _MAX_PATHS:
        shown += f" and {len(paths) - _MAX_PATHS} more"
    return f" at {shown}" if shown else ""


@check(
    id="builtin.integrity",
    severity=Severity.ERROR,
    description="The record contradicts itself (model integrity problems), one finding per kind",
)
def record_integrity(record: CaseRecord, ctx: CheckContext) -> Iterator[Finding]:
    """One ERROR finding per kind of integrity problem in the record (code = problem code)."""
    by_code: dict[str, list[Problem]] = {}
    for problem in record.problems():
        by_code.setdefault(problem.code, []).append(problem)
    for code, problems in by_code.items():
        count = len(problems)
        first = problems[0].message
        more = f" ({count} problems)" if count > 1 else ""
        yield ctx.finding(record, message=f"{first}{more}{_where(problems)}", code=code)
