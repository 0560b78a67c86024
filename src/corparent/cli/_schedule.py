"""``corparent schedule``: one child's schedule of duties, each explained."""

from __future__ import annotations

import argparse
import fnmatch
from typing import TYPE_CHECKING

from corparent.cli._common import (
    EXIT_OK,
    add_duties,
    add_output,
    add_return_options,
    duty_patterns,
    iso_date,
    output_stream,
)
from corparent.cli._gate import check_load, check_patterns
from corparent.cli._law import add_law_arguments, conventions_for, law_of
from corparent.cli._source import SOURCE_HELP, kind_of, label, load_source, source_arg
from corparent.errors import CorparentError, LoadError, Problem

if TYPE_CHECKING:
    from corparent.model import CaseRecord
    from corparent.schedule import Obligation

__all__ = ["register", "run"]

_EPILOG = """\
examples:
  corparent schedule examples/data/ssda903 --child C0042 --as-of 2024-03-31
  corparent schedule ./903 --child C0042 --as-of 2024-03-31 --duties 'review_*' -o c0042.txt

Each line is one obligation: the duty, when it fell due, its status (met, met late, overdue,
missed, due, not assessable, or "no data" when the data holds none of the events that would
discharge it, e.g. visits in an SSDA903 return), when it was met, and the provision it comes
from; the sentence below it explains how the due date was worked out.
An unknown child, a --duties pattern that matches no duty or an --as-of outside the data
exits 2.
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
    add_duties(parser, "'*', every duty")
    add_output(parser, "the schedule")
    add_return_options(parser)
    add_law_arguments(parser, conventions=True)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Handle ``corparent schedule``."""
    from corparent.schedule import schedule

    rules = law_of(args)
    conventions = conventions_for(args, rules)
    patterns = duty_patterns(args.duties) or ("*",)
    check_patterns("--duties", patterns, rules.ids())
    record: CaseRecord | None
    if kind_of(args.path) == "ssda903":
        # Only this child's record is built (and those of children the load must report on).
        from corparent.io.ssda903 import load_child

        summary, record = load_child(args.path, args.child, year=args.year, previous=args.previous)
        check_load(summary, args.as_of, label(args.path))
    else:
        loaded = load_source(args.path, previous=args.previous, year=args.year)
        check_load(loaded, args.as_of, label(args.path))
        try:
            record = loaded.caseload[args.child]
        except (KeyError, CorparentError):
            record = None
    if record is None:
        raise LoadError(
            [
                Problem(
                    code="unknown_child",
                    message=f"no child with id {args.child!r}",
                    file=label(args.path),
                    expected="a CHILD id of the return's header table",
                )
            ],
            headline="unknown child",
        )
    obligations = [
        ob
        for ob in schedule(record, args.as_of, rules=rules, conventions=conventions)
        if any(fnmatch.fnmatchcase(ob.duty.id, p) for p in patterns)
    ]
    from corparent.schedule import Status

    def status(ob: Obligation) -> str:
        # "no data" when the data holds none of the evidence that would discharge the duty.
        if ob.status is Status.NOT_ASSESSABLE and not record.evidence.window(ob.duty.evidence).held:
            return "no data"
        return ob.status.label

    counts: dict[str, int] = {}
    for ob in obligations:
        counts[status(ob)] = counts.get(status(ob), 0) + 1
    with output_stream(args.output) as out:
        out.write(
            f"Schedule of child {record.id} as of {args.as_of}: {len(obligations)} obligations"
            + (f" ({', '.join(f'{n} {s}' for s, n in counts.items())})" if counts else "")
            + "\n"
        )
        out.write(f"  {'DUTY':<36} {'DUE':<10} {'STATUS':<14} {'MET':<10} CITATION\n")
        for ob in obligations:
            due = ob.due.isoformat() if ob.due is not None else "asap"
            met = ob.met_on.isoformat() if ob.met_on is not None else ""
            out.write(f"  {ob.duty.id:<36} {due:<10} {status(ob):<14} {met:<10} {ob.citation}\n")
            out.write(f"      {ob.explain()}\n")
    return EXIT_OK
