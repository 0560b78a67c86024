"""Print the first statutory due dates for a sample child, using only ``corparent.dates``.

A child becomes looked after and is placed with foster carers on Friday 22 December 2023
(worked examples W1-W4 of the reference). This prints the deadlines that the first weeks of
care create, with the regulation behind each, computed with the England and Wales calendar.

    python examples/first_schedule.py
"""

from __future__ import annotations

import datetime as dt

from corparent.dates import ENGLAND_AND_WALES, add_months, add_weeks

became_looked_after = dt.date(2023, 12, 22)
first_review_held = dt.date(2024, 1, 24)
calendar = ENGLAND_AND_WALES

rows = [
    (
        "placement plan",
        calendar.add_working_days(became_looked_after, 5),
        "within 5 working days of the placement, if not before (CPPCR 2010 reg 9(2))",
    ),
    (
        "first social-worker visit",
        add_weeks(became_looked_after, 1),
        "within one week of the start of the placement (CPPCR 2010 reg 28(2)(a))",
    ),
    (
        "care plan",
        calendar.add_working_days(became_looked_after, 10),
        "within 10 working days of the first placement, if not before (CPPCR 2010 reg 4(2))",
    ),
    (
        "first review",
        calendar.add_working_days(became_looked_after, 20),
        "within 20 working days of becoming looked after (CPPCR 2010 reg 33(1))",
    ),
    (
        "second review",
        add_months(first_review_held, 3),
        "not more than 3 months after the first, held 24 Jan 2024 (CPPCR 2010 reg 33(2))",
    ),
]

print(f"Child C0001 became looked after on {became_looked_after:%a %d %b %Y}")
print(f"Calendar: {calendar.name}")
for duty, due, rule in sorted(rows, key=lambda row: row[1]):
    print(f"  {due:%a %d %b %Y}  {duty:<26} {rule}")
