#!/usr/bin/env python3
"""Writes a deterministic corpus of small fitness articles for the crash and
readers-during-writes tests.

    gen_corpus.py LEXICON OUT_DIR [--articles N] [--seed S]

Topic words come from the lexicon's concept labels (interventions, outcomes,
structures), so every article yields claims; most articles cite studies in
the text and end with a reference list (Harvard or Vancouver), so works and
mentions are written too. The files are .md, .txt and .html, plus a few
.jsonl files holding several articles each. Every article has distinct
content (its number is in the text), so each one becomes its own source.
Prints the number of articles written.
"""
import argparse
import json
import os
import random

FAMILIES = ["Hartley", "Okafor", "Lindqvist", "Moreau", "Tanaka", "Brennan", "Costa",
            "Novak", "Ferreira", "Ibrahim", "Walsh", "Schmidt", "Kowalski", "Reyes",
            "Nakamura", "Duarte", "Olsen", "Petrov", "Quinn", "Varga"]
JOURNALS = ["Journal of Sport Rehabilitation", "Journal of Bodywork and Movement Therapies",
            "International Journal of Sports Physical Therapy", "Frontiers in Physiology",
            "Journal of Strength and Conditioning Research", "Sports Medicine"]
STUDY_WORDS = ["a systematic review", "a randomised controlled trial", "a cohort study",
               "a small lab study", "a narrative review", "a meta-analysis"]
TITLE_WORDS = ["effects", "acute", "of", "on", "in", "recreational", "runners", "athletes",
               "a", "trial", "review", "outcomes", "after", "training", "session"]
HEDGES = ["", "", "", "may ", "might ", "probably "]
OPENERS = ["Many coaches believe that", "It is often said that", "Our physiotherapists find that",
           "Research suggests that", "Some people claim that", ""]


def load_concepts(lexicon_path):
    with open(lexicon_path, encoding="utf-8") as f:
        lex = json.load(f)
    by_kind = {}
    for c in lex["concepts"]:
        by_kind.setdefault(c["kind"], []).append(c["labels"][0])
    relations = {}
    for r in lex["relations"]:
        cues = r.get("cues", [])
        pairs = [(c, c + e) for c in cues for e in ("s", "es") if " " not in c and c + e in cues]
        if pairs:
            relations[r["id"]] = (pairs[0], r.get("objects") or [])
    return by_kind, relations


def make_work(rng):
    n = rng.choice([1, 2, 3])
    authors = rng.sample(FAMILIES, n)
    year = rng.randint(1998, 2023)
    title = " ".join(rng.choice(TITLE_WORDS) for _ in range(rng.randint(4, 9))).capitalize()
    journal = rng.choice(JOURNALS)
    return {"authors": authors, "year": year, "title": title, "journal": journal,
            "volume": rng.randint(1, 40), "pages": "%d-%d" % (p := rng.randint(1, 900), p + 9)}


def intext(work, numeric, index):
    if numeric:
        return "[%d]" % (index + 1)
    a = work["authors"]
    who = a[0] if len(a) == 1 else (a[0] + " and " + a[1] if len(a) == 2 else a[0] + " et al.")
    return "%s (%d)" % (who, work["year"])


def reference(work, numeric, index):
    a = work["authors"]
    if numeric:
        names = ", ".join(x + " A" for x in a)
        return "%d. %s. %s. %s. %d;%d:%s." % (index + 1, names, work["title"], work["journal"],
                                              work["year"], work["volume"], work["pages"])
    names = ", ".join(x + ", A." for x in a)
    return "%s (%d) %s. %s, %d, pp. %s." % (names, work["year"], work["title"], work["journal"],
                                           work["volume"], work["pages"])


def make_article(rng, number, by_kind, relations):
    interventions = by_kind.get("intervention", ["foam rolling"])
    topic = rng.choice(interventions)
    works = [make_work(rng) for _ in range(rng.choice([0, 1, 2, 3, 4]))]
    numeric = rng.random() < 0.3
    title = "Article %d: what %s does and does not do" % (number, topic)
    paragraphs = []
    for i in range(rng.randint(3, 7)):
        rel_id = rng.choice(sorted(relations))
        (base, third), kinds = relations[rel_id]
        kind = rng.choice(kinds) if kinds else "outcome"
        obj = rng.choice(by_kind.get(kind) or by_kind["outcome"])
        subject = topic if rng.random() < 0.7 else rng.choice(interventions)
        negate = rng.random() < 0.25
        hedge = rng.choice(HEDGES)
        opener = rng.choice(OPENERS)
        if negate:
            core = "%s does not %s %s" % (subject, base, obj)
        else:
            core = "%s %s%s %s" % (subject, hedge, base if hedge else third, obj)
        sentence = (opener + " " + core).strip()
        sentence = sentence[0].upper() + sentence[1:] + "."
        if works and rng.random() < 0.6:
            k = rng.randrange(len(works))
            sentence = sentence[:-1] + ", according to %s by %s." % (
                rng.choice(STUDY_WORDS), intext(works[k], numeric, k))
        filler = "In session %d we saw %d runners try this over %d weeks." % (
            number, rng.randint(3, 40), rng.randint(2, 12))
        paragraphs.append(sentence + " " + filler)
    refs = [reference(w, numeric, i) for i, w in enumerate(works)]
    return title, paragraphs, refs


def write_md(path, title, paragraphs, refs):
    with open(path, "w", encoding="utf-8") as f:
        f.write("# %s\n\n" % title)
        for p in paragraphs:
            f.write(p + "\n\n")
        if refs:
            f.write("## References\n\n")
            for r in refs:
                f.write(r + "\n\n")


def write_txt(path, title, paragraphs, refs):
    with open(path, "w", encoding="utf-8") as f:
        f.write(title + "\n\n")
        f.write("\n\n".join(paragraphs) + "\n")
        if refs:
            f.write("\nReferences\n\n" + "\n".join(refs) + "\n")


def html_body(title, paragraphs, refs):
    out = ["<h1>%s</h1>" % title]
    out += ["<p>%s</p>" % p for p in paragraphs]
    if refs:
        out.append("<h2>References</h2><ol>")
        out += ["<li>%s</li>" % r for r in refs]
        out.append("</ol>")
    return "\n".join(out)


def write_html(path, title, paragraphs, refs):
    with open(path, "w", encoding="utf-8") as f:
        f.write("<!doctype html><html><head><title>%s</title>"
                "<script>var tracking = 1;</script></head><body><nav>Home | Blog</nav>"
                "<article>\n%s\n</article><footer>Clinic footer</footer></body></html>\n"
                % (title, html_body(title, paragraphs, refs)))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("lexicon")
    ap.add_argument("out")
    ap.add_argument("--articles", type=int, default=2500)
    ap.add_argument("--seed", type=int, default=20240611)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    by_kind, relations = load_concepts(args.lexicon)
    os.makedirs(args.out, exist_ok=True)
    per_jsonl = 25
    jsonl_lines = []
    written = 0
    for n in range(args.articles):
        title, paragraphs, refs = make_article(rng, n, by_kind, relations)
        sub = os.path.join(args.out, "batch%02d" % (n // 250))
        os.makedirs(sub, exist_ok=True)
        choice = n % 20
        if choice < 9:
            write_md(os.path.join(sub, "a%05d.md" % n), title, paragraphs, refs)
        elif choice < 15:
            write_txt(os.path.join(sub, "a%05d.txt" % n), title, paragraphs, refs)
        elif choice < 19:
            write_html(os.path.join(sub, "a%05d.html" % n), title, paragraphs, refs)
        else:
            record = {"url": "https://blog.example.org/%d" % n, "title": title,
                      "date": "2021-%02d-%02d" % (n % 12 + 1, n % 28 + 1)}
            if n % 40 == 19:
                record["html"] = html_body(title, paragraphs, refs)
            else:
                record["text"] = title + "\n\n" + "\n\n".join(paragraphs) + (
                    "\n\nReferences\n\n" + "\n".join(refs) if refs else "")
            jsonl_lines.append(json.dumps(record))
            if len(jsonl_lines) == per_jsonl:
                with open(os.path.join(sub, "z%05d.jsonl" % n), "w", encoding="utf-8") as f:
                    f.write("\n".join(jsonl_lines) + "\n")
                jsonl_lines = []
        written += 1
    if jsonl_lines:
        with open(os.path.join(args.out, "zz-rest.jsonl"), "w", encoding="utf-8") as f:
            f.write("\n".join(jsonl_lines) + "\n")
    print(written)


if __name__ == "__main__":
    main()
