#!/usr/bin/env python3
"""Crash test: SIGKILL evkb-ingest at random moments and check that the
database never holds half an article.

    crash_test.py --ingest BIN --query BIN --verify BIN --lexicon FILE
                  [--articles N] [--kills K] [--seed S]

1. Generates a corpus of N small articles (gen_corpus.py) and ingests it
   once, cleanly, into a reference database; its run time T sets the range of
   kill moments.
2. K times: starts the same ingest on a second database and SIGKILLs it after
   a random delay (stratified over [0, T], so kills land in every phase:
   re-reading stored articles, writing new ones, flushing; the first kill
   comes the moment the database's files appear, while it is created); then
   reopens the database with evkb-verify (kb::Store::Verify) and requires no
   problem.
3. Runs the ingest to completion and requires `evkb-query export --format
   json` to equal the reference database's, ingest times aside.

Prints one line per kill and a summary "kills survived: X/K". Exit 0 when
every kill was survived and the exports agree.
"""
import argparse
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import evkb_testlib as lib  # noqa: E402


def ingest_argv(args, db, corpus):
    return [args.ingest, "--db", db, "--lexicon", args.lexicon, "--progress", "never", "--quiet",
            corpus]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--ingest", required=True)
    ap.add_argument("--query", required=True)
    ap.add_argument("--verify", required=True)
    ap.add_argument("--lexicon", required=True)
    ap.add_argument("--articles", type=int, default=int(os.environ.get("EVKB_CRASH_ARTICLES", 2000)))
    ap.add_argument("--kills", type=int, default=int(os.environ.get("EVKB_CRASH_KILLS", 20)))
    ap.add_argument("--seed", type=int, default=int(os.environ.get("EVKB_CRASH_SEED", 7)))
    ap.add_argument("--keep", action="store_true", help="keep the work directory")
    args = ap.parse_args()
    rng = random.Random(args.seed)

    work = tempfile.mkdtemp(prefix="evkb-crash-")
    try:
        corpus = os.path.join(work, "corpus")
        gen = os.path.join(os.path.dirname(os.path.abspath(__file__)), "gen_corpus.py")
        subprocess.run([sys.executable, gen, args.lexicon, corpus, "--articles", str(args.articles)],
                       check=True, stdout=subprocess.DEVNULL)

        clean_db = os.path.join(work, "clean")
        r = lib.run(ingest_argv(args, clean_db, corpus), timeout=170)
        if r.rc != 0:
            raise lib.Failure("clean ingest exited %s: %s" % (r.rc, r.err[-800:]))
        clean_seconds = r.seconds
        ok, text = lib.verify(args.verify, clean_db)
        if not ok:
            raise lib.Failure("the cleanly ingested database fails verification:\n" + text)
        lib.log("clean run: %d articles in %.1f s; %s" % (args.articles, clean_seconds, text))
        reference = lib.export_json(args.query, clean_db)

        db = os.path.join(work, "crashed")
        survived = 0
        interrupted = 0
        stored = 0
        for k in range(args.kills):
            # Stratified: kill k lands in the k-th slice of the clean run time,
            # so the killed runs move through the corpus and every kill after
            # the first few falls while new articles are being written.
            delay = clean_seconds * (k + rng.random()) / args.kills
            p = subprocess.Popen(ingest_argv(args, db, corpus), stdout=subprocess.DEVNULL,
                                 stderr=subprocess.PIPE, preexec_fn=os.setsid)
            if k == 0:
                # The first kill lands while the database is being created:
                # as soon as its CURRENT file appears.
                start = time.monotonic()
                while (not os.path.exists(os.path.join(db, "CURRENT")) and p.poll() is None and
                       time.monotonic() - start < 10):
                    time.sleep(0.0005)
                delay = time.monotonic() - start
            else:
                time.sleep(delay)
            killed = p.poll() is None
            if killed:
                os.killpg(p.pid, signal.SIGKILL)
                interrupted += 1
            _, err = p.communicate()
            state = "killed" if killed else "finished (exit %d) before the kill" % p.returncode
            if not killed and p.returncode not in (0,):
                raise lib.Failure("ingest run %d exited %d: %s" % (k + 1, p.returncode,
                                                                  err.decode()[-500:]))
            if not os.path.exists(os.path.join(db, "CURRENT")):
                lib.log("kill %2d at %5.2f s: %s before the database existed; nothing to check"
                        % (k + 1, delay, state))
                survived += 1
                continue
            ok, text = lib.verify(args.verify, db)
            if not ok and "creation was interrupted" in text and stored == 0:
                # Killed while creating the database, before any article:
                # nothing is stored, and the next ingest must finish it.
                survived += 1
                lib.log("kill %2d at %5.2f s: %s while creating the database; nothing stored"
                        % (k + 1, delay, state))
                continue
            if not ok:
                lib.log("kill %2d at %5.2f s: %s; VERIFY FAILED:\n%s" % (k + 1, delay, state, text))
                continue
            stored = int(text.split(": consistent: ", 1)[-1].split()[0])
            survived += 1
            lib.log("kill %2d at %5.2f s: %s; %s" % (k + 1, delay, state,
                                                     text.split(": consistent: ", 1)[-1]))

        r = lib.run(ingest_argv(args, db, corpus), timeout=170)
        if r.rc != 0:
            raise lib.Failure("the completing ingest exited %s: %s" % (r.rc, r.err[-800:]))
        ok, text = lib.verify(args.verify, db)
        if not ok:
            raise lib.Failure("the completed database fails verification:\n" + text)
        after = lib.export_json(args.query, db)
        diff = lib.first_difference(reference, after)
        ref_counts, got_counts = lib.summary_counts(reference), lib.summary_counts(after)
        lib.log("clean counts:     %s" % ref_counts)
        lib.log("after the kills:  %s" % got_counts)
        lib.log("kills survived: %d/%d (%d interrupted a running ingest); export %s"
                % (survived, args.kills, interrupted,
                   "identical to the clean run" if diff is None else "DIFFERS: " + diff))
        if survived != args.kills or diff is not None:
            raise lib.Failure("%d kills not survived%s" % (
                args.kills - survived, "" if diff is None else "; export differs at " + diff))
    finally:
        if args.keep:
            lib.log("work directory kept: " + work)
        else:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    lib.main_wrapper(main)
