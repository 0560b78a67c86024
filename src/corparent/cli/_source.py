"""What ``PATH`` names on the command line, and loading it: one place for every command.

``check``, ``schedule``, ``report`` and ``worklist`` accept:

- a folder of SSDA903 CSV files (the DfE return);
- an SSD database URL: ``sqlite:///ssd.db`` (a file, no server), ``postgresql://user@host/db``,
  ``mssql+pyodbc://...`` (any SQLAlchemy URL);
- a folder of SSD CSV exports (``ssd_person.csv``, ``ssd_cla_episodes.csv``, ...);
- a folder in corparent's events format (``children.csv`` and one file per kind of event).
"""

from __future__ import annotations

import argparse
import gc
from pathlib import Path
from typing import Any

from corparent._gc import freeze_for_good
from corparent.checks import CheckSet, CheckSpec
from corparent.cli._common import path_hint, shown_path
from corparent.errors import ConfigError, LoadError, Problem
from corparent.io.ssd import NOT_APPLICABLE_CHECKS
from corparent.io.ssda903 import LoadResult

__all__ = [
    "NOT_APPLICABLE_CHECKS",
    "SOURCE_HELP",
    "adjust_checks",
    "default_duties",
    "extra_checks",
    "kind_of",
    "label",
    "load_source",
    "possible_checks",
    "require_xlsx",
    "source_arg",
]

SOURCE_HELP = (
    "a folder of SSDA903 CSV files, an SSD database URL (sqlite:///ssd.db, "
    "postgresql://user@host/db), a folder of ssd_*.csv files, or an events folder"
)


def require_xlsx(args: argparse.Namespace, command: str) -> None:
    """Refuse ``--format xlsx`` without ``--output`` (a workbook is not text for a terminal) or
    without the ``xlsx`` extra (exit 3)."""
    from corparent.cli._common import require_extra

    if getattr(args, "output", None) is None:
        raise ConfigError(
            [
                Problem(
                    code="xlsx_needs_output",
                    message="--format xlsx writes a workbook: name it with --output FILE.xlsx",
                )
            ],
            headline=f"{command} needs --output",
        )
    require_extra(command, "openpyxl")


def kind_of(text: str) -> str:
    """``"ssd"`` (a database URL), ``"ssd-csv"``, ``"events"`` or ``"ssda903"``."""
    if "://" in text:
        return "ssd"
    from corparent.io import events, ssd

    if events.is_events_folder(text):
        return "events"
    if ssd.is_csv_folder(text):
        return "ssd-csv"
    return "ssda903"


def source_arg(text: str) -> str:
    """An argparse type: a database URL or a folder that exists."""
    if "://" in text or Path(text).is_dir():
        return text
    raise argparse.ArgumentTypeError(
        f"{shown_path(text)} is neither a folder nor a database URL; give {SOURCE_HELP}"
        f"{path_hint(text)}"
    )


def label(text: str) -> str:
    """``text`` fit to print: a URL with its password hidden."""
    if "://" not in text:
        return text
    from corparent.io.ssd._sql import describe_url

    return describe_url(text)


def load_source(text: str, *, strict: bool = False, **ssda903: Any) -> LoadResult:
    """Load whatever ``text`` names (see the module notes).

    Args:
        text: A folder or a database URL.
        strict: Raise for any row that cannot be used.
        ssda903: Options of :func:`corparent.io.ssda903.load`, for a 903 folder only.

    Raises:
        LoadError: the source cannot be read, or an SSDA903-only option was given for another
            kind of source.
    """
    # A command loads once and keeps the records to the end. The cyclic collector stays off
    # while they are made and the records are then moved out of its generations, so no later
    # collection walks the whole caseload again (records hold no cycles). Done here, in the
    # one-shot CLI, not in the library, which leaves the collector as it found it.
    was = gc.isenabled()
    gc.disable()
    try:
        return _load(text, strict=strict, **ssda903)
    finally:
        freeze_for_good()
        if was:
            gc.enable()


def _load(text: str, *, strict: bool, **ssda903: Any) -> LoadResult:
    kind = kind_of(text)
    given = {k: v for k, v in ssda903.items() if v not in (None, (), [], False)}
    if kind != "ssda903" and given:
        raise LoadError(
            [
                Problem(
                    code="option_not_applicable",
                    message=f"option(s) {', '.join(sorted(given))} apply to SSDA903 folders only",
                    file=label(text),
                )
            ]
        )
    if kind in ("ssd", "ssd-csv"):
        from corparent.io import ssd

        return ssd.load(text, strict=strict)
    if kind == "events":
        from corparent.io import events

        return events.load(text, strict=strict)
    from corparent.io.ssda903 import load

    return load(text, strict=strict, **ssda903)


def default_duties(loaded: LoadResult) -> tuple[str, ...]:
    """The duties to report when ``--duties`` is not given: every duty for a council's own
    data (what it cannot show is not assessable, never a breach); for an SSDA903 return, the
    review duties (the only events it holds)."""
    from corparent.io._loaded import SourceLoadResult

    return ("*",) if isinstance(loaded, SourceLoadResult) else ("review_*",)


def extra_checks(loaded: LoadResult) -> tuple[CheckSpec, ...]:
    """Checks only this source makes possible (the system's review due dates, from the SSD)."""
    from corparent.io._loaded import SourceLoadResult

    if isinstance(loaded, SourceLoadResult) and loaded.review_due_dates:
        from corparent.io.ssd import SYSTEM_REVIEW_DUE

        return (SYSTEM_REVIEW_DUE,)
    return ()


def possible_checks(text: str) -> tuple[CheckSpec, ...]:
    """The checks a source of this kind can add, known before it is loaded (so ``--checks``
    and ``--list-checks`` see them)."""
    if kind_of(text) in ("ssd", "ssd-csv"):
        from corparent.io.ssd import SYSTEM_REVIEW_DUE

        return (SYSTEM_REVIEW_DUE,)
    return ()


def adjust_checks(checks: CheckSet, loaded: LoadResult) -> CheckSet:
    """``checks`` fitted to the source: the SSD's own check configured with its data, and the
    checks of SSDA903-only columns dropped for a council's own data."""
    from corparent.io._loaded import SourceLoadResult

    if not isinstance(loaded, SourceLoadResult):
        return checks
    if "ssd.system_review_due" in checks:
        checks = checks.configure("ssd.system_review_due", due_dates=dict(loaded.review_due_dates))
    present = [c for c in NOT_APPLICABLE_CHECKS if c in checks]
    return checks.without(*present) if present else checks
