#!/usr/bin/env bash
# StakeMap vs igraph on a 10,000-node stochastic block model (see Scripts/benchmarks/centrality.py).
#
#   Scripts/benchmarks/centrality.sh [centrality.py options: --nodes N --reps N --threads 1,2 --keep DIR ...]
#
# Builds stakemap-bench in release mode at the repository root, unless STAKEMAP_BENCH names an
# already built binary. Installs python-igraph with pip when `import igraph` fails.
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
  echo "centrality.sh: $STAKEMAP_BENCH is not an executable" >&2
  exit 1
fi

if ! "$python" -c "import igraph" 2>/dev/null; then
  echo "centrality.sh: installing python-igraph" >&2
  "$python" -m pip install --quiet igraph
fi

# igraph's C core is single-threaded; keep BLAS/OpenMP helpers from stealing the second core.
export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1
exec "$python" "$root/Scripts/benchmarks/centrality.py" --bench "$STAKEMAP_BENCH" "$@"
