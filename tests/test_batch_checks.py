"""The checks runner with the batch engine gives exactly the findings of the object engine."""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
from pathlib import Path

import pytest

from corparent import synth
from corparent.batch import Columns
from corparent.checks import RunResult, default, run_checks
from corparent.checks._runner import _spare_cpus, auto_workers
from corparent.cli._check import rules_for, select_checks
from corparent.io.findings import finding_to_dict
from corparent.law import ENGLAND, Conventions, RuleSet
from corparent.schedule import schedule

AS_OF = dt.date(2024, 3, 31)


def _digest(result: RunResult) -> str:
    rows = sorted(json.dumps(finding_to_dict(f), sort_keys=True) for f in result.findings)
    return hashlib.sha256("\n".join(rows).encode()).hexdigest()


def _same(a: RunResult, b: RunResult) -> None:
    assert a.findings == b.findings  # the same findings in the same order
    assert a.crashes == b.crashes
    assert a.children_checked == b.children_checked


@pytest.fixture(scope="module")
def caseload() -> list[object]:
    return list(synth.generate(400, seed=21).records)


def _review_rules() -> RuleSet:
    return RuleSet("England", [d for d in ENGLAND if d.id.startswith("review_")])


def test_review_duties_column_wise_equal_the_object_engine(caseload: list[object]) -> None:
    rules = _review_rules()
    batch = run_checks(caseload, AS_OF, rules=rules, workers=1)  # type: ignore[arg-type]
    plain = run_checks(caseload, AS_OF, rules=rules, workers=1, batch=False)  # type: ignore[arg-type]
    assert len(batch.findings) > 100
    _same(batch, plain)


def test_unreadable_legal_status_and_placement(caseload: list[object]) -> None:
    """A loader keeps an episode whose LS or PLACE it cannot read, with the code list's unknown
    value: the batch engine takes it (it used to raise KeyError) as the object engine does."""
    import attrs

    from corparent.codes import LegalStatus, PlacementType

    changed = []
    for i, record in enumerate(caseload[:120]):
        episodes = list(record.episodes)  # type: ignore[attr-defined]
        if episodes:
            k = i % len(episodes)
            field = "legal_status" if i % 2 else "placement"
            unknown = LegalStatus.unknown() if i % 2 else PlacementType.unknown()
            episodes[k] = attrs.evolve(episodes[k], **{field: unknown})
            record = attrs.evolve(record, episodes=tuple(episodes))
        changed.append(record)
    rules = _review_rules()
    batch = run_checks(changed, AS_OF, rules=rules, workers=1)  # type: ignore[arg-type]
    plain = run_checks(changed, AS_OF, rules=rules, workers=1, batch=False)  # type: ignore[arg-type]
    assert batch.findings
    _same(batch, plain)


def test_records_seen_through_a_903_window(caseload: list[object]) -> None:
    from corparent.model import Evidence, restrict

    evidence = Evidence.ssda903(dt.date(2023, 4, 1), AS_OF)
    windowed = [restrict(r, evidence) for r in caseload]  # type: ignore[arg-type]
    for rules in (_review_rules(), ENGLAND):
        batch = run_checks(windowed, AS_OF, rules=rules, workers=1)
        plain = run_checks(windowed, AS_OF, rules=rules, workers=1, batch=False)
        assert any("missed" in f.check_id for f in batch.findings)
        _same(batch, plain)


def test_every_duty_with_batched_reviews_equals_the_object_engine(caseload: list[object]) -> None:
    batch = run_checks(caseload[:150], AS_OF, workers=1)  # type: ignore[arg-type]
    plain = run_checks(caseload[:150], AS_OF, workers=1, batch=False)  # type: ignore[arg-type]
    _same(batch, plain)


def test_non_default_settings_and_conventions(caseload: list[object]) -> None:
    checks = (
        default(plugins_enabled=False)
        .configure("builtin.compliance.met_late", lookback_months=None, duties=("review_s*",))
        .configure("builtin.compliance.missed", lookback_days=90)
        .configure("builtin.compliance.due_soon", within_days=60)
        .configure("builtin.compliance.overdue", duties=("review_first", "review_second"))
    )
    conventions = Conventions(count_trigger_day=True, new_period_min_gap_days=30)
    rules = _review_rules()
    kwargs = {"checks": checks, "rules": rules, "conventions": conventions, "workers": 1}
    _same(
        run_checks(caseload, AS_OF, **kwargs),  # type: ignore[arg-type]
        run_checks(caseload, AS_OF, batch=False, **kwargs),  # type: ignore[arg-type]
    )


def test_two_workers_give_the_same_result(caseload: list[object]) -> None:
    rules = _review_rules()
    one = run_checks(caseload, AS_OF, rules=rules, workers=1)  # type: ignore[arg-type]
    two = run_checks(caseload, AS_OF, rules=rules, workers=2, chunk_size=64)  # type: ignore[arg-type]
    _same(one, two)
    assert two.metadata.workers == 2


def test_the_batched_schedule_equals_schedule(caseload: list[object]) -> None:
    from corparent.checks import CheckSet, check

    seen: dict[str, object] = {}

    @check(id="test.grab")
    def grab(record, ctx):  # type: ignore[no-untyped-def]
        seen[record.id] = ctx.schedule
        return ()

    run_checks(caseload[:80], AS_OF, checks=CheckSet(checks=[grab]), workers=1)  # type: ignore[arg-type]
    for record in caseload[:80]:
        assert seen[record.id] == schedule(record, AS_OF)  # type: ignore[arg-type]


def test_auto_workers() -> None:
    assert auto_workers(10) == 1
    assert auto_workers(10**6) in (1, 2)


def test_auto_workers_without_proc_stat_or_load_average(monkeypatch: pytest.MonkeyPatch) -> None:
    """Windows has neither ``/proc/stat`` nor ``os.getloadavg``: one process, no crash."""
    from corparent.checks import _runner

    monkeypatch.setattr(_runner, "_cores", lambda: 2)
    monkeypatch.setattr(_runner, "_snapshot", lambda: None)
    monkeypatch.setattr(_runner.os, "getloadavg", lambda: (0.1, 0.1, 0.1))
    assert auto_workers(10**6) == 2  # macOS: the load average says a core is free
    monkeypatch.setattr(_runner.os, "getloadavg", lambda: (1.9, 1.9, 1.9))
    assert auto_workers(10**6) == 1  # both cores busy
    monkeypatch.delattr(_runner.os, "getloadavg")
    assert auto_workers(10**6) == 1
    monkeypatch.setattr(_runner, "AUTO_WORKERS_MIN_RECORDS", 10)
    records = synth.generate(30, seed=1).records
    assert run_checks(records, AS_OF, workers=None).metadata.workers == 1


def test_spare_cpus_between_two_snapshots() -> None:
    """(time, the machine's idle CPU seconds, this process's CPU seconds)."""
    # this process busy on one core for 3 s, the other core idle: one spare
    assert _spare_cpus((10.0, 100.0, 5.0), (13.0, 103.0, 8.0)) == pytest.approx(1.0)
    # another program kept the other core busy: none spare
    assert _spare_cpus((10.0, 100.0, 5.0), (13.0, 100.0, 8.0)) == pytest.approx(0.0)
    # this process idle (a program between jobs) on a quiet two-core machine: one spare
    assert _spare_cpus((10.0, 100.0, 5.0), (13.0, 106.0, 5.0)) == pytest.approx(1.0)
    # too short or too long a span says nothing: the load average decides
    assert _spare_cpus((10.0, 100.0, 5.0), (10.1, 100.1, 5.1)) is None
    assert _spare_cpus((10.0, 100.0, 5.0), (100.0, 190.0, 5.0)) is None
    assert _spare_cpus(None, (13.0, 103.0, 8.0)) is None


def test_hash_of_the_sorted_json_on_a_fixed_synthetic_return(tmp_path: Path) -> None:
    """The main job (``corparent check``'s default duties and checks) on a fixed synthetic
    return: the column-wise path, the batch engine and the object engine give the same
    findings, byte for byte."""
    from corparent.io.ssda903 import load

    synth.write_sample(tmp_path, 500, seed=2026, as_of=AS_OF)
    args = argparse.Namespace(
        no_plugins=True, block=[], checks=[], exclude=[], duties=[], pledge=None
    )
    loaded = load(tmp_path)
    assert Columns.from_records(loaded.caseload.records).batchable.all()  # none left out
    digests = set()
    for batch, workers in ((True, 1), (False, 1), (True, 2)):
        result = run_checks(
            loaded.caseload,
            AS_OF,
            checks=select_checks(args),
            rules=rules_for(args),
            workers=workers,
            batch=batch,
            chunk_size=100,
        )
        assert len(result.findings) > 100
        digests.add(_digest(result))
    # The command line's own path: children checked from columns, no record built for them.
    from corparent.io.ssda903 import check_return

    checked = check_return(
        tmp_path, AS_OF, checks=select_checks(args), rules=rules_for(args), workers=1
    )
    assert checked.load.records_built < len(loaded.caseload) // 10
    digests.add(_digest(checked.result))
    assert len(digests) == 1


def test_records_under_each_nations_law(caseload: list[object]) -> None:
    """With no rule set named, each record is judged under its own nation's law; the batch
    engine takes the nations it can and leaves Scotland (placements-based) to schedule()."""
    import attrs

    from corparent.jurisdiction import Jurisdiction
    from corparent.model import CaseRecord

    nations = [Jurisdiction.ENGLAND, Jurisdiction.WALES, Jurisdiction.SCOTLAND, None]
    mixed = []
    for i, record in enumerate(caseload[:160]):
        assert isinstance(record, CaseRecord)
        fields = {f.name: getattr(record, f.name) for f in attrs.fields(CaseRecord) if f.init}
        fields["jurisdiction"] = nations[i % len(nations)]
        mixed.append(CaseRecord.unchecked(**fields))
    batch = run_checks(mixed, AS_OF, workers=1)
    plain = run_checks(mixed, AS_OF, workers=1, batch=False)
    _same(batch, plain)
