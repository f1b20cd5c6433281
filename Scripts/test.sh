#!/usr/bin/env bash
# The whole test suite, from a clean clone: install what is missing, build, run every test
# (unit tests, oracle comparisons, end-to-end runs of the stakemap binary, Graphviz renders, the
# HTML report in headless Chromium), then a short pass of every fuzz target.
set -euo pipefail
cd "$(dirname "$0")/.."

# --with-browser: Chromium for the test that opens the HTML report in a real browser (it fails
# rather than skips when CI=true and the browser is missing).
Scripts/setup/bootstrap.sh --with-browser
# NetworkX, igraph, … as independent clients for the exchange-format tests (pinned versions).
Scripts/setup/python-tools.sh
swift build --build-tests
swift test --skip-build
# A short, deterministic pass of every fuzz target (fixed seed and number of inputs; longer
# runs by hand: Scripts/fuzzing/run-fuzzers.sh --seconds 600).
Scripts/fuzzing/run-fuzzers.sh --runs 2000
