"""corparent: the duties of a council as corporate parent, as typed, cited Python.

Import it as ``import corparent as cp``. Every public name below is stable; see the API
reference for each.
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

from corparent import dates, errors
from corparent.errors import CodeError, ConfigError, CorparentError, LoadError, Problem, RecordError

try:
    __version__ = version("corparent")
except PackageNotFoundError:  # pragma: no cover - running from a source tree without install
    __version__ = "0+unknown"

__all__ = [
    "CodeError",
    "ConfigError",
    "CorparentError",
    "LoadError",
    "Problem",
    "RecordError",
    "__version__",
    "dates",
    "errors",
]
