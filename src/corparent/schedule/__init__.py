"""The obligations engine: ``schedule(record, as_of)`` gives every duty's due dates and status.

``corparent.schedule`` is both this package and callable: ``cp.schedule(record, as_of)`` is
:func:`schedule`, and ``import corparent.schedule`` gives the module.

>>> import datetime as dt
>>> from corparent.schedule import Status
>>> Status.OVERDUE.value
'overdue'
"""

from __future__ import annotations

import importlib
import sys
import types
from typing import Any

from corparent.schedule._ambiguity import ALTERNATIVES, Ambiguity, Reading, ambiguities
from corparent.schedule._engine import carer_schedule, rules_for_duties, schedule
from corparent.schedule._obligation import Obligation, Schedule, Status

__all__ = [
    "ALTERNATIVES",
    "Ambiguity",
    "Obligation",
    "Reading",
    "Schedule",
    "Status",
    "ambiguities",
    "carer_schedule",
    "rules_for_duties",
    "schedule",
]


class _CallableModule(types.ModuleType):
    """``corparent.schedule`` is this package and, called, the :func:`schedule` function.

    ``import corparent.schedule`` (or ``... as m``) gives the module, as for any package, while
    ``cp.schedule(record, as_of)`` (the name the design pins) calls :func:`schedule`;
    ``inspect.signature`` and ``help`` follow ``__wrapped__`` to the function.
    """

    def __call__(self, *args: Any, **kwargs: Any) -> Schedule:
        return schedule(*args, **kwargs)

    def __reduce__(self) -> tuple[Any, ...]:
        # Picklable by name, like the function it stands for (e.g. to a worker process).
        return (importlib.import_module, (self.__name__,))


sys.modules[__name__].__class__ = _CallableModule
__wrapped__ = schedule
