"""``corparent check``: load an SSDA903 return, run every check, report the findings."""

from __future__ import annotations

import argparse
import fnmatch
import gc
import os
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from corparent._gc import freeze_for_good
from corparent.checks import CheckSet, RunResult, Severity, default, run_checks
from corparent.cli._common import (
    EXIT_FINDINGS,
    EXIT_OK,
    add_duties,
    add_output,
    add_return_options,
    iso_date,
    output_stream,
    positive_int,
    severity,
)
from corparent.cli._gate import check_load, check_patterns
from corparent.cli._law import add_law_arguments, conventions_for, law_of
from corparent.cli._progress import progress_for
from corparent.cli._source import (
    SOURCE_HELP,
    adjust_checks,
    default_duties,
    extra_checks,
    kind_of,
    label,
    load_source,
    possible_checks,
    require_xlsx,
    source_arg,
)
from corparent.errors import Problem
from corparent.io.findings import write_csv, write_json
from corparent.io.xlsx import write_findings
from corparent.law import Force, RuleSet
from corparent.schedule import rules_for_duties

if TYPE_CHECKING:
    from corparent.io.ssda903 import LoadResult, ReturnLoad

__all__ = ["register", "run"]

_PROBLEMS_SHOWN = 50

SSDA903_DUTIES = ("review_*",)
"""The duties whose discharging events an SSDA903 return holds: only reviews. Visits, plans,
assessments and PEPs live in a council's own tables: a 903-only run leaves them out (they would
only be not assessable). The default of ``--duties`` is every duty whose evidence the data
holds (see :func:`corparent.cli._source.default_duties`), which gives the same findings as
:func:`~corparent.checks.run_checks` with its default of every duty."""

_EPILOG = """\
examples:
  corparent check examples/data/ssda903 --as-of 2024-03-31
  corparent check ./903 --as-of 2024-03-31 --format json -o findings.json
  corparent check ./903 --as-of 2024-03-31 --checks builtin.compliance --fail-on error
  corparent check ./903 --as-of 2024-03-31 --exclude 'builtin.completeness.*' --workers 2
  corparent check ./903 --as-of 2024-03-31 --duties 'review_*'

Checks are selected by id, glob or prefix (repeat the option or separate with commas). Plugins
installed through the 'corparent.checks' entry point run too, unless --no-plugins or --block.

exit codes: 0 nothing at or above --fail-on; 1 findings (or a crashed check) at or above
--fail-on; 2 usage or input error, including a load too broken to judge (a required table
missing, a table with no readable row, --as-of outside the data, a pattern matching nothing),
whatever --fail-on says.
"""


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``check`` command."""
    parser = subparsers.add_parser(
        "check",
        help="check an SSDA903 return: overdue, late and due-soon duties, data gaps",
        description=(
            "Load the SSDA903 CSV files in PATH, check every child as at --as-of, and report\n"
            "each finding with the duty, due date and regulation behind it. Rows that could not\n"
            "be read are listed too, with the tally proving nothing was dropped."
        ),
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("path", type=source_arg, metavar="PATH", help=SOURCE_HELP)
    parser.add_argument(
        "--as-of",
        type=iso_date,
        required=True,
        metavar="DATE",
        help="date to check as at, YYYY-MM-DD (usually 31 March, the end of the 903 year)",
    )
    add_return_options(parser)
    parser.add_argument(
        "--show-values",
        action="store_true",
        help="show the raw values of rows that could not be read (they may be personal data: "
        "dates of birth, UPNs); by default only their shape is shown",
    )
    parser.add_argument(
        "--format",
        choices=("table", "json", "csv", "xlsx"),
        default="table",
        help="output format (default: table; xlsx needs --output and the 'xlsx' extra)",
    )
    add_output(parser, "the findings")
    parser.add_argument(
        "--checks",
        action="append",
        default=[],
        metavar="PATTERN",
        help="run only checks matching PATTERN (id, glob or prefix; repeatable)",
    )
    parser.add_argument(
        "--exclude",
        action="append",
        default=[],
        metavar="PATTERN",
        help="leave out checks matching PATTERN (repeatable)",
    )
    add_duties(
        parser,
        "every duty whose evidence the data holds: 'review_*' for an SSDA903 return (it records "
        "reviews, not visits or plans), '*' for a council's own data",
    )
    parser.add_argument(
        "--fail-on",
        type=severity,
        default=Severity.ERROR,
        metavar="SEVERITY",
        help="exit 1 if any finding is at or above SEVERITY: info, warning, error (default) "
        "or never",
    )
    parser.add_argument(
        "--strict",
        action="store_true",
        help="stop (exit 2) on any row that cannot be read or any check that crashes",
    )
    parser.add_argument(
        "--workers",
        type=positive_int,
        default=None,
        metavar="N",
        help="worker processes (default: two for large returns on Linux when a core is free, "
        "else one)",
    )
    parser.add_argument(
        "--engine",
        choices=("columns", "records"),
        default="columns",
        help="columns (default): an SSDA903 return's children whose rows read cleanly are "
        "checked from columns, the rest record by record (the same findings, faster); "
        "records: every child read into a record first",
    )
    parser.add_argument(
        "--no-plugins", action="store_true", help="run only corparent's built-in checks"
    )
    parser.add_argument(
        "--block",
        action="append",
        default=[],
        metavar="NAME",
        help="do not load the plugin with entry-point or distribution NAME (repeatable)",
    )
    parser.add_argument(
        "--list-checks", action="store_true", help="list the checks that would run, then exit"
    )
    parser.add_argument(
        "--pledge",
        metavar="NAME|FILE",
        help="overlay a council pledge's local standards (a bundled name such as "
        "bath-and-north-east-somerset, or a TOML file); findings say which are local promises",
    )
    add_law_arguments(parser, conventions=True)
    parser.set_defaults(handler=run)


def _patterns(values: Iterable[str]) -> list[str]:
    return [p.strip() for v in values for p in v.split(",") if p.strip()]


def select_checks(args: argparse.Namespace) -> CheckSet:
    """The check set the options ask for."""
    checks = default(plugins_enabled=not args.no_plugins, block=_patterns(args.block)).with_(
        *getattr(args, "extra_checks", ())
    )
    selected = _patterns(args.checks)
    if selected:
        checks = checks.select(*selected)
    excluded = _patterns(args.exclude)
    if excluded:
        checks = checks.without(*excluded)
    duties = duty_patterns(args)
    if duties != ("*",):
        for spec in checks:
            if "duties" in spec.defaults:
                checks = checks.configure(spec.id, duties=duties)
    return checks


def _overlaid(args: argparse.Namespace) -> RuleSet:
    """The --law's rule set (England by default), with the --pledge's local standards."""
    law = law_of(args)
    if not getattr(args, "pledge", None):
        return law
    from corparent.cli._pledge import overlay  # imported on use

    return overlay(args.pledge, law)[1]


def duty_patterns(args: argparse.Namespace) -> tuple[str, ...]:
    """The duty-id patterns to report: --duties (default the 903 ones) plus every local
    standard of the --pledge whose own trigger or tightened duty is reported."""
    patterns = tuple(_patterns(args.duties)) or getattr(args, "source_duties", SSDA903_DUTIES)
    if patterns == ("*",):
        return patterns
    local = tuple(
        d.id
        for d in _overlaid(args)
        if d.force is Force.LOCAL
        and (d.tightens is None or any(fnmatch.fnmatchcase(d.tightens, p) for p in patterns))
    )
    return patterns + local


def rules_for(args: argparse.Namespace) -> RuleSet:
    """The rule set (with the --pledge overlay), cut down to the duties reported: schedules
    then compute nothing else, which makes a 903-only run several times faster."""
    rules = _overlaid(args)
    patterns = duty_patterns(args)
    if patterns == ("*",):
        return rules
    wanted = [d.id for d in rules if any(fnmatch.fnmatchcase(d.id, p) for p in patterns)]
    return rules_for_duties(rules, wanted)


def _children(loaded: LoadResult | ReturnLoad) -> int:
    """How many children were loaded."""
    from corparent.io.ssda903 import ReturnLoad

    if isinstance(loaded, ReturnLoad):
        return loaded.stats.children
    return len(loaded.caseload)


def _tally(loaded: LoadResult | ReturnLoad) -> str:
    """``4,210 rows read = 4,205 mapped + 5 reported (nothing dropped)``."""
    tables = loaded.stats.tables.values()
    read = sum(t.read for t in tables)
    mapped = sum(t.mapped for t in tables)
    reported = sum(t.reported for t in tables)
    duplicates = sum(t.duplicates for t in tables)
    superseded = sum(t.superseded for t in tables)
    verdict = "nothing dropped" if loaded.stats.accounted else "ROWS UNACCOUNTED FOR"
    text = f"{read:,} rows read = {mapped:,} mapped + {reported:,} reported"
    if duplicates:
        text += f" + {duplicates:,} duplicates"
    if superseded:
        text += f" + {superseded:,} superseded"
    return f"{text} ({verdict})"


def _write_problems(
    problems: tuple[Problem, ...], out: TextIO, limit: int | None, show_values: bool = False
) -> None:
    shown = problems if limit is None else problems[:limit]
    for p in shown:
        out.write(f"  - {p.describe(show_values)}\n")
    if len(problems) > len(shown):
        out.write(f"  ... and {len(problems) - len(shown)} more (all in --format json)\n")


def _summary(result: RunResult) -> str:
    counts = ", ".join(f"{n} {s.value}" for s, n in result.by_severity.items())
    text = (
        f"{len(result.findings)} findings ({counts}) for {result.children_with_findings} of "
        f"{result.children_checked} children"
    )
    if result.crashes:
        text += f"; {len(result.crashes)} check crashes"
    unjudged = sum(result.not_assessable.values())
    if unjudged:
        text += (
            f"; {unjudged:,} obligations not assessable from the data (never counted as "
            "breaches: their trigger or the event that meets them may lie outside it)"
        )
    return text


def _table(
    result: RunResult,
    loaded: LoadResult | ReturnLoad,
    path: Path | str,
    out: TextIO,
    show_values: bool = False,
) -> None:
    meta = result.metadata
    out.write(
        f"corparent check {path} as of {meta.as_of} "
        f"(corparent {meta.corparent_version}, {meta.holidays_version})\n"
    )
    out.write(f"Loaded {_children(loaded)} children; {_tally(loaded)}\n")
    if len(loaded.years) > 1:
        years = ", ".join(y.label for y in loaded.years)
        out.write(f"Returns: {years} (later returns supersede earlier rows)\n")
    for line in loaded.stats.summary().splitlines():
        out.write(f"  {line}\n")
    if loaded.problems:
        out.write(f"\nRows that could not be read ({len(loaded.problems)}):\n")
        _write_problems(loaded.problems, out, _PROBLEMS_SHOWN, show_values)
    if loaded.notes:
        out.write(f"\nNotes on the files ({len(loaded.notes)}):\n")
        _write_problems(loaded.notes, out, _PROBLEMS_SHOWN, show_values)
    out.write(f"\nChecks ({len(meta.checks)}):\n")
    for info in meta.checks:
        origin = "" if info.provenance.distribution == "corparent" else f"  [{info.provenance}]"
        out.write(f"  {info.id:<44} {info.severity.value:<8}{origin}\n")
    out.write("\nFindings:\n")
    header = ("CHILD", "SEVERITY", "CHECK", "DUTY", "DUE", "DAYS", "CITATION / MESSAGE")
    out.write("  {:<10} {:<8} {:<40} {:<32} {:<10} {:>5}  {}\n".format(*header))
    for f in result.findings:
        due = f.due.isoformat() if f.due else ""
        days = "" if f.days_overdue is None else str(f.days_overdue)
        tail = f"{f.citation}: {f.message}" if f.citation else f.message
        out.write(
            f"  {f.child_id:<10} {f.severity.value:<8} {f.check_id:<40} {f.duty_id or '':<32} "
            f"{due:<10} {days:>5}  {tail}\n"
        )
    for c in result.crashes:
        out.write(f"  {c.child_id:<10} {'CRASH':<8} {c.check_id:<40} raised {c.error}\n")
    if result.by_duty:
        out.write("\nBy duty:\n")
        for duty, n in sorted(result.by_duty.items(), key=lambda kv: (-kv[1], kv[0])):
            out.write(f"  {duty:<44} {n:>7}\n")
    out.write(f"\nSummary: {_summary(result)}\n")


def _problem_dict(p: Problem, show_values: bool) -> dict[str, Any]:
    return {
        "code": p.code,
        "message": p.describe(show_values),
        "file": p.file,
        "row": p.row,
        "column": p.column,
        "record_id": p.record_id if p.record_id is None or p.record_id.isprintable() else None,
    }


def _load_section(loaded: LoadResult | ReturnLoad, show_values: bool = False) -> dict[str, Any]:
    return {
        "children": _children(loaded),
        "tally": _tally(loaded),
        "accounted": loaded.stats.accounted,
        "years": [
            {"year": y.label, "year_end": y.year_end.isoformat(), "source": y.source}
            for y in loaded.years
        ],
        "tables": {
            name: {
                "lines": t.lines,
                "read": t.read,
                "mapped": t.mapped,
                "reported": t.reported,
                "duplicates": t.duplicates,
                "superseded": t.superseded,
                "blank": t.blank,
            }
            for name, t in loaded.stats.tables.items()
            if t.files
        },
        "problems": [_problem_dict(p, show_values) for p in loaded.problems],
        "notes": [_problem_dict(p, show_values) for p in loaded.notes],
    }


def run(args: argparse.Namespace) -> int:
    """Handle ``corparent check``."""
    requested = tuple(_patterns(args.duties))
    if requested != ("*",):
        check_patterns("--duties", requested, _overlaid(args).ids())
    if args.format == "xlsx":
        require_xlsx(args, "corparent check --format xlsx")
    args.extra_checks = possible_checks(args.path)
    checks = select_checks(args)  # a --checks pattern that matches nothing stops here
    if args.list_checks:
        with output_stream(None) as out:  # a plugin's description may be any text
            for spec in checks:
                out.write(
                    f"{spec.id:<44} {spec.severity.value:<8} {spec.provenance}  "
                    f"{spec.description}\n"
                )
        return EXIT_OK
    conventions_for(args, rules_for(args))  # a convention the law leaves open: stop now
    show = args.show_values
    loaded: LoadResult | ReturnLoad
    if kind_of(args.path) == "ssda903":
        loaded, result = _check_ssda903(args)
    else:
        # (--previous and --year are refused here: they apply to SSDA903 folders only)
        loaded = load_source(args.path, strict=args.strict, previous=args.previous, year=args.year)
        check_load(loaded, args.as_of, label(args.path))
        # The source decides the default duties and adds its own checks (the SSD's due dates).
        args.source_duties, args.extra_checks = default_duties(loaded), extra_checks(loaded)
        checks = adjust_checks(select_checks(args), loaded)
        rules = rules_for(args)
        result = run_checks(
            loaded.caseload,
            args.as_of,
            checks=checks,
            rules=rules,
            conventions=conventions_for(args, rules),
            workers=args.workers,
            progress=progress_for(),
            raise_on_crash=args.strict,
        )
    try:
        with output_stream(None if args.format == "xlsx" else args.output) as out:
            if args.format == "xlsx":
                write_findings(result, args.output)
            elif args.format == "table":
                _table(result, loaded, label(args.path), out, show)
            elif args.format == "json":  # written finding by finding, not built whole
                write_json(result, out, load=_load_section(loaded, show))
            else:
                write_csv(result, out)
            out.flush()
    except BrokenPipeError:  # `corparent check ... | head`: the exit code still counts
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - keep interpreter shutdown quiet
    if args.format != "table" or args.output is not None:
        # Machine formats keep stdout clean: the load report and summary go to stderr.
        err = sys.stderr
        err.write(f"Loaded {_children(loaded)} children; {_tally(loaded)}\n")
        if loaded.problems:
            err.write(f"Rows that could not be read ({len(loaded.problems)}):\n")
            _write_problems(loaded.problems, err, _PROBLEMS_SHOWN, show)
        if loaded.notes:
            err.write(f"Notes on the files ({len(loaded.notes)}):\n")
            _write_problems(loaded.notes, err, _PROBLEMS_SHOWN, show)
        err.write(f"{_summary(result)}\n")
    worst = result.worst()
    if args.fail_on is not None and worst is not None and worst >= args.fail_on:
        return EXIT_FINDINGS
    return EXIT_OK


def _check_ssda903(args: argparse.Namespace) -> tuple[ReturnLoad, RunResult]:
    """Load and check an SSDA903 return in one pass (column-wise where the data allows)."""
    from corparent.io.ssda903 import check_return

    # A 903 return's duties and checks are known before it is read: its review duties, no
    # source-specific checks (what default_duties, extra_checks and adjust_checks give it).
    args.source_duties, args.extra_checks = SSDA903_DUTIES, ()
    checks = select_checks(args)
    rules = rules_for(args)
    source = label(args.path)

    def gate(loaded: ReturnLoad) -> None:
        check_load(loaded, args.as_of, source)

    # As load_source: the collector stays off while the return is read and checked, and what
    # the command keeps to its end is then frozen for good.
    was = gc.isenabled()
    gc.disable()
    try:
        checked = check_return(
            args.path,
            args.as_of,
            checks=checks,
            rules=rules,
            conventions=conventions_for(args, rules),
            strict=args.strict,
            year=args.year,
            previous=args.previous,
            workers=args.workers,
            progress=progress_for(),
            raise_on_crash=args.strict,
            gate=gate,
            columnar=args.engine == "columns",
        )
    finally:
        freeze_for_good()
        if was:
            gc.enable()
    return checked.load, checked.result
