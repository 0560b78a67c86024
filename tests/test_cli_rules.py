"""`corparent check` schedules only the duties it reports; its default (every duty whose
evidence the data holds) gives the same findings as `run_checks` with its default (every duty)."""

from __future__ import annotations

import argparse
import datetime as dt
import io
import json
import sys
from pathlib import Path

from corparent.checks import builtin_checks, run_checks
from corparent.cli import main
from corparent.cli._check import SSDA903_DUTIES, rules_for
from corparent.cli._source import default_duties
from corparent.io import ssda903
from corparent.law import ENGLAND

SAMPLE = Path(__file__).resolve().parents[1] / "examples" / "data" / "ssda903"
AS_OF = dt.date(2024, 3, 31)


def test_default_rules_are_the_review_duties() -> None:
    rules = rules_for(argparse.Namespace(duties=[]))
    assert SSDA903_DUTIES == ("review_*",)
    assert rules.ids()
    assert all(i.startswith("review_") for i in rules.ids())
    assert set(rules.ids()) == {i for i in ENGLAND.ids() if i.startswith("review_")}


def test_the_903_default_is_every_duty_whose_evidence_the_return_holds() -> None:
    loaded = ssda903.load(SAMPLE)
    assert default_duties(loaded) == SSDA903_DUTIES
    held = {
        d.id for d in ENGLAND if any(r.evidence.window(d.evidence).held for r in loaded.caseload)
    }
    assert held == {i for i in ENGLAND.ids() if i.startswith("review_")}


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
    python = run_checks(ssda903.load(SAMPLE).caseload, AS_OF, checks=builtin_checks())
    assert cli == {(f.child_id, f.check_id, f.duty_id, f.message) for f in python.findings}
    assert any(d and d.startswith("review_") for _, _, d, _ in cli)
