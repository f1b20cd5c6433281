#!/usr/bin/env bash
# Exchange formats at scale, beside NetworkX: a seeded random network (default 100,000 actors,
# 1,000,000 relations, every one existing), exported by StakeMap to GraphML, GEXF and node-link
# JSON and imported back; NetworkX reads the same files and writes them again.
#
#   Scripts/benchmarks/exchange.sh [--actors N] [--relations N] [--formats "graphml gexf node-link"]
#                                  [--reps N] [--skip-networkx]
#
# StakeMap figures are whole processes (`/usr/bin/time`: wall seconds, peak resident MB), the
# best of --reps runs: `export` reads the network's JSON and writes the format; `import` reads
# the format, maps it, checks that the YAML it writes reads back, and writes it. NetworkX figures
# are measured inside one Python process (perf_counter around `read_*` and `write_*` alone, peak
# RSS of the whole process), so they leave out the interpreter's start and imports.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
actors=100000
relations=1000000
formats="graphml gexf node-link"
reps=1
networkx=1
while [ $# -gt 0 ]; do
  case "$1" in
    --actors) actors=$2; shift 2 ;;
    --relations) relations=$2; shift 2 ;;
    --formats) formats=$2; shift 2 ;;
    --reps) reps=$2; shift 2 ;;
    --skip-networkx) networkx=0; shift ;;
    *) echo "exchange.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
"$root/Scripts/setup/bootstrap.sh"
(cd "$root" && swift build -c release --product stakemap >&2)
bin="$(cd "$root" && swift build -c release --show-bin-path)/stakemap"

dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
python3 "$root/Scripts/fixtures/make-large-network.py" --actors "$actors" --relations "$relations" \
  --seed 1 --all-existing "$dir/large" >&2

# Best of $reps: prints "seconds peak_MB".
measure() {
  local best="" peak=""
  for _ in $(seq "$reps"); do
    /usr/bin/time -f "%e %M" -o "$dir/time" "$@" >/dev/null 2>"$dir/err" || { cat "$dir/err" >&2; exit 1; }
    read -r seconds kb < "$dir/time"
    if [ -z "$best" ] || awk "BEGIN{exit !($seconds < $best)}"; then best=$seconds; peak=$((kb / 1024)); fi
  done
  echo "$best $peak"
}

extension() { case "$1" in graphml) echo graphml ;; gexf) echo gexf ;; node-link) echo json ;; esac; }

printf '%-10s %-22s %10s %10s %10s\n' format step seconds peak_MB size_MB
for format in $formats; do
  file="$dir/large.$(extension "$format")"
  read -r s m <<< "$(measure "$bin" export "$dir/large.json" -o "$file" --format "$format" -q)"
  size=$(( $(stat -c %s "$file") / 1000000 ))
  printf '%-10s %-22s %10s %10s %10s\n' "$format" "StakeMap export" "$s" "$m" "$size"
  read -r s m <<< "$(measure "$bin" import "$file" --format "$format" -o "$dir/back.yaml" --force -q)"
  printf '%-10s %-22s %10s %10s\n' "$format" "StakeMap import" "$s" "$m"
  if [ "$networkx" = 1 ]; then
    /usr/bin/time -f "%M" -o "$dir/time" python3 - "$format" "$file" "$dir/nx-out" > "$dir/nx" <<'PY'
import json, sys, time
import networkx as nx
fmt, path, out = sys.argv[1:4]
t = time.perf_counter()
if fmt == "graphml": G = nx.read_graphml(path)
elif fmt == "gexf": G = nx.read_gexf(path)
else:
    with open(path, encoding="utf-8") as f: G = nx.node_link_graph(json.load(f), edges="edges")
read = time.perf_counter() - t
t = time.perf_counter()
if fmt == "graphml": nx.write_graphml(G, out)
elif fmt == "gexf": nx.write_gexf(G, out)
else:
    with open(out, "w", encoding="utf-8") as f: json.dump(nx.node_link_data(G, edges="edges"), f)
write = time.perf_counter() - t
print(f"{read:.2f} {write:.2f} {G.number_of_nodes()} {G.number_of_edges()}")
PY
    read -r r w n e < "$dir/nx"
    peak=$(( $(cat "$dir/time") / 1024 ))
    printf '%-10s %-22s %10s %10s\n' "$format" "NetworkX read" "$r" "$peak"
    printf '%-10s %-22s %10s %10s\n' "$format" "NetworkX write" "$w" "(same)"
  fi
done
