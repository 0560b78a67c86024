"""``corparent schedule``: one child's schedule of duties, each explained."""

from __future__ import annotations

import argparse
import sys

from corparent.cli._common import EXIT_INPUT, EXIT_OK, iso_date
from corparent.cli._source import SOURCE_HELP, label, load_source, source_arg
from corparent.errors import CorparentError

__all__ = ["register", "run"]

_EPILOG = """\
example:
  corparent schedule examples/data/ssda903 --child C0042 --as-of 2024-03-31

Each line is one obligation: the duty, when it fell due, whether it was met and when, and the
provision it comes from; the sentence below it explains how the due date was worked out.
"""


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``schedule`` command."""
    parser = subparsers.add_parser(
        "schedule",
        help="one child's schedule of duties, explained",
        description="Load the SSDA903 files in PATH and show one child's duties as at --as-of.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("path", type=source_arg, metavar="PATH", help=SOURCE_HELP)
    parser.add_argument("--child", required=True, metavar="ID", help="the child's record id")
    parser.add_argument(
        "--as-of", type=iso_date, required=True, metavar="DATE", help="date, YYYY-MM-DD"
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Handle ``corparent schedule``."""
    from corparent.schedule import schedule

    loaded = load_source(args.path)
    try:
        record = loaded.caseload[args.child]
    except (KeyError, CorparentError):
        where = label(args.path)
        print(f"corparent: error: no child with id {args.child!r} in {where}", file=sys.stderr)
        return EXIT_INPUT
    obligations = list(schedule(record, args.as_of))
    print(f"Schedule of child {record.id} as of {args.as_of}: {len(obligations)} obligations")
    print(f"  {'DUTY':<36} {'DUE':<10} {'STATUS':<9} {'MET':<10} CITATION")
    for ob in obligations:
        due = ob.due.isoformat() if ob.due is not None else "asap"
        met = ob.met_on.isoformat() if ob.met_on is not None else ""
        print(f"  {ob.duty.id:<36} {due:<10} {ob.status.name:<9} {met:<10} {ob.version.citation}")
        print(f"      {ob.explain()}")
    return EXIT_OK
