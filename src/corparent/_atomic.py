"""Atomic output files: write to a temporary file in the same folder, then rename it into place.

An interrupted run leaves the previous file intact (the rename is the only moment the file
changes); two runs writing the same file never interleave (the last rename wins whole). Every
output corparent writes (findings, reports, workbooks, SSDA903 tables) goes through here, and
every way a write can fail (missing folder, a folder in the way, disk full, no permission) is one
:class:`~corparent.errors.OutputError` naming the path. A device or a pipe (``/dev/null``,
``/dev/stdout``, Windows' ``NUL``) is written in place, and a link's file is replaced, not the
link.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TextIO

from corparent.errors import OutputError

__all__ = ["atomic_open", "atomic_write_bytes", "atomic_write_text"]

_UMASK: int | None = None


def _default_mode() -> int:
    global _UMASK
    if _UMASK is None:
        _UMASK = os.umask(0o022)
        os.umask(_UMASK)
    return 0o666 & ~_UMASK


_IN_USE = (5, 32)
"""Windows' errors (access denied, sharing violation) for replacing a file that another program
holds open: a workbook or CSV file open in Excel."""


def _error(path: Path, exc: OSError, *, replacing: bool = False) -> OutputError:
    reason = exc.strerror or type(exc).__name__
    if replacing and getattr(exc, "winerror", None) in _IN_USE:
        reason += " (is it open in another program, such as Excel? close it and run again)"
    return OutputError(f"cannot write {path}: {reason}")


def _discard(temp: str) -> None:
    """Remove the temporary file, also when it was made read-only (as the file it was to
    replace): Windows refuses to delete a read-only file."""
    with contextlib.suppress(OSError):
        os.chmod(temp, 0o600)
    with contextlib.suppress(OSError):
        os.unlink(temp)


@contextlib.contextmanager
def atomic_open(
    path: str | os.PathLike[str], *, encoding: str = "utf-8", newline: str | None = ""
) -> Iterator[TextIO]:
    """A text stream whose contents replace ``path`` only when the ``with`` block completes.

    Raises:
        OutputError: the file cannot be written (the previous file, if any, is untouched).
    """
    with _replacing(path, "w", encoding=encoding, newline=newline) as stream:
        yield stream


def atomic_write_text(path: str | os.PathLike[str], text: str, *, encoding: str = "utf-8") -> None:
    """Write ``text`` to ``path`` atomically (see :func:`atomic_open`)."""
    with atomic_open(path, encoding=encoding) as stream:
        stream.write(text)


def atomic_write_bytes(path: str | os.PathLike[str], data: bytes) -> None:
    """Write ``data`` to ``path`` atomically, as :func:`atomic_open` writes text (a workbook
    gets the same permissions as a CSV file: those of the file it replaces, else the usual
    ones, not the temporary file's owner-only ones)."""
    with _replacing(path, "wb") as stream:
        stream.write(data)


@contextlib.contextmanager
def _replacing(path: str | os.PathLike[str], mode: str, **options: Any) -> Iterator[Any]:
    target = Path(path)
    if target.is_symlink():
        # The file the link names is replaced, not the link (/dev/stdout redirected to a file
        # is such a link: as root, renaming onto it replaced /dev/stdout itself).
        target = target.resolve()
    folder = target.parent
    if target.is_dir():
        raise OutputError(f"cannot write {target}: it is a folder")
    if not folder.is_dir():
        raise OutputError(f"cannot write {target}: the folder {folder} does not exist")
    try:
        existing = target.stat() if target.exists() else None
    except OSError as exc:
        raise _error(target, exc) from None
    if existing is not None and not stat.S_ISREG(existing.st_mode):
        # A device or a pipe (/dev/null, /dev/stdout, a FIFO, Windows' NUL) is written in
        # place: a file renamed onto it would replace it (and as root, /dev/null for all).
        try:
            with open(target, mode, **options) as stream:
                yield stream
        except OSError as exc:
            raise _error(target, exc) from None
        return
    try:
        permissions = existing.st_mode & 0o777 if existing is not None else _default_mode()
        fd, temp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise _error(target, exc) from None
    replacing = False
    try:
        with os.fdopen(fd, mode, **options) as stream:
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temp, permissions)
        replacing = True
        os.replace(temp, target)
    except OSError as exc:
        _discard(temp)
        raise _error(target, exc, replacing=replacing) from None
    except BaseException:
        _discard(temp)
        raise
