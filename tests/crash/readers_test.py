#!/usr/bin/env python3
"""Readers during writes: `evkb-query ask`, `sources` and `stats` in a loop
while evkb-ingest writes the same database.

    readers_test.py --ingest BIN --query BIN --verify BIN --lexicon FILE [--articles N]

Requires zero errors from the readers, and every answer consistent with a
committed state. The ingest adds articles in a known order (sorted paths,
one atomic batch each, nothing replaced), so the committed states are the
prefixes of that order, and after the run the final export tells what each
prefix holds:
  - a `stats` answer with n sources must show exactly prefix n's claims,
    assertions and works, and successive answers never go back;
  - every claim, source and sentence an `ask` or `sources` answer names
    exists in the final database, with the same text.
Prints "reader calls: N, errors: 0, inconsistent answers: 0".
"""
import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import evkb_testlib as lib  # noqa: E402

QUESTIONS = ["Does foam rolling reduce delayed onset muscle soreness?",
             "Does stretching prevent injury?",
             "Does massage break up scar tissue?"]
BENEFITS = ["DOMS", "flexibility", "recovery"]


def prefix_counts(export):
    """sources count -> (claims, assertions, works) of that prefix of the
    ingest order."""
    def ingest_order(source):
        # Files in byte order of their paths; a JSONL file's lines ("f.jsonl:12")
        # in line order at the file's place.
        path = source["path"]
        head, _, line = path.rpartition(":")
        if head.endswith(".jsonl") and line.isdigit():
            return (head.encode(), int(line))
        return (path.encode(), 0)

    order = sorted(export["sources"], key=ingest_order)
    position = {s["id"]: i for i, s in enumerate(order)}
    n = len(order)
    claim_first = {}
    assertions_at = [0] * n
    for a in export["assertions"]:
        i = position[a["source"]]
        assertions_at[i] += 1
        claim_first[a["claim"]] = min(claim_first.get(a["claim"], n), i)
    work_first = {}
    for w in export["works"]:
        cited = [position[s] for s in w.get("cited_by", []) if s in position]
        if cited:
            work_first[w["id"]] = min(cited)
    claims_new, works_new = [0] * n, [0] * n
    for i in claim_first.values():
        claims_new[i] += 1
    for i in work_first.values():
        works_new[i] += 1
    table = {0: (0, 0, 0)}
    c = a = w = 0
    for i in range(n):
        c, a, w = c + claims_new[i], a + assertions_at[i], w + works_new[i]
        table[i + 1] = (c, a, w)
    return table


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--ingest", required=True)
    ap.add_argument("--query", required=True)
    ap.add_argument("--verify", required=True)
    ap.add_argument("--lexicon", required=True)
    ap.add_argument("--articles", type=int,
                    default=int(os.environ.get("EVKB_READERS_ARTICLES", 4000)))
    args = ap.parse_args()

    work = tempfile.mkdtemp(prefix="evkb-readers-")
    try:
        corpus = os.path.join(work, "corpus")
        gen = os.path.join(os.path.dirname(os.path.abspath(__file__)), "gen_corpus.py")
        subprocess.run([sys.executable, gen, args.lexicon, corpus, "--articles",
                        str(args.articles), "--seed", "99"], check=True, stdout=subprocess.DEVNULL)
        db = os.path.join(work, "db")
        # A first article, so the readers have a database from the start.
        first = sorted(os.path.join(d, f) for d, _, fs in os.walk(corpus) for f in fs)[0]
        r = lib.run([args.ingest, "--db", db, "--lexicon", args.lexicon, "--quiet", first])
        if r.rc != 0:
            raise lib.Failure("first ingest exited %s: %s" % (r.rc, r.err))

        # One analysis thread keeps the write window long enough for the
        # readers to see it from several committed states.
        writer = subprocess.Popen([args.ingest, "--db", db, "--lexicon", args.lexicon,
                                   "--progress", "never", "--quiet", "--threads", "1", corpus],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        calls, errors, stats_seen, answers = 0, [], [], []
        k = 0
        deadline = time.monotonic() + 150
        after_writer = 0
        while after_writer < 3 and time.monotonic() < deadline:
            if writer.poll() is not None:
                after_writer += 1
            kind = k % 3
            if kind == 0:
                argv = [args.query, "--db", db, "stats", "--format", "json"]
            elif kind == 1:
                argv = [args.query, "--db", db, "ask", QUESTIONS[k // 3 % len(QUESTIONS)],
                        "--format", "json"]
            else:
                argv = [args.query, "--db", db, "sources", BENEFITS[k // 3 % len(BENEFITS)],
                        "--format", "json"]
            k += 1
            calls += 1
            r = lib.run(argv, timeout=60)
            if r.rc != 0:
                errors.append("%s exited %s: %s" % (" ".join(argv[3:5]), r.rc, r.err.strip()[-300:]))
                continue
            try:
                doc = r.json()
            except lib.Failure as e:
                errors.append("%s: %s" % (argv[3], e))
                continue
            if kind == 0:
                stats_seen.append(doc)
            else:
                answers.append((argv[3], doc))
        _, werr = writer.communicate()
        if writer.returncode != 0:
            raise lib.Failure("the ingest exited %d: %s" % (writer.returncode, werr.decode()[-500:]))

        ok, text = lib.verify(args.verify, db)
        if not ok:
            raise lib.Failure("the database fails verification:\n" + text)
        final = lib.export_json(args.query, db)
        table = prefix_counts(final)
        inconsistent = []
        last = -1
        for st in stats_seen:
            n = st["sources"]
            want = table.get(n)
            got = (st["claims"], st["assertions"], st["works"])
            if want is None or want != got:
                inconsistent.append("stats with %d sources shows claims/assertions/works %s; "
                                    "that prefix has %s" % (n, got, want))
            if n < last:
                inconsistent.append("stats went back from %d to %d sources" % (last, n))
            last = max(last, n)
            if sum(st.get("verdicts", {}).values()) not in (0, st["claims"]):
                inconsistent.append("verdict counts %s do not add up to %d claims"
                                    % (st["verdicts"], st["claims"]))
        claims = {c["id"]: c for c in final["claims"]}
        sources = {s["id"]: s for s in final["sources"]}
        works = {w["id"] for w in final["works"]}
        # Evidence may come from claims below the matched one (is-a), so an
        # evidence sentence is checked against its source's assertions.
        sentences = {(a["source"], a["sentence"]) for a in final["assertions"]}
        for kind, doc in answers:
            if kind == "ask":
                for m in doc.get("matches", []):
                    cid = m["claim"]["id"]
                    if cid not in claims or claims[cid]["text"] != m["claim"]["text"]:
                        inconsistent.append("ask names claim %s not in any committed state" % cid)
                        continue
                    for ev in m.get("for", []) + m.get("against", []):
                        sid = ev["source"]["id"]
                        if sid not in sources or ev["source"]["path"] != sources[sid]["path"]:
                            inconsistent.append("ask cites unknown source %s" % sid)
                        elif (sid, ev["sentence"]) not in sentences:
                            inconsistent.append("ask evidence sentence not stored: %r"
                                                % ev["sentence"][:80])
            else:
                for w in doc.get("works", []):
                    if w["id"] not in works:
                        inconsistent.append("sources names unknown work %s" % w["id"])
                for s in doc.get("sources", []):
                    if s["id"] not in sources:
                        inconsistent.append("sources names unknown source %s" % s["id"])
                for c in doc.get("claims", []):
                    if c["id"] not in claims:
                        inconsistent.append("sources names unknown claim %s" % c["id"])
        distinct = sorted({st["sources"] for st in stats_seen})
        lib.log("ingest: %d sources at the end; stats answers saw %d distinct committed states "
                "(%s ... %s)" % (len(final["sources"]), len(distinct), distinct[:3], distinct[-3:]))
        for e in errors[:10]:
            lib.log("error: " + e)
        for e in inconsistent[:10]:
            lib.log("inconsistent: " + e)
        lib.log("reader calls: %d, errors: %d, inconsistent answers: %d"
                % (calls, len(errors), len(inconsistent)))
        if errors or inconsistent:
            raise lib.Failure("readers saw errors or inconsistent answers")
        if len(distinct) < 3:
            raise lib.Failure("the readers did not overlap the writer (saw %s)" % distinct)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    lib.main_wrapper(main)
