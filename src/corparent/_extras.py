"""Optional extras, imported only when used: ``import corparent`` never pays for them.

:func:`data_frame` builds a pandas ``DataFrame`` (the ``pandas`` extra) for the ``to_pandas()``
methods of findings, schedules and worklists.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Mapping, Sequence
from types import ModuleType
from typing import Any

from corparent.errors import CorparentError

__all__ = ["ExtraNotInstalled", "data_frame", "require"]


class ExtraNotInstalled(CorparentError, ImportError):
    """A feature needs an optional extra that is not installed."""

    def __init__(self, module: str, extra: str, feature: str) -> None:
        self.module, self.extra = module, extra
        super().__init__(
            f"{feature} needs the optional '{extra}' extra ({module} is not installed): "
            f"pip install 'corparent[{extra}]'"
        )


def require(module: str, extra: str, feature: str) -> ModuleType:
    """``module`` imported, or :class:`ExtraNotInstalled` naming the extra to install."""
    try:
        return importlib.import_module(module)
    except ImportError:
        raise ExtraNotInstalled(module, extra, feature) from None


def data_frame(rows: Iterable[Mapping[str, Any]], columns: Sequence[str]) -> Any:
    """A ``pandas.DataFrame`` of ``rows`` with exactly ``columns`` (dates stay ``date``
    objects; an empty input gives an empty frame with the columns)."""
    pandas = require("pandas", "pandas", "to_pandas()")
    return pandas.DataFrame.from_records(
        [tuple(row.get(c) for c in columns) for row in rows], columns=list(columns)
    )
