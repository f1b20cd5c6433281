#!/usr/bin/env bash
# StakeMap beside igraph and NetworKit at 10,000 and 100,000 actors (see Scripts/benchmarks/scale.py).
#
#   Scripts/benchmarks/scale.sh [scale.py options: --sizes 10000,100000 --threads 1,2 --peer-sources 200 ...]
#
# Builds stakemap-bench in release mode unless STAKEMAP_BENCH names a built binary. Installs
# python-igraph and networkit with pip when missing (for this benchmark only; no test needs
# NetworKit). The 100,000-actor exact betweenness keeps both cores busy for minutes.
# Environment: STAKEMAP_BENCH (binary to use), PYTHON (default python3).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
python="${PYTHON:-python3}"

"$root/Scripts/setup/bootstrap.sh"
if [[ -z "${STAKEMAP_BENCH:-}" ]]; then
  (cd "$root" && swift build -c release --product stakemap-bench >&2)
  STAKEMAP_BENCH="$(cd "$root" && swift build -c release --show-bin-path)/stakemap-bench"
fi
if [[ ! -x "$STAKEMAP_BENCH" ]]; then
  echo "scale.sh: $STAKEMAP_BENCH is not an executable" >&2
  exit 1
fi
for module in igraph networkit; do
  if ! "$python" -c "import $module" 2>/dev/null; then
    echo "scale.sh: installing $module" >&2
    "$python" -m pip install --quiet "$module"
  fi
done

# igraph's C core is single-threaded; keep BLAS/OpenMP helpers from stealing the second core
# (NetworKit's thread count is set per run by scale.py).
export OPENBLAS_NUM_THREADS=1
exec "$python" "$root/Scripts/benchmarks/scale.py" --bench "$STAKEMAP_BENCH" "$@"
