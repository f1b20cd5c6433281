#!/usr/bin/env bash
# Installs what StakeMap needs from Debian, only when it is missing, then returns.
#
#   libgraphviz-dev  Graphviz's C libraries and headers: StakeMap renders in-process
#   libyaml-dev      libyaml: the YAML reader keeps the line and column of every value
#   pkg-config       SwiftPM finds both through their .pc files
#   fonts-dejavu-core  the map font (DejaVu Sans): text is measured with it, so renders are
#                    byte-identical only with the same font installed
#
# With --with-browser (Scripts/test.sh passes it) also:
#   chromium         headless Chromium from Debian, for the test that opens the HTML report in
#                    a real browser (Tests/StakeMapCLITests/BrowserTests.swift); Scripts/run.sh
#                    does not need it
#   chromium-driver  Debian's chromedriver, for the WebDriver test that clicks, searches and
#                    filters in the report's interactive map
#                    (Tests/StakeMapCLITests/InteractiveMapBrowserTests.swift, with Selenium)
#
# Runs as root (CI, containers) or through sudo. Set STAKEMAP_NO_INSTALL=1 to only check.
set -euo pipefail

packages=(libgraphviz-dev libyaml-dev pkg-config fonts-dejavu-core)
for arg in "$@"; do
  case "$arg" in
    --with-browser) packages+=(chromium chromium-driver) ;;
    *) echo "bootstrap: unknown option $arg (known: --with-browser)" >&2; exit 2 ;;
  esac
done
missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -gt 0 ]; then
  if [ "${STAKEMAP_NO_INSTALL:-0}" = 1 ]; then
    echo "bootstrap: missing Debian packages: ${missing[*]}" >&2
    exit 1
  fi
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "bootstrap: need root or sudo to install ${missing[*]}" >&2; exit 1; }
    sudo="sudo"
  fi
  echo "bootstrap: installing ${missing[*]}" >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
fi

# Graphviz finds its plugins through config6a, written by libgvc6's postinst. Images that skip
# maintainer scripts lose it, and the first render then fails with 'Format "svg" not
# recognized' (see ../shared/notes/graphviz.md §2.1). Recreate it when absent.
config=$(ls /usr/lib/*/graphviz/config6a 2>/dev/null | head -1 || true)
if [ -z "$config" ] && command -v libgvc6-config-update >/dev/null; then
  ${sudo:-} libgvc6-config-update -c
fi
exit 0
