"""`corparent check` schedules only the duties it reports (903 data shows reviews only)."""

from __future__ import annotations

import argparse

from corparent.cli._check import SSDA903_DUTIES, rules_for
from corparent.law import ENGLAND


def test_default_rules_are_the_review_duties() -> None:
    rules = rules_for(argparse.Namespace(duties=[]))
    assert SSDA903_DUTIES == ("review_*",)
    assert rules.ids()
    assert all(i.startswith("review_") for i in rules.ids())
    assert set(rules.ids()) == {i for i in ENGLAND.ids() if i.startswith("review_")}


def test_star_keeps_every_duty_and_patterns_select() -> None:
    assert rules_for(argparse.Namespace(duties=["*"])) is ENGLAND
    chosen = rules_for(argparse.Namespace(duties=["visit_first,health_*"]))
    assert "visit_first" in chosen
    assert "health_review_5_plus" in chosen
    assert "review_first" not in chosen
