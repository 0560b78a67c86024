"""``corparent duties``: every duty in the rule set, with its rule and citation."""

from __future__ import annotations

import argparse

from corparent.cli._common import EXIT_OK, add_output, output_stream
from corparent.law import ENGLAND

__all__ = ["register", "run"]


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``duties`` command."""
    parser = subparsers.add_parser(
        "duties",
        help="list every duty corparent applies, with its rule and citation",
        description=(
            "List every duty in the England rule set: its id (used in findings and --duties),\n"
            "legal force, the record field whose events discharge it, and each dated version's\n"
            "rule and the provision it comes from."
        ),
        epilog="examples:\n  corparent duties\n  corparent duties -o duties.txt",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add_output(parser, "the list")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Handle ``corparent duties``."""
    with output_stream(args.output) as out:
        for duty in ENGLAND:
            out.write(f"{duty.id}  [{duty.force.value}]  {duty.title}\n")
            if duty.evidence:
                out.write(f"    discharged by: {duty.evidence} ({duty.discharged_by})\n")
            for v in duty.versions:
                until = f" until {v.until}" if v.until is not None else ""
                out.write(
                    f"    from {v.in_force_from}{until}: {v.rule.describe()} ({v.citation})\n"
                )
    return EXIT_OK
