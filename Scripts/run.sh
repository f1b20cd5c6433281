#!/usr/bin/env bash
# The main job, from a clean clone: install what is missing, build, analyse a network shipped
# in Graphs/ and render its map.
#
#   Scripts/run.sh                       # the Dresden network
#   Scripts/run.sh Graphs/x/x.yaml out/x.svg
#
# Prints the centrality table and writes the map (default out/dresden.svg).
set -euo pipefail
cd "$(dirname "$0")/.."

network=${1:-Graphs/dresden/dresden.yaml}
map=${2:-out/$(basename "${network%.*}").svg}

Scripts/setup/bootstrap.sh
swift build -c release --product stakemap >&2
bin=$(swift build -c release --show-bin-path)/stakemap

"$bin" check "$network"
"$bin" analyze "$network"
mkdir -p "$(dirname "$map")"
"$bin" render "$network" -o "$map"
echo "map written to $map" >&2
