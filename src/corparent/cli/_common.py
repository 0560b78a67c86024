"""Helpers shared by the command modules: exit codes, argument types, output."""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import errno
import io
import sys
from collections.abc import Iterator
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import TextIO

from corparent.checks import Severity
from corparent.dates import HOLIDAYS_VERSION
from corparent.errors import CodeError

__all__ = [
    "EXIT_FINDINGS",
    "EXIT_INPUT",
    "EXIT_MISSING_DEPENDENCY",
    "EXIT_OK",
    "EXTRAS",
    "WINDOWS",
    "MissingDependency",
    "add_duties",
    "add_output",
    "add_return_options",
    "collection_year",
    "duty_patterns",
    "existing_folder",
    "iso_date",
    "output_stream",
    "path_hint",
    "positive_int",
    "require_extra",
    "severity",
    "shown_path",
    "version_text",
]

WINDOWS = sys.platform == "win32"
"""Running on Windows (a closed standard output may be reported as EINVAL)."""

EXIT_OK = 0
"""Success: no finding (and no crashed check) at or above ``--fail-on``."""
EXIT_FINDINGS = 1
"""Findings (or a crashed check) at or above ``--fail-on``."""
EXIT_INPUT = 2
"""Usage or input error: bad arguments, unreadable or incomplete data, patterns that match
nothing, a refused pledge."""
EXIT_MISSING_DEPENDENCY = 3
"""An optional dependency the command needs is not installed (one line says what to install)."""

EXTRAS: dict[str, str] = {
    "jinja2": "report",
    "matplotlib": "report",
    "hypothesis": "testing",
    "openpyxl": "xlsx",
    "pandas": "pandas",
}
"""Optional third-party modules and the corparent extra that installs each."""


class MissingDependency(Exception):
    """A command needs an optional extra that is not installed (exit 3)."""

    def __init__(self, module: str, command: str) -> None:
        extra = EXTRAS.get(module, module)
        self.module = module
        super().__init__(
            f"{command} needs the optional '{extra}' extra ({module} is not installed): "
            f"pip install 'corparent[{extra}]'"
        )


def require_extra(command: str, *modules: str) -> None:
    """Raise :class:`MissingDependency` unless every one of ``modules`` can be imported."""
    import importlib.util

    for module in modules:
        if importlib.util.find_spec(module) is None:
            raise MissingDependency(module, command)


def add_output(parser: argparse.ArgumentParser, what: str = "the output") -> None:
    """The same ``-o/--output FILE`` option on every command that writes."""
    parser.add_argument(
        "-o",
        "--output",
        type=Path,
        metavar="FILE",
        help=f"write {what} to FILE instead of standard output",
    )


def add_duties(parser: argparse.ArgumentParser, default: str) -> None:
    """The same ``--duties PATTERN`` option everywhere: repeatable and comma-separated."""
    parser.add_argument(
        "--duties",
        action="append",
        default=[],
        metavar="PATTERN",
        help=f"only duties whose id matches PATTERN (glob; repeat the option or separate "
        f"patterns with commas; '*' for every duty); default: {default}",
    )


def duty_patterns(values: list[str]) -> tuple[str, ...]:
    """The patterns of every ``--duties`` value (split on commas, blanks dropped)."""
    return tuple(p.strip() for v in values for p in v.split(",") if p.strip())


def version_text() -> str:
    """``corparent 0.1.0 (holidays 0.60)``."""
    try:
        ours = version("corparent")
    except PackageNotFoundError:  # pragma: no cover - source tree without install
        ours = "0+unknown"
    return f"corparent {ours} ({HOLIDAYS_VERSION})"


def iso_date(text: str) -> dt.date:
    """An argparse type: ``YYYY-MM-DD`` to a date."""
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date; use YYYY-MM-DD") from None


def shown_path(text: str) -> str:
    r"""A path as typed, in quotes, for a message: not its ``repr``, which doubles every
    backslash of a Windows path (``'C:\\data'``)."""
    return f"'{text}'"


def path_hint(text: str) -> str:
    r"""What to do about a path that ends in a quote, else ``""``: Windows passes
    ``"C:\data\903\"`` as ``C:\data\903"`` (the last backslash keeps the closing quote)."""
    if text.endswith('"'):
        return "; a backslash before a closing quote keeps the quote: leave the last one out"
    return ""


def existing_folder(text: str) -> Path:
    """An argparse type: a folder that exists."""
    path = Path(text)
    if not path.is_dir():
        raise argparse.ArgumentTypeError(f"{shown_path(text)} is not a folder{path_hint(text)}")
    return path


def collection_year(text: str) -> int:
    """An argparse type: the year a collection year ends in (``2024`` for 2023/24)."""
    try:
        value = int(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a year, e.g. 2024") from None
    if not 1901 <= value <= 2100:
        raise argparse.ArgumentTypeError(f"{text!r} is not a year from 1901 to 2100")
    return value


def positive_int(text: str) -> int:
    """An argparse type: an integer of at least 1."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"{text!r} must be at least 1")
    return value


def severity(text: str) -> Severity | None:
    """An argparse type: ``info``, ``warning``, ``error`` or ``never`` (None)."""
    if text.strip().lower() == "never":
        return None
    try:
        return Severity.parse(text)
    except CodeError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a severity; use info, warning, error or never"
        ) from None


@contextlib.contextmanager
def output_stream(path: Path | None) -> Iterator[TextIO]:
    """``path`` opened for writing (UTF-8, replaced atomically when done), or standard output
    when None.

    Standard output is set to write line endings as they are given (``newline=""``, as a file
    is opened for :mod:`csv`): the findings CSV ends its lines with CRLF (RFC 4180), which
    Windows would otherwise write as CR CR LF, a blank line after every row in a spreadsheet.
    It is set to UTF-8 too, as ``--output`` writes: Windows encodes redirected standard output
    in the ANSI code page (cp1252), which cannot write a folder named ``Łódź`` (a
    ``UnicodeEncodeError`` instead of the findings) and mislabels the report's ``<meta
    charset="utf-8">``. Standard output thus gives the same bytes as ``--output`` on every
    system; elsewhere nothing changes (other systems write UTF-8 and translate no line
    endings)."""
    if path is None:
        stream = sys.stdout
        if isinstance(stream, io.TextIOWrapper):
            stream.flush()
            stream.reconfigure(encoding="utf-8", errors=stream.errors, newline="")
        try:
            yield stream
            stream.flush()  # a reader that has gone is found here, not at interpreter exit
        except OSError as exc:
            if WINDOWS and exc.errno == errno.EINVAL and exc.filename is None:
                # Windows often reports a reader that has gone (`... | head`) as EINVAL, not
                # as a broken pipe (CPython issue 79935): the commands handle it as one.
                raise BrokenPipeError(errno.EPIPE, "standard output was closed") from exc
            raise
        return
    from corparent._atomic import atomic_open  # imported on use: --help stays light

    with atomic_open(path) as stream:
        yield stream


def add_return_options(parser: argparse.ArgumentParser) -> None:
    """``--previous DIR`` (repeatable) and ``--year YYYY``: earlier SSDA903 returns to read
    with PATH, and PATH's collection year (SSDA903 folders only)."""
    parser.add_argument(
        "--previous",
        action="append",
        default=[],
        type=existing_folder,
        metavar="DIR",
        help="a previous year's return (repeatable); later returns supersede earlier ones row "
        "by row, and the evidence window widens to the earliest year",
    )
    parser.add_argument(
        "--year",
        type=collection_year,
        metavar="YYYY",
        help="the year PATH's collection year ends in (2024 for 2023/24); default: from its dates",
    )
