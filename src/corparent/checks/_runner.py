"""Run a :class:`CheckSet` over a caseload: :func:`run_checks` and its :class:`RunResult`."""

from __future__ import annotations

import collections
import datetime as dt
import fnmatch
import functools
import multiprocessing
import os
import pickle
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from importlib.metadata import PackageNotFoundError, version
from typing import Any

import attrs
import numpy as np
import numpy.typing as npt

from corparent._gc import collector_paused
from corparent.batch import (
    REVIEW_DUTIES,
    STATUS_CODES,
    Columns,
    ObligationTable,
    review_obligations,
    unsupported,
)
from corparent.checks._context import _bind, _context_maker
from corparent.checks._finding import Crash, Finding, Severity, _made
from corparent.checks._set import CheckSet, default
from corparent.checks._spec import CheckSpec, Provenance
from corparent.checks.builtin.compliance import (
    _since,
    due_soon,
    met_late,
    missed,
    overdue,
    severity_for,
)
from corparent.dates import HOLIDAYS_VERSION, require_date
from corparent.errors import CorparentError
from corparent.jurisdiction import Jurisdiction
from corparent.law import Conventions, RuleSet, resolve
from corparent.model import CaseRecord
from corparent.schedule import Schedule, Status

__all__ = [
    "AUTO_WORKERS_MIN_RECORDS",
    "CheckCrashed",
    "CheckInfo",
    "Progress",
    "RunMetadata",
    "RunResult",
    "auto_workers",
    "run_checks",
]

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
        not_assessable: Per duty id, the obligations the data could not judge (their trigger
            or discharging event may lie outside the records' evidence windows, or the source
            holds none of that evidence): counted here, never reported as findings. Only
            schedules the checks computed are counted.

    .. versionadded:: 0.1
    """

    findings: tuple[Finding, ...]
    crashes: tuple[Crash, ...]
    children_checked: int
    metadata: RunMetadata
    not_assessable: Mapping[str, int] = attrs.field(factory=dict)

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


AUTO_WORKERS_MIN_RECORDS = 20_000
"""With ``workers=None``, caseloads at least this large are checked on two processes (when the
machine has two cores for this process): below it, starting the pool costs more than it saves."""

_VECTOR_KINDS = {
    overdue.func: "overdue",
    met_late.func: "met_late",
    missed.func: "missed",
    due_soon.func: "due_soon",
}
_BOUND = "; at least: earlier history is not in the data"
_CODE = {status: index for index, status in enumerate(STATUS_CODES)}


@attrs.frozen(kw_only=True)
class _BatchPlan:
    """How a run uses the batch engine: every duty of the rule set is a review duty, so the
    batch engine schedules them all and the built-in compliance checks are evaluated
    column-wise; obligations become objects only when another check asks for a schedule.

    A rule set with other duties is scheduled record by record: the other planners read the
    review duties (care planning's permanence plan is due by the second review), so their
    obligations cannot be computed apart from the reviews."""

    vector: bool = True


def _batch_plan(rules: RuleSet) -> _BatchPlan | None:
    if rules.jurisdiction is Jurisdiction.SCOTLAND:  # schedule() plans Scotland apart
        return None
    if unsupported(rules) is not None or not any(d in rules for d in REVIEW_DUTIES):
        return None
    if any(d.id not in REVIEW_DUTIES for d in rules):
        return None
    return _BatchPlan()


def _crash(exc: Exception, spec: CheckSpec, record: CaseRecord, raise_on_crash: bool) -> Crash:
    """The crash of ``spec`` on ``record``; raised as :class:`CheckCrashed` if asked."""
    if raise_on_crash:
        raise CheckCrashed(
            f"check {spec.id} raised {type(exc).__name__} for child {record.id}"
        ) from exc
    return Crash(check_id=spec.id, child_id=record.id, error=type(exc).__name__, message=str(exc))


def _wanted(duty_id: str, patterns: tuple[str, ...]) -> bool:
    return not patterns or any(fnmatch.fnmatchcase(duty_id, p) for p in patterns)


def _vector_findings(
    kind: str, spec: CheckSpec, table: ObligationTable
) -> tuple[list[Finding], npt.NDArray[np.int64]]:
    """What the built-in compliance check ``kind`` reports over the whole ``table``, made for
    the flagged rows only, and each record's share (``offsets``): the same findings, in the
    same order, as the check gives record by record from the schedule."""
    settings = spec.effective_settings
    given = settings.get("duties") or ()
    assert isinstance(given, tuple | list)
    patterns: tuple[str, ...] = tuple(given)
    as_of = table.as_of
    today = as_of.toordinal() - dt.date(1970, 1, 1).toordinal()
    wanted = np.array([_wanted(d.id, patterns) for d in table.duties] + [False], np.bool_)
    mask = wanted[table.duty] if len(table) else np.zeros(0, np.bool_)
    status = table.status
    if kind == "overdue":
        mask &= status == _CODE[Status.OVERDUE]
    elif kind in ("met_late", "missed"):
        mask &= status == _CODE[Status.MET_LATE if kind == "met_late" else Status.MISSED]
        months, days_back = settings.get("lookback_months"), settings.get("lookback_days")
        assert months is None or isinstance(months, int)
        assert days_back is None or isinstance(days_back, int)
        since = _since(as_of, months, days_back)  # the same window as the check's own
        if since is not None:
            last = since.toordinal() - dt.date(1970, 1, 1).toordinal()
            mask &= (table.met if kind == "met_late" else table.closed) > last
    else:
        within = settings.get("within_days")
        assert isinstance(within, int)
        mask &= (status == _CODE[Status.DUE]) & (table.due >= today) & (table.due <= today + within)
    rows = np.flatnonzero(mask)
    duties = table.duties
    local = settings.get("local_severity", Severity.WARNING)
    assert isinstance(local, Severity)
    severity = [
        Severity.INFO if kind == "due_soon" else severity_for(d.force, local=local) for d in duties
    ]
    citations = [str(v.citation) for v in table.versions]
    ids = table.columns.child_ids
    due_days = table.due[rows]
    due = due_days.astype("datetime64[D]").tolist()
    out: list[Finding] = []
    code = _KIND_CODE[kind]
    for duty_index, version_index, record, due_on, due_day, met_day, closed_day, why in zip(
        table.duty[rows].tolist(),
        table.version[rows].tolist(),
        table.record[rows].tolist(),
        due,
        due_days.tolist(),
        table.met[rows].tolist(),
        table.closed[rows].tolist(),
        table.reason[rows].tolist(),
        strict=True,
    ):
        duty = duties[duty_index]
        bound = _BOUND if why else ""
        if kind == "overdue":
            days: int | None = today - due_day
            message = f"{duty.id} {days} days overdue (due {due_on}{bound})"
        elif kind == "met_late":
            days = met_day - due_day
            met_on = due_on + dt.timedelta(days=met_day - due_day)
            message = f"{duty.id} met {days} days late (due {due_on}, met {met_on}{bound})"
        elif kind == "missed":
            days = closed_day - due_day
            closed_on = due_on + dt.timedelta(days=days)
            message = (
                f"{duty.id} missed: due {due_on}, not met when the clock stopped on "
                f"{closed_on} ({days} days after it fell due{bound})"
            )
        else:
            days = None
            message = f"{duty.id} due in {due_day - today} days (on {due_on})"
        out.append(
            _made(
                spec.id,
                severity[duty_index],
                ids[record],
                message,
                duty.id,
                due_on,
                days,
                citations[version_index],
                duty.principles,
                duty.force,
                code,
            )
        )
    offsets = np.searchsorted(table.record[rows], np.arange(len(ids) + 1)).astype(np.int64)
    return out, offsets


_KIND_CODE = {"overdue": "overdue", "met_late": "met_late", "missed": "missed", "due_soon": "due"}


class _Batched:
    """One group of a chunk's records under the same law, scheduled by the batch engine."""

    __slots__ = ("conventions", "plan", "position", "table", "vector")

    def __init__(
        self,
        table: ObligationTable,
        position: dict[int, int],
        plan: _BatchPlan,
        conventions: Conventions,
        vector: dict[int, tuple[list[Finding], list[int]]],
    ) -> None:
        self.table = table
        self.position = position  # chunk index -> row of the group's columns
        self.plan = plan
        self.conventions = conventions
        self.vector = vector  # check index -> (findings, offsets per group row)

    def schedule(self, index: int, record: CaseRecord) -> Schedule:
        """The record's schedule (every duty is a review duty) from the table."""
        table = self.table
        obligations = table.obligations(self.position[index])
        return Schedule(child_id=record.id, as_of=table.as_of, obligations=obligations)

    def not_assessable(self) -> dict[str, int]:
        """Per duty id, the not-assessable obligations of the group's batched records (whether
        a check asked for their schedule or not, it is this table's)."""
        table = self.table
        code = STATUS_CODES.index(Status.NOT_ASSESSABLE)
        mask = (table.status == code) & table.batched[table.record]
        counts = np.bincount(table.duty[mask], minlength=len(table.duties)).tolist()
        return {duty.id: n for duty, n in zip(table.duties, counts, strict=True) if n}


def _batch_group(
    records: Sequence[CaseRecord],
    members: list[int],
    law: RuleSet,
    conventions: Conventions,
    as_of: dt.date,
    checks: tuple[CheckSpec, ...],
    plan: _BatchPlan,
    batched: list[_Batched | None],
) -> _Batched:
    """Schedule the reviews of ``records[members]`` column-wise; mark the batchable ones."""
    columns = Columns.from_records([records[i] for i in members])
    table = review_obligations(columns, as_of, rules=law, conventions=conventions)
    vector: dict[int, tuple[list[Finding], list[int]]] = {}
    if plan.vector:
        for j, spec in enumerate(checks):
            kind = _VECTOR_KINDS.get(spec.func)
            if kind is not None:
                flat, bounds = _vector_findings(kind, spec, table)
                vector[j] = (flat, bounds.tolist())
    position = {i: row for row, i in enumerate(members)}
    group = _Batched(table, position, plan, conventions, vector)
    for row, ok in enumerate(table.batched.tolist()):
        if ok:
            batched[members[row]] = group
    return group


_Step = tuple[
    CheckSpec,
    Callable[..., Iterable[Finding]],
    dict[str, Any] | None,
    tuple[list[Finding], list[int]] | None,
]
"""One check as the chunk loop runs it: spec, function, settings (None: none), and the batch
engine's findings with each record's offsets when it evaluated the check column-wise."""


def _check_chunk(
    records: Sequence[CaseRecord],
    as_of: dt.date,
    checks: tuple[CheckSpec, ...],
    rules: RuleSet | None,
    conventions: Conventions | None,
    raise_on_crash: bool,
    batch: bool = True,
) -> tuple[list[Finding], list[Crash], Counter[str]]:
    findings: list[Finding] = []
    crashes: list[Crash] = []
    unjudged: Counter[str] = Counter()
    # The record's own nation's law when the run names none (corparent.law.resolve).
    laws = [resolve(r.id, r.jurisdiction, rules, conventions) for r in records]
    batched: list[_Batched | None] = [None] * len(records)
    groups: list[_Batched] = []
    if batch and records:
        by_law: dict[tuple[int, int], list[int]] = {}
        for i, (law, conv) in enumerate(laws):
            by_law.setdefault((id(law), id(conv)), []).append(i)
        for members in by_law.values():
            law, conv = laws[members[0]]
            plan = _batch_plan(law)
            if plan is not None:
                groups.append(
                    _batch_group(records, members, law, conv, as_of, checks, plan, batched)
                )
    # Each check as one step per record: the batch engine's findings for a check it evaluated
    # column-wise (the group's flat list and each record's offsets), else the check's function,
    # called without keyword arguments when it has no settings. Made once per group, so the
    # loop below looks nothing up per record and check.
    plain: list[_Step] = [(spec, spec.func, dict(spec.settings) or None, None) for spec in checks]
    steps_of: dict[int, list[_Step]] = {}
    for each in groups:
        steps_of[id(each)] = [
            (spec, func, kwargs, each.vector.get(j))
            for j, (spec, func, kwargs, _) in enumerate(plain)
        ]
    append = findings.append
    new_context = _context_maker(as_of)
    for i, record in enumerate(records):
        law, conv = laws[i]
        ctx = new_context(law, conv, record)
        group = batched[i]
        steps = plain
        row = 0
        if group is not None:
            ctx.provide_schedule(functools.partial(group.schedule, i, record))
            steps = steps_of[id(group)]
            row = group.position[i]
        for spec, func, kwargs, made in steps:
            if made is not None:  # the batch engine's findings for this check and record
                flat, offsets = made
                start, end = offsets[row], offsets[row + 1]
                if start != end:
                    findings.extend(flat[start:end])
                continue
            # The check, inline (this loop runs once per record and check): its findings are
            # kept up to a crash, which is recorded (or raised) and the run goes on.
            try:
                _bind(ctx, spec)  # one context per record, rebound to each check
                for item in func(record, ctx) if kwargs is None else func(record, ctx, **kwargs):
                    if item.__class__ is not Finding and not isinstance(item, Finding):
                        raise TypeError(f"check yielded {type(item).__name__}, not Finding")
                    append(item)
            except Exception as exc:
                crashes.append(_crash(exc, spec, record, raise_on_crash))
        if group is None:
            # The not-assessable obligations of the schedule a check computed, if one did; a
            # batched record's are counted from its group's table below, all at once.
            computed = ctx.computed_schedule()
            if computed is not None:
                unjudged.update(o.duty.id for o in computed.not_assessable())
    for group in groups:
        unjudged.update(group.not_assessable())
    return findings, crashes, unjudged


Packed = tuple[Any, ...]


def _pack(f: Finding) -> Packed:
    """A finding as a plain tuple: far cheaper to send back from a worker than the object."""
    return (
        f.check_id,
        f.severity,
        f.child_id,
        f.message,
        f.duty_id,
        f.due,
        f.days_overdue,
        f.citation,
        f.principles,
        f.force,
        f.code,
    )


def _unpack(t: Packed) -> Finding:
    return _made(*t)  # the fields in _pack's order, which is _made's


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
    batch: bool,
) -> None:
    global _WORKER_RUN
    _WORKER_RUN = (records, as_of, checks, rules, conventions, raise_on_crash, batch)


def _check_chunk_in_worker(start: int, stop: int) -> tuple[list[Packed], list[Crash], Counter[str]]:
    assert _WORKER_RUN is not None, "worker not initialised"
    records, as_of, checks, rules, conventions, raise_on_crash, batch = _WORKER_RUN
    found, crashes, unjudged = _check_chunk(
        records[start:stop], as_of, checks, rules, conventions, raise_on_crash, batch
    )
    return [_pack(f) for f in found], crashes, unjudged


def _pool_context() -> multiprocessing.context.BaseContext:
    # fork (Linux) inherits the run's settings instead of pickling them; elsewhere the
    # platform default is used and the settings must pickle. macOS offers fork but it is not
    # safe there (system libraries such as Accelerate, which NumPy uses, may crash or hang in
    # a forked child): Python's default on macOS is spawn, and so is ours.
    if sys.platform == "darwin":
        return multiprocessing.get_context("spawn")
    if "fork" in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context()


def _workers_can_load(*settings: object) -> bool:
    """Whether worker processes can load the run's settings (checks, rules, conventions).

    Forked workers (Linux) inherit them. Spawned ones (Windows, macOS) get them pickled, and
    a check or rule defined inside a function, or in a notebook or interactive session (a
    ``__main__`` without a file, which a fresh process cannot import), does not reach them: the
    pool would break. Such a run is made in one process instead (the same result)."""
    if _pool_context().get_start_method() == "fork":
        return True
    try:
        payload = pickle.dumps(settings)
    except (TypeError, AttributeError, pickle.PicklingError):
        return False
    main = sys.modules.get("__main__")
    return b"__main__" not in payload or getattr(main, "__file__", None) is not None


def _cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not on Linux
        return os.cpu_count() or 1


_Snapshot = tuple[float, float, float]  # (monotonic time, machine's idle CPU s, own CPU s)


def _snapshot() -> _Snapshot | None:
    """Now, the machine's idle CPU time since boot (``/proc/stat``: idle and iowait, all
    CPUs) and this process's own CPU time, in seconds; None where ``/proc/stat`` is missing."""
    try:
        with open("/proc/stat", "rb") as stat:
            fields = stat.readline().split()
        idle = (int(fields[4]) + int(fields[5])) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):  # pragma: no cover - not Linux
        return None
    own = os.times()
    return time.monotonic(), idle, own.user + own.system


_SPAN = (0.5, 60.0)
"""The spans (seconds) between two snapshots that tell how busy the machine is now: shorter
ones are too coarse (the kernel counts in hundredths), longer ones too old."""

_mark = _snapshot()  # when this module was imported: a command then loads its records


def _spare_cpus(then: _Snapshot | None, now: _Snapshot | None) -> float | None:
    """CPUs free for a second process of ours, on average between two snapshots: the idle
    CPUs plus the one this process used (it goes on using it), less one. None when the span
    says nothing (see :data:`_SPAN`)."""
    if then is None or now is None or not _SPAN[0] <= now[0] - then[0] <= _SPAN[1]:
        return None
    span = now[0] - then[0]
    return (now[1] - then[1]) / span + (now[2] - then[2]) / span - 1


def auto_workers(records: int) -> int:
    """The workers ``run_checks(workers=None)`` uses for ``records`` records: two from
    :data:`AUTO_WORKERS_MIN_RECORDS` records when this process may use two cores, one of them
    is free and workers are forked (Linux), else one. Results are the same either way.

    Spawned workers (Windows, macOS) are sent every record pickled, which costs far more than
    a second core saves (20,000 children, default checks, 2 shared cores: 12.6 s on two spawned
    processes, 2.7 s on one, 1.7 s on two forked ones), so there one process is used. Whether
    a core is free is measured over the last seconds (since this module was imported or the
    previous call: in a command, while it loaded the records), from the idle time the kernel
    counts and this process's own; after a longer pause, or without ``/proc/stat``, from the
    load average; with neither, one process is used. Measured on 100,000 children, 2 cores:
    the default checks take 1.4 s on one process and about 1.0 s on two when the other core is
    free, but 1.9-2.2 s on two when other work keeps a core busy (the one-minute load average,
    read before, lags a new job by a minute and let that happen)."""
    global _mark
    cores = _cores()
    if records < AUTO_WORKERS_MIN_RECORDS or cores < 2:
        return 1
    if _pool_context().get_start_method() != "fork":
        return 1  # spawned workers (Windows, macOS) are sent every record pickled: slower
    now = _snapshot()
    spare = _spare_cpus(_mark, now)
    _mark = now
    if spare is not None:
        return 2 if spare >= 0.7 else 1
    try:
        busy = os.getloadavg()[0]
    except (OSError, AttributeError):  # no load average on this platform (Windows has none)
        return 1  # nothing tells whether a core is free: a busy one would make two slower
    return 2 if busy < cores - 0.5 else 1  # this process itself counts about 1


def run_checks(
    caseload: Iterable[CaseRecord],
    as_of: dt.date,
    *,
    checks: CheckSet | Iterable[CheckSpec] | None = None,
    rules: RuleSet | None = None,
    conventions: Conventions | None = None,
    workers: int | None = None,
    progress: Callable[[int, int], None] | None = None,
    chunk_size: int | None = None,
    raise_on_crash: bool = False,
    batch: bool = True,
) -> RunResult:
    """Run every check on every record in ``caseload`` as at ``as_of``.

    Each record's schedule is computed once and shared by the checks through the
    :class:`CheckContext`. A check that raises for a record is recorded in ``RunResult.crashes``
    (and the run continues) unless ``raise_on_crash`` is set. With
    ``workers > 1`` records are checked in chunks by this process and ``workers - 1`` more;
    the result is the same as with one worker, in the same order.

    When every duty of the rule set is a review duty (``corparent check``'s default for a 903
    return), each chunk is scheduled column-wise by the batch engine (:mod:`corparent.batch`)
    and the built-in compliance checks are evaluated column-wise too, making findings only for
    flagged obligations. The findings are the same as ``batch=False`` gives (every record
    scheduled by :func:`corparent.schedule.schedule`), in the same order.

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
        workers: Processes to use (1: run in this process; None: ``auto_workers``). Where
            processes are spawned rather than forked (Windows, macOS), checks or rules defined
            inside a function or in a notebook cannot reach them: the run uses one.
        progress: Called with ``(children_done, children_total)`` as chunks complete.
        chunk_size: Records per chunk (default: about four chunks per worker, at most 2,000).
        raise_on_crash: Raise :class:`CheckCrashed` on the first crash instead of recording it.
        batch: Use the batch engine where it applies (False: schedule every record alone).

    Returns:
        The findings, crashes, counts and run metadata.

    Raises:
        CheckCrashed: a check raised and ``raise_on_crash`` is set.
        ConfigError: the default check set could not be built (a broken plugin).

    .. versionadded:: 0.1
    """
    require_date(as_of, "as_of")
    if workers is not None and workers < 1:
        raise ValueError("workers must be at least 1")
    started = dt.datetime.now(dt.UTC)
    t0 = time.perf_counter()
    check_set = default() if checks is None else checks
    specs = tuple(check_set)
    records = tuple(caseload)
    total = len(records)
    if workers is None:
        workers = auto_workers(total)
    if workers > 1 and not _workers_can_load(specs, rules, conventions):
        workers = 1
    # Column-wise chunks pay a fixed cost per step of the longest chain: make them larger.
    largest = 10_000 if batch else 2000
    size = chunk_size or max(1, min(largest, -(-total // (workers * 4)) if total else 1))
    bounds = [(i, min(i + size, total)) for i in range(0, total, size)]
    chunks = [records[a:b] for a, b in bounds]

    findings: list[Finding] = []
    crashes: list[Crash] = []
    unjudged: Counter[str] = Counter()
    done = 0
    if progress is not None:
        progress(0, total)
    with collector_paused():
        if workers == 1 or len(chunks) <= 1:
            for chunk in chunks:
                f, c, u = _check_chunk(
                    chunk, as_of, specs, rules, conventions, raise_on_crash, batch
                )
                findings.extend(f)
                crashes.extend(c)
                unjudged.update(u)
                done += len(chunk)
                if progress is not None:
                    progress(done, total)
        else:
            # This process is one of the workers: it checks every ``workers``-th chunk itself
            # (no copy of its findings to send back) while the others check the rest; the
            # chunks are taken in order either way, so the result is the same.
            own = range(0, len(chunks), workers)
            with ProcessPoolExecutor(
                max_workers=workers - 1,
                mp_context=_pool_context(),
                initializer=_init_worker,
                initargs=(records, as_of, specs, rules, conventions, raise_on_crash, batch),
            ) as pool:
                futures = {
                    i: pool.submit(_check_chunk_in_worker, a, b)
                    for i, (a, b) in enumerate(bounds)
                    if i not in own
                }
                for i, chunk in enumerate(chunks):
                    future = futures.get(i)
                    if future is None:
                        f, c, u = _check_chunk(
                            chunk, as_of, specs, rules, conventions, raise_on_crash, batch
                        )
                        findings.extend(f)
                    else:
                        packed, c, u = future.result()
                        findings.extend(map(_unpack, packed))
                    crashes.extend(c)
                    unjudged.update(u)
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
        not_assessable=dict(sorted(unjudged.items())),
    )
