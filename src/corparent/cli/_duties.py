"""``corparent duties``: every duty in the rule set, with its rule and citation."""

from __future__ import annotations

import argparse

from corparent.cli._common import EXIT_OK, add_output, output_stream
from corparent.cli._law import add_law_arguments, law_of
from corparent.law import PROSPECTIVE

__all__ = ["register", "run"]


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``duties`` command."""
    parser = subparsers.add_parser(
        "duties",
        help="list every duty corparent applies, with its rule and citation",
        description=(
            "List every duty in a nation's rule set (England unless --law): its id (used in\n"
            "findings and --duties), legal force, the record field whose events discharge it,\n"
            "each dated version's rule and the provision it comes from. A provision marked\n"
            "(provisional) was not read in the instrument."
        ),
        epilog=(
            "examples:\n  corparent duties\n  corparent duties --law scotland\n"
            "  corparent duties -o duties.txt"
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add_output(parser, "the list")
    add_law_arguments(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Handle ``corparent duties``."""
    with output_stream(args.output) as out:
        for duty in law_of(args):
            out.write(f"{duty.id}  [{duty.force.value}]  {duty.title}\n")
            if duty.evidence:
                out.write(f"    discharged by: {duty.evidence} ({duty.discharged_by})\n")
            for v in duty.versions:
                until = f" until {v.until}" if v.until is not None else ""
                start = (
                    "prospective" if v.in_force_from == PROSPECTIVE else f"from {v.in_force_from}"
                )
                out.write(f"    {start}{until}: {v.rule.describe()} ({v.citation})\n")
    return EXIT_OK
