#!/usr/bin/env bash
# Installs what evkb needs to build and test on a fresh Debian machine (as root),
# then configures and builds into build/. Safe to run again: apt skips what is
# there and the build is incremental.
#
#   ./setup.sh            packages + release build in build/
#   ./setup.sh --no-build packages only
set -euo pipefail
cd "$(dirname "$0")"

PACKAGES=(
  cmake ninja-build g++ pkg-config python3
  librocksdb-dev rapidjson-dev libicu-dev libxxhash-dev
  catch2 libcli11-dev libgumbo-dev libstemmer-dev
  libbenchmark-dev chromium
)

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}" >&2
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi

[ "${1:-}" = "--no-build" ] && exit 0

cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DEVKB_BUILD_BENCH=ON >/dev/null
cmake --build build
