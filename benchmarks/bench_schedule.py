"""Benchmark ``schedule()`` over realistic synthetic records, and the batch engine beside it.

Targets (issue 15): ``schedule()`` on 100,000 records in <= 10 s on one core; linear growth.
Prints, for each size: ``schedule()`` with every duty, ``schedule()`` with the review duties
only (what ``corparent check`` computes for a 903 return), and the column-wise batch engine
(``corparent.batch``) computing the same review obligations. Prints figures; asserts nothing.

    python benchmarks/bench_schedule.py                  # 10,000 and 100,000 records
    python benchmarks/bench_schedule.py --sizes 20000
"""

from __future__ import annotations

import argparse
import gc
import json
import time

from corparent import synth
from corparent.batch import REVIEW_DUTIES, Columns, review_obligations
from corparent.law import ENGLAND, RuleSet
from corparent.schedule import schedule


def measure(n: int) -> dict[str, float]:
    t0 = time.perf_counter()
    records = synth.generate(n, seed=4).records
    built = time.perf_counter() - t0
    gc.freeze()  # the records live for the whole run: the collector need not walk them
    reviews = RuleSet("England", [d for d in ENGLAND if d.id in REVIEW_DUTIES])
    out: dict[str, float] = {"records": n, "generated": built}
    for label, rules in (("every_duty", ENGLAND), ("review_duties", reviews)):
        obligations = 0
        t0 = time.perf_counter()
        for record in records:
            obligations += len(schedule(record, synth.DEFAULT_AS_OF, rules=rules))
        out[label] = time.perf_counter() - t0
        out[f"{label}_obligations"] = obligations
    t0 = time.perf_counter()
    columns = Columns.from_records(records)
    t1 = time.perf_counter()
    table = review_obligations(columns, synth.DEFAULT_AS_OF, rules=ENGLAND)
    out["batch_columns"] = t1 - t0
    out["batch_engine"] = time.perf_counter() - t1
    out["batch_obligations"] = len(table)
    return out


def report(figures: dict[str, float]) -> None:
    n = int(figures["records"])
    print(f"{n:>7,} records (generated in {figures['generated']:.1f} s):")
    for label, text in (("every_duty", "every duty"), ("review_duties", "review duties")):
        seconds = figures[label]
        per = figures[f"{label}_obligations"] / n
        print(
            f"  schedule(), {text + ':':<15} {seconds:6.2f} s  ({n / seconds:8,.0f} records/s, "
            f"{per:.1f} obligations each)"
        )
    total = figures["batch_columns"] + figures["batch_engine"]
    print(
        f"  batch engine, reviews:      {total:6.2f} s  (columns {figures['batch_columns']:.2f} s"
        f" + engine {figures['batch_engine']:.2f} s; "
        f"{figures['batch_obligations'] / n:.1f} obligations each)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--json", action="store_true", help="print one JSON line per size")
    args = parser.parse_args()
    timings = {}
    for n in args.sizes:
        figures = measure(n)
        timings[n] = figures["every_duty"]
        print(json.dumps(figures)) if args.json else report(figures)
    if args.json:
        return
    if len(timings) >= 2:
        small, large = min(timings), max(timings)
        print(
            f"growth x{timings[large] / timings[small]:.1f} time for x{large / small:.0f} records"
        )
    largest = max(timings)
    projected = timings[largest] / largest * 100_000
    verdict = "met" if projected <= 10 else "MISSED"
    print(f"schedule() 100k projected: {projected:.1f} s on one core (target <= 10 s: {verdict})")


if __name__ == "__main__":
    main()
