"""The files of a return: a folder's CSV files, named ones, several of either, each with the
table it was named for."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from os import PathLike
from pathlib import Path

from corparent.errors import LoadError, Problem
from corparent.io.ssda903._state import LoadState
from corparent.io.ssda903._tables import TABLES, TableSpec

__all__ = ["Source", "StrPath", "is_csv_name", "return_files", "table_by_name"]

StrPath = str | PathLike[str]
Source = StrPath | Mapping[str, StrPath] | Iterable[StrPath]


def _stem(path: Path) -> str:
    return re.sub(r"[^a-z0-9]", "", path.stem.lower())


def table_by_name(path: Path) -> TableSpec | None:
    """The table a file is named for (``episodes.csv``, ``Episodes 2024.csv``), if any."""
    stem = _stem(path)
    return next((t for t in TABLES if stem in t.file_stems), None)


def is_csv_name(path: Path) -> bool:
    """True for a ``.csv`` file, or a ``.txt`` file named for a table (Excel's Unicode Text)."""
    return path.suffix.lower() in (".csv", ".txt") and (
        path.suffix.lower() == ".csv" or table_by_name(path) is not None
    )


def return_files(load: LoadState, source: Source) -> list[tuple[Path, str | None]]:
    """The files of one return, each with the table it was named for (mapping sources)."""
    if source is None:
        raise LoadError(
            [Problem(code="no_files", message="no folder or file given", expected="a folder")]
        )
    if isinstance(source, Mapping):
        return [(Path(p), str(name)) for name, p in source.items()]
    if isinstance(source, str | PathLike):
        path = Path(source)
        if path.is_dir():
            found: list[tuple[Path, str | None]] = []
            try:
                entries = sorted(path.iterdir())
            except OSError as exc:
                raise LoadError(
                    [
                        Problem(
                            code="unreadable_folder",
                            message=f"cannot list the folder ({type(exc).__name__})",
                            file=str(path),
                        )
                    ]
                ) from None
            for entry in entries:
                if entry.is_dir() and not entry.is_symlink():
                    if any(is_csv_name(p) for p in _safe_iter(entry)):
                        load.notes.append(
                            Problem(
                                code="subfolder_ignored",
                                message="the subfolder's CSV files were not read; pass a "
                                "previous year's return as a previous return",
                                file=str(entry),
                            )
                        )
                    continue
                if is_csv_name(entry):
                    found.append((entry, None))
            return found
        if not path.exists() and not path.is_symlink():
            raise LoadError(
                [
                    Problem(
                        code="no_files",
                        message="no such file or folder",
                        file=str(path),
                        expected="a folder of SSDA903 CSV files",
                    )
                ]
            )
        return [(path, None)]
    if isinstance(source, bytes):
        raise LoadError([Problem(code="no_files", message="a path must be text, not bytes")])
    try:
        items = list(source)
    except TypeError:
        raise LoadError(
            [
                Problem(
                    code="no_files",
                    message=f"cannot read a return from a {type(source).__name__}",
                    expected="a folder, a file, several of either, or {table: file}",
                )
            ]
        ) from None
    return [f for item in items for f in return_files(load, item)]


def _safe_iter(folder: Path) -> list[Path]:
    try:
        return list(folder.iterdir())
    except OSError:
        return []
