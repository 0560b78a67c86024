"""Records, loads and results pickle and deep-copy: a parallel run on a platform that spawns its
worker processes (Windows) sends the records to them pickled."""

from __future__ import annotations

import copy
import datetime as dt
import multiprocessing
import pickle
from pathlib import Path

import pytest

from corparent import synth
from corparent.checks import _runner, run_checks
from corparent.io import ssda903
from corparent.io.ssd import HEALTH_CHECKS, HealthCheck
from corparent.io.ssda903 import check_return
from corparent.model import Evidence, EvidenceWindow
from corparent.schedule import schedule

AS_OF = synth.DEFAULT_AS_OF


def round_trip(value: object) -> object:
    return pickle.loads(pickle.dumps(value))


@pytest.fixture(scope="module")
def return_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("return")
    synth.write_return(synth.generate(40, seed=5), folder, AS_OF)
    return folder


def test_evidence_pickles_with_its_windows_read_only() -> None:
    evidence = Evidence.ssda903(dt.date(2023, 4, 1), dt.date(2024, 3, 31))
    for copied in (round_trip(evidence), copy.deepcopy(evidence)):
        assert isinstance(copied, Evidence)
        assert copied == evidence
        assert dict(copied.windows) == dict(evidence.windows)
        assert copied.is_complete is evidence.is_complete is False
        with pytest.raises(TypeError):
            copied.windows["visits"] = EvidenceWindow()  # type: ignore[index]
    assert round_trip(Evidence.complete()) == Evidence.complete()


def test_records_and_their_schedules_pickle() -> None:
    records = synth.generate(30, seed=3).records
    copied = round_trip(records)
    assert copied == records
    assert copy.deepcopy(records) == records
    for record in records[:10]:
        assert round_trip(schedule(record, AS_OF)) == schedule(record, AS_OF)


def test_a_loaded_return_and_its_checked_result_pickle(return_folder: Path) -> None:
    loaded = ssda903.load(return_folder)
    assert any(not r.evidence.is_complete for r in loaded.caseload.records)
    copied = round_trip(loaded)
    assert copied == loaded
    assert copied.caseload.records == loaded.caseload.records
    checked = check_return(return_folder, AS_OF)
    again = round_trip(checked)
    assert again.result.findings == checked.result.findings
    assert again.result.not_assessable == checked.result.not_assessable


def test_health_check_types_pickle() -> None:
    mine = HEALTH_CHECKS.with_types({"LAC medical (first)": HealthCheck.INITIAL})
    copied = round_trip(mine)
    assert copied == mine
    assert copied.classify("LAC medical (first)") is HealthCheck.INITIAL


def test_parallel_checks_with_spawned_workers(
    return_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Windows has no fork: the records and settings reach the workers pickled."""
    records = ssda903.load(return_folder).caseload.records
    one = run_checks(records, AS_OF, workers=1)
    monkeypatch.setattr(_runner, "_pool_context", lambda: multiprocessing.get_context("spawn"))
    two = run_checks(records, AS_OF, workers=2)
    assert two.findings == one.findings
    assert two.not_assessable == one.not_assessable
    assert two.crashes == one.crashes == ()
