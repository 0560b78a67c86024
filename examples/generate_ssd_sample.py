"""Regenerate the bundled synthetic council data in ``examples/data/ssd`` (Standard
Safeguarding Dataset tables as ``ssd_*.csv``) and ``examples/data/events`` (the events format).

Both come from one hidden history of 60 children as at 31 March 2024, made by
``corparent.synth`` with a fixed seed: no real child is described. A test checks that the
committed files equal a fresh generation.

    python examples/generate_ssd_sample.py [folder]
"""

from __future__ import annotations

import sys
from pathlib import Path

from corparent.io import events, ssd
from corparent.synth import History, history, write_ssd

SAMPLE_CHILDREN = 60
SAMPLE_SEED = 1303


def sample_history() -> History:
    """The hidden history both samples are written from."""
    return history(SAMPLE_CHILDREN, seed=SAMPLE_SEED, previous=0)


def main(folder: Path) -> None:
    h = sample_history()
    rows = write_ssd(h, folder / "ssd", seed=SAMPLE_SEED, misconfigured_share=0.1)
    allocations = ssd.load(folder / "ssd").allocations
    written = events.write(h.caseload, folder / "events", allocations=allocations)
    print(f"wrote {sum(rows.values())} SSD rows and {sum(written.values())} event rows to {folder}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).parent / "data")
