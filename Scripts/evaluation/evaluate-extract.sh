#!/usr/bin/env bash
# How good `stakemap extract` is: builds the tool and prints precision / recall / F1 per
# protocol (actors, ties, events, needs, offers) against the hand annotations, with the
# micro-averaged total.
#
#   Scripts/evaluation/evaluate-extract.sh                  # the five protocols in ../shared/protocols
#   Scripts/evaluation/evaluate-extract.sh --heldout        # the held-out protocols (not used for tuning)
#   Scripts/evaluation/evaluate-extract.sh --development    # the development corpus of issue 10 (12 texts, 6 genres)
#   Scripts/evaluation/evaluate-extract.sh --blind          # the blind set (scored once, never tuned on)
#   Scripts/evaluation/evaluate-extract.sh --details        # also list every miss and false proposal
#   Scripts/evaluation/evaluate-extract.sh --sentence-ties  # only ties with both parties named in one sentence
#
# Gold: Tests/StakeMapExtractionTests/Gold (GUIDELINES.md), .../Heldout, .../Development, .../Blind.
set -euo pipefail
cd "$(dirname "$0")/../.."

gold=Tests/StakeMapExtractionTests/Gold
protocols=../shared/protocols
flags=()
for arg in "$@"; do
  case "$arg" in
    --heldout) gold=Tests/StakeMapExtractionTests/Heldout; protocols=$gold ;;
    --development) gold=Tests/StakeMapExtractionTests/Development; protocols=$gold ;;
    --blind) gold=Tests/StakeMapExtractionTests/Blind; protocols=$gold ;;
    --details) flags+=(--details) ;;
    --sentence-ties) flags+=(--sentence-ties) ;;
    *) echo "unknown option: $arg" >&2; exit 2 ;;
  esac
done
if [ ! -d "$protocols" ]; then
  echo "no protocols at $protocols (the five protocols live in ../shared/protocols)" >&2
  exit 1
fi

Scripts/setup/bootstrap.sh
swift build -c release --product stakemap-evaluate >&2
bin=$(swift build -c release --show-bin-path)/stakemap-evaluate
"$bin" "$gold" "$protocols" "${flags[@]+"${flags[@]}"}"
