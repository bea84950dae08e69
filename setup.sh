#!/usr/bin/env bash
# Sets evkb up on a fresh Debian machine (as root, or with sudo) and builds it
# into build/. Safe to run again: installed packages are skipped and the build
# is incremental.
#
#   ./setup.sh            install packages, build (programs, tests, benchmarks)
#   ./setup.sh --demo     ... then ingest examples/articles into the default
#                         database, ask a question and audit a draft
#   ./setup.sh --test     ... then run the whole test suite (ctest)
#   ./setup.sh --deps     install packages only
set -euo pipefail
cd "$(dirname "$0")"
mode="${1:-build}"

PACKAGES=(
  cmake ninja-build g++ pkg-config python3
  librocksdb-dev rapidjson-dev libicu-dev libxxhash-dev libjemalloc-dev
  catch2 libcli11-dev libgumbo-dev libstemmer-dev
  libbenchmark-dev chromium clang libclang-rt-14-dev
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
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
[ "$mode" = "--deps" ] && exit 0

if [ ! -f build/build.ninja ]; then
  cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DEVKB_BUILD_BENCH=ON >/dev/null
fi
cmake --build build

case "$mode" in
  --demo)
    set -x
    build/evkb-ingest --progress never examples/articles/
    build/evkb-query ask "Does foam rolling break up scar tissue?"
    build/evkb-query audit examples/draft-to-audit.md || true
    ;;
  --test)
    ctest --test-dir build --output-on-failure -j2
    ;;
  build) ;;
  *)
    echo "setup: unknown option $mode (try --demo, --test or --deps)" >&2
    exit 2
    ;;
esac
