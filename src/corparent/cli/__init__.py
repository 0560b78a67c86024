"""The ``corparent`` command: an argparse front end with no logic of its own.

One module per command, each exposing ``register(subparsers)``; a command module adds its
parser and sets ``handler`` (``args -> int``) as a default. To add a command, write
``cli/_name.py`` and add its module name to ``COMMANDS``.

Exit codes (the same for every command): 0 success; 1 findings at or above ``--fail-on``;
2 usage or input error (including a load too broken to judge); 3 an optional dependency the
command needs is not installed.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence

from corparent._gc import command_over
from corparent.cli._common import (
    EXIT_INPUT,
    EXIT_MISSING_DEPENDENCY,
    EXIT_OK,
    EXTRAS,
    MissingDependency,
    version_text,
)
from corparent.errors import CorparentError

__all__ = ["COMMANDS", "build_parser", "main"]

COMMANDS: tuple[str, ...] = (
    "corparent.cli._check",
    "corparent.cli._schedule",
    "corparent.cli._duties",
    "corparent.cli._pledge",
    "corparent.cli._report",
    "corparent.cli._ambiguities",
    "corparent.cli._worklist",
)
"""Command modules, in ``--help`` order; each has ``register(subparsers)``."""

_DESCRIPTION = """\
corparent: the duties of an English council as corporate parent, checked against your data.

Point it at the folder of SSDA903 CSV files your case-management system exports for the DfE
and it lists, for every child, every duty that is overdue, met late or due soon, with the
regulation behind it, plus every row that could not be read.
"""

_EPILOG = """\
examples:
  corparent check examples/data/ssda903 --as-of 2024-03-31
  corparent check ./903 --as-of 2024-03-31 --format csv -o findings.csv
  corparent check ./903 --as-of 2024-03-31 --exclude builtin.completeness --fail-on warning
  corparent schedule ./903 --child C0042 --as-of 2024-03-31
  corparent report ./903 --as-of 2024-03-31 -o panel-report.html
  corparent pledge validate ./our-pledge.toml
  corparent duties
  corparent ambiguities examples/data/ssda903 --as-of 2024-03-31

exit codes (every command):
  0  success (no finding at or above --fail-on)
  1  findings at or above --fail-on (default: error)
  2  usage or input error (bad arguments, unreadable folder, a missing table, a table with no
     readable row, --as-of outside the data, a pattern matching nothing, a refused pledge)
  3  an optional dependency is not installed (the message says what to install)

No personal data is printed: children are named by their record id only.
"""


def build_parser() -> argparse.ArgumentParser:
    """The full parser, with every registered command."""
    parser = argparse.ArgumentParser(
        prog="corparent",
        description=_DESCRIPTION,
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=version_text())
    subparsers = parser.add_subparsers(title="commands", metavar="COMMAND")
    for name in COMMANDS:
        importlib.import_module(name).register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code (never raises for bad input).

    Args:
        argv: Arguments without the program name; ``sys.argv[1:]`` when None.
    """
    try:
        return _run(argv)
    finally:
        command_over()  # a program that goes on after the command collects as before


def _run(argv: Sequence[str] | None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # --help, --version, usage errors
        return exc.code if isinstance(exc.code, int) else EXIT_INPUT
    handler = getattr(args, "handler", None)
    if handler is None:
        parser.print_help(sys.stderr)
        return EXIT_INPUT
    try:
        code: int = handler(args)
    except CorparentError as exc:
        print(f"corparent: error: {exc}", file=sys.stderr)
        return EXIT_INPUT
    except MissingDependency as exc:
        print(f"corparent: error: {exc}", file=sys.stderr)
        return EXIT_MISSING_DEPENDENCY
    except ModuleNotFoundError as exc:
        root = (exc.name or "").split(".")[0]
        if root not in EXTRAS:
            raise
        command = f"corparent {(argv or sys.argv[1:] or ['?'])[0]}"
        print(f"corparent: error: {MissingDependency(root, command)}", file=sys.stderr)
        return EXIT_MISSING_DEPENDENCY
    except BrokenPipeError:  # e.g. `corparent duties | head`: the reader has gone
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - keep interpreter shutdown quiet
        return EXIT_OK
    except KeyboardInterrupt:  # pragma: no cover - interactive only
        print("corparent: interrupted", file=sys.stderr)
        return 130
    return code if code is not None else EXIT_OK
