"""``corparent duties``: every duty in the rule set, with its rule, citation and provenance.

``--format csv|json|md`` exports the table for a council's legal sign-off: for each dated
version, the provision, its point-in-time address, how far its wording was checked ([V]
verified against the instrument, [S] a secondary source, [R] recalled: provisional) and when.
"""

from __future__ import annotations

import argparse
import csv
import json
from collections.abc import Iterator
from typing import TextIO

from corparent.cli._common import EXIT_OK, add_output, output_stream
from corparent.cli._law import add_law_arguments, law_of
from corparent.law import ENGLAND, PROSPECTIVE, Duty, DutyVersion, RuleSet

__all__ = ["FIELDS", "register", "rows", "run"]

FIELDS = (
    "id",
    "title",
    "force",
    "applies_to",
    "trigger",
    "rule",
    "in_force_from",
    "until",
    "instrument",
    "provision",
    "checked",
    "checked_on",
    "provisional",
    "url",
    "notes",
)
"""The columns of the export, in order."""


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``duties`` command."""
    parser = subparsers.add_parser(
        "duties",
        help="list every duty corparent applies, with its rule, citation and provenance",
        description=(
            "List every duty in a nation's rule set (England unless --law): its id (used in\n"
            "findings and --duties), legal force, the record field whose events discharge it,\n"
            "each dated version's rule and the provision it comes from, with how far the\n"
            "wording was checked: [V] verified against the instrument, [S] a secondary source,\n"
            "[R] recalled and provisional."
        ),
        epilog=(
            "examples:\n"
            "  corparent duties\n"
            "  corparent duties --law scotland\n"
            "  corparent duties -o duties.txt\n"
            "  corparent duties --format csv --output duties.csv\n"
            "  corparent duties --format md"
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--format",
        choices=("text", "csv", "json", "md"),
        default="text",
        help="output format (default: text)",
    )
    add_output(parser, "the list")
    add_law_arguments(parser)
    parser.set_defaults(handler=run)


def _row(duty: Duty, version: DutyVersion) -> dict[str, str]:
    c = version.citation
    return {
        "id": duty.id,
        "title": duty.title,
        "force": duty.force.value,
        "applies_to": duty.applies_to,
        "trigger": duty.trigger.value,
        "rule": version.rule.describe(),
        "in_force_from": _start(version),
        "until": version.until.isoformat() if version.until else "",
        "instrument": c.instrument,
        "provision": c.provision,
        "checked": c.tag,
        "checked_on": c.checked_on.isoformat() if c.checked_on else "",
        "provisional": "yes" if c.provisional else "no",
        "url": c.url,
        "notes": duty.notes,
    }


def rows(rules: RuleSet = ENGLAND) -> Iterator[dict[str, str]]:
    """One row per dated version of every duty, with the columns of :data:`FIELDS`."""
    for duty in rules:
        for version in duty.versions:
            yield _row(duty, version)


def _md_cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _start(version: DutyVersion) -> str:
    if version.in_force_from == PROSPECTIVE:
        return "prospective"
    return version.in_force_from.isoformat()


def _write(out: TextIO, fmt: str, rules: RuleSet) -> None:
    table = list(rows(rules))
    if fmt == "csv":
        writer = csv.DictWriter(out, fieldnames=FIELDS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(table)
    elif fmt == "json":
        json.dump(table, out, indent=2)
        out.write("\n")
    elif fmt == "md":
        cols = ("id", "title", "force", "rule", "instrument", "provision", "checked", "url")
        out.write("| " + " | ".join(cols) + " |\n")
        out.write("|" + "---|" * len(cols) + "\n")
        for row in table:
            out.write("| " + " | ".join(_md_cell(row[c]) for c in cols) + " |\n")
    else:
        for duty in rules:
            out.write(f"{duty.id}  [{duty.force.value}]  {duty.title}\n")
            if duty.evidence:
                out.write(f"    discharged by: {duty.evidence} ({duty.discharged_by})\n")
            for v in duty.versions:
                until = f" until {v.until}" if v.until is not None else ""
                start = "prospective" if v.in_force_from == PROSPECTIVE else f"from {_start(v)}"
                out.write(
                    f"    {start}{until}: {v.rule.describe()} ({v.citation}) {v.citation.tag}\n"
                )


def run(args: argparse.Namespace) -> int:
    """Handle ``corparent duties``."""
    with output_stream(args.output) as out:
        _write(out, args.format, law_of(args))
    return EXIT_OK
