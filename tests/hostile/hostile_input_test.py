#!/usr/bin/env python3
"""Hostile input: everything a scraper, a half-written draft or an archive
can throw at evkb, generated at test time (nothing large lives in git).

    hostile_input_test.py --ingest BIN --query BIN --verify BIN --lexicon FILE [--tamper BIN]

Each input is first ingested on its own, under `timeout` and an address-space
limit, and must give a clear per-file error (exit 3, the file named in the
message) or a sane result (exit 0) in bounded time and memory. Then all of
them go into one run together with good articles: the good articles must
land, the exit code must be 3, and the database must verify. Questions and
lexicons are tried the same way with evkb-query and --lexicon (exit 2 for a
bad lexicon, CLI.md). Prints one line per input and "inputs tried: N, as
expected: N".
"""
import argparse
import json
import os
import random
import shutil
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "crash"))
import evkb_testlib as lib  # noqa: E402

# Bounds for a single hostile input (a Release build on a slow 2-core
# machine does each in a few seconds; these catch hangs and blow-ups).
SECONDS = 45
VMEM_MB = 4096

GOOD_MD = """# Rolling before a run

Foam rolling may reduce delayed onset muscle soreness after hard sessions (Ferreira et al., 2016).
Static stretching does not prevent injury in runners, according to a 2014 review.

## References

Ferreira, L., Costa, R. and Novak, P. (2016) Rolling and soreness in runners. Journal of Sport Rehabilitation, 25(3), pp. 210-218.
"""
GOOD_TXT = """Massage guns and recovery

Percussive massage might improve recovery after training, but it cannot break up scar tissue.
A randomised trial by Quinn and Walsh (2021) found less muscle tension after use.

References
Quinn, M. and Walsh, T. (2021) Percussion massage after training. Frontiers in Physiology, 12, 1-8.
"""
GOOD_HTML = """<!doctype html><html><head><title>Warm-ups that work</title></head><body>
<article><h1>Warm-ups that work</h1>
<p>A dynamic warm-up improves sprint performance, says a 2018 meta-analysis.</p>
<p>Rolling out the IT band will not lengthen it.</p></article></body></html>
"""


def article_paragraph(i):
    return ("Foam rolling reduces muscle soreness in trial %d, and stretching may improve "
            "flexibility." % i)


def make_inputs(d, rng):
    """Writes the hostile files; returns [(name, expectation)] where the
    expectation is 'rejected', 'ingested' or 'either'."""
    cases = []

    def put(name, data, expect, why):
        with open(os.path.join(d, name), "wb") as f:
            f.write(data if isinstance(data, bytes) else data.encode("utf-8"))
        cases.append((name, expect, why))

    put("binary.txt", bytes(rng.getrandbits(8) for _ in range(64 * 1024)), "rejected",
        "random binary bytes")
    put("invalid_utf8.md", GOOD_MD.encode()[:120] + b"\xc3\x28 broken \xff\xfe tail\n" +
        GOOD_MD.encode()[120:], "rejected", "ill-formed UTF-8 in the middle")
    put("overlong_utf8.txt", b"Foam rolling \xc0\xaf reduces soreness.\n", "rejected",
        "overlong UTF-8 encoding of '/'")
    put("utf16_bom.txt", GOOD_TXT.encode("utf-16"), "rejected", "UTF-16 with BOM")
    put("utf16be_bom.html", b"\xfe\xff" + GOOD_HTML.encode("utf-16-be"), "rejected",
        "UTF-16BE with BOM")
    put("nul_bytes.md", GOOD_MD.encode().replace(b"soreness", b"sore\x00ness"), "rejected",
        "NUL bytes in text")
    put("empty.txt", b"", "rejected", "0 bytes")
    put("whitespace_only.md", b" \n\t\n   \r\n", "either", "only white space")
    with open(os.path.join(d, "single_line_50mb.txt"), "wb") as f:
        chunk = ("foam rolling reduces soreness and " * 30).encode()
        for _ in range((50 << 20) // len(chunk) + 1):
            f.write(chunk)
    cases.append(("single_line_50mb.txt", "rejected", "a 50 MB single line (over the 20 MB limit)"))
    # Under the limit but with no sentence or line break at all: 4 MB of one
    # "sentence" must still finish in bounded time.
    put("single_line_4mb.txt", "foam rolling may reduce soreness, " * ((4 << 20) // 34), "either",
        "a 4 MB single line with no sentence break")
    depth = 10000
    put("nested_10000.html", "<html><body>" + "<div><span>" * depth +
        "<p>Foam rolling reduces soreness.</p>" + "</span></div>" * depth +
        "<p>Stretching improves flexibility.</p></body></html>", "either",
        "10,000-level nested HTML")
    put("unclosed_nested.html", "<p>" + "<b><i><blockquote><ul><li>" * 5000 +
        "Rolling may reduce soreness.", "either", "25,000 unclosed elements")
    put("all_script.html", "<html><head><script>" + "var x = 'foam rolling reduces soreness';\n" *
        20000 + "</script></head><body><script>document.write('<p>hi</p>')</script></body></html>",
        "either", "a page that is all <script>")
    put("entities.html", "<p>" + "&amp;&#x1F600;&notin;&#0;&#xD800;&#99999999;&bogus;" * 20000 +
        "</p>", "either", "140,000 odd character references")
    jsonl = [json.dumps({"url": "https://example.org/1", "title": "One",
                         "text": "Foam rolling reduces soreness.\n\nIt may help recovery."}),
             '{"title": "cut off", "text": "Foam rolling red',
             "not json at all",
             json.dumps([1, 2, 3]),
             json.dumps({"title": "no body"}),
             json.dumps({"text": "bad \udcff surrogate"}),
             "\x00\x01\x02",
             json.dumps({"url": "https://example.org/2", "html": "<p>Stretching does not "
                         "prevent injury.</p>"}),
             '{"text": "' + "x" * 100 + '"' + "}" * 1000,
             "[" * 100000,
             json.dumps({"text": "Massage improves circulation (Costa, 2012)."})]
    put("broken_lines.jsonl", "\n".join(jsonl) + "\n", "rejected",
        "JSONL with broken lines among good ones")
    with open(os.path.join(d, "long_line_50mb.jsonl"), "wb") as f:
        f.write(b'{"text": "' + b"foam rolling reduces soreness. " * ((50 << 20) // 31) + b'"}\n')
        f.write(json.dumps({"title": "after the long line",
                            "text": "Rest days improve recovery."}).encode() + b"\n")
    cases.append(("long_line_50mb.jsonl", "rejected", "a 50 MB JSONL line, then a good line"))
    with open(os.path.join(d, "nested_1m.jsonl"), "wb") as f:
        f.write(b"[" * 1000000 + b"\n" + b'{"a": ' * 200000 + b"\n" +
                json.dumps({"text": "Foam rolling may reduce soreness."}).encode() + b"\n")
    cases.append(("nested_1m.jsonl", "rejected", "JSONL lines nested a million and 200,000 deep, "
                  "then a good line"))
    refs = ["%s, %s. (%d) Study number %d of foam rolling and soreness. Journal of Sport "
            "Rehabilitation, %d, pp. %d-%d." % (rng.choice(["Okafor", "Lindqvist", "Moreau", "Tanaka"]),
                                                 "ABCDEFGH"[i % 8], 1990 + i % 34, i, i % 50, i % 900,
                                                 i % 900 + 9)
            for i in range(100000)]
    put("references_100k.md", "# A long bibliography\n\n" + article_paragraph(1) +
        " Okafor (2000) agrees [1].\n\n## References\n\n" + "\n\n".join(refs) + "\n", "either",
        "a reference list of 100,000 entries")
    put("citations_parens.txt",
        ("Foam rolling reduces soreness ((((2015. " + "(" * 5000 + "2015" + ")" * 10 + " Smith et al. "
         "(((((((((2015 [[[[[[1 [1-99999999] (1,2,3,4,5,6,7,8,9-999999999) et al et al et al. "
         "In 2015, In 2015, In 2015, " + "Smith, " * 3000 + "(2015). " + "et al. " * 5000 +
         "a 2019 review " * 3000 + "\n\n"), "either", "pathological citations like ((((2015")
    put("many_sentences.txt", " ".join("Rolling may reduce soreness %d." % i for i in range(60000)),
        "either", "60,000 short claims in one article")
    put("control_chars.txt", "Foam rolling\x07 reduces\x1b[31m soreness\x08\x08.\n" * 2000,
        "either", "terminal escape and control characters")
    return cases


def check_one(args, d, name, expect, why, db):
    path = os.path.join(d, name)
    r = lib.run([args.ingest, "--db", db, "--lexicon", args.lexicon, "--progress", "never",
                 "--format", "json", path], timeout=SECONDS, vmem_mb=VMEM_MB)
    problems = []
    if r.rc is None:
        problems.append("did not finish in %d s" % SECONDS)
    elif r.rc < 0:
        problems.append("killed by signal %d: %s" % (-r.rc, r.err[-300:]))
    elif r.rc not in (0, 3):
        problems.append("exit %d: %s" % (r.rc, r.err[-300:]))
    elif expect == "rejected" and r.rc != 3:
        problems.append("expected exit 3 (rejected), got %d" % r.rc)
    elif expect == "ingested" and r.rc != 0:
        problems.append("expected exit 0, got %d" % r.rc)
    detail = ""
    if r.rc in (0, 3):
        try:
            doc = r.json()
            statuses = {}
            for s in doc["sources"]:
                statuses[s["status"]] = statuses.get(s["status"], 0) + 1
            claims = sum(len(s.get("claims", [])) for s in doc["sources"])
            errors = [s["error"] for s in doc["sources"] if s.get("error")]
            detail = "%s, %d claims" % (", ".join("%d %s" % (v, k) for k, v in sorted(statuses.items())),
                                        claims)
            if errors:
                detail += "; e.g. %r" % errors[0][:90]
            if r.rc == 3 and name.split(".")[0] not in r.err:
                problems.append("the error message does not name the file: %r" % r.err[:200])
        except (lib.Failure, KeyError, TypeError) as e:
            problems.append("bad JSON output: %s" % e)
    return problems, "%-22s %-5s %5.1f s %5d MB  %s" % (
        name, "exit %s" % r.rc, r.seconds, (r.peak_kb or 0) // 1024, detail)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--ingest", required=True)
    ap.add_argument("--query", required=True)
    ap.add_argument("--verify", required=True)
    ap.add_argument("--lexicon", required=True)
    ap.add_argument("--tamper")
    args = ap.parse_args()
    rng = random.Random(5)
    work = tempfile.mkdtemp(prefix="evkb-hostile-")
    tried = failed = 0
    try:
        d = os.path.join(work, "inputs")
        os.makedirs(d)
        cases = make_inputs(d, rng)
        lib.log("hostile inputs, one at a time (limit %d s, %d MB address space):" % (SECONDS, VMEM_MB))
        for name, expect, why in cases:
            db = os.path.join(work, "db-" + name)
            problems, line = check_one(args, d, name, expect, why, db)
            tried += 1
            if os.path.exists(os.path.join(db, "CURRENT")):
                ok, text = lib.verify(args.verify, db)
                if not ok:
                    problems.append("database fails verification: " + text[:300])
            shutil.rmtree(db, ignore_errors=True)
            lib.log("  %s %s" % ("ok  " if not problems else "FAIL", line))
            lib.log("       (%s)" % why)
            for p in problems:
                lib.log("       problem: " + p)
            failed += bool(problems)

        # Everything at once, with good articles among them.
        for n, text in (("good_article.md", GOOD_MD), ("good_article.txt", GOOD_TXT),
                        ("good_article.html", GOOD_HTML)):
            with open(os.path.join(d, n), "w") as f:
                f.write(text)
        db = os.path.join(work, "db-all")
        r = lib.run([args.ingest, "--db", db, "--lexicon", args.lexicon, "--progress", "never",
                     "--format", "json", d], timeout=120, vmem_mb=VMEM_MB)
        tried += 1
        problems = []
        if r.rc != 3:
            problems.append("expected exit 3 (some input rejected, the rest stored), got %s: %s"
                            % (r.rc, r.err[-300:]))
        else:
            doc = r.json()
            by_path = {}
            for s in doc["sources"]:
                by_path.setdefault(os.path.basename(s["path"]).split(":")[0], []).append(s["status"])
            for n in ("good_article.md", "good_article.txt", "good_article.html"):
                if by_path.get(n) != ["ingested"]:
                    problems.append("%s did not land: %s" % (n, by_path.get(n)))
            jl = by_path.get("broken_lines.jsonl", [])
            if jl.count("ingested") < 3:
                problems.append("broken_lines.jsonl: expected its 3 good lines stored, got %s" % jl)
            if "ingested" not in by_path.get("long_line_50mb.jsonl", []):
                problems.append("the good line after a 50 MB JSONL line did not land")
            stats = lib.run([args.query, "--db", db, "stats", "--format", "json"], timeout=60)
            if stats.rc != 0:
                problems.append("stats after the run exited %s" % stats.rc)
            ok, text = lib.verify(args.verify, db)
            if not ok:
                problems.append("database fails verification: " + text[:300])
            lib.log("all inputs in one run: exit %s in %.1f s; %s" % (r.rc, r.seconds, text))
        for p in problems:
            lib.log("  problem: " + p)
        failed += bool(problems)

        # Questions.
        qdb = os.path.join(work, "db-q")
        r = lib.run([args.ingest, "--db", qdb, "--lexicon", args.lexicon, "--quiet",
                     os.path.join(d, "good_article.md"), os.path.join(d, "good_article.txt")])
        questions = [
            ("question_100kb", ("Does foam rolling reduce soreness and " * 2700)[:100 * 1024] + "?"),
            ("question_parens", "Does ((((2015 foam rolling (((( reduce [[[[ DOMS?"),
            ("question_empty", ""),
            ("question_spaces", " " * 1000),
            ("question_invalid_utf8", b"Does foam rolling \xff\xfe reduce \xc3 DOMS?"),
            ("question_controls", "Does foam\x1b[2J rolling\x07 reduce DOMS\x00?".replace("\x00", "")),
            ("question_words_10k", " ".join(["rolling"] * 10000)),
        ]
        for name, q in questions:
            tried += 1
            argv = [args.query, "--db", qdb, "--lexicon", args.lexicon, "ask", q, "--format", "json"]
            r = lib.run(argv, timeout=SECONDS, vmem_mb=VMEM_MB)
            problems = []
            if r.rc is None or r.rc < 0:
                problems.append("crashed or hung (%s)" % r.rc)
            elif r.rc == 0:
                try:
                    v = r.json().get("verdict")
                except lib.Failure as e:
                    problems.append(str(e))
                    v = None
                result = "verdict %s" % v
            elif r.rc == 2:
                result = "usage error: %s" % r.err.strip()[:90]
                if not r.err.strip():
                    problems.append("exit 2 without a message")
            else:
                problems.append("exit %d: %s" % (r.rc, r.err[-200:]))
                result = ""
            lib.log("  %s %-22s exit %s %5.1f s  %s" % ("ok  " if not problems else "FAIL", name,
                                                        r.rc, r.seconds, result if not problems else ""))
            for p in problems:
                lib.log("       problem: " + p)
            failed += bool(problems)

        # Lexicons: a bad lexicon is a usage error (exit 2) naming the problem.
        lexicons = [
            ("lexicon_cycle.json", {"concepts": [
                {"id": "cyc_a", "kind": "outcome", "labels": ["cyc alpha"], "parent": "cyc_c"},
                {"id": "cyc_b", "kind": "outcome", "labels": ["cyc beta"], "parent": "cyc_a"},
                {"id": "cyc_c", "kind": "outcome", "labels": ["cyc gamma"], "parent": "cyc_b"}]},
             "cyc_"),
            ("lexicon_self_parent.json", {"concepts": [
                {"id": "selfish", "kind": "outcome", "labels": ["selfish"], "parent": "selfish"}]},
             "selfish"),
            ("lexicon_cycle_via_shipped.json", {"concepts": [
                {"id": "pain", "kind": "outcome", "labels": ["pain"], "parent": "doms"}]}, "pain"),
            ("lexicon_missing_parent.json", {"concepts": [
                {"id": "orphan", "kind": "outcome", "labels": ["orphan"], "parent": "nowhere"}]},
             "orphan"),
            ("lexicon_syntax.json", '{"concepts": [ {"id": "x", "labels": ["x"], }', "lexicon_syntax.json:"),
            ("lexicon_wrong_types.json", {"concepts": "not a list", "relations": 7}, "lexicon_wrong_types"),
            ("lexicon_deep.json", "[" * 100000 + "]" * 100000, "lexicon_deep"),
            ("lexicon_binary.json", bytes(range(256)) * 4, "lexicon_binary"),
        ]
        for name, content, needle in lexicons:
            tried += 1
            path = os.path.join(work, name)
            with open(path, "wb") as f:
                if isinstance(content, bytes):
                    f.write(content)
                else:
                    f.write((content if isinstance(content, str) else json.dumps(content)).encode())
            # INPUT first: --lexicon takes every value that follows it.
            r = lib.run([args.ingest, "--db", os.path.join(work, "db-lex"),
                         os.path.join(d, "good_article.md"), "--lexicon", path],
                        timeout=SECONDS, vmem_mb=VMEM_MB)
            problems = []
            if r.rc != 2:
                problems.append("expected exit 2 (bad lexicon), got %s: %s" % (r.rc, r.err[-200:]))
            elif needle not in r.err:
                problems.append("message does not name %r: %r" % (needle, r.err[:200]))
            lib.log("  %s %-32s exit %s  %s" % ("ok  " if not problems else "FAIL", name, r.rc,
                                                r.err.strip().splitlines()[0][:100] if r.err.strip() else ""))
            for p in problems:
                lib.log("       problem: " + p)
            failed += bool(problems)
            if os.path.exists(os.path.join(work, "db-lex", "CURRENT")):
                shutil.rmtree(os.path.join(work, "db-lex"))

        lib.log("inputs tried: %d, as expected: %d, failed: %d" % (tried, tried - failed, failed))
        if failed:
            raise lib.Failure("%d hostile inputs were not handled as expected" % failed)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    lib.main_wrapper(main)
