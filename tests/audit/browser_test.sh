#!/usr/bin/env bash
# Browser test of the HTML audit report: builds a small KB from fixtures with
# evkb-ingest, audits an article that carries injected markup, loads the
# report in headless Chromium and checks the rendered DOM:
#   - highlighted findings are there with the right classes,
#   - the counts shown match `audit --format json`'s summary,
#   - the injected script and event handler did not run.
# Also takes a screenshot (kept when EVKB_BROWSER_TEST_OUT names a folder).
#
#   browser_test.sh EVKB_INGEST EVKB_QUERY FIXTURES_DIR
# Exit 0 pass, 1 fail, 77 skipped (no Chromium).
set -euo pipefail

ingest_bin=$1
query_bin=$2
fixtures=$3
chromium=${CHROMIUM:-/usr/bin/chromium}

if [ ! -x "$chromium" ]; then
  echo "SKIP: $chromium not found" >&2
  exit 77
fi
if ! command -v python3 >/dev/null; then
  echo "SKIP: python3 not found" >&2
  exit 77
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/evkb-browser.XXXXXX")
trap 'rm -rf "$work"' EXIT
db=$work/db
article=$fixtures/draft_injected.txt

"$ingest_bin" --db "$db" --progress never --quiet "$fixtures/kb" >"$work/ingest.out" 2>"$work/ingest.err" || {
  echo "FAIL: evkb-ingest exited $?" >&2
  cat "$work/ingest.err" >&2
  exit 1
}

# Exit 1 is "findings at or above --fail-on", not an error.
run_audit() {
  local rc=0
  "$query_bin" --db "$db" audit "$article" --format "$1" >"$2" 2>"$work/audit-$1.err" || rc=$?
  if [ "$rc" -ne 0 ] && [ "$rc" -ne 1 ]; then
    echo "FAIL: audit --format $1 exited $rc" >&2
    cat "$work/audit-$1.err" >&2
    exit 1
  fi
}
run_audit json "$work/report.json"
run_audit html "$work/report.html"

browse() {
  timeout 120 "$chromium" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$(mktemp -d "$work/profile.XXXXXX")" "$@" "file://$work/report.html"
}
browse --dump-dom >"$work/dom.html" 2>"$work/chromium-dom.err" || {
  echo "FAIL: chromium --dump-dom exited $?" >&2
  tail -20 "$work/chromium-dom.err" >&2
  exit 1
}
(cd "$work" && browse --screenshot="$work/out.png" --window-size=1200,1600) >/dev/null 2>"$work/chromium-shot.err" || {
  echo "FAIL: chromium --screenshot exited $?" >&2
  tail -20 "$work/chromium-shot.err" >&2
  exit 1
}

if [ -n "${EVKB_BROWSER_TEST_OUT:-}" ]; then
  mkdir -p "$EVKB_BROWSER_TEST_OUT"
  cp "$work/report.html" "$work/report.json" "$work/dom.html" "$work/out.png" "$EVKB_BROWSER_TEST_OUT/"
fi

python3 - "$work" <<'PY'
import html.parser, json, os, sys

work = sys.argv[1]
report = json.load(open(os.path.join(work, "report.json")))
dom = open(os.path.join(work, "dom.html"), encoding="utf-8").read()
failures = []

def check(ok, what):
    print(("PASS " if ok else "FAIL ") + what)
    if not ok:
        failures.append(what)

class Dom(html.parser.HTMLParser):
    """Collects what the checks need from Chromium's serialised DOM."""
    def __init__(self):
        super().__init__()
        self.marks = []        # classes of each highlighted sentence
        self.counts = {}       # legend count element id -> text
        self.tags = []         # every element name
        self.handlers = []     # on* attributes anywhere
        self.js_urls = []      # javascript: in href/src
        self.body_attrs = {}
        self.title = ""
        self._in = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags.append(tag)
        if tag == "body":
            self.body_attrs = a
        if tag == "mark":
            self.marks.append(a.get("class", ""))
        for k, v in attrs:
            if k.startswith("on"):
                self.handlers.append((tag, k))
            if k in ("href", "src", "action") and (v or "").strip().lower().startswith("javascript:"):
                self.js_urls.append((tag, v))
        if tag == "b" and (a.get("id") or "").startswith("count-"):
            self._in = ("count", a["id"][len("count-"):])
        elif tag == "title":
            self._in = ("title", None)

    def handle_endtag(self, tag):
        self._in = None

    def handle_data(self, data):
        if self._in and self._in[0] == "count":
            self.counts[self._in[1]] = self.counts.get(self._in[1], "") + data
        elif self._in and self._in[0] == "title":
            self.title += data

d = Dom()
d.feed(dom)
summary = report["summary"]
kinds = ["myth", "contested", "consistent", "unsupported", "unknown"]

# The article really carried the injection, and the audit saw it.
raw = open(os.path.join(work, "report.html"), encoding="utf-8").read()
check("&lt;script&gt;" in raw, "report holds the article's <script> as escaped text")
check(any("<img" in f["sentence"] for f in report["findings"]), "a judged sentence carries the injected <img>")

# Findings are highlighted with the right classes, and the counts agree.
check(len(d.marks) == len(report["findings"]), "one highlight per finding (%d marks, %d findings)"
      % (len(d.marks), len(report["findings"])))
for k in kinds:
    n = sum(1 for c in d.marks if ("k-" + k) in c.split())
    check(n == summary[k], "%s: %d highlighted, summary says %d" % (k, n, summary[k]))
    shown = d.counts.get(k, "").strip()
    check(shown == str(summary[k]), "%s: legend shows %r, summary says %d" % (k, shown, summary[k]))
check(summary["myth"] >= 1, "the fixture yields at least one myth")
check(sum(summary.values()) >= 3, "the fixture yields several findings")

# Nothing injected ran or became markup.
check("PWNED" not in d.title and d.title.startswith("Audit:"), "title unchanged (%r)" % d.title)
check("data-pwned" not in d.body_attrs, "no attribute set by injected code")
check("img" not in d.tags, "no <img> element")
check(d.tags.count("script") == 0, "no <script> element")
check(not d.handlers, "no event-handler attributes: %s" % d.handlers)
check(not d.js_urls, "no javascript: URLs: %s" % d.js_urls)
check("&lt;script&gt;" in dom, "the injected script is shown as text")

shot = os.path.join(work, "out.png")
check(os.path.exists(shot) and os.path.getsize(shot) > 10000, "screenshot written")

print("browser test: %d failed" % len(failures))
sys.exit(1 if failures else 0)
PY
