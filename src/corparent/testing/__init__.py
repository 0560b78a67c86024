"""Tools for testing code that uses corparent (needs the ``testing`` extra: hypothesis).

* :func:`case_records`, :func:`faulty_case_records`, :func:`dates_between`: hypothesis
  strategies for valid, realistic records and for records with one chosen integrity fault;
* :func:`run_check`: run one check on one record exactly as the runner would.
"""

from __future__ import annotations

from corparent.testing._checks import run_check
from corparent.testing._strategies import case_records, dates_between, faulty_case_records

__all__ = ["case_records", "dates_between", "faulty_case_records", "run_check"]
