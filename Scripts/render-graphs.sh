#!/usr/bin/env bash
# Regenerates the committed map of every network in Graphs/ (NAME.yaml -> NAME.svg beside it).
# The test suite fails when a committed map differs from a fresh render, so run this after
# changing a network or the map styling, and commit the result.
set -euo pipefail
cd "$(dirname "$0")/.."
Scripts/bootstrap.sh
swift build --product stakemap >&2
bin=$(swift build --show-bin-path)/stakemap
find Graphs -name '*.yaml' ! -name '*scenario*' | sort | while read -r network; do
  "$bin" render "$network" -o "${network%.yaml}.svg"
  echo "rendered ${network%.yaml}.svg" >&2
done
