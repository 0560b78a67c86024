"""Seeded, realistic synthetic data: for examples, tests, benchmarks and demos.

Nothing here describes a real child. Two generators:

- :func:`history` builds a council's hidden history (every child's whole record) and
  :func:`cut_return` / :func:`write_returns` cut SSDA903 returns from it exactly as the DfE
  collects them: one collection year each, so what a return cannot show is really missing.
  :func:`score` measures review findings from a cut return against the hidden truth.
  :func:`write_ssd` writes the same history as Standard Safeguarding Dataset tables (a
  database or ``ssd_*.csv`` files), which hold much more of it.
- :func:`generate` builds caseloads of whole records directly (each child's full history as at
  a day), with adjustable rates of late and missed duties: a fixture for tests and benchmarks.

>>> import datetime as dt
>>> caseload = generate(5, seed=1, as_of=dt.date(2024, 3, 31))
>>> len(caseload)
5
"""

from __future__ import annotations

from corparent.synth._caseload import DEFAULT_AS_OF, generate, generate_record, write_sample
from corparent.synth._cut import cut_return, write_return, write_returns
from corparent.synth._history import History, collection_year, history
from corparent.synth._score import Fault, Score, faults, score
from corparent.synth._ssd import SSD_SCHEMA, ssd_rows, write_ssd

__all__ = [
    "DEFAULT_AS_OF",
    "SSD_SCHEMA",
    "Fault",
    "History",
    "Score",
    "collection_year",
    "cut_return",
    "faults",
    "generate",
    "generate_record",
    "history",
    "score",
    "ssd_rows",
    "write_return",
    "write_returns",
    "write_sample",
    "write_ssd",
]
