"""`corparent pledge ...` and `corparent check --pledge`."""

from __future__ import annotations

from pathlib import Path

import pytest

from corparent.cli import main

SAMPLE = str(Path(__file__).parent.parent / "examples" / "data" / "ssda903")


def test_pledge_list_show_coverage_compare(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["pledge", "list"]) == 0
    out = capsys.readouterr().out
    assert "Bath and North East Somerset Council: 55 commitments, 5 standards" in out
    assert "52 council-wide commitments" in out
    assert "derby" in out
    assert main(["pledge", "show", "bath-and-north-east-somerset"]) == 0
    assert "bnes.review_after_move" in capsys.readouterr().out
    assert main(["pledge", "coverage", "harrow"]) == 0
    assert "gaps: none" in capsys.readouterr().out
    assert main(["pledge", "compare", "oxfordshire", "lancashire"]) == 0
    assert "SAFETY_AND_STABILITY" in capsys.readouterr().out


def test_check_with_a_pledge_reports_local_promises(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(
        [
            "check",
            SAMPLE,
            "--as-of",
            "2024-03-31",
            "--pledge",
            "bath-and-north-east-somerset",
            "--fail-on",
            "never",
            "--format",
            "csv",
        ]
    )
    assert code == 0
    out = capsys.readouterr().out
    assert "bnes.review_after_move" in out
    assert ",LOCAL," in out
