#!/usr/bin/env bash
# Builds the libFuzzer targets (Sources/stakemap-fuzz, checks in Sources/StakeMapFuzzing) and
# runs each on a corpus seeded from the repository, then prints one line per target: inputs
# run, executions per second, crashes and timeouts.
#
#   Scripts/fuzzing/run-fuzzers.sh                    # every target for 60 s (by hand)
#   Scripts/fuzzing/run-fuzzers.sh --seconds 600 yaml # one target, longer
#   Scripts/fuzzing/run-fuzzers.sh --runs 3000        # a fixed number of inputs with a fixed
#                                                     # seed: deterministic (what the test
#                                                     # command runs)
#
# Targets: yaml, json, csv, extract, dot, escapers, exchange. The corpus grows in .build-fuzz/corpus/TARGET (not
# committed). A failing input is saved as .build-fuzz/findings/TARGET-crash-… and the script
# exits 1: fix the bug, then keep the input as a regression test in
# Tests/StakeMapFuzzingTests/Regressions/TARGET/ (replayed by `swift test`).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"

limit=(-max_total_time=60)
targets=()
while [ $# -gt 0 ]; do
  case "$1" in
    --seconds) limit=(-max_total_time="$2"); shift 2 ;;
    --runs) limit=(-runs="$2" -seed=1); shift 2 ;;
    yaml|json|csv|extract|dot|escapers|exchange) targets+=("$1"); shift ;;
    *) echo "run-fuzzers: unknown argument $1 (--seconds N, --runs N, yaml, json, csv, extract, dot, escapers, exchange)" >&2; exit 2 ;;
  esac
done
[ ${#targets[@]} -gt 0 ] || targets=(yaml json csv extract dot escapers exchange)

Scripts/setup/bootstrap.sh
# -sanitize=fuzzer instruments every module for coverage and links libFuzzer; the executable's
# source is parsed as a library and defines the entry point itself (see its header).
swift build -c release --scratch-path .build-fuzz --product stakemap-fuzz \
  -Xswiftc -sanitize=fuzzer -Xswiftc -parse-as-library -Xswiftc -DSTAKEMAP_FUZZING >&2
bin=.build-fuzz/release/stakemap-fuzz

seed() {  # seed TARGET DIR: copy the repository's examples of the target's input
  local target="$1" dir="$2"
  cp Tests/StakeMapFuzzingTests/Regressions/"$target"/* "$dir"/ 2>/dev/null || true
  case "$target" in
    yaml) cp Graphs/*/*.yaml "$dir"/ ;;
    json) cp Tests/StakeMapAlgorithmsTests/Fixtures/star5.json "$dir"/ ;;
    csv) printf 'id;name;type;region\na;Verein Wohnen e.V.;Verein;Nord\nb;GWG;Wohnungsunternehmen;Süd\n' > "$dir/actors.csv" ;;
    extract) cp Tests/StakeMapExtractionTests/Heldout/*.txt "$dir"/
             if [ -d ../shared/protocols ]; then cp ../shared/protocols/*.txt "$dir"/ 2>/dev/null || true; fi ;;
    exchange) printf '<graphml><key id="t" for="node" attr.name="type"/><graph edgedefault="undirected"><node id="a"><data key="t">Verein</data></node><node id="b"/><edge source="a" target="b"/></graph></graphml>\n' > "$dir/small.graphml"
              printf '*Vertices 2\n1 "a"\n2 "b"\n*Edges\n1 2 1.5\n' > "$dir/small.net" ;;
    dot|escapers) grep -ho 'name: .*' Graphs/*/*.yaml | head -40 | awk '{ print > "'"$dir"'/name-" NR ".txt" }' ;;
  esac
}

mkdir -p .build-fuzz/findings
status=0
printf '%-8s %10s %10s %8s %9s\n' target inputs exec/s crashes timeouts
for target in "${targets[@]}"; do
  corpus=.build-fuzz/corpus/$target
  mkdir -p "$corpus"
  seed "$target" "$corpus"
  log=.build-fuzz/$target.log
  set +e
  # Swift's backtracer would take the signal before libFuzzer could save the failing input.
  SWIFT_BACKTRACE=enable=no STAKEMAP_FUZZ_TARGET=$target "$bin" "$corpus" "${limit[@]}" -max_len=65536 -timeout=20 \
    -rss_limit_mb=3072 -print_final_stats=1 -artifact_prefix=".build-fuzz/findings/$target-" \
    >"$log" 2>&1
  code=$?
  set -e
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo 0)
  speed=$(grep -o 'stat::average_exec_per_sec: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo 0)
  crashes=$(grep -c '^==[0-9]*== ERROR: libFuzzer: deadly signal\|Test unit written to .*crash-' "$log" || true)
  timeouts=$(grep -c 'ERROR: libFuzzer: timeout' "$log" || true)
  printf '%-8s %10s %10s %8s %9s\n' "$target" "${runs:-0}" "${speed:-0}" "$crashes" "$timeouts"
  if [ "$code" -ne 0 ]; then
    status=1
    echo "run-fuzzers: $target failed (exit $code); the input and the log:" >&2
    grep -h 'Test unit written to\|Fatal error\|Precondition failed' "$log" | head -5 >&2
    echo "  $log" >&2
  fi
done
exit $status
