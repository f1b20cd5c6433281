#!/usr/bin/env bash
# Peak memory of `stakemap gaps` on star-shaped networks: one hub tied to every other actor
# (`star`), two hubs both tied to every leaf (`double`), or a hub plus one extra tie per ten
# leaves among the leaves (`star-plus`). Leaves take the actor types in turn, so friends of
# friends cross groups. Prints shape, actors, ties, seconds and the peak resident set size
# (`/usr/bin/time -v`).
#
#   Scripts/benchmarks/star-memory.sh [--sizes "1000 4000 10000"] [--shapes "star double"]
#   Scripts/benchmarks/star-memory.sh --write SHAPE N FILE   # only write the network
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"

write_star() {  # shape n file
  python3 - "$1" "$2" "$3" <<'PY'
import sys
shape, n, path = sys.argv[1], int(sys.argv[2]), sys.argv[3]
types = ["network", "association", "initiative", "municipality", "research", "cooperative"]
hubs = 2 if shape == "double" else 1
out = [f"network: {{title: Star {shape} {n}}}", "actors:"]
for i in range(n):
    kind = "network" if i < hubs else types[i % len(types)]
    out.append(f"  - {{id: a{i}, name: A{i}, type: {kind}}}")
out.append("relations:")
for h in range(hubs):
    for i in range(hubs, n):
        out.append(f"  - {{between: [a{h}, a{i}], kind: cooperation}}")
if shape == "star-plus":
    for i in range(1, n - 1, 10):
        out.append(f"  - {{between: [a{i}, a{i + 1}], kind: cooperation}}")
with open(path, "w") as f:
    f.write("\n".join(out) + "\n")
PY
}

if [[ "${1:-}" == "--write" ]]; then
  write_star "$2" "$3" "$4"
  exit 0
fi

sizes="1000 4000 10000"
shapes="star double"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --sizes) sizes="$2"; shift 2 ;;
    --shapes) shapes="$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

(cd "$root" && swift build -c release --product stakemap >&2)
bin="$(cd "$root" && swift build -c release --show-bin-path)/stakemap"
dir="$(mktemp -d)"
trap 'rm -rf "$dir"' EXIT
printf '%-10s %8s %8s %9s %12s\n' shape actors ties seconds "peak RSS"
for shape in $shapes; do
  for n in $sizes; do
    file="$dir/$shape-$n.yaml"
    write_star "$shape" "$n" "$file"
    ties=$(grep -c 'between:' "$file")
    /usr/bin/time -v "$bin" gaps "$file" --format json -o "$dir/out.json" 2>"$dir/time.txt" >/dev/null
    kb=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$dir/time.txt")
    wall=$(awk -F'): ' '/Elapsed \(wall clock\)/ {print $2}' "$dir/time.txt")
    printf '%-10s %8d %8d %9s %9.1f MB\n' "$shape" "$n" "$ties" "$wall" "$(echo "$kb / 1024" | bc -l)"
  done
done
