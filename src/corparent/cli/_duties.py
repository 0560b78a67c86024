"""``corparent duties``: every duty in the rule set, with its rule and citation."""

from __future__ import annotations

import argparse

from corparent.cli._common import EXIT_OK
from corparent.law import ENGLAND

__all__ = ["register", "run"]


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``duties`` command."""
    parser = subparsers.add_parser(
        "duties",
        help="list every duty corparent applies, with its rule and citation",
        description=(
            "List every duty in the England rule set: its id (used in findings), legal force,\n"
            "each dated version's rule and the provision it comes from."
        ),
        epilog="example:\n  corparent duties",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Handle ``corparent duties``."""
    for duty in ENGLAND:
        print(f"{duty.id}  [{duty.force.value}]  {duty.title}")
        for v in duty.versions:
            until = f" until {v.until}" if v.until is not None else ""
            print(f"    from {v.in_force_from}{until}: {v.rule.describe()} ({v.citation})")
    return EXIT_OK
