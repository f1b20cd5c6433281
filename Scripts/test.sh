#!/usr/bin/env bash
# The whole test suite, from a clean clone: install what is missing, build, run every test
# (unit tests, oracle comparisons, end-to-end runs of the stakemap binary, Graphviz renders).
set -euo pipefail
cd "$(dirname "$0")/.."

Scripts/bootstrap.sh
swift build --build-tests
swift test --skip-build
