"""Regenerate ``bank_holidays_1990_2040.json``, the committed snapshot of non-working weekdays.

The snapshot makes any change in the ``holidays`` package that moves a bank holiday a failing
test and a visible diff. After checking such a change against the official announcement, run::

    python tests/data/make_bank_holiday_snapshot.py
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from corparent.dates import ENGLAND_AND_WALES, NORTHERN_IRELAND, SCOTLAND

CALENDARS = {
    "england_and_wales": ENGLAND_AND_WALES,
    "scotland": SCOTLAND,
    "northern_ireland": NORTHERN_IRELAND,
}
START, END = dt.date(1990, 1, 1), dt.date(2040, 12, 31)


def snapshot() -> dict[str, list[str]]:
    return {
        name: [d.isoformat() for d in cal.non_working_weekdays(START, END)]
        for name, cal in CALENDARS.items()
    }


if __name__ == "__main__":
    target = Path(__file__).with_name("bank_holidays_1990_2040.json")
    target.write_text(json.dumps(snapshot(), indent=1) + "\n")
    print(f"wrote {target}")
