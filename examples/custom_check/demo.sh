#!/usr/bin/env bash
# Show that a check installed as a package through the "corparent.checks" entry point runs.
# Run from the repository root after:  pip install ./examples/custom_check
set -euo pipefail
cd "$(dirname "$0")/../.."

echo "--- checks that would run (the plugin is listed with its distribution and version)"
corparent check examples/data/ssda903 --as-of 2024-03-31 --list-checks | tee /tmp/corparent-demo-list.txt
grep -q "^anytown.placement_moves .*corparent-example-check 0.1.0" /tmp/corparent-demo-list.txt

echo "--- its findings on the bundled sample"
rc=0
corparent check examples/data/ssda903 --as-of 2024-03-31 --checks anytown --format csv \
  --output /tmp/corparent-demo.csv --fail-on never || rc=$?
test "$rc" -eq 0
head -n 6 /tmp/corparent-demo.csv
n=$(grep -c ",anytown.placement_moves," /tmp/corparent-demo.csv || true)
echo "anytown.placement_moves findings: $n"
test "$n" -gt 0
