"""The SSDA903 return (the DfE's looked-after-children dataset): load it, write it back.

>>> from corparent.io.ssda903 import parse_date
>>> parse_date("22/12/2023")
datetime.date(2023, 12, 22)
"""

from __future__ import annotations

from corparent.io.ssda903._check import CheckedReturn, ReturnLoad, check_return, load_child
from corparent.io.ssda903._fields import parse_date
from corparent.io.ssda903._read import load
from corparent.io.ssda903._result import CollectionYear, LoadResult, LoadStats, TableStats
from corparent.io.ssda903._tables import PERSONAL_COLUMNS, TABLES, TableSpec
from corparent.io.ssda903._write import write

__all__ = [
    "PERSONAL_COLUMNS",
    "TABLES",
    "CheckedReturn",
    "CollectionYear",
    "LoadResult",
    "LoadStats",
    "ReturnLoad",
    "TableSpec",
    "TableStats",
    "check_return",
    "load",
    "load_child",
    "parse_date",
    "write",
]
