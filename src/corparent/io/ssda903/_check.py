"""Load and check an SSDA903 return in one pass, column-wise where the data allows.

:func:`check_return` gives what :func:`~corparent.io.ssda903.load` then
:func:`~corparent.checks.run_checks` give (the same problems, notes, accounting, findings and
counts, in the same order) without building a :class:`~corparent.model.CaseRecord` for every
child. The files are split into columns with numpy; a child whose every row reads cleanly and
whose data the column-wise checks can judge exactly is checked from the columns; every other
child (a value the reader reports, a record that contradicts itself, a care leaver whose OC3
needs the leaving-care status) is read and checked record by record, as before. A return or a
check set the column-wise path does not cover (a UTF-16 or tab-separated file, a table in two
files, earlier returns, plugin checks, a rule set beyond the batch engine) is loaded and checked
whole the object way.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import time
from collections import Counter
from collections.abc import Callable, Iterable
from os import PathLike

import attrs
import numpy as np

from corparent._gc import collector_paused
from corparent.checks import CheckSet, CheckSpec, Finding, RunResult, default, run_checks
from corparent.checks._columnar import (
    ColumnarPlan,
    columnar_findings,
    columnar_plan,
    needs_records,
)
from corparent.checks._columnar_integrity import integrity_suspects
from corparent.errors import LoadError, Problem
from corparent.io.ssda903._columnar import ColumnarLoad, ColumnarRead, read_columns
from corparent.io.ssda903._files import Source, StrPath
from corparent.io.ssda903._read import load
from corparent.io.ssda903._result import CollectionYear, LoadResult, LoadStats
from corparent.law import Conventions, RuleSet
from corparent.model import CaseRecord, Evidence

__all__ = ["CheckedReturn", "ReturnLoad", "check_return", "load_child"]

_Check = Callable[[Iterable[CaseRecord]], RunResult]
"""``run_checks`` with a run's options bound: records in, result out."""


@attrs.frozen(kw_only=True, repr=False)
class ReturnLoad:
    """What loading a return found (a :class:`~corparent.io.ssda903.LoadResult` without the
    records: children checked from columns have none).

    Attributes:
        problems: Every row, value or record that could not be used as it stood.
        notes: Things worth knowing that lose no data.
        stats: The line and row accounting, per table, and the children loaded.
        collection_year_end: The 31 March of the latest return loaded.
        years: Each return loaded, oldest first.
        evidence: The evidence window every record carries.
        first_episode_start: The earliest episode start of any child (None: no episode).
        records_built: How many children were read into records and checked one by one; the
            other ``stats.children - records_built`` were checked from columns.
    """

    problems: tuple[Problem, ...]
    notes: tuple[Problem, ...]
    stats: LoadStats
    collection_year_end: dt.date
    years: tuple[CollectionYear, ...]
    evidence: Evidence
    first_episode_start: dt.date | None
    records_built: int

    def __repr__(self) -> str:
        return (
            f"ReturnLoad(children={self.stats.children}, problems={len(self.problems)}, "
            f"notes={len(self.notes)}, records_built={self.records_built})"
        )


@attrs.frozen(kw_only=True)
class CheckedReturn:
    """A return loaded and checked.

    Attributes:
        load: What the load found.
        result: What the checks found (as :func:`~corparent.checks.run_checks` gives it).
    """

    load: ReturnLoad
    result: RunResult


def check_return(
    source: Source,
    as_of: dt.date,
    *,
    checks: CheckSet | Iterable[CheckSpec] | None = None,
    rules: RuleSet | None = None,
    conventions: Conventions | None = None,
    strict: bool = False,
    year: int | None = None,
    previous: Iterable[StrPath | tuple[StrPath, int]] = (),
    workers: int | None = None,
    progress: Callable[[int, int], None] | None = None,
    raise_on_crash: bool = False,
    gate: Callable[[ReturnLoad], None] | None = None,
    columnar: bool = True,
) -> CheckedReturn:
    """Load the SSDA903 return in ``source`` and run ``checks`` on every child as at ``as_of``.

    The result equals ``load(source, ...)`` followed by ``run_checks(loaded.caseload, ...)``
    (see the module notes), whichever way each child is read and checked.

    Args:
        source: The return, as :func:`~corparent.io.ssda903.load` takes it.
        as_of: The date to check as at.
        checks: The checks (:func:`~corparent.checks.default` when None).
        rules: The rule set (the column-wise path needs one; None: each record's own law,
            every child checked the object way).
        conventions: Counting conventions (the rule set's own when None).
        strict: Raise one :class:`~corparent.errors.LoadError` listing every problem.
        year: The year the return's collection year ends in (as ``load`` takes it).
        previous: Earlier returns (as ``load`` takes them; these loads go the object way).
        workers: Processes for the children checked record by record (as ``run_checks``).
        progress: Called with ``(children_done, children_total)`` of those children.
        raise_on_crash: Raise on the first check that raises.
        gate: Called with what the load found before any check runs; it may raise to stop.
        columnar: False: load and check every child the object way (the reference).

    Raises:
        LoadError: ``strict`` is set and something could not be used as it stood, or no file
            of the return was found.
        CheckCrashed: a check raised and ``raise_on_crash`` is set.

    .. versionadded:: 0.2
    """
    specs = tuple(default() if checks is None else checks)
    if isinstance(previous, str | PathLike):
        previous = [previous]
    previous = tuple(previous)
    # run_checks with the run's options: on every record, or on the records built
    check: _Check = functools.partial(
        run_checks,
        as_of=as_of,
        checks=specs,
        rules=rules,
        conventions=conventions,
        workers=workers,
        progress=progress,
        raise_on_crash=raise_on_crash,
    )
    plan = None
    if columnar and rules is not None and not previous:
        plan = columnar_plan(specs, rules, conventions)
    if plan is not None and rules is not None:
        with collector_paused():
            read = read_columns(source, year=year)
        if read is not None:
            return _columnar(read, plan, as_of, strict, gate, check)
    loaded = load(source, strict=strict, year=year, previous=previous)
    summary = _whole(loaded)
    if gate is not None:
        gate(summary)
    return CheckedReturn(load=summary, result=check(loaded.caseload))


def load_child(
    source: Source,
    child_id: str,
    *,
    year: int | None = None,
    previous: Iterable[StrPath | tuple[StrPath, int]] = (),
) -> tuple[ReturnLoad, CaseRecord | None]:
    """What loading the return finds, and one child's record (None: the return has no such
    child), building as few other records as it can.

    The load's problems, notes and accounting are :func:`~corparent.io.ssda903.load`'s, and the
    record is the one ``load`` builds for the child. Column-wise reading leaves every child it
    can as columns: only the named child, the children whose rows the reader reports and those
    whose records could contradict themselves (their integrity problems are part of the load's
    problems) are built. A return the column-wise reader does not take is loaded whole.

    Args:
        source: The return, as :func:`~corparent.io.ssda903.load` takes it.
        child_id: The child's record id.
        year: The year the return's collection year ends in (as ``load`` takes it).
        previous: Earlier returns (as ``load`` takes them; such a load is made whole).

    Raises:
        LoadError: no file of the return was found.

    .. versionadded:: 0.2
    """
    if isinstance(previous, str | PathLike):
        previous = [previous]
    previous = tuple(previous)
    read = None
    if not previous:
        with collector_paused():
            read = read_columns(source, year=year)
    if read is None:
        loaded = load(source, year=year, previous=previous)
        found = [r for r in loaded.caseload if r.id == child_id]
        return _whole(loaded), found[0] if found else None
    columns = read.columns
    with collector_paused():
        mask = integrity_suspects(columns)
        position = bisect.bisect_left(columns.child_ids, child_id)
        if position < len(columns) and columns.child_ids[position] == child_id:
            mask[position] = True
        built = read.finish(mask)
    found = [r for r in built.records if r.id == child_id]
    return _split(built), found[0] if found else None


def _columnar(
    read: ColumnarRead,
    plan: ColumnarPlan,
    as_of: dt.date,
    strict: bool,
    gate: Callable[[ReturnLoad], None] | None,
    check: _Check,
) -> CheckedReturn:
    with collector_paused():
        mask = needs_records(plan, read.columns, as_of, read.evidence)
        loaded = read.finish(mask)
    if strict and loaded.problems:
        raise LoadError(loaded.problems, headline="the SSDA903 return has problems")
    records = loaded.records
    summary = _split(loaded)
    if gate is not None:
        gate(summary)
    started = dt.datetime.now(dt.UTC)
    t0 = time.perf_counter()
    by_records = check(records)
    clean = loaded.clean
    with collector_paused():
        keep = np.ones(len(clean), np.bool_)
        made = columnar_findings(plan, clean, keep, as_of, loaded.evidence)
    findings = _merged(
        [r.id for r in records],
        by_records.findings,
        clean.child_ids,
        made.findings,
        made.offsets.tolist(),
    )
    unjudged: Counter[str] = Counter(by_records.not_assessable)
    unjudged.update(made.not_assessable)
    metadata = attrs.evolve(by_records.metadata, started=started, seconds=time.perf_counter() - t0)
    result = RunResult(
        findings=tuple(findings),
        crashes=by_records.crashes,
        children_checked=len(records) + len(clean),
        metadata=metadata,
        not_assessable=dict(sorted(unjudged.items())),
    )
    return CheckedReturn(load=summary, result=result)


def _whole(loaded: LoadResult) -> ReturnLoad:
    """What a whole load (every child a record) found."""
    starts = [e.start for record in loaded.caseload for e in record.episodes]
    return ReturnLoad(
        problems=loaded.problems,
        notes=loaded.notes,
        stats=loaded.stats,
        collection_year_end=loaded.collection_year_end,
        years=loaded.years,
        evidence=loaded.evidence,
        first_episode_start=min(starts) if starts else None,
        records_built=len(loaded.caseload),
    )


def _split(loaded: ColumnarLoad) -> ReturnLoad:
    """What a column-wise load (some children records, the rest columns) found."""
    return ReturnLoad(
        problems=tuple(loaded.problems),
        notes=tuple(loaded.notes),
        stats=loaded.stats,
        collection_year_end=loaded.collection_year_end,
        years=tuple(loaded.years),
        evidence=loaded.evidence,
        first_episode_start=loaded.first_episode_start,
        records_built=len(loaded.records),
    )


def _merged(
    record_ids: list[str],
    by_records: tuple[Finding, ...],
    clean_ids: tuple[str, ...],
    by_columns: list[Finding],
    bounds: list[int],
) -> list[Finding]:
    """Both kinds of children's findings in caseload order (ids sorted), each child's in check
    order: the records' findings spliced into the column-wise list at each record's place."""
    out: list[Finding] = []
    at = 0  # next record finding
    done = 0  # column-wise children emitted
    for child_id in record_ids:
        place = bisect.bisect_left(clean_ids, child_id, lo=done)
        out.extend(by_columns[bounds[done] : bounds[place]])
        done = place
        end = at
        while end < len(by_records) and by_records[end].child_id == child_id:
            end += 1
        out.extend(by_records[at:end])
        at = end
    out.extend(by_columns[bounds[done] :])
    return out
