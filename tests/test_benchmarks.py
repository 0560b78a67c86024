"""Every benchmark script still runs: its ``--help`` and a run at a tiny size (figures are not
checked: timings belong to the scripts, not to tests). A benchmark that no longer runs hides a
regression until someone needs the figure."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"

TINY_RUNS = {
    "bench_columnar_checks.py": (["--sizes", "300"], "run_checks on the others: True"),
    "bench_columnar_read.py": (["--sizes", "300", "--corrupt", "2"], "same as load(): True"),
    "bench_dates.py": ([], "add_working_days"),
    "bench_load.py": (["--sizes", "300"], "accounted True"),
    "bench_main_job.py": (["--sizes", "300", "--jobs", "default"], "main job, default duties"),
    "bench_model.py": (["--size", "300"], "built and validated"),
    "bench_report.py": (["--size", "300"], "HTML"),
    "bench_schedule.py": (["--sizes", "200"], "schedule(), every duty"),
    "bench_scoring.py": (["300"], "history built"),
    "bench_ssd.py": (["--sizes", "300"], "built ssd-300.db"),
}


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, *args], capture_output=True, text=True, check=False, timeout=300
    )


def test_every_script_is_covered() -> None:
    scripts = {p.name for p in BENCHMARKS.glob("*.py") if not p.name.startswith("_")}
    assert scripts == {*TINY_RUNS, "run_all.py"}


@pytest.mark.parametrize("script", sorted({*TINY_RUNS, "run_all.py"}))
def test_help(script: str) -> None:
    out = _run(str(BENCHMARKS / script), "--help")
    assert out.returncode == 0, out.stderr[-2000:]
    assert "usage:" in out.stdout


@pytest.mark.parametrize("script", sorted(TINY_RUNS))
def test_a_tiny_run(script: str) -> None:
    args, expected = TINY_RUNS[script]
    out = _run(str(BENCHMARKS / script), *args)
    assert out.returncode == 0, out.stderr[-2000:]
    assert expected in out.stdout
