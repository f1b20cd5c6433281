#!/usr/bin/env bash
# Regenerates every committed render in Graphs/: for each network NAME.yaml (scenarios aside)
#   NAME.svg                         the map (stakemap render)
#   report.html                      the report, one self-contained page (stakemap report)
#   report.md, report-map.svg/.png   the Markdown report and the map beside it (300 dpi PNG)
# The test suite fails when a committed render differs from a fresh one (GraphsTests), so run
# this after changing a network, the map styling or the reports, and commit the result.
set -euo pipefail
cd "$(dirname "$0")/.."
Scripts/bootstrap.sh
swift build --product stakemap >&2
bin=$(swift build --show-bin-path)/stakemap
find Graphs -name '*.yaml' ! -name '*scenario*' | sort | while read -r network; do
  dir=$(dirname "$network")
  "$bin" render "$network" -o "${network%.yaml}.svg"
  "$bin" report "$network" -o "$dir/report.html"
  "$bin" report "$network" -o "$dir/report.md"
  echo "rendered ${network%.yaml}.svg, $dir/report.html, $dir/report.md (+ report-map.svg, report-map.png)" >&2
done
