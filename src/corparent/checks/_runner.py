"""Run a :class:`CheckSet` over a caseload: :func:`run_checks` and its :class:`RunResult`."""

from __future__ import annotations

import collections
import datetime as dt
import multiprocessing
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from importlib.metadata import PackageNotFoundError, version
from typing import Any

import attrs

from corparent.checks._context import CheckContext
from corparent.checks._finding import Crash, Finding, Severity
from corparent.checks._set import CheckSet, default
from corparent.checks._spec import CheckSpec, Provenance
from corparent.dates import HOLIDAYS_VERSION, require_date
from corparent.errors import CorparentError
from corparent.law import Conventions, RuleSet, resolve
from corparent.model import CaseRecord

__all__ = ["CheckCrashed", "CheckInfo", "Progress", "RunMetadata", "RunResult", "run_checks"]

Progress = Callable[[int, int], None]
"""Called as ``progress(children_done, children_total)`` while a run proceeds."""


class CheckCrashed(CorparentError):
    """A check raised for a record and the run was asked to stop (``raise_on_crash=True``)."""


def _corparent_version() -> str:
    try:
        return version("corparent")
    except PackageNotFoundError:  # pragma: no cover - source tree without install
        return "0+unknown"


@attrs.frozen(kw_only=True)
class CheckInfo:
    """A check that took part in a run, with its settings and where it came from.

    .. versionadded:: 0.1
    """

    id: str
    severity: Severity
    description: str
    provenance: Provenance
    settings: tuple[tuple[str, object], ...] = ()

    @classmethod
    def of(cls, spec: CheckSpec) -> CheckInfo:
        """Describe ``spec``."""
        return cls(
            id=spec.id,
            severity=spec.severity,
            description=spec.description,
            provenance=spec.provenance,
            settings=tuple(sorted(spec.effective_settings.items())),
        )


@attrs.frozen(kw_only=True)
class RunMetadata:
    """What a run was: the date, the versions of corparent and of the bank-holiday data, the checks.

    ``started`` and ``seconds`` are excluded from equality, so two runs of the same job compare
    equal.

    .. versionadded:: 0.1
    """

    as_of: dt.date
    corparent_version: str
    holidays_version: str
    checks: tuple[CheckInfo, ...]
    workers: int
    started: dt.datetime = attrs.field(eq=False)
    seconds: float = attrs.field(eq=False)


FINDING_COLUMNS = (
    "child_id",
    "severity",
    "check_id",
    "duty_id",
    "due",
    "days_overdue",
    "citation",
    "force",
    "code",
    "message",
)
"""The columns of :meth:`RunResult.to_pandas`."""


def _count(values: Iterable[str]) -> dict[str, int]:
    return dict(sorted(collections.Counter(values).items()))


@attrs.frozen(kw_only=True)
class RunResult:
    """Everything a run found: findings, crashes, counts and metadata.

    Attributes:
        findings: Every finding, in caseload order, then check order.
        crashes: Every (check, child) pair where the check raised.
        children_checked: How many records were checked.
        metadata: The run's date, versions and checks.

    .. versionadded:: 0.1
    """

    findings: tuple[Finding, ...]
    crashes: tuple[Crash, ...]
    children_checked: int
    metadata: RunMetadata

    @property
    def by_severity(self) -> dict[Severity, int]:
        """Findings per severity, most severe first (every severity present, zero or not)."""
        counts = collections.Counter(f.severity for f in self.findings)
        return {s: counts.get(s, 0) for s in sorted(Severity, reverse=True)}

    @property
    def by_check(self) -> dict[str, int]:
        """Findings per check id."""
        return _count(f.check_id for f in self.findings)

    @property
    def by_duty(self) -> dict[str, int]:
        """Findings per duty id (findings about no duty are not counted)."""
        return _count(f.duty_id for f in self.findings if f.duty_id is not None)

    @property
    def children_with_findings(self) -> int:
        """How many children have at least one finding."""
        return len({f.child_id for f in self.findings})

    def at_least(self, severity: Severity) -> tuple[Finding, ...]:
        """The findings at ``severity`` or above."""
        return tuple(f for f in self.findings if f.severity >= severity)

    def to_pandas(self) -> Any:
        """The findings as a pandas ``DataFrame``, one row each (needs the ``pandas`` extra,
        imported only when this is called).

        .. versionadded:: 0.1
        """
        from corparent._extras import data_frame

        rows = (
            {
                "child_id": f.child_id,
                "severity": f.severity.value,
                "check_id": f.check_id,
                "duty_id": f.duty_id,
                "due": f.due,
                "days_overdue": f.days_overdue,
                "citation": f.citation,
                "force": f.force.value if f.force is not None else None,
                "code": f.code,
                "message": f.message,
            }
            for f in self.findings
        )
        return data_frame(rows, FINDING_COLUMNS)

    def worst(self) -> Severity | None:
        """The highest severity found (a crash counts as ``ERROR``); None if nothing was found."""
        if self.crashes:
            return Severity.ERROR
        return max((f.severity for f in self.findings), default=None)


def _run_one(
    record: CaseRecord, base: CheckContext, spec: CheckSpec, raise_on_crash: bool
) -> tuple[list[Finding], Crash | None]:
    found: list[Finding] = []
    try:
        for item in spec(record, base.for_check(spec)):
            if not isinstance(item, Finding):
                raise TypeError(f"check yielded {type(item).__name__}, not Finding")
            found.append(item)
    except Exception as exc:
        if raise_on_crash:
            raise CheckCrashed(
                f"check {spec.id} raised {type(exc).__name__} for child {record.id}"
            ) from exc
        return found, Crash(
            check_id=spec.id, child_id=record.id, error=type(exc).__name__, message=str(exc)
        )
    return found, None


def _check_chunk(
    records: Sequence[CaseRecord],
    as_of: dt.date,
    checks: tuple[CheckSpec, ...],
    rules: RuleSet | None,
    conventions: Conventions | None,
    raise_on_crash: bool,
) -> tuple[list[Finding], list[Crash]]:
    findings: list[Finding] = []
    crashes: list[Crash] = []
    for record in records:
        # The record's own nation's law when the run names none (corparent.law.resolve).
        law, conv = resolve(record.id, record.jurisdiction, rules, conventions)
        base = CheckContext(as_of=as_of, rules=law, conventions=conv, record=record)
        for spec in checks:
            found, crash = _run_one(record, base, spec, raise_on_crash)
            findings.extend(found)
            if crash is not None:
                crashes.append(crash)
    return findings, crashes


# Set in each worker process by _init_worker: the records and the run's settings, sent once per
# worker rather than with every chunk (under the fork start method, inherited, not pickled);
# chunks are then just index ranges.
_WORKER_RUN: (
    tuple[
        tuple[CaseRecord, ...],
        dt.date,
        tuple[CheckSpec, ...],
        RuleSet | None,
        Conventions | None,
        bool,
    ]
    | None
) = None


def _init_worker(
    records: tuple[CaseRecord, ...],
    as_of: dt.date,
    checks: tuple[CheckSpec, ...],
    rules: RuleSet | None,
    conventions: Conventions | None,
    raise_on_crash: bool,
) -> None:
    global _WORKER_RUN
    _WORKER_RUN = (records, as_of, checks, rules, conventions, raise_on_crash)


def _check_chunk_in_worker(start: int, stop: int) -> tuple[list[Finding], list[Crash]]:
    assert _WORKER_RUN is not None, "worker not initialised"
    records, as_of, checks, rules, conventions, raise_on_crash = _WORKER_RUN
    return _check_chunk(records[start:stop], as_of, checks, rules, conventions, raise_on_crash)


def _pool_context() -> multiprocessing.context.BaseContext:
    # fork (Linux) inherits the run's settings instead of pickling them; elsewhere the
    # platform default is used and the settings must pickle.
    if "fork" in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context()


def run_checks(
    caseload: Iterable[CaseRecord],
    as_of: dt.date,
    *,
    checks: CheckSet | Iterable[CheckSpec] | None = None,
    rules: RuleSet | None = None,
    conventions: Conventions | None = None,
    workers: int = 1,
    progress: Callable[[int, int], None] | None = None,
    chunk_size: int | None = None,
    raise_on_crash: bool = False,
) -> RunResult:
    """Run every check on every record in ``caseload`` as at ``as_of``.

    Each record's schedule is computed once and shared by the checks through the
    :class:`CheckContext`. A check that raises for a record is recorded in ``RunResult.crashes``
    (and the run continues) unless ``raise_on_crash`` is set. With
    ``workers > 1`` records are checked in chunks across a process pool; the result is the same
    as with one worker, in the same order.

    Args:
        caseload: A :class:`~corparent.model.Caseload` or any iterable of records.
        as_of: The date to look from (usually the last day of the collection year).
        checks: The checks to run; :func:`~corparent.checks.default` when None.
        rules: The rule set; when None, each record's own nation's law
            (``CaseRecord.jurisdiction``; ``corparent.law.ENGLAND`` if it states none), every
            duty of it. An obligation whose evidence the records do not hold (visits in an
            SSDA903 return) is not assessable and never a finding, so this gives the same
            findings as ``corparent check``, which for speed schedules only the duties whose
            evidence the data holds.
        conventions: Counting conventions; the rule set's own when None.
        workers: Processes to use (1: run in this process).
        progress: Called with ``(children_done, children_total)`` as chunks complete.
        chunk_size: Records per chunk (default: about four chunks per worker, at most 2,000).
        raise_on_crash: Raise :class:`CheckCrashed` on the first crash instead of recording it.

    Returns:
        The findings, crashes, counts and run metadata.

    Raises:
        CheckCrashed: a check raised and ``raise_on_crash`` is set.
        ConfigError: the default check set could not be built (a broken plugin).

    .. versionadded:: 0.1
    """
    require_date(as_of, "as_of")
    if workers < 1:
        raise ValueError("workers must be at least 1")
    started = dt.datetime.now(dt.UTC)
    t0 = time.perf_counter()
    check_set = default() if checks is None else checks
    specs = tuple(check_set)
    records = tuple(caseload)
    total = len(records)
    size = chunk_size or max(1, min(2000, -(-total // (workers * 4)) if total else 1))
    bounds = [(i, min(i + size, total)) for i in range(0, total, size)]
    chunks = [records[a:b] for a, b in bounds]

    findings: list[Finding] = []
    crashes: list[Crash] = []
    done = 0
    if progress is not None:
        progress(0, total)
    if workers == 1 or len(chunks) <= 1:
        for chunk in chunks:
            f, c = _check_chunk(chunk, as_of, specs, rules, conventions, raise_on_crash)
            findings.extend(f)
            crashes.extend(c)
            done += len(chunk)
            if progress is not None:
                progress(done, total)
    else:
        with ProcessPoolExecutor(
            max_workers=workers,
            mp_context=_pool_context(),
            initializer=_init_worker,
            initargs=(records, as_of, specs, rules, conventions, raise_on_crash),
        ) as pool:
            futures = [pool.submit(_check_chunk_in_worker, a, b) for a, b in bounds]
            for chunk, future in zip(chunks, futures, strict=True):
                f, c = future.result()
                findings.extend(f)
                crashes.extend(c)
                done += len(chunk)
                if progress is not None:
                    progress(done, total)

    metadata = RunMetadata(
        as_of=as_of,
        corparent_version=_corparent_version(),
        holidays_version=HOLIDAYS_VERSION,
        checks=tuple(CheckInfo.of(s) for s in specs),
        workers=workers,
        started=started,
        seconds=time.perf_counter() - t0,
    )
    return RunResult(
        findings=tuple(findings),
        crashes=tuple(crashes),
        children_checked=total,
        metadata=metadata,
    )


def counts_table(result: RunResult) -> Mapping[str, Mapping[str, int]]:
    """The three count tables of ``result`` keyed by name (for exporters)."""
    return {
        "by_severity": {s.value: n for s, n in result.by_severity.items()},
        "by_check": result.by_check,
        "by_duty": result.by_duty,
    }
