#!/usr/bin/env bash
# Proves the Spark path of docs/SCALE.md for real: installs PySpark from PyPI (pip, into the
# first python3) when it is missing, exports NETWORK with `stakemap export --format graphframes`,
# loads both tables into Spark DataFrames in local mode (plain Spark: GraphFrames' JAR comes
# from Maven, which this script does not need) and checks every actor's degree against
# `stakemap analyze`. Exit status 0 when all agree, 1 when one differs, 2 when PySpark or Java
# is missing and STAKEMAP_NO_INSTALL=1.
#
# Usage: Scripts/scale/check-spark-degrees.sh [NETWORK]     (default Graphs/dresden/dresden.yaml)
#   STAKEMAP_BIN=path  use this stakemap binary instead of building one (the tests set it)
#   STAKEMAP_NO_INSTALL=1  do not install PySpark, fail with status 2 instead
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
network=${1:-$root/Graphs/dresden/dresden.yaml}
pyspark_version=4.3.0   # needs Java 17 or later (Debian: openjdk-17-jre-headless)

command -v java >/dev/null || { echo "check-spark-degrees: java is missing (Debian: apt-get install openjdk-17-jre-headless)" >&2; exit 2; }
if ! python3 -c "import pyspark" 2>/dev/null; then
  if [ "${STAKEMAP_NO_INSTALL:-0}" = 1 ]; then
    echo "check-spark-degrees: PySpark is not installed (run without STAKEMAP_NO_INSTALL to install it)" >&2
    exit 2
  fi
  echo "check-spark-degrees: installing pyspark==$pyspark_version (about 450 MB)" >&2
  python3 -m pip install -q --disable-pip-version-check "pyspark==$pyspark_version" >&2 \
    || python3 -m pip install -q --disable-pip-version-check --break-system-packages "pyspark==$pyspark_version" >&2
fi

bin=${STAKEMAP_BIN:-}
if [ -z "$bin" ]; then
  (cd "$root" && swift build -q --product stakemap)
  bin="$root/.build/debug/stakemap"
fi
export SPARK_LOCAL_IP=${SPARK_LOCAL_IP:-127.0.0.1}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$bin" export "$network" -o "$tmp/spark" --format graphframes -q
"$bin" analyze "$network" --format json -o "$tmp/analyze.json"
python3 "$root/Scripts/scale/check-spark-degrees.py" \
  "$tmp/spark-vertices.csv" "$tmp/spark-edges.csv" "$tmp/analyze.json"
