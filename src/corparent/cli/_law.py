"""``--law NAME``: which UK nation's rule set a command applies (shared by commands)."""

from __future__ import annotations

import argparse

import attrs

from corparent.cli._common import positive_int
from corparent.errors import CodeError, ConfigError
from corparent.law import ENGLAND, Conventions, RuleSet, law_named, require_conventions

__all__ = ["add_law_arguments", "conventions_for", "law_of"]

LAW_HELP = (
    "the UK nation whose law applies: england (default), wales, scotland or northern-ireland "
    "(ni); it is the responsible authority's nation, not where the child lives"
)


def _law(text: str) -> RuleSet:
    try:
        return law_named(text)
    except CodeError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def add_law_arguments(parser: argparse.ArgumentParser, *, conventions: bool = False) -> None:
    """Add ``--law`` (and, for commands that schedule, the conventions no law settles)."""
    parser.add_argument("--law", type=_law, metavar="NAME", help=LAW_HELP)
    if conventions:
        parser.add_argument(
            "--ni-first-review-weeks",
            type=positive_int,
            metavar="N",
            help="Northern Ireland only: weeks within which the first review is due; the "
            "regulation could not be confirmed (2 or 4 weeks), so it has no default",
        )


def law_of(args: argparse.Namespace) -> RuleSet:
    """The rule set ``--law`` names (England when none)."""
    rules: RuleSet | None = getattr(args, "law", None)
    return rules if rules is not None else ENGLAND


def conventions_for(args: argparse.Namespace, rules: RuleSet) -> Conventions:
    """The rule set's own conventions with the options given, checked up front: a run that
    needs a convention the law leaves open stops here with a clear error, not per child."""
    conventions = rules.conventions
    weeks = getattr(args, "ni_first_review_weeks", None)
    if weeks is not None:
        conventions = attrs.evolve(conventions, ni_first_review_weeks=weeks)
    try:
        require_conventions(rules, conventions)
    except ConfigError as exc:
        raise ConfigError(
            exc.problems,
            headline=f"{rules.jurisdiction.title}'s law leaves a period open that this run needs: "
            "give it with --ni-first-review-weeks N",
        ) from None
    return conventions
