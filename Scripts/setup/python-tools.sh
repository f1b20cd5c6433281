#!/usr/bin/env bash
# Installs the Python packages the test suite uses as independent clients (NetworkX, igraph, …),
# listed with pinned versions in Scripts/setup/requirements-test.txt, only those missing.
# Uses the first python3 on PATH (the one the tests call); prints nothing when all are present.
# Set STAKEMAP_NO_INSTALL=1 to only check.
set -euo pipefail
cd "$(dirname "$0")"
command -v python3 >/dev/null || { echo "python-tools: python3 is missing (Debian: apt-get install python3 python3-pip)" >&2; exit 1; }
missing=()
while IFS= read -r line; do
  spec=${line%%#*}; spec=$(echo "$spec" | xargs)
  [ -z "$spec" ] && continue
  name=${spec%%==*}
  version=${spec#*==}
  have=$(python3 - "$name" <<'PY' 2>/dev/null || true
import sys
from importlib import metadata
try:
    print(metadata.version(sys.argv[1]))
except metadata.PackageNotFoundError:
    pass
PY
)
  [ "$have" = "$version" ] || missing+=("$spec")
done < requirements-test.txt
if [ ${#missing[@]} -gt 0 ]; then
  if [ "${STAKEMAP_NO_INSTALL:-0}" = 1 ]; then
    echo "python-tools: missing Python packages: ${missing[*]}" >&2; exit 1
  fi
  echo "python-tools: installing ${missing[*]}" >&2
  # Debian's own python3 refuses pip outside a venv (PEP 668); the flag is harmless elsewhere.
  python3 -m pip install -q --disable-pip-version-check "${missing[@]}" >&2 \
    || python3 -m pip install -q --disable-pip-version-check --break-system-packages "${missing[@]}" >&2
fi
