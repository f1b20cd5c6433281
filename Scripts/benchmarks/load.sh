#!/usr/bin/env bash
# Loading at scale: a random network of 100,000 actors and 1,000,000 relations (seeded), as
# JSON and as YAML, read into the model and built into the CSR graph by stakemap-bench.
#
#   Scripts/benchmarks/load.sh [--actors N] [--relations N] [--seed N]
#
# Prints one JSON line per file: read time, CSR build time (best of 3), graph bytes, resident
# memory after loading, peak RSS after reading and at the end (one read's: each repetition's
# network is let go before the next).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
"$root/Scripts/setup/bootstrap.sh"
(cd "$root" && swift build -c release --product stakemap-bench >&2)
bench="$(cd "$root" && swift build -c release --show-bin-path)/stakemap-bench"

dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
python3 "$root/Scripts/fixtures/make-large-network.py" --actors 100000 --relations 1000000 --seed 1 --all-existing "$@" "$dir/large" >&2
ls -l "$dir"/large.* >&2
for file in "$dir/large.json" "$dir/large.yaml"; do
  "$bench" load "$file" --reps 3
done
