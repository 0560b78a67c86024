"""``corparent report``: the Corporate Parenting Panel report from an SSDA903 return."""

from __future__ import annotations

import argparse
import sys

from corparent.cli._common import (
    EXIT_OK,
    add_duties,
    add_output,
    add_return_options,
    duty_patterns,
    iso_date,
    output_stream,
    require_extra,
)
from corparent.cli._gate import check_load, check_patterns
from corparent.cli._source import SOURCE_HELP, default_duties, label, load_source, source_arg

__all__ = ["register", "run"]

_EPILOG = """\
examples:
  corparent report examples/data/ssda903 --as-of 2024-03-31 -o panel-report.html
  corparent report ./903 --as-of 2024-03-31 --pledge bath-and-north-east-somerset -o report.html
  corparent report ./903 --as-of 2024-03-31 --format csv -o figures.csv

The HTML is one self-contained file (inline CSS and SVG charts; no scripts, fonts or network)
and names children by record id only. HTML needs the 'report' extra (Jinja2 and matplotlib):
without it the command exits 3 and says what to install; CSV and JSON need nothing extra.
"""


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``report`` command."""
    parser = subparsers.add_parser(
        "report",
        help="the Corporate Parenting Panel report (HTML, CSV or JSON)",
        description="Build the panel report from the SSDA903 CSV files in PATH as at --as-of.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("path", type=source_arg, metavar="PATH", help=SOURCE_HELP)
    parser.add_argument("--as-of", type=iso_date, required=True, metavar="YYYY-MM-DD")
    parser.add_argument("--pledge", metavar="NAME|FILE", help="a council pledge to report on")
    parser.add_argument("--format", choices=("html", "csv", "json"), default="html")
    add_output(parser, "the report")
    add_return_options(parser)
    add_duties(
        parser,
        "every duty whose evidence the data holds ('review_*' for an SSDA903 return, '*' for a "
        "council's own data)",
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Handle ``corparent report``."""
    if args.format == "html":
        require_extra("corparent report", "jinja2")
    from corparent.cli._pledge import validated
    from corparent.law import ENGLAND
    from corparent.reports import build_report, render_html, to_csv, to_json

    given = duty_patterns(args.duties)
    if given and given != ("*",):
        check_patterns("--duties", given, ENGLAND.ids())
    loaded = load_source(args.path, previous=args.previous, year=args.year)
    check_load(loaded, args.as_of, label(args.path))
    patterns = given or default_duties(loaded)
    report = build_report(
        loaded.caseload,
        args.as_of,
        duties=None if patterns == ("*",) else patterns,
        pledge=validated(args.pledge) if args.pledge else None,
        load_summary=(
            f"{sum(t.read for t in loaded.stats.tables.values()):,} rows read, "
            f"{len(loaded.problems)} reported as unreadable; nothing dropped"
            if loaded.stats.accounted
            else "ROWS UNACCOUNTED FOR"
        ),
    )
    text = {"html": render_html, "csv": to_csv, "json": to_json}[args.format](report)
    with output_stream(args.output) as out:
        out.write(text)
    if args.output is not None:
        print(
            f"wrote {args.output} ({report.children} children as at {report.as_of})",
            file=sys.stderr,
        )
    return EXIT_OK
