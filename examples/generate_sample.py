"""Regenerate the bundled synthetic SSDA903 sample in ``examples/data/ssda903``.

200 children as at 31 March 2024 (the 2023/24 collection year), made by ``corparent.synth``
with a fixed seed: no real child is described. A test checks that the committed files equal a
fresh generation, so any change to the generator shows up as a diff here.

    python examples/generate_sample.py [folder]
"""

from __future__ import annotations

import sys
from pathlib import Path

from corparent.synth import DEFAULT_AS_OF, write_sample

SAMPLE_CHILDREN = 200
SAMPLE_SEED = 903


def main(folder: Path) -> None:
    caseload = write_sample(folder, SAMPLE_CHILDREN, seed=SAMPLE_SEED, as_of=DEFAULT_AS_OF)
    print(f"wrote {len(caseload)} synthetic children as at {DEFAULT_AS_OF} to {folder}")


if __name__ == "__main__":
    default = Path(__file__).parent / "data" / "ssda903"
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else default)
