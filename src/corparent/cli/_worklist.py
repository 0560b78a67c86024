"""``corparent worklist``: what is due in the next weeks, by team and worker."""

from __future__ import annotations

import argparse
import csv
import fnmatch
import io
import sys

import attrs

from corparent.cli._common import (
    EXIT_OK,
    add_duties,
    add_output,
    add_return_options,
    duty_patterns,
    iso_date,
    output_stream,
    positive_int,
)
from corparent.cli._gate import check_load, check_patterns
from corparent.cli._source import SOURCE_HELP, label, load_source, require_xlsx, source_arg

__all__ = ["register", "run"]

_EPILOG = """\
examples:
  corparent worklist sqlite:///ssd.db --as-of 2024-03-31 --weeks 4
  corparent worklist ./ssd-csv --as-of 2024-03-31 --format csv -o worklist.csv
  corparent worklist sqlite:///ssd.db --as-of 2024-03-31 --format xlsx -o worklist.xlsx

Each line is one thing to do: the duty, the child (by record id), when it is due, the team and
the worker. Overdue items come first within each worker's list. Teams and workers come from
the SSD's ssd_involvements and ssd_professionals (or the events format's allocations); an
SSDA903 return names the social worker only (SWEpisodes). Duties the data cannot show are left
out: a worklist lists only what the data says is due.
"""


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``worklist`` command."""
    parser = subparsers.add_parser(
        "worklist",
        help="what is due in the next weeks, by team and worker (table, CSV or xlsx)",
        description="List the duties due from --as-of to --weeks later (and those overdue), "
        "by team and worker.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("path", type=source_arg, metavar="PATH", help=SOURCE_HELP)
    parser.add_argument(
        "--as-of", type=iso_date, required=True, metavar="DATE", help="date, YYYY-MM-DD"
    )
    parser.add_argument(
        "--weeks", type=positive_int, default=4, metavar="N", help="weeks ahead (default 4)"
    )
    parser.add_argument(
        "--format",
        choices=("table", "csv", "xlsx"),
        default="table",
        help="output format (default: table; xlsx needs --output and the 'xlsx' extra)",
    )
    parser.add_argument(
        "--no-overdue", action="store_true", help="leave out what is already overdue"
    )
    add_duties(parser, "'*', every duty the data can show")
    add_output(parser, "the worklist")
    add_return_options(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Handle ``corparent worklist``."""
    if args.format == "xlsx":
        require_xlsx(args, "corparent worklist --format xlsx")
    from corparent.io._loaded import SourceLoadResult
    from corparent.io.worklist import WORKLIST_COLUMNS, worklist
    from corparent.law import ENGLAND
    from corparent.schedule import rules_for_duties

    patterns = duty_patterns(args.duties) or ("*",)
    rules = None
    if patterns != ("*",):
        check_patterns("--duties", patterns, ENGLAND.ids())
        wanted = [d.id for d in ENGLAND if any(fnmatch.fnmatchcase(d.id, p) for p in patterns)]
        rules = rules_for_duties(ENGLAND, wanted)
    loaded = load_source(args.path, previous=args.previous, year=args.year)
    check_load(loaded, args.as_of, label(args.path))
    allocations = loaded.allocations if isinstance(loaded, SourceLoadResult) else None
    items = worklist(
        loaded.caseload,
        args.as_of,
        weeks=args.weeks,
        allocations=allocations,
        rules=rules,
        include_overdue=not args.no_overdue,
    )
    if rules is not None:  # the chains a duty depends on are scheduled, not listed
        items = attrs.evolve(
            items,
            items=tuple(
                i for i in items if any(fnmatch.fnmatchcase(i.duty_id, p) for p in patterns)
            ),
        )
    if args.format == "xlsx":
        from corparent.io.xlsx import write_worklist

        write_worklist(items, args.output)
        print(f"wrote {args.output} ({len(items)} items)", file=sys.stderr)
        return EXIT_OK
    with output_stream(args.output) as out:
        if args.format == "csv":
            buffer = io.StringIO()
            writer = csv.DictWriter(buffer, fieldnames=WORKLIST_COLUMNS, lineterminator="\n")
            writer.writeheader()
            for row in items.rows():
                writer.writerow(
                    {k: ("'" + v if isinstance(v, str) and v[:1] in "=+-@" else v)
                     for k, v in row.items()}
                )  # fmt: skip
            out.write(buffer.getvalue())
            return EXIT_OK
        out.write(
            f"Worklist as of {items.as_of} to {items.until}: {len(items)} items "
            f"for {len({i.child_id for i in items})} children\n"
        )
        for (team, worker), group in items.by_worker().items():
            out.write(f"\n{team} / {worker} ({len(group)})\n")
            for i in sorted(group, key=lambda i: (i.status != "overdue", i.due)):
                late = f" {i.days_overdue} days overdue" if i.status == "overdue" else ""
                out.write(
                    f"  {i.due.isoformat()}  {i.child_id:<10} {i.duty_id:<36}{late}  {i.citation}\n"
                )
    return EXIT_OK
