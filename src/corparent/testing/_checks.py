"""``run_check``: run one check on one record, as the runner would, for a test."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable

from corparent.checks import CheckContext, CheckSpec, Finding, check
from corparent.law import ENGLAND, Conventions, RuleSet
from corparent.model import CaseRecord

__all__ = ["run_check"]


def run_check(
    spec: CheckSpec | Callable[..., Iterable[Finding]],
    record: CaseRecord,
    as_of: dt.date,
    *,
    rules: RuleSet | None = None,
    conventions: Conventions | None = None,
    **settings: object,
) -> tuple[Finding, ...]:
    """The findings of ``spec`` on ``record`` as at ``as_of``, exceptions propagating.

    The context is built exactly as :func:`~corparent.checks.run_checks` builds it (the same
    lazily computed schedule), but a crash is raised rather than recorded, so a test sees the
    traceback. Every finding is checked to be a :class:`~corparent.checks.Finding` about this
    record.

    Args:
        spec: A :class:`~corparent.checks.CheckSpec`, or a bare ``(record, ctx)`` function.
        record: The record to check.
        as_of: The date to check as at.
        rules: The rule set (``corparent.law.ENGLAND`` by default).
        conventions: The conventions (``Conventions()`` by default).
        **settings: Settings passed to :meth:`~corparent.checks.CheckSpec.configure` for this run.

    Raises:
        AssertionError: the check yielded something other than a finding about ``record``.

    .. versionadded:: 0.1
    """
    if not isinstance(spec, CheckSpec):
        spec = check(id="test.check")(spec)
    if settings:
        spec = spec.configure(**settings)
    ctx = CheckContext(
        as_of=as_of,
        rules=ENGLAND if rules is None else rules,
        conventions=Conventions() if conventions is None else conventions,
        record=record,
        check=spec,
    )
    findings = tuple(spec(record, ctx))
    for f in findings:
        if not isinstance(f, Finding):
            raise AssertionError(f"check {spec.id} yielded {type(f).__name__}, not a Finding")
        if f.child_id != record.id:
            raise AssertionError(
                f"check {spec.id} reported child {f.child_id!r} while checking {record.id!r}"
            )
    return findings
