#!/usr/bin/env bash
# The macro benchmark: ingest against its floor, query latency on KBs of
# growing size, and evkb's segmenter and reference parser against peers.
# Writes bench/results.json and bench/RESULTS.md (via bench/report.py).
#
#   bench/run.sh --quick          1 MB and 10 MB, KBs of 10k and 100k claims (< 2 min)
#   bench/run.sh                  1 MB, 100 MB and 1 GB (JSONL, streamed); KBs of
#                                 10k, 100k and 1M claims
# (--quick stops at 10 MB: at today's ingest speed 100 MB takes ~40 s a run and
# 1 GB ~9 min; the full run takes ~16 min with --runs 1, mostly the 1 GB
# ingest and Biblio::Citation::Parser on 1,000 references.)
#   bench/run.sh --runs 5         repetitions of each timed step (default 3)
#
# Environment: EVKB_BENCH_BUILD (build dir, default build-bench; configured and
# built here when missing), EVKB_BENCH_WORK (corpora and databases, default
# /tmp/evkb-bench), EVKB_PEERS_DIR (peers installed by bench/setup-peers.sh,
# default $EVKB_BENCH_BUILD/peers). Peers that are not installed are reported
# as such. Run on a quiet machine: other load shows up in every number.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

QUICK=0
RUNS=3
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) QUICK=1 ;;
    --runs) RUNS="$2"; shift ;;
    *) echo "usage: bench/run.sh [--quick] [--runs N]" >&2; exit 2 ;;
  esac
  shift
done

BUILD="${EVKB_BENCH_BUILD:-$ROOT/build-bench}"
WORK="${EVKB_BENCH_WORK:-/tmp/evkb-bench}"
export EVKB_PEERS_DIR="${EVKB_PEERS_DIR:-$BUILD/peers}"
RAW="$WORK/raw.jsonl"
TARGETS=(evkb-ingest evkb-query evkb-bench-gen evkb-bench-floor evkb-bench-query
         evkb-bench-micro evkb-bench-seg evkb-bench-refs)

log() { echo "[bench $(date +%H:%M:%S)] $*" >&2; }
rec() { echo "$1" >> "$RAW"; }
now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.6f", b - a }'; }  # T0 T1

if [ ! -f "$BUILD/build.ninja" ]; then
  cmake -S . -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DEVKB_BUILD_TESTS=OFF -DEVKB_BUILD_BENCH=ON >/dev/null
fi
cmake --build "$BUILD" --target "${TARGETS[@]}" >/dev/null
B="$BUILD/bench"
INGEST="$BUILD/evkb-ingest"
QUERY="$BUILD/evkb-query"

mkdir -p "$WORK"
: > "$RAW"
START=$(now)
rec "{\"kind\":\"config\",\"quick\":$QUICK,\"runs\":$RUNS,\"build\":\"$BUILD\",\"work\":\"$WORK\"}"

# ---- Corpora (deterministic: seed 1; cached between runs of the script).
gen() {  # NAME ARGS...
  local name="$1"; shift
  if [ ! -e "$WORK/$name.done" ]; then
    rm -rf "${WORK:?}/$name"
    "$B/evkb-bench-gen" --seed 1 --out "$WORK/$name" "$@" 2>/dev/null
    touch "$WORK/$name.done"
  fi
}
log "generating corpora in $WORK"
gen corpus-1M --size 1M
if [ $QUICK = 1 ]; then gen corpus-10M --size 10M; else gen corpus-100M --size 100M; fi
[ $QUICK = 1 ] || gen corpus-1G.jsonl --format jsonl --size 1G
gen audit-10k.md --article-bytes 10K

# ---- Ingest against the floor, on the same bytes.
measure_corpus() {  # LABEL INPUT RUNS
  local label="$1" input="$2" runs="$3"
  cat "$input" >/dev/null 2>&1 || find "$input" -type f -exec cat {} + >/dev/null  # warm the page cache
  for i in $(seq "$runs"); do
    rec "{\"kind\":\"floor\",\"corpus\":\"$label\",\"run\":$i,\"result\":$("$B/evkb-bench-floor" read "$input")}"
    rec "{\"kind\":\"floor_icu\",\"corpus\":\"$label\",\"run\":$i,\"result\":$("$B/evkb-bench-floor" icu "$input")}"
    local db="$WORK/db-$label"
    rm -rf "$db"
    local t0 t1
    t0=$(now)
    /usr/bin/time -f '%e %M' -o "$WORK/time.txt" \
      "$INGEST" --db "$db" --quiet --progress never "$input" 2>"$WORK/ingest.err" || true
    t1=$(now)
    local summary rss dbbytes
    summary=$(grep -E 'files:' "$WORK/ingest.err" | tail -1 | tr -d '"\\')
    rss=$(awk '{print $2}' "$WORK/time.txt")
    dbbytes=$(du -sb "$db" | cut -f1)
    rec "{\"kind\":\"ingest\",\"corpus\":\"$label\",\"run\":$i,\"wall_s\":$(elapsed "$t0" "$t1"),\"max_rss_kb\":$rss,\"db_bytes\":$dbbytes,\"summary\":\"$summary\"}"
  done
}
log "ingest vs floor: examples, 1 MB"
measure_corpus examples "$ROOT/examples/articles" "$RUNS"
measure_corpus 1M "$WORK/corpus-1M" "$RUNS"
if [ $QUICK = 1 ]; then
  log "ingest vs floor: 10 MB"
  measure_corpus 10M "$WORK/corpus-10M" 1
else
  log "ingest vs floor: 100 MB"
  measure_corpus 100M "$WORK/corpus-100M" "$RUNS"
  log "ingest vs floor: 1 GB (JSONL)"
  measure_corpus 1G "$WORK/corpus-1G.jsonl" 1
fi

# ---- KBs of 10k, 100k (and 1M) claims, grown from one JSONL stream: each
# KB is the previous one plus more articles. "Claims" are what evkb-ingest
# counts: each article's distinct claims, summed over articles (the number of
# claim assertions); distinct propositions saturate with the shipped lexicon.
CPA=$(python3 "$ROOT/bench/report.py" claims-per-article "$RAW" 1M)
log "claims per article: $CPA"
KBS=(10000 100000)
[ $QUICK = 1 ] || KBS+=(1000000)
KB="$WORK/kb-grow"
rm -rf "$KB"
first=0
for target in "${KBS[@]}"; do
  n=$(python3 -c "import math;print(math.ceil($target/$CPA))")
  more=$((n - first))
  if [ $more -gt 0 ]; then
    "$B/evkb-bench-gen" --seed 1 --format jsonl --first "$first" --articles "$more" --out "$WORK/kb-part.jsonl" 2>/dev/null
    log "KB $target: +$more articles"
    t0=$(now)
    /usr/bin/time -f '%e %M' -o "$WORK/time.txt" \
      "$INGEST" --db "$KB" --quiet --progress never "$WORK/kb-part.jsonl" 2>"$WORK/ingest.err" || true
    t1=$(now)
    rec "{\"kind\":\"kb_build\",\"target\":$target,\"articles\":$n,\"wall_s\":$(elapsed "$t0" "$t1"),\"max_rss_kb\":$(awk '{print $2}' "$WORK/time.txt"),\"db_bytes\":$(du -sb "$KB" | cut -f1)}"
    first=$n
  fi
  # --quick: one run of each, at most ~1.5 s per operation (p99 is then
  # close to the maximum of few samples; the full run takes 300 calls).
  iters=300 budget=0 qruns=$RUNS cli_runs=15 audit_runs=5
  [ $QUICK = 1 ] && iters=100 budget=1500 qruns=1 cli_runs=3 audit_runs=2
  for i in $(seq "$qruns"); do
    rec "{\"kind\":\"query\",\"target\":$target,\"run\":$i,\"result\":$("$B/evkb-bench-query" --db "$KB" --iterations $iters --budget-ms $budget --audit "$WORK/audit-10k.md")}"
  done
  # The CLI, process start and database open included.
  python3 "$ROOT/bench/report.py" time-cmd --label "cli_ask" --target "$target" --runs "$cli_runs" -- \
    "$QUERY" --db "$KB" ask "Does foam rolling reduce DOMS?" --format json >> "$RAW"
  python3 "$ROOT/bench/report.py" time-cmd --label "cli_audit" --target "$target" --runs "$audit_runs" -- \
    "$QUERY" --db "$KB" audit "$WORK/audit-10k.md" --format json --fail-on never >> "$RAW"
done

# ---- One article at a time into the largest KB (an editor's save hook, a
# site publishing as it goes): each run a new article, process start,
# database open and the closing flush included; on a copy, so the figures
# above stay those of the bulk-built KB. Then the questions on that copy:
# its level 0 now holds the small ingests' table beside the bulk one's.
log "ingest one article at a time into KB ${KBS[-1]}"
HOOK="$WORK/kb-hook"
rm -rf "$HOOK"
cp -r "$KB" "$HOOK"
one_runs=10
[ $QUICK = 1 ] && one_runs=3
ms=()
for i in $(seq "$one_runs"); do
  "$B/evkb-bench-gen" --seed 1 --format jsonl --first $((first + 100000 + i)) --articles 1 \
    --out "$WORK/one.jsonl" 2>/dev/null
  t0=$(now)
  "$INGEST" --db "$HOOK" --quiet --progress never "$WORK/one.jsonl" 2>"$WORK/ingest.err" || true
  t1=$(now)
  ms+=("$(awk -v s="$(elapsed "$t0" "$t1")" 'BEGIN { printf "%.2f", s * 1000 }')")
done
rec "{\"kind\":\"ingest_one\",\"target\":${KBS[-1]},\"ms\":[$(IFS=,; echo "${ms[*]}")]}"
rec "{\"kind\":\"query_hook\",\"target\":${KBS[-1]},\"result\":$("$B/evkb-bench-query" --db "$HOOK" --iterations $iters --budget-ms $budget --only ask,sources)}"
rm -rf "$HOOK"

# ---- Segmenters: speed over the same text, Golden Rules accuracy.
log "segmenters"
SEGTXT="$WORK/seg-input.txt"
python3 "$ROOT/bench/report.py" seg-input "$WORK/corpus-1M" "$SEGTXT"
GOLD="${EVKB_SHARED:-$ROOT/../shared}/data/golden_rules_en.tsv"
[ -f "$GOLD" ] || GOLD=/work/shared/data/golden_rules_en.tsv
STATUS="$EVKB_PEERS_DIR/status.tsv"
peer_ok() { [ -f "$STATUS" ] && grep -q "^$1	ok" "$STATUS"; }
seg_peer() {  # NAME CMD...
  local name="$1"; shift
  "$@" golden "$GOLD" > "$WORK/golden-$name.jsonl"
  rec "{\"kind\":\"seg_golden\",\"peer\":\"$name\",\"result\":$(python3 "$ROOT/bench/report.py" score-golden "$GOLD" "$WORK/golden-$name.jsonl")}"
  for i in $(seq "$RUNS"); do
    rec "{\"kind\":\"seg_speed\",\"peer\":\"$name\",\"run\":$i,\"result\":$("$@" speed "$SEGTXT")}"
  done
}
seg_peer evkb "$B/evkb-bench-seg"
seg_peer icu-bare "$B/evkb-bench-floor" seg
for p in go-punkt sentencex sbd nltk-punkt; do
  if ! peer_ok "$p"; then
    reason=$( ([ -f "$STATUS" ] && grep "^$p	" "$STATUS" | cut -f3) || true)
    [ -n "$reason" ] || reason="not installed (run bench/setup-peers.sh)"
    rec "{\"kind\":\"peer_missing\",\"peer\":\"$p\",\"reason\":$(python3 -c 'import json,sys;print(json.dumps(sys.argv[1]))' "$reason")}"
    continue
  fi
  case "$p" in
    go-punkt) seg_peer "$p" "$EVKB_PEERS_DIR/punkt-go/punkt-go" ;;
    sentencex|sbd) seg_peer "$p" node "$ROOT/bench/peers/node_seg.js" "$p" ;;
    nltk-punkt) seg_peer "$p" /usr/bin/python3 "$ROOT/bench/peers/nltk_punkt.py" ;;
  esac
done

# ---- Reference parsing: field accuracy and references/s on the AnyStyle gold set.
log "reference parsers"
REFGOLD="$(dirname "$GOLD")/references_anystyle_gold.jsonl"
LIMIT=1000
[ $QUICK = 1 ] && LIMIT=20
"$B/evkb-bench-refs" parse "$REFGOLD" "$WORK/refs-evkb.jsonl" > "$WORK/refs-evkb.time"
rec "{\"kind\":\"refs\",\"peer\":\"evkb\",\"subset\":0,\"time\":$(cat "$WORK/refs-evkb.time"),\"score\":$("$B/evkb-bench-refs" score "$REFGOLD" "$WORK/refs-evkb.jsonl")}"
head -n "$LIMIT" "$WORK/refs-evkb.jsonl" > "$WORK/refs-evkb-subset.jsonl"
rec "{\"kind\":\"refs\",\"peer\":\"evkb\",\"subset\":$LIMIT,\"score\":$("$B/evkb-bench-refs" score "$REFGOLD" "$WORK/refs-evkb-subset.jsonl")}"
if peer_ok biblio-citation-parser; then
  perl "$ROOT/bench/peers/biblio.pl" "$REFGOLD" "$WORK/refs-biblio.jsonl" "$LIMIT" > "$WORK/refs-biblio.time" 2>/dev/null
  rec "{\"kind\":\"refs\",\"peer\":\"biblio-citation-parser\",\"subset\":$LIMIT,\"time\":$(cat "$WORK/refs-biblio.time"),\"score\":$("$B/evkb-bench-refs" score "$REFGOLD" "$WORK/refs-biblio.jsonl")}"
else
  rec "{\"kind\":\"peer_missing\",\"peer\":\"biblio-citation-parser\",\"reason\":\"not installed (run bench/setup-peers.sh)\"}"
fi

# ---- Micro-benchmarks.
log "micro-benchmarks"
MIN_TIME=0.2
[ $QUICK = 1 ] && MIN_TIME=0.05
"$B/evkb-bench-micro" --benchmark_repetitions="$RUNS" --benchmark_min_time="$MIN_TIME" \
  --benchmark_report_aggregates_only=true --benchmark_format=json > "$WORK/micro.json" 2>/dev/null
rec "{\"kind\":\"micro\",\"result\":$(python3 -c 'import json,sys;print(json.dumps(json.load(open(sys.argv[1]))))' "$WORK/micro.json")}"

rec "{\"kind\":\"total\",\"seconds\":$(elapsed "$START" "$(now)")}"
python3 "$ROOT/bench/report.py" report "$RAW" --json "$ROOT/bench/results.json" --md "$ROOT/bench/RESULTS.md" \
  --notes "$ROOT/bench/hotspots.md"
log "done in $(elapsed "$START" "$(now)") s: bench/RESULTS.md, bench/results.json"
