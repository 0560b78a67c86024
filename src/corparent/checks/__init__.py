"""Checks over case records: findings, the ``@check`` decorator, check sets and the runner.

A check is any callable ``(record, context) -> Iterable[Finding]``. Decorate a function with
:func:`check` to give it an id, a severity and a description; put checks in a :class:`CheckSet`
(an immutable value) and run them over a caseload with :func:`run_checks`. :func:`default` is
the built-in checks plus every check installed through the ``corparent.checks`` entry point.

.. code-block:: python

    import corparent as cp

    result = cp.run_checks(caseload, as_of=dt.date(2024, 3, 31))
    for finding in result.at_least(cp.Severity.ERROR):
        print(finding.child_id, finding.duty_id, finding.message, finding.citation)
"""

from __future__ import annotations

from corparent.checks._context import CheckContext, ScheduleUnavailable
from corparent.checks._finding import Crash, Finding, Severity
from corparent.checks._runner import (
    CheckCrashed,
    CheckInfo,
    Progress,
    RunMetadata,
    RunResult,
    run_checks,
)
from corparent.checks._set import (
    ENTRY_POINT_GROUP,
    CheckSet,
    builtin_checks,
    clear_plugin_cache,
    default,
    plugins,
)
from corparent.checks._spec import BUILTIN, Check, CheckSpec, Provenance, check

__all__ = [
    "BUILTIN",
    "ENTRY_POINT_GROUP",
    "Check",
    "CheckContext",
    "CheckCrashed",
    "CheckInfo",
    "CheckSet",
    "CheckSpec",
    "Crash",
    "Finding",
    "Progress",
    "Provenance",
    "RunMetadata",
    "RunResult",
    "ScheduleUnavailable",
    "Severity",
    "builtin_checks",
    "check",
    "clear_plugin_cache",
    "default",
    "plugins",
    "run_checks",
]
