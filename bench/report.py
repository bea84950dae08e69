#!/usr/bin/env python3
"""Helpers of bench/run.sh, and the report it ends with.

  report.py report RAW.jsonl --json results.json --md RESULTS.md [--notes hotspots.md]
  report.py claims-per-article RAW.jsonl CORPUS_LABEL
  report.py time-cmd --label L --target T --runs N -- CMD...   one JSON record
  report.py seg-input CORPUS_DIR OUT.txt       the segmenters' shared input
  report.py score-golden GOLD.tsv OUT.jsonl    Golden Rules score of one segmenter

Golden Rules scoring is tests/ingest/golden_rules_test.cc's rule: a case
passes when the segmenter's sentences, white space folded, equal the
expected ones exactly.
"""
import datetime
import json
import os
import platform
import re
import statistics
import subprocess
import sys
import time

SUMMARY_RE = re.compile(
    r"(\d+) files: (\d+) ingested, (\d+) unchanged, (\d+) replaced, (\d+) rejected.*?; (\d+) claims, (\d+) works")

# Targets from the issue.
TARGET_FLOOR_RATIO = 0.25
STRETCH_FLOOR_RATIO = 0.5
TARGET_FLAT = 0.20
TARGET_RSS_MB = 300
TARGET_ASK_P99_US = 1000
TARGET_AUDIT_MS = 20
TARGET_CLI_ASK_MS = 20


def load(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(l) for l in f if l.strip()]


def med(xs):
    return statistics.median(xs) if xs else None


def rng(xs, fmt="{:.1f}"):
    if not xs:
        return "–"
    if len(xs) == 1:
        return fmt.format(xs[0])
    return (fmt + " ({}–{})").format(med(xs), fmt.format(min(xs)), fmt.format(max(xs)))


def summary(rec):
    m = SUMMARY_RE.search(rec.get("summary", ""))
    if not m:
        return None
    keys = ["files", "ingested", "unchanged", "replaced", "rejected", "claims", "works"]
    return dict(zip(keys, map(int, m.groups())))


# ---------------------------------------------------------------- helpers

def claims_per_article(raw, label):
    recs = [r for r in load(raw) if r["kind"] == "ingest" and r["corpus"] == label]
    for r in recs:
        s = summary(r)
        if s and s["files"]:
            print("{:.3f}".format(max(s["claims"] / s["files"], 0.5)))
            return
    print("10")


def time_cmd(argv):
    label = argv[argv.index("--label") + 1]
    target = int(argv[argv.index("--target") + 1])
    runs = int(argv[argv.index("--runs") + 1])
    cmd = argv[argv.index("--") + 1:]
    ms = []
    rc = None
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # warm the page cache
    for _ in range(runs):
        t0 = time.perf_counter()
        rc = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode
        ms.append((time.perf_counter() - t0) * 1000)
    print(json.dumps({"kind": label, "target": target, "ms": ms, "rc": rc}))


def seg_input(corpus, out):
    """The text of the Markdown and plain-text articles, paragraphs separated by blank lines."""
    paras = []
    for root, _, files in sorted(os.walk(corpus)):
        for name in sorted(files):
            if not name.endswith((".md", ".txt")):
                continue
            with open(os.path.join(root, name), encoding="utf-8") as f:
                text = f.read()
            for p in text.split("\n\n"):
                p = re.sub(r"^#+ |^\*|\*$", "", p.strip())
                if p:
                    paras.append(p)
    with open(out, "w", encoding="utf-8") as f:
        f.write("\n\n".join(paras) + "\n")


def fold(s):
    return " ".join(s.split())


def score_golden(gold, out):
    expected = {}
    with open(gold, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            fields = line.split("\t")
            if len(fields) < 3:
                continue
            joined = re.sub(r"\\(.)", lambda m: {"n": "\n", "t": "\t", "r": "\r"}.get(m.group(1), m.group(1)),
                            fields[1])
            expected[fields[2]] = [fold(x) for x in joined.split(" ||| ")]
    got = {}
    with open(out, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                d = json.loads(line)
                got[d["id"]] = [fold(x) for x in d["sentences"] if fold(x)]
    passed = sorted(k for k, v in expected.items() if got.get(k) == v)
    failed = sorted(k for k in expected if k not in passed)
    print(json.dumps({"total": len(expected), "passed": len(passed), "failed": failed}))


# ---------------------------------------------------------------- report

def sh(cmd):
    try:
        return subprocess.run(cmd, shell=True, capture_output=True, text=True, timeout=10).stdout.strip()
    except Exception:  # noqa: BLE001 - machine facts are best effort
        return ""


def machine():
    cpu = sh("lscpu | sed -n 's/^Model name: *//p'") or platform.processor()
    mem = sh("awk '/MemTotal/ {printf \"%.1f GiB\", $2/1048576}' /proc/meminfo")
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory": mem,
        "kernel": platform.release(),
        "compiler": sh("c++ --version | head -1"),
        "rocksdb": sh("dpkg-query -W -f='${Version}' librocksdb-dev"),
        "icu": sh("dpkg-query -W -f='${Version}' libicu-dev"),
        "benchmark": sh("dpkg-query -W -f='${Version}' libbenchmark-dev"),
        "load_at_report": sh("cut -d' ' -f1-3 /proc/loadavg"),
        "revision": (sh("git rev-parse --short HEAD") +
                     (" + uncommitted changes outside bench/"
                      if sh("git status --porcelain --untracked-files=no -- . ':!bench'") else "")),
        "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
    }


def report(argv):
    raw = argv[0]
    out_json = argv[argv.index("--json") + 1]
    out_md = argv[argv.index("--md") + 1]
    notes = argv[argv.index("--notes") + 1] if "--notes" in argv else None
    recs = load(raw)
    cfg = next((r for r in recs if r["kind"] == "config"), {})
    runs = cfg.get("runs", 0)
    res = {"machine": machine(), "quick": bool(cfg.get("quick")), "runs": runs}
    md = []
    w = md.append

    # ---- ingest vs floor
    corpora = []
    for r in recs:
        if r["kind"] == "ingest" and r["corpus"] not in corpora:
            corpora.append(r["corpus"])
    ingest = {}
    for c in corpora:
        ing = [r for r in recs if r["kind"] == "ingest" and r["corpus"] == c]
        fl = [r["result"] for r in recs if r["kind"] == "floor" and r["corpus"] == c]
        icu = [r["result"] for r in recs if r["kind"] == "floor_icu" and r["corpus"] == c]
        nbytes = icu[0]["bytes"] if icu else 0
        s = summary(ing[-1]) or {}
        walls = [r["wall_s"] for r in ing]
        mbs = [nbytes / 1e6 / x for x in walls if x > 0]
        icu_mbs = [x["bytes"] / 1e6 / x["seconds"] for x in icu if x["seconds"] > 0]
        read_mbs = [x["bytes"] / 1e6 / x["seconds"] for x in fl if x["seconds"] > 0]
        claims = s.get("claims", 0)
        ingest[c] = {
            "bytes": nbytes,
            "articles": icu[0]["articles"] if icu else 0,
            "claims": claims,
            "works": s.get("works", 0),
            "rejected": s.get("rejected", 0),
            "runs": len(walls),
            "wall_s": walls,
            "mb_s": med(mbs), "mb_s_min": min(mbs) if mbs else None, "mb_s_max": max(mbs) if mbs else None,
            "articles_s": (icu[0]["articles"] / med(walls)) if icu and walls else None,
            "claims_s": claims / med(walls) if walls else None,
            "peak_rss_mb": max(r["max_rss_kb"] for r in ing) / 1024,
            "db_bytes": ing[-1]["db_bytes"],
            "db_bytes_per_claim": ing[-1]["db_bytes"] / claims if claims else None,
            "icu_floor_mb_s": med(icu_mbs),
            "read_mb_s": med(read_mbs),
            "ingest_vs_floor": (med(mbs) / med(icu_mbs)) if mbs and icu_mbs else None,
            "_mbs": mbs, "_icu": icu_mbs, "_read": read_mbs,
        }
    main = next((k for k in ("1G", "100M", "10M", "1M") if k in ingest), corpora[-1] if corpora else None)
    if main:
        res["ingest_mb_s"] = ingest[main]["mb_s"]
        res["icu_floor_mb_s"] = ingest[main]["icu_floor_mb_s"]
        res["ingest_vs_floor"] = ingest[main]["ingest_vs_floor"]
        res["ingest_corpus"] = main
    res["ingest_peak_rss_mb"] = max((v["peak_rss_mb"] for k, v in ingest.items() if k != "examples"), default=None)
    res["ingest"] = {k: {kk: vv for kk, vv in v.items() if not kk.startswith("_")} for k, v in ingest.items()}
    sized = [k for k in ("1M", "10M", "100M", "1G") if k in ingest]
    if len(sized) >= 2 and ingest[sized[0]]["mb_s"]:
        base = ingest[sized[0]]["mb_s"]
        res["throughput_spread"] = {k: ingest[k]["mb_s"] / base - 1 for k in sized}

    # ---- query
    targets = sorted({r["target"] for r in recs if r["kind"] == "query"})
    query = {}
    for t in targets:
        q = [r["result"] for r in recs if r["kind"] == "query" and r["target"] == t]
        build = next((r for r in recs if r["kind"] == "kb_build" and r["target"] == t), {})
        cli = next((r for r in recs if r["kind"] == "cli_ask" and r["target"] == t), None)
        cli_a = next((r for r in recs if r["kind"] == "cli_audit" and r["target"] == t), None)
        d = {"claims_distinct": q[0]["claims"], "assertions": q[0]["assertions"], "sources": q[0]["sources"],
             "works": q[0]["works"], "open_ms": med([x["open_ms"] for x in q]),
             "audit_threads": q[0].get("audit_threads", 1)}
        for op in ("ask", "ask_uncached", "ask_warm", "match", "sources", "sources_uncached",
                   "sources_warm", "sources_all", "verdicts", "audit", "audit_1t", "audit_warm"):
            if op in q[0]:
                d[op] = {k: med([x[op][k] for x in q]) for k in ("p50_us", "p90_us", "p99_us", "max_us")}
                d[op]["p99_us_runs"] = [x[op]["p99_us"] for x in q]
        d["cli_ask_ms"] = med(cli["ms"]) if cli else None
        d["cli_ask_ms_all"] = cli["ms"] if cli else []
        d["cli_ask_rc"] = cli["rc"] if cli else None
        d["cli_audit_ms"] = med(cli_a["ms"]) if cli_a else None
        d["cli_audit_rc"] = cli_a["rc"] if cli_a else None
        d["build_wall_s"] = build.get("wall_s")
        d["db_bytes"] = build.get("db_bytes")
        query[str(t)] = d
    res["query"] = query
    res["ask_p99_us"] = {k: v["ask"]["p99_us"] for k, v in query.items() if "ask" in v}
    res["ask_warm_p99_us"] = {k: v["ask_warm"]["p99_us"] for k, v in query.items() if "ask_warm" in v}
    res["ask_uncached_p99_us"] = {k: v["ask_uncached"]["p99_us"] for k, v in query.items()
                                  if "ask_uncached" in v}
    res["sources_uncached_p99_us"] = {k: v["sources_uncached"]["p99_us"] for k, v in query.items()
                                      if "sources_uncached" in v}
    res["sources_p99_us"] = {k: v["sources"]["p99_us"] for k, v in query.items() if "sources" in v}
    res["sources_warm_p99_us"] = {k: v["sources_warm"]["p99_us"] for k, v in query.items()
                                  if "sources_warm" in v}
    res["sources_all_p99_us"] = {k: v["sources_all"]["p99_us"] for k, v in query.items()
                                 if "sources_all" in v}
    res["cli_ask_ms_by_kb"] = {k: v["cli_ask_ms"] for k, v in query.items()}
    if query:
        largest = str(max(targets))
        res["cli_ask_ms"] = query[largest]["cli_ask_ms"]
        res["audit_10kb_ms"] = query[largest]["audit"]["p50_us"] / 1000 if "audit" in query[largest] else None
        res["audit_10kb_p99_ms"] = query[largest]["audit"]["p99_us"] / 1000 if "audit" in query[largest] else None
        res["audit_threads"] = query[largest]["audit_threads"]
        if "audit_1t" in query[largest]:
            res["audit_10kb_1t_ms"] = query[largest]["audit_1t"]["p50_us"] / 1000
            res["audit_10kb_1t_p99_ms"] = query[largest]["audit_1t"]["p99_us"] / 1000
        res["query_largest_kb"] = int(largest)

    # ---- one article at a time into the largest KB
    one = next((r for r in recs if r["kind"] == "ingest_one"), None)
    hook = next((r["result"] for r in recs if r["kind"] == "query_hook"), None)
    if one and one["ms"]:
        res["ingest_one_ms"] = med(one["ms"])
        res["ingest_one"] = {"target": one["target"], "ms": one["ms"], "median_ms": med(one["ms"]),
                             "min_ms": min(one["ms"]), "max_ms": max(one["ms"])}
        if hook:
            res["ingest_one"]["after"] = {op: {k: hook[op][k] for k in ("p50_us", "p99_us")}
                                          for op in ("ask", "sources") if op in hook}

    # ---- segmenters
    seg = {}
    for r in recs:
        if r["kind"] == "seg_golden":
            seg.setdefault(r["peer"], {})["golden"] = r["result"]
        elif r["kind"] == "seg_speed":
            x = r["result"]
            seg.setdefault(r["peer"], {}).setdefault("mb_s", []).append(x["bytes"] / 1e6 / max(x["seconds"], 1e-9))
            seg[r["peer"]]["sentences"] = x["sentences"]
            seg[r["peer"]]["bytes"] = x["bytes"]
        elif r["kind"] == "peer_missing":
            seg.setdefault(r["peer"], {})["missing"] = r["reason"]
    res["segmenters"] = {k: {"mb_s": med(v.get("mb_s", [])), "mb_s_runs": v.get("mb_s", []),
                             "golden_pass": v.get("golden", {}).get("passed"),
                             "golden_total": v.get("golden", {}).get("total"),
                             "golden_failed": v.get("golden", {}).get("failed"),
                             "sentences": v.get("sentences"), "bytes": v.get("bytes"), "missing": v.get("missing")}
                         for k, v in seg.items()}
    res["golden_rules_pass"] = res["segmenters"].get("evkb", {}).get("golden_pass")

    # ---- reference parsers
    refs = [r for r in recs if r["kind"] == "refs"]
    res["reference_parsers"] = [
        {"peer": r["peer"], "entries": r["score"]["entries"],
         "refs_s": (r["time"]["refs"] / r["time"]["seconds"]) if r.get("time") and r["time"]["seconds"] else None,
         "failed": r.get("time", {}).get("failed"),
         "overall": r["score"]["overall"],
         "fields": {k: v["accuracy"] for k, v in r["score"]["fields"].items()}} for r in refs]

    # ---- micro
    micro = next((r["result"] for r in recs if r["kind"] == "micro"), None)
    res["micro"] = {}
    if micro:
        for b in micro.get("benchmarks", []):
            if b.get("aggregate_name") not in ("median", None):
                continue
            name = b.get("run_name", b["name"])
            res["micro"][name] = {"real_time": b["real_time"], "unit": b["time_unit"],
                                  "bytes_per_second": b.get("bytes_per_second"),
                                  "items_per_second": b.get("items_per_second")}
    res["total_seconds"] = next((r["seconds"] for r in recs if r["kind"] == "total"), None)

    # ---------------- Markdown
    m = res["machine"]
    w("# evkb benchmark results\n")
    w("Generated by `bench/run.sh{}` (`bench/report.py`); the raw records are in the run's "
      "`raw.jsonl`. Medians over {} runs, (min–max) where there was more than one.\n".format(
          " --quick" if res["quick"] else "", runs))
    w("## Machine\n")
    w("| | |\n|---|---|")
    for k in ("cpu", "cores", "memory", "kernel", "compiler", "rocksdb", "icu", "benchmark", "revision", "load_at_report", "date"):
        w("| {} | {} |".format(k, m.get(k)))
    w("\nThe machine is shared (2 cores, other engineers compiling): every number here carries that noise; "
      "compare ratios measured in the same run rather than absolute values across runs.\n")
    w("## Commands\n")
    w("```\nbench/setup-peers.sh            # once: peers (apt-get, npm)\nbench/run.sh{}\n```\n".format(
        " --quick" if res["quick"] else ""))
    w("Corpora: `evkb-bench-gen --seed 1` (45% Markdown, 35% HTML, 20% text; APA, Harvard, Vancouver and "
      "web reference lists; claims that agree and disagree, hedges, negations). Ingest: "
      "`evkb-ingest --db DB --quiet --progress never CORPUS` into a fresh database each run, wall time and "
      "peak RSS from `/usr/bin/time`. Floor: `evkb-bench-floor icu CORPUS` (read + one ICU sentence "
      "BreakIterator pass over each article's bytes); read: `evkb-bench-floor read CORPUS`.\n")

    w("## Targets\n")
    w("| target | measured | |\n|---|---|---|")

    def verdict(ok):
        return "met" if ok else "**missed**"
    if res.get("ingest_vs_floor") is not None:
        r_ = res["ingest_vs_floor"]
        w("| ingest ≥ 0.25× bare ICU pass (stretch 0.5×), {} | {:.3f}× ({:.2f} vs {:.2f} MB/s) | {} |".format(
            res["ingest_corpus"], r_, res["ingest_mb_s"], res["icu_floor_mb_s"],
            "met (stretch met)" if r_ >= STRETCH_FLOOR_RATIO else verdict(r_ >= TARGET_FLOOR_RATIO)))
    if res.get("throughput_spread"):
        sp = res["throughput_spread"]
        worst = max(abs(v) for v in sp.values())
        w("| throughput flat ±20% from 1 MB to {} | {} | {} |".format(
            sized[-1], ", ".join("{} {:+.0%}".format(k, v) for k, v in sp.items()),
            verdict(worst <= TARGET_FLAT) + ("" if "1G" in sp else " (1 GB not run: --quick)")))
    if res.get("ingest_peak_rss_mb") is not None:
        big = "1G" if "1G" in ingest else sized[-1] if sized else "?"
        w("| peak RSS ≤ 300 MB on 1 GB | {:.0f} MB on {} | {} |".format(
            ingest[big]["peak_rss_mb"], big, verdict(ingest[big]["peak_rss_mb"] <= TARGET_RSS_MB)
            + ("" if big == "1G" else " at this size (1 GB not run)")))
    for k, v in query.items():
        if "ask" in v:
            warm = " (warm judge: {:.0f} µs)".format(v["ask_warm"]["p99_us"]) if "ask_warm" in v else ""
            if "ask_uncached" in v:
                warm += " (no record cache: {:.0f} µs)".format(v["ask_uncached"]["p99_us"])
            w("| in-process ask p99 ≤ 1 ms ({} claims), cold judge per call | {:.0f} µs{} | {} |".format(
                k, v["ask"]["p99_us"], warm, verdict(v["ask"]["p99_us"] <= TARGET_ASK_P99_US)))
        if "sources" in v:
            warm = (" (warm judge: {:.0f} µs)".format(v["sources_warm"]["p99_us"])
                    if "sources_warm" in v else "")
            if "sources_uncached" in v:
                warm += " (no record cache: {:.0f} µs)".format(v["sources_uncached"]["p99_us"])
            cold = ", cold judge per call" if "sources_warm" in v else ""
            w("| in-process sources p99 ≤ 1 ms ({} claims){} | {:.0f} µs{} | {} |".format(
                k, cold, v["sources"]["p99_us"], warm,
                verdict(v["sources"]["p99_us"] <= TARGET_ASK_P99_US)))
    if res.get("audit_10kb_ms") is not None:
        lq = query[str(res["query_largest_kb"])]
        warm = (" (warm judges: p50 {:.1f} ms, p99 {:.1f} ms)".format(
            lq["audit_warm"]["p50_us"] / 1000, lq["audit_warm"]["p99_us"] / 1000) if "audit_warm" in lq else "")
        one = (" (one thread: p50 {:.1f} ms, p99 {:.1f} ms)".format(
            res["audit_10kb_1t_ms"], res["audit_10kb_1t_p99_ms"]) if "audit_10kb_1t_ms" in res else "")
        w("| audit of 10 KB ≤ 20 ms ({} claims), cold judges, {} thread(s) | p50 {:.1f} ms, p99 {:.1f} ms{}{} | {} |"
          .format(res["query_largest_kb"], res["audit_threads"], res["audit_10kb_ms"],
                  res["audit_10kb_p99_ms"], one, warm, verdict(res["audit_10kb_p99_ms"] <= TARGET_AUDIT_MS)))
    if res.get("cli_ask_ms") is not None:
        w("| CLI ask ≤ 20 ms wall at 1M claims | {:.1f} ms at {} claims | {} |".format(
            res["cli_ask_ms"], res["query_largest_kb"], verdict(res["cli_ask_ms"] <= TARGET_CLI_ASK_MS)
            + ("" if res["query_largest_kb"] >= 1000000 else " at this size (1M not built: --quick)")))
    w("")

    w("## Ingest against the floor\n")
    w("| corpus | bytes | articles | claims | ingest MB/s | articles/s | claims/s | ICU floor MB/s | read MB/s | "
      "ingest / floor | peak RSS MB | DB bytes/claim |")
    w("|---|---|---|---|---|---|---|---|---|---|---|---|")
    for c, v in ingest.items():
        w("| {} | {:,} | {:,} | {:,} | {} | {:.0f} | {:.0f} | {} | {} | {:.3f} | {:.0f} | {} |".format(
            c, v["bytes"], v["articles"], v["claims"], rng(v["_mbs"], "{:.2f}"), v["articles_s"] or 0,
            v["claims_s"] or 0, rng(v["_icu"], "{:.1f}"), rng(v["_read"], "{:.0f}"), v["ingest_vs_floor"] or 0,
            v["peak_rss_mb"], "{:.0f}".format(v["db_bytes_per_claim"]) if v["db_bytes_per_claim"] else "–"))
    w("\n`claims` is evkb-ingest's own count: each article's distinct claims, summed over articles "
      "(one per claim assertion). DB bytes/claim is `du -sb` of the database after the run over that count.\n")

    if query:
        w("## Query latency\n")
        w("KBs grown from one JSONL stream of generated articles (each KB is the previous one plus more "
          "articles). `claims` (the KB size) counts claim assertions as evkb-ingest does; `distinct` is the "
          "number of Claim records: with the shipped lexicon (73 concepts, 15 relations) distinct "
          "propositions saturate, so a bigger KB means more evidence per claim, not more claims.\n")
        w("In-process (`evkb-bench-query`: store opened once; µs per call, median over runs of each "
          "percentile). `ask`, `sources` and `audit` build a fresh Judge per call, so nothing a previous call read is "
          "reused but the store's caches: RocksDB's block and row caches and the records a reader keeps decoded "
          "(claims, works, sources, assertions and each claim's strongest evidence, kb/src/record_cache.h; "
          "64 MB by default); `no record cache` is `ask` and `sources` on a second open of the KB that keeps none "
          "(`StoreOptions::record_cache_bytes` 0); `warm` reuses one Judge (and its evidence memo) across calls, "
          "as a long-running process would. `audit` judges the article's claims on as many threads as "
          "`evkb-query audit` does by default (one per core, at most 4; a fresh Judge each), `audit p50, "
          "1 thread` on one:\n")
        w("| KB (claims) | distinct | assertions | ask p50 | ask p99 | no record cache: ask p50 | ask p99 | "
          "warm ask p50 | warm ask p99 | match p50 | match p99 | sources p50 | sources p99 | "
          "no record cache: sources p99 | warm sources p99 | audit 10 KB p50 | audit p99 | "
          "audit p50, 1 thread | warm audit p50 | open ms | CLI ask ms | CLI audit ms |")
        w("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|")
        for k, v in query.items():
            def g(op, p):
                return "{:,.0f}".format(v[op][p]) if op in v else "–"
            w("| {:,} | {:,} | {:,} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | "
              "{} | {} | {:.1f} | {} | {} |".format(
                int(k), v["claims_distinct"], v["assertions"], g("ask", "p50_us"), g("ask", "p99_us"),
                g("ask_uncached", "p50_us"), g("ask_uncached", "p99_us"),
                g("ask_warm", "p50_us"), g("ask_warm", "p99_us"),
                g("match", "p50_us"), g("match", "p99_us"), g("sources", "p50_us"), g("sources", "p99_us"),
                g("sources_uncached", "p99_us"), g("sources_warm", "p99_us"), g("audit", "p50_us"), g("audit", "p99_us"), g("audit_1t", "p50_us"),
                g("audit_warm", "p50_us"), v["open_ms"] or 0,
                "{:.1f}".format(v["cli_ask_ms"]) if v["cli_ask_ms"] is not None else "–",
                "{:.1f}".format(v["cli_audit_ms"]) if v["cli_audit_ms"] is not None else "–"))
        w("\nCLI: `evkb-query --db KB ask \"Does foam rolling reduce DOMS?\" --format json` and "
          "`evkb-query --db KB audit audit-10k.md --format json` (15 and 5 runs; 3 and 2 with --quick, after "
          "one untimed run), wall time from spawn to exit "
          "(process start, lexicon load, database open included), median.\n")

    if res.get("ingest_one"):
        o = res["ingest_one"]
        w("## One article at a time\n")
        text = ("`evkb-ingest --db KB ONE.jsonl` of a new article into a copy of the {:,}-claim KB, {} times in turn "
          "(an editor's save hook, a site publishing as it goes), process start, database open and the "
          "closing flush included: median **{:.0f} ms** ({:.0f}–{:.0f}).".format(
              o["target"], len(o["ms"]), o["median_ms"], o["min_ms"], o["max_ms"]))
        bulk = query.get(str(o["target"]), {})
        after = o.get("after", {})
        if after and "ask" in bulk:
            text += (" The questions on that copy afterwards, whose level 0 then holds the small ingests' table "
              "beside the bulk ingest's (cold, as above): ask p50 {:,.0f} / p99 {:,.0f} µs, sources p99 "
              "{:,.0f} µs, against {:,.0f} / {:,.0f} and {:,.0f} µs on the bulk-built KB.".format(
                  after["ask"]["p50_us"], after["ask"]["p99_us"], after.get("sources", {}).get("p99_us", 0),
                  bulk["ask"]["p50_us"], bulk["ask"]["p99_us"], bulk.get("sources", {}).get("p99_us", 0)))
        w(text + "\n")

    if res["segmenters"]:
        w("## Sentence segmenters\n")
        first = res["segmenters"].get("evkb") or next(iter(res["segmenters"].values()))
        w("Speed over the same text ({:,} bytes: the paragraphs of the 1 MB corpus's Markdown and text "
          "articles, one call per paragraph, timed inside each program after start-up and model load); "
          "accuracy on the {} English Golden Rules, scored as tests/ingest/golden_rules_test.cc does.\n".format(
              first.get("bytes") or 0, first.get("golden_total") or 52))
        w("| segmenter | MB/s | Golden Rules | sentences found | note |\n|---|---|---|---|---|")
        names = {"evkb": "evkb (ICU + suppressions and fixes)", "icu-bare": "bare ICU BreakIterator",
                 "go-punkt": "Go Punkt (Debian golang-gopkg-neurosnap-sentences.v1-dev)",
                 "sentencex": "sentencex (npm)", "sbd": "sbd (npm)", "nltk-punkt": "NLTK Punkt (python3-nltk)"}
        for k, v in res["segmenters"].items():
            if v.get("missing"):
                w("| {} | – | – | – | not run: {} |".format(names.get(k, k), v["missing"]))
                continue
            w("| {} | {} | {}/{} | {:,} | {} |".format(
                names.get(k, k), rng(v["mb_s_runs"], "{:.2f}"), v["golden_pass"], v["golden_total"],
                v["sentences"] or 0, ""))
        w("")

    if res["reference_parsers"]:
        w("## Reference parsers (AnyStyle gold set)\n")
        w("Field accuracy with the rule of tests/citations/gold_set_test.cc (FoldedKey equality, first author "
          "from the gold author string, first page up to the dash); `entries` is how many of the 1,000 gold "
          "entries were scored — the Perl parser is slow enough that --quick gives it a prefix, and evkb "
          "is scored on the same prefix for the comparison.\n")
        fields = ["year", "first_author", "title", "container", "volume", "issue", "first_page", "doi"]
        w("| parser | entries | refs/s | overall | " + " | ".join(fields) + " |")
        w("|---|---|---|---|" + "---|" * len(fields))
        for r in res["reference_parsers"]:
            note = " ({} failed or timed out)".format(r["failed"]) if r.get("failed") else ""
            w("| {} | {} | {} | {:.3f} | ".format(
                r["peer"] + note, r["entries"], "{:,.0f}".format(r["refs_s"]) if r["refs_s"] else "–",
                r["overall"]) + " | ".join("{:.3f}".format(r["fields"][f]) for f in fields) + " |")
        w("")

    if res["micro"]:
        w("## Micro-benchmarks (Google Benchmark, median of {} repetitions)\n".format(runs))
        w("| benchmark | time | MB/s | items/s |\n|---|---|---|---|")
        for k, v in res["micro"].items():
            w("| {} | {:,.2f} {} | {} | {} |".format(
                k, v["real_time"], v["unit"],
                "{:.1f}".format(v["bytes_per_second"] / 1e6) if v.get("bytes_per_second") else "",
                "{:,.0f}".format(v["items_per_second"]) if v.get("items_per_second") else ""))
        w("")
    if res.get("total_seconds"):
        w("Whole run: {:.0f} s.\n".format(res["total_seconds"]))
    if notes and os.path.exists(notes):
        with open(notes, encoding="utf-8") as f:
            w(f.read())

    with open(out_json, "w", encoding="utf-8") as f:
        json.dump(res, f, indent=2, sort_keys=False)
        f.write("\n")
    with open(out_md, "w", encoding="utf-8") as f:
        f.write("\n".join(md) + "\n")


def main():
    cmd, rest = sys.argv[1], sys.argv[2:]
    if cmd == "claims-per-article":
        claims_per_article(*rest)
    elif cmd == "time-cmd":
        time_cmd(rest)
    elif cmd == "seg-input":
        seg_input(*rest)
    elif cmd == "score-golden":
        score_golden(*rest)
    elif cmd == "report":
        report(rest)
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
