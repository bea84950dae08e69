"""Sentence segmentation peer: NLTK Punkt (needs the punkt model from nltk_data).

  python3 nltk_punkt.py golden FILE.tsv   one JSON line per case
  python3 nltk_punkt.py speed FILE.txt    {"bytes","sentences","seconds"}
"""
import json
import re
import sys
import time

import nltk

def unescape(s):
    return re.sub(r"\\(.)", lambda m: {"n": "\n", "t": "\t", "r": "\r"}.get(m.group(1), m.group(1)), s)

def main():
    mode, path = sys.argv[1], sys.argv[2]
    tok = nltk.data.load("tokenizers/punkt/english.pickle")
    if mode == "golden":
        for line in open(path, encoding="utf-8"):
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            f = line.split("\t")
            if len(f) < 3:
                continue
            sents = [s.strip() for s in tok.tokenize(unescape(f[0])) if s.strip()]
            print(json.dumps({"id": f[2], "sentences": sents}))
        return
    data = open(path, encoding="utf-8").read()
    paras = data.split("\n\n")
    t0 = time.perf_counter()
    n = sum(len(tok.tokenize(p)) for p in paras)
    print(json.dumps({"bytes": len(data.encode()), "sentences": n, "seconds": time.perf_counter() - t0}))

main()
