"""Which children of an SSDA903 return (as :class:`~corparent.batch._tables.ReturnColumns`) may
have a record integrity problem, column-wise: every rule of :mod:`corparent.model._integrity`
that the fields a 903 return fills can break.

A child marked here goes through the record path (its record built, every check run on it);
a child not marked has no integrity problem. Exact where the rule allows, conservative
otherwise: a repeated review, placement for adoption, missing episode, social worker episode
or deprivation of liberty is an integrity problem only when every field repeats, but here a
repeated date (or start) is enough to mark the child.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from corparent.batch._dates import NEVER
from corparent.batch._tables import ReturnColumns, TableColumns
from corparent.codes import ReasonEpisodeCeased

__all__ = ["as_ints", "integrity_suspects", "owners"]

Ints = npt.NDArray[np.int64]
Bools = npt.NDArray[np.bool_]

_X1 = list(ReasonEpisodeCeased).index(ReasonEpisodeCeased.X1)

# The dated tables a 903 record holds besides episodes, with the field their rows sort by
# (the record's events sort by date, its periods by start) and whether they are periods.
_EVENTS = ("reviews", "placed_adoption")  # CaseRecord.reviews, .placed_for_adoption
_PERIODS = ("missing", "sw_episodes", "dolo")  # .missing, .social_worker_episodes, ...


def owners(table: TableColumns) -> Ints:
    """Each row's child index."""
    offsets = table.offsets
    counts = np.diff(offsets)
    return np.repeat(np.arange(len(counts), dtype=np.int64), counts)


def as_ints(values: npt.NDArray[np.generic]) -> Ints:
    """A column as ``int64`` (codes, flags and numbers are ``int16``)."""
    return np.asarray(values, np.int64)


def _mark(out: Bools, owner: Ints, rows: Bools) -> None:
    if rows.any():
        out[owner[rows]] = True


def _repeats(owner: Ints, key: Ints) -> Bools:
    """Rows whose child and key equal the previous row's (rows sorted by key in each child)."""
    same = np.zeros(len(key), np.bool_)
    if len(key) > 1:
        same[1:] = (owner[1:] == owner[:-1]) & (key[1:] == key[:-1])
    return same


def integrity_suspects(data: ReturnColumns) -> Bools:
    """Per child: True when its record may have an integrity problem (see the module text),
    or a required value is empty (the record path reports it)."""
    n = len(data)
    out = np.zeros(n, np.bool_)
    dob = np.asarray(data.tables["header"].values["date_of_birth"], np.int64)
    out |= dob == NEVER

    episodes = data.tables["episodes"]
    owner = owners(episodes)
    values = episodes.values
    start = np.asarray(values["start"], np.int64)
    end = np.asarray(values["end"], np.int64)
    rec = np.asarray(values["reason_ceased"], np.int64)
    has_end = end != NEVER
    bad = start == NEVER
    for name in ("reason_new", "legal_status", "placement"):  # required codes
        bad |= np.asarray(values[name], np.int64) < 0
    bad |= has_end & (end < start)  # an episode ends before it starts
    bad |= (rec >= 0) & ~has_end  # REC without an end date
    bad |= has_end & (rec < 0)  # an end date without REC
    bad |= start < dob[owner]  # before birth
    last = np.zeros(len(start), np.bool_)
    if len(start):
        last[episodes.offsets[1:][np.diff(episodes.offsets) > 0] - 1] = True
    bad |= last & (rec == _X1)  # X1 on the last episode
    if len(start) > 1:
        following = np.append(start[1:], NEVER)
        inner = ~last
        bad |= inner & ~has_end  # an open episode followed by another
        bad |= inner & has_end & (following < end)  # overlapping episodes
        bad |= inner & (rec == _X1) & has_end & (following != end)  # X1 with no successor
    _mark(out, owner, bad)

    for name in _EVENTS:
        table = data.tables[name]
        owner = owners(table)
        date = np.asarray(table.values["date"], np.int64)
        bad = (date == NEVER) | (date < dob[owner]) | _repeats(owner, date)
        _mark(out, owner, bad)
    for name in _PERIODS:
        table = data.tables[name]
        owner = owners(table)
        start = np.asarray(table.values["start"], np.int64)
        end = np.asarray(table.values["end"], np.int64)
        bad = (start == NEVER) | (start < dob[owner]) | _repeats(owner, start)
        bad |= (end != NEVER) & (end < start)
        _mark(out, owner, bad)
    return out
