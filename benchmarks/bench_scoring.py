"""Trust on real returns: precision and recall of review findings on real-shaped returns.

For each size, ``corparent.synth`` builds a hidden history, writes this year's SSDA903 return
(and the previous returns) as CSV files, loads them with ``corparent.io.ssda903.load``, runs
the default checks as at 31 March 2024 and scores the late, overdue and missed review findings
against the truth (``corparent.synth.score``). It also scores the records cut in memory
(``corparent.synth.cut_return``, which carry the returns' evidence windows): what a loader
that sets evidence windows gives, so a gap between the two rows points at the loader. The
"main job" row is what ``corparent check FOLDER --as-of 2024-03-31`` computes (column-wise
where it can, the collection year derived from the files' dates).

Targets (issue 10): precision >= 95% and recall >= 90% on one year's return; adding previous
returns never makes either worse. Prints figures; asserts nothing.

    python benchmarks/bench_scoring.py [sizes...]     # default: 2000 20000
"""

from __future__ import annotations

import argparse
import datetime as dt
import inspect
import tempfile
import time
from pathlib import Path

from corparent import synth
from corparent.checks import Finding, run_checks
from corparent.io.ssda903 import load
from corparent.model import Caseload

YEAR_END = dt.date(2024, 3, 31)
PREVIOUS = (0, 2)
SEED = 10


def _loaded(h: synth.History, folder: Path, previous: int) -> Caseload | None:
    """This year's return loaded with ``previous`` earlier returns (None if the loader cannot
    take previous returns)."""
    folders = list(synth.write_returns(h, folder, previous=previous).values())
    if previous == 0:
        return load(folders[0], collection_year_end=YEAR_END).caseload
    if "previous" not in inspect.signature(load).parameters:
        return None
    return load(folders[0], collection_year_end=YEAR_END, previous=folders[1:]).caseload  # type: ignore[call-arg]


def _main_job(h: synth.History, folder: Path, previous: int) -> tuple[Finding, ...]:
    """The findings ``corparent check`` gives on the written returns (default options)."""
    import argparse as ap

    from corparent.cli._check import rules_for, select_checks
    from corparent.io.ssda903 import check_return

    folders = list(synth.write_returns(h, folder, previous=previous).values())
    args = ap.Namespace(no_plugins=True, block=[], checks=[], exclude=[], duties=[], pledge=None)
    checked = check_return(
        folders[0], YEAR_END, checks=select_checks(args), rules=rules_for(args),
        previous=folders[1:],
    )  # fmt: skip
    return checked.result.findings


def main(sizes: list[int]) -> None:
    print(f"review findings as at {YEAR_END}, scored against the hidden history")
    print(f"{'children':>9} {'previous':>8} {'source':<10} {'precision':>22} {'recall':>26}")
    for n in sizes:
        t0 = time.perf_counter()
        h = synth.history(n, seed=SEED, previous=max(PREVIOUS))
        built = time.perf_counter() - t0
        for previous in PREVIOUS:
            known_from = synth.collection_year(dt.date(YEAR_END.year - previous, 3, 31))[0]
            with tempfile.TemporaryDirectory() as tmp:
                sources: dict[str, Caseload | Path | None] = {
                    "loaded": _loaded(h, Path(tmp), previous),
                    "in memory": synth.cut_return(h, YEAR_END, previous=previous),
                    "main job": Path(tmp) / "main-job",
                }
                for name, caseload in sources.items():
                    if caseload is None:
                        print(
                            f"{n:>9,} {previous:>8} {name:<10} (the loader takes no previous "
                            "returns)"
                        )
                        continue
                    t0 = time.perf_counter()
                    if isinstance(caseload, Path):
                        findings = _main_job(h, caseload, previous)
                    else:
                        findings = run_checks(caseload, YEAR_END).findings
                    s = synth.score(findings, h, YEAR_END, known_from=known_from)
                    took = time.perf_counter() - t0
                    print(
                        f"{n:>9,} {previous:>8} {name:<10} "
                        f"{s.precision:>7.1%} ({s.true_findings:>5}/{s.findings:>6}) "
                        f"{s.recall:>7.1%} ({s.found:>5}/{s.faults:>5} of {s.all_faults:>5}) "
                        f"[{took:.0f} s]"
                    )
        print(f"{n:>9,} children: history built in {built:.1f} s")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=(__doc__ or "").strip().splitlines()[0])
    parser.add_argument(
        "sizes", type=int, nargs="*", default=[2_000, 20_000], help="children per run"
    )
    main(parser.parse_args().sizes)
