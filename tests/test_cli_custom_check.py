"""examples/custom_check installs as a package and its check runs through the entry point."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "custom_check"


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example installed (for real, by pip) into a private directory, not the venv."""
    target = tmp_path_factory.mktemp("site")
    build = tmp_path_factory.mktemp("build")
    source = build / "custom_check"
    subprocess.run(["cp", "-r", str(EXAMPLE), str(source)], check=True)
    # Offline first (needs setuptools and wheel in this environment), then with pip's usual
    # isolated build, which fetches them from the package index.
    base = [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target"]
    for extra in (["--no-build-isolation", "--no-index"], []):
        out = subprocess.run(
            [*base, str(target), *extra, str(source)], capture_output=True, text=True, check=False
        )
        if out.returncode == 0:
            break
    if out.returncode != 0:
        pytest.skip(f"cannot build the example offline here: {out.stderr[-500:]}")
    return target


def corparent(site: Path, *argv: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(site)}
    return subprocess.run(
        [sys.executable, "-m", "corparent.cli", *argv],
        capture_output=True,
        text=True,
        check=False,
        env=env,
    )


def test_the_plugin_is_listed_with_its_distribution(installed: Path, tmp_path: Path) -> None:
    out = corparent(installed, "check", str(tmp_path), "--as-of", "2024-03-31", "--list-checks")
    assert out.returncode == 0, out.stderr
    [line] = [x for x in out.stdout.splitlines() if x.startswith("anytown.")]
    assert line.split()[0] == "anytown.placement_moves"
    assert "corparent-example-check 0.1.0" in line
    blocked = corparent(
        installed,
        "check",
        str(tmp_path),
        "--as-of",
        "2024-03-31",
        "--list-checks",
        "--block",
        "anytown",
    )
    assert "anytown." not in blocked.stdout


def test_the_plugin_finds_a_child_with_many_moves(installed: Path) -> None:
    code = """
import datetime as dt
import corparent as cp
from corparent.checks import default, run_checks
d = dt.date
eps = [cp.Episode(start=d(2023, 5, 1), end=d(2023, 8, 1), legal_status=cp.LegalStatus.C2,
                  placement=cp.PlacementType.U4, provider=cp.PlacementProvider.PR1,
                  reason_ceased=cp.ReasonEpisodeCeased.X1),
       cp.Episode(start=d(2023, 8, 1), end=d(2023, 12, 1), legal_status=cp.LegalStatus.C2,
                  placement=cp.PlacementType.K2, provider=cp.PlacementProvider.PR4,
                  reason_new=cp.ReasonNewEpisode.P, reason_ceased=cp.ReasonEpisodeCeased.X1),
       cp.Episode(start=d(2023, 12, 1), legal_status=cp.LegalStatus.C2,
                  placement=cp.PlacementType.U6, provider=cp.PlacementProvider.PR1,
                  reason_new=cp.ReasonNewEpisode.P)]
record = cp.CaseRecord(child=cp.Child(id="M1", date_of_birth=d(2010, 1, 1)), episodes=eps)
result = run_checks([record], d(2024, 3, 31), checks=default().select("anytown"))
for f in result.findings:
    print(f.check_id, f.child_id, f.message)
"""
    env = {**os.environ, "PYTHONPATH": str(installed)}
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False, env=env
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("anytown.placement_moves M1 3 placements")
