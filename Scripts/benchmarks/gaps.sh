#!/usr/bin/env bash
# A whole `stakemap gaps` run on a 10,000-actor network beside NetworkX (Scripts/benchmarks/gaps.py).
#
#   Scripts/benchmarks/gaps.sh [--nodes N] [--reps N] [--skip-apl] ...
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
"$root/Scripts/setup/bootstrap.sh"
(cd "$root" && swift build -c release --product stakemap >&2)
bin="$(cd "$root" && swift build -c release --show-bin-path)/stakemap"
export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1
exec python3 "$root/Scripts/benchmarks/gaps.py" --stakemap "$bin" "$@"
