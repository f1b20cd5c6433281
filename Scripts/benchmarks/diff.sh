#!/usr/bin/env bash
# `stakemap diff` of two versions of a large network: a seeded random network of 10,000 actors
# and 50,000 relations (Scripts/fixtures/make-large-network.py) and a next "round" made from
# it (2 % of the actors gone, 200 new actors with 1,000 ties, 100 actors with a new id under
# the same name, 1,000 ties changed in status or weight). Release build; whole-process time of
# the JSON diff (reading both files, matching, five centrality measures twice, writing).
#
#   Scripts/benchmarks/diff.sh [--actors N] [--relations N] [--reps N]
#
# Prints the time of each run and checks the counts the JSON reports.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
actors=10000 relations=50000 reps=3
while [ $# -gt 0 ]; do
  case "$1" in
    --actors) actors=$2; shift 2 ;;
    --relations) relations=$2; shift 2 ;;
    --reps) reps=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
"$root/Scripts/setup/bootstrap.sh"
(cd "$root" && swift build -c release --product stakemap >&2)
bin="$(cd "$root" && swift build -c release --show-bin-path)/stakemap"
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
python3 "$root/Scripts/fixtures/make-large-network.py" --actors "$actors" --relations "$relations" --seed 1 "$dir/old" >&2
python3 - "$dir/old.json" "$dir/new.json" <<'PY'
import json, random, sys
rng = random.Random(2)
net = json.load(open(sys.argv[1]))
actors, relations = net["actors"], net["relations"]
gone = set(a["id"] for a in rng.sample(actors, len(actors) // 50))
renamed = {a["id"]: a["id"] + "_neu" for a in rng.sample([a for a in actors if a["id"] not in gone], 100)}
def ends(r):
    return r["between"] if "between" in r else [r["from"], r["to"]]
new_actors = [dict(a, id=renamed.get(a["id"], a["id"])) for a in actors if a["id"] not in gone]
new_relations = []
for r in relations:
    if any(x in gone for x in ends(r)):
        continue
    r = dict(r)
    if "between" in r:
        r["between"] = [renamed.get(x, x) for x in r["between"]]
    else:
        r["from"], r["to"] = renamed.get(r["from"], r["from"]), renamed.get(r["to"], r["to"])
    new_relations.append(r)
for r in rng.sample(new_relations, 1000):
    if r.get("status", "existing") == "planned":
        r["status"] = "existing"
    else:
        r["weight"] = r.get("weight", 1) + 1
ids = [a["id"] for a in new_actors]
for k in range(200):
    new_actors.append({"id": f"new{k}", "name": f"Neue Initiative Nummer {k}", "type": "initiative"})
for k in range(1000):
    new_relations.append({"between": [f"new{k % 200}", rng.choice(ids)], "kind": "cooperation"})
net["actors"], net["relations"] = new_actors, new_relations
json.dump(net, open(sys.argv[2], "w"), ensure_ascii=False)
PY
for rep in $(seq "$reps"); do
  start=$(date +%s.%N)
  "$bin" diff "$dir/old.json" "$dir/new.json" --format json -o "$dir/diff.json" -q
  end=$(date +%s.%N)
  echo "run $rep: $(echo "$end - $start" | bc) s"
done
python3 - "$dir/diff.json" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))["summary"]
print({k: v for k, v in s.items() if k != "figures"})
PY
