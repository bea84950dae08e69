#!/usr/bin/env bash
# Installs the peer tools bench/run.sh compares evkb with. Not part of the
# project's build: run it once (as root) before `bench/run.sh`.
#
#   sentence segmenters: npm sentencex, npm sbd, Debian's Go Punkt
#                        (golang-gopkg-neurosnap-sentences.v1), NLTK Punkt
#   reference parser:    Debian's libbiblio-citation-parser-perl
#
# Each peer is installed independently; one that cannot be installed is
# written to $PEERS/status.tsv as "missing" with the reason, and run.sh
# reports it as such.
set -uo pipefail
cd "$(dirname "$0")"
PEERS="${EVKB_PEERS_DIR:-$PWD/../build-bench/peers}"
mkdir -p "$PEERS"
STATUS="$PEERS/status.tsv"
: > "$STATUS"
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO=sudo

note() { printf '%s\t%s\t%s\n' "$1" "$2" "$3" >> "$STATUS"; echo "setup-peers: $1: $2 $3" >&2; }

apt_install() {
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "$@" >/dev/null 2>"$PEERS/apt.err"
}

$SUDO apt-get update -qq || true

# ---- Debian: Go Punkt, NLTK, Biblio::Citation::Parser.
if apt_install golang-go golang-gopkg-neurosnap-sentences.v1-dev; then
  mkdir -p "$PEERS/punkt-go"
  cp peers/punkt_go.go "$PEERS/punkt-go/main.go"
  if (cd "$PEERS/punkt-go" && GO111MODULE=off GOPATH=/usr/share/gocode GOCACHE="$PEERS/gocache" \
        GOFLAGS= go build -o "$PEERS/punkt-go/punkt-go" main.go) 2>"$PEERS/punkt-go/build.err"; then
    note go-punkt ok "$(dpkg-query -W -f='${Version}' golang-gopkg-neurosnap-sentences.v1-dev)"
  else
    note go-punkt missing "go build failed: $(head -c 200 "$PEERS/punkt-go/build.err" | tr '\n\t' '  ')"
  fi
else
  note go-punkt missing "apt-get install failed: $(tail -c 200 "$PEERS/apt.err" | tr '\n\t' '  ')"
fi

if apt_install python3-nltk; then
  # Debian ships NLTK's code but not its data: Punkt needs the punkt (or
  # punkt_tab) model from nltk_data, which no Debian package provides and
  # which cannot be downloaded here.
  found=""
  for d in /usr/share/nltk_data /usr/local/share/nltk_data /usr/lib/nltk_data /root/nltk_data "$HOME/nltk_data"; do
    if [ -d "$d/tokenizers/punkt" ] || [ -d "$d/tokenizers/punkt_tab" ]; then found="$d"; fi
  done
  if [ -n "$found" ]; then
    note nltk-punkt ok "$(dpkg-query -W -f='${Version}' python3-nltk) model=$found"
  else
    note nltk-punkt missing "python3-nltk $(dpkg-query -W -f='${Version}' python3-nltk) installed, but no Debian package ships the punkt model (nltk_data); skipped"
  fi
else
  note nltk-punkt missing "apt-get install python3-nltk failed"
fi

if apt_install libbiblio-citation-parser-perl; then
  note biblio-citation-parser ok "$(dpkg-query -W -f='${Version}' libbiblio-citation-parser-perl)"
else
  note biblio-citation-parser missing "apt-get install failed: $(tail -c 200 "$PEERS/apt.err" | tr '\n\t' '  ')"
fi

# ---- npm: sentencex, sbd (into $PEERS/node_modules).
for pkg in sentencex sbd; do
  if (cd "$PEERS" && npm install --no-audit --no-fund --silent --prefix "$PEERS" "$pkg" >/dev/null 2>"$PEERS/npm-$pkg.err"); then
    ver=$(node -e "console.log(require('$PEERS/node_modules/$pkg/package.json').version)" 2>/dev/null)
    note "$pkg" ok "npm $ver"
  else
    note "$pkg" missing "npm install failed: $(tail -c 200 "$PEERS/npm-$pkg.err" | tr '\n\t' '  ')"
  fi
done

cat "$STATUS"
