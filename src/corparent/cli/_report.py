"""``corparent report``: the Corporate Parenting Panel report from an SSDA903 return."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from corparent.cli._common import EXIT_OK, iso_date
from corparent.cli._source import SOURCE_HELP, default_duties, load_source, source_arg

__all__ = ["register", "run"]

_EPILOG = """\
examples:
  corparent report examples/data/ssda903 --as-of 2024-03-31 -o panel-report.html
  corparent report ./903 --as-of 2024-03-31 --pledge bath-and-north-east-somerset -o report.html
  corparent report ./903 --as-of 2024-03-31 --format csv -o figures.csv

The HTML is one self-contained file (inline CSS and SVG charts; no scripts, fonts or network)
and names children by record id only. Charts need the 'report' extra (matplotlib).
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
    parser.add_argument("-o", "--output", type=Path, help="file to write (default: stdout)")
    parser.add_argument(
        "--duties",
        default=None,
        metavar="PATTERNS",
        help="comma-separated duty-id patterns ('*' for every duty); default the ones the "
        "source can show ('review_*' for a 903 return, '*' for a council's own data)",
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Handle ``corparent report``."""
    import corparent.pledges as pledges
    from corparent.reports import build_report, render_html, to_csv, to_json

    loaded = load_source(args.path)
    duties = args.duties if args.duties is not None else ",".join(default_duties(loaded))
    patterns = tuple(p.strip() for p in duties.split(",") if p.strip())
    report = build_report(
        loaded.caseload,
        args.as_of,
        duties=None if patterns == ("*",) else patterns,
        pledge=pledges.load(args.pledge) if args.pledge else None,
        load_summary=(
            f"{sum(t.read for t in loaded.stats.tables.values()):,} rows read, "
            f"{len(loaded.problems)} reported as unreadable; nothing dropped"
            if loaded.stats.accounted
            else "ROWS UNACCOUNTED FOR"
        ),
    )
    text = {"html": render_html, "csv": to_csv, "json": to_json}[args.format](report)
    if args.output is None:
        sys.stdout.write(text)
    else:
        args.output.write_text(text, encoding="utf-8")
        print(
            f"wrote {args.output} ({report.children} children as at {report.as_of})",
            file=sys.stderr,
        )
    return EXIT_OK
