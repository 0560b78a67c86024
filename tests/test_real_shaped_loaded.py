"""Trust on real returns, end to end: real-shaped SSDA903 returns written as CSV files, loaded
with ``corparent.io.ssda903.load`` (this year plus previous returns), checked, and the review
findings scored against the hidden history (corparent.synth.score)."""

from __future__ import annotations

import datetime as dt
import importlib.util
import itertools
from pathlib import Path

import pytest

from corparent import synth
from corparent.checks import run_checks
from corparent.io.ssda903 import load

D = dt.date
YEAR_END = D(2024, 3, 31)
EXAMPLES = Path(__file__).parent.parent / "examples"


def _score(h: synth.History, folder: Path, previous: int) -> synth.Score:
    folders = list(synth.write_returns(h, folder, previous=previous).values())
    loaded = load(folders[0], collection_year_end=YEAR_END, previous=folders[1:])
    assert loaded.stats.accounted
    run = run_checks(loaded.caseload, YEAR_END)
    known_from = synth.collection_year(D(YEAR_END.year - previous, 3, 31))[0]
    return synth.score(run.findings, h, YEAR_END, known_from=known_from)


@pytest.fixture(scope="module")
def council() -> synth.History:
    return synth.history(2000, seed=2025)


def test_loaded_one_year_return_of_2000_children(council: synth.History, tmp_path: Path) -> None:
    result = _score(council, tmp_path, 0)
    assert result.faults >= 10, "the return has faults to find"
    assert result.precision >= 0.95, result.describe()
    assert result.recall >= 0.90, result.describe()


def test_loaded_previous_returns_never_make_the_figures_worse(
    council: synth.History, tmp_path: Path
) -> None:
    scores = [_score(council, tmp_path / str(k), k) for k in (0, 1, 2)]
    for fewer, more in itertools.pairwise(scores):
        assert more.faults >= fewer.faults
        assert more.precision >= fewer.precision, (fewer.describe(), more.describe())
        assert more.recall >= fewer.recall, (fewer.describe(), more.describe())


def test_bundled_sample_review_findings_are_true(tmp_path: Path) -> None:
    spec = importlib.util.spec_from_file_location(
        "generate_sample", EXAMPLES / "generate_sample.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    hidden = module.main(tmp_path)
    data = EXAMPLES / "data"
    for previous in ([], [data / "ssda903-previous" / "2023", data / "ssda903-previous" / "2022"]):
        loaded = load(data / "ssda903", collection_year_end=YEAR_END, previous=previous)
        run = run_checks(loaded.caseload, YEAR_END)
        known_from = synth.collection_year(D(YEAR_END.year - len(previous), 3, 31))[0]
        result = synth.score(run.findings, hidden, YEAR_END, known_from=known_from)
        assert result.precision >= 0.95, result.describe()
        assert result.recall >= 0.90, result.describe()
