"""Several collection years: each return keeps its year, later returns supersede earlier rows."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest

from corparent import synth
from corparent.errors import LoadError
from corparent.io.ssda903 import load

D = dt.date


@pytest.fixture(scope="module")
def returns(tmp_path_factory: pytest.TempPathFactory) -> tuple[synth.History, dict[D, Path]]:
    hidden = synth.history(60, seed=11, previous=2)
    folders = synth.write_returns(hidden, tmp_path_factory.mktemp("returns"), previous=2)
    return hidden, folders


def test_three_returns_load_as_the_synthetic_cut_says(
    returns: tuple[synth.History, dict[D, Path]],
) -> None:
    hidden, folders = returns
    ends = sorted(folders)
    result = load(folders[ends[-1]], previous=[folders[e] for e in ends[:-1]])
    assert result.stats.accounted
    assert result.problems == ()
    assert [y.year_end for y in result.years] == ends
    assert all(not y.explicit for y in result.years)
    expected = synth.cut_return(hidden, ends[-1], previous=2)
    assert tuple(result.caseload) == tuple(expected)
    window = result.evidence.window("reviews")
    assert (window.start, window.end) == (D(2021, 4, 1), D(2024, 3, 31))
    assert result.stats.tables["episodes"].superseded > 0
    assert any(n.code == "superseded" for n in result.notes)
    for record in result.caseload:
        assert {h.year_ending for h in record.health_outcomes} <= set(ends)


def test_later_returns_supersede_row_by_row(tmp_path: Path) -> None:
    head = "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\nC1,1,01/05/2010,WBRI,,,\n"
    ep_cols = (
        "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,"
        "HOME_POST,PL_POST,URN\n"
    )
    rv_cols = "CHILD,DOB,REVIEW,REVIEW_CODE\n"
    last, this = tmp_path / "2023", tmp_path / "2024"
    for folder in (last, this):
        folder.mkdir()
        (folder / "header.csv").write_text(head)
    (last / "episodes.csv").write_text(ep_cols + "C1,01/06/2022,S,C2,N1,U4,PR1,,,,,,\n")
    (this / "episodes.csv").write_text(
        ep_cols
        + "C1,01/06/2022,S,C2,N1,U4,PR1,01/09/2023,X1,,,,\n"
        + "C1,01/09/2023,P,C2,N1,U6,PR1,,,CARPL,,,\n"
    )
    (last / "reviews.csv").write_text(
        rv_cols + "C1,01/05/2010,20/06/2022,PN1\nC1,01/05/2010,15/09/2022,PN1\n"
    )
    (this / "reviews.csv").write_text(rv_cols + "C1,01/05/2010,15/09/2022,PN2\n")
    result = load(this, previous=[last])
    record = result.caseload["C1"]
    assert [e.start for e in record.episodes] == [D(2022, 6, 1), D(2023, 9, 1)]
    assert record.episodes[0].end == D(2023, 9, 1)  # the later, closed row won
    assert [(r.date, r.participation.code) for r in record.reviews] == [  # type: ignore[union-attr]
        (D(2022, 6, 20), "PN1"),
        (D(2022, 9, 15), "PN2"),
    ]
    stats = result.stats.tables
    assert (stats["episodes"].superseded, stats["reviews"].superseded) == (1, 1)
    assert stats["header"].superseded == 1
    assert result.stats.accounted
    assert [y.label for y in result.years] == ["2022/23", "2023/24"]


def test_years_are_checked(returns: tuple[synth.History, dict[D, Path]]) -> None:
    _, folders = returns
    ends = sorted(folders)
    with pytest.raises(LoadError, match="two returns"):
        load(folders[ends[-1]], previous=[(folders[ends[0]], 2024)])
    with pytest.raises(LoadError, match="later than"):
        load(folders[ends[0]], previous=[folders[ends[-1]]])
    with pytest.raises(LoadError, match="not a year"):
        load(folders[ends[-1]], year=99999)
    explicit = load(folders[ends[-1]], year=2024, previous=[(folders[ends[0]], 2022)])
    assert [y.explicit for y in explicit.years] == [True, True]
    one = load(folders[ends[-1]], previous=str(folders[ends[1]]))
    assert [y.label for y in one.years] == ["2022/23", "2023/24"]


def test_check_takes_previous_returns(returns: tuple[synth.History, dict[D, Path]]) -> None:
    _, folders = returns
    ends = sorted(folders)
    args = [sys.executable, "-m", "corparent.cli", "check", str(folders[ends[-1]])]
    args += ["--as-of", "2024-03-31", "--format", "json", "--year", "2024"]
    for end in ends[:-1]:
        args += ["--previous", str(folders[end])]
    out = subprocess.run(args, capture_output=True, text=True, check=False)
    assert out.returncode in (0, 1), out.stderr
    doc = json.loads(out.stdout)
    assert [y["year"] for y in doc["load"]["years"]] == ["2021/22", "2022/23", "2023/24"]
    assert doc["load"]["tables"]["episodes"]["superseded"] > 0


def test_every_command_reading_a_return_takes_previous_returns(
    returns: tuple[synth.History, dict[D, Path]], tmp_path: Path
) -> None:
    """``schedule``, ``worklist``, ``report`` and ``ambiguities`` read earlier returns as
    ``check`` does: with them, a child's schedule reaches back before this year's window."""
    from corparent.cli import main

    _, folders = returns
    ends = sorted(folders)
    this, earlier = str(folders[ends[-1]]), [str(folders[e]) for e in ends[:-1]]
    previous = [a for folder in earlier for a in ("--previous", folder)]
    loaded = load(folders[ends[-1]], previous=[folders[e] for e in ends[:-1]])
    child = next(r.id for r in loaded.caseload if r.reviews and r.reviews[0].date < D(2022, 4, 1))
    reviews = {}
    for extra in ([], previous):
        out = tmp_path / f"schedule-{len(extra)}.txt"
        argv = ["schedule", this, "--child", child, "--as-of", "2024-03-31", "--year", "2024"]
        assert main([*argv, "-o", str(out), *extra]) == 0
        lines = out.read_text().splitlines()
        reviews[len(extra)] = sum(line.lstrip().startswith("review_") for line in lines)
    assert reviews[len(previous)] > reviews[0] > 0
    for command, fmt in (("worklist", "csv"), ("report", "json"), ("ambiguities", "json")):
        out = tmp_path / f"{command}.{fmt}"
        argv = [command, this, "--as-of", "2024-03-31", "--format", fmt, "-o", str(out)]
        assert main([*argv, *previous]) in (0, 1), command
        assert out.stat().st_size > 0, command
