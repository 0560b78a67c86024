"""``corparent ambiguities``: the due dates that depend on how unclear law is read."""

from __future__ import annotations

import argparse
import csv
import fnmatch
import json

from corparent.cli._common import (
    EXIT_OK,
    add_duties,
    add_output,
    add_return_options,
    duty_patterns,
    existing_folder,
    iso_date,
    output_stream,
)
from corparent.cli._gate import check_load, check_patterns
from corparent.errors import LoadError, Problem

__all__ = ["register", "run"]

_EPILOG = """\
examples:
  corparent ambiguities examples/data/ssda903 --as-of 2024-03-31
  corparent ambiguities ./903 --as-of 2024-03-31 --child C0042
  corparent ambiguities ./903 --as-of 2024-03-31 --format csv --output ambiguities.csv

Each line is one obligation whose due date or status changes under another reading of the
law (for example whether the trigger day counts as working day 1), with both answers.
"""

_FIELDS = (
    "child_id",
    "duty_id",
    "about",
    "reading",
    "default_due",
    "default_status",
    "alternative_due",
    "alternative_status",
    "question",
)


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``ambiguities`` command."""
    parser = subparsers.add_parser(
        "ambiguities",
        help="obligations whose due date or status depends on how unclear law is read",
        description=(
            "Load the SSDA903 files in PATH and list, for each child, the obligations whose\n"
            "due date or status changes under another reading of unclear law, with both."
        ),
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "path", type=existing_folder, metavar="PATH", help="folder of SSDA903 CSV files"
    )
    parser.add_argument(
        "--as-of", type=iso_date, required=True, metavar="DATE", help="date, YYYY-MM-DD"
    )
    parser.add_argument("--child", metavar="ID", help="only this child's record")
    parser.add_argument(
        "--format", choices=("text", "csv", "json"), default="text", help="output format"
    )
    add_duties(parser, "'*', every duty")
    add_output(parser, "the report")
    add_return_options(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Handle ``corparent ambiguities``."""
    from corparent.io.ssda903 import load  # imported on use: --help works without them
    from corparent.law import ENGLAND
    from corparent.schedule import ambiguities, rules_for_duties

    patterns = duty_patterns(args.duties) or ("*",)
    check_patterns("--duties", patterns, ENGLAND.ids())
    loaded = load(args.path, previous=args.previous, year=args.year)
    check_load(loaded, args.as_of, str(args.path))
    caseload = loaded.caseload
    if args.child is not None:
        record = caseload.get(args.child)
        if record is None:
            raise LoadError(
                [
                    Problem(
                        code="unknown_child",
                        message=f"no child with id {args.child!r}",
                        file=str(args.path),
                        expected="a CHILD id of the return's header table",
                    )
                ],
                headline="unknown child",
            )
        records = [record]
    else:
        records = list(caseload)
    rules = ENGLAND
    if patterns != ("*",):
        wanted = [d.id for d in ENGLAND if any(fnmatch.fnmatchcase(d.id, p) for p in patterns)]
        rules = rules_for_duties(ENGLAND, wanted)
    found = [
        a
        for a in ambiguities(records, args.as_of, rules=rules)
        if any(fnmatch.fnmatchcase(a.duty_id, p) for p in patterns)
    ]
    table = [
        {
            "child_id": a.child_id,
            "duty_id": a.duty_id,
            "about": a.about,
            "reading": a.reading,
            "default_due": a.default_due.isoformat() if a.default_due else "",
            "default_status": a.default_status.value if a.default_status else "",
            "alternative_due": a.alternative_due.isoformat() if a.alternative_due else "",
            "alternative_status": a.alternative_status.value if a.alternative_status else "",
            "question": a.question,
        }
        for a in found
    ]
    with output_stream(args.output) as out:
        if args.format == "csv":
            writer = csv.DictWriter(out, fieldnames=_FIELDS, lineterminator="\n")
            writer.writeheader()
            writer.writerows(table)
        elif args.format == "json":
            json.dump(table, out, indent=2)
            out.write("\n")
        else:
            children = len({a.child_id for a in found})
            out.write(
                f"{len(found)} obligations of {children} of {len(records)} children depend on "
                f"how unclear law is read (as of {args.as_of}):\n"
            )
            by_reading: dict[str, int] = {}
            for a in found:
                by_reading[a.reading] = by_reading.get(a.reading, 0) + 1
            for reading, count in sorted(by_reading.items(), key=lambda kv: -kv[1]):
                out.write(f"  {count:>6}  {reading}\n")
            for a in found:
                out.write(f"  {a.explain()}\n")
    return EXIT_OK
