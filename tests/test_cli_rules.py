"""`corparent check` schedules only the duties it reports; its default (every duty whose
evidence the data holds) gives the same findings as `run_checks` with its default (every duty)."""

from __future__ import annotations

import argparse
import datetime as dt
import io
import json
import sys
from pathlib import Path

from corparent.checks import run_checks
from corparent.cli import main
from corparent.cli._check import SSDA903_DUTIES, evidenced_duties, rules_for
from corparent.io import ssda903
from corparent.law import ENGLAND
from corparent.model import CaseRecord, Child, Episode

SAMPLE = Path(__file__).resolve().parents[1] / "examples" / "data" / "ssda903"
AS_OF = dt.date(2024, 3, 31)


def test_default_rules_on_a_903_return_are_the_review_duties() -> None:
    caseload = ssda903.load(SAMPLE).caseload
    assert set(evidenced_duties(ENGLAND, caseload)) == {
        i for i in ENGLAND.ids() if i.startswith("review_")
    }
    rules = rules_for(argparse.Namespace(duties=[]), caseload)
    assert rules.ids()
    assert all(i.startswith("review_") for i in rules.ids())
    # Before any data is loaded (--list-checks) the 903 default stands in.
    assert SSDA903_DUTIES == ("review_*",)
    assert set(rules_for(argparse.Namespace(duties=[])).ids()) == set(rules.ids())


def test_records_that_hold_everything_get_every_duty() -> None:
    record = CaseRecord(
        child=Child(id="C1", date_of_birth=dt.date(2010, 1, 1)),
        episodes=[Episode(start=dt.date(2023, 1, 1), legal_status="C2", placement="U4")],
    )
    assert evidenced_duties(ENGLAND, [record]) == ENGLAND.ids()


def test_star_keeps_every_duty_and_patterns_select() -> None:
    assert rules_for(argparse.Namespace(duties=["*"])) is ENGLAND
    chosen = rules_for(argparse.Namespace(duties=["visit_first,health_*"]))
    assert "visit_first" in chosen
    assert "health_review_5_plus" in chosen
    assert "review_first" not in chosen


def test_the_cli_default_gives_the_findings_of_run_checks_default() -> None:
    out = io.StringIO()
    stdout, sys.stdout = sys.stdout, out
    try:
        argv = ["check", str(SAMPLE), "--as-of", AS_OF.isoformat(), "--format", "json"]
        code = main([*argv, "--fail-on", "never", "--no-plugins"])
    finally:
        sys.stdout = stdout
    assert code == 0
    cli = {
        (f["child_id"], f["check_id"], f["duty_id"], f["message"])
        for f in json.loads(out.getvalue())["findings"]
    }
    from corparent.checks import builtin_checks

    python = run_checks(ssda903.load(SAMPLE).caseload, AS_OF, checks=builtin_checks())
    assert cli == {(f.child_id, f.check_id, f.duty_id, f.message) for f in python.findings}
    assert any(d and d.startswith("review_") for _, _, d, _ in cli)
