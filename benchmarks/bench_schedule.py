"""Benchmark ``schedule()`` over realistic synthetic records (issue 4).

Target: 100,000 records in <= 10 s on one core, and linear growth (100k / 10k ~= 10).
Prints figures; asserts nothing.

    python benchmarks/bench_schedule.py [sizes...]     # default: 10000 100000
"""

from __future__ import annotations

import argparse
import time

from corparent import synth
from corparent.schedule import schedule


def main(sizes: list[int]) -> None:
    timings: dict[int, float] = {}
    for n in sizes:
        t0 = time.perf_counter()
        caseload = synth.generate(n, seed=4)
        built = time.perf_counter() - t0
        obligations = 0
        t0 = time.perf_counter()
        for record in caseload:
            obligations += len(schedule(record, synth.DEFAULT_AS_OF))
        elapsed = time.perf_counter() - t0
        timings[n] = elapsed
        print(
            f"{n:>7,} records: schedule {elapsed:6.2f} s ({n / elapsed:,.0f} records/s, "
            f"{elapsed / n * 1e6:.0f} us each, {obligations / n:.1f} obligations each); "
            f"generating them took {built:.2f} s"
        )
    if len(timings) >= 2:
        small, large = min(timings), max(timings)
        ratio = timings[large] / timings[small]
        print(
            f"growth {large:,}/{small:,} records: x{ratio:.1f} time "
            f"for x{large / small:.0f} records"
        )
    largest = max(timings)
    projected = timings[largest] / largest * 100_000
    verdict = "met" if projected <= 10 else "MISSED"
    print(f"100k projected: {projected:.1f} s on one core (target <= 10 s: {verdict})")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=(__doc__ or "").strip().splitlines()[0])
    parser.add_argument(
        "sizes", type=int, nargs="*", default=[10_000, 100_000], help="children per run"
    )
    main(parser.parse_args().sizes)
