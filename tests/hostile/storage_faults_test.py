#!/usr/bin/env python3
"""Storage faults: a corrupted SST file, a full disk, a database written by a
newer schema.

    storage_faults_test.py --ingest BIN --query BIN --verify BIN --tamper BIN --lexicon FILE

- Corrupted SST: bytes flipped inside the data of the largest .sst file, and
  separately its footer; every command that reads the damage exits 4 with a
  message naming the database and saying what to do, never a crash.
- Full disk: the ingest runs with a file-size limit (`ulimit -f`, SIGXFSZ
  ignored, so writes fail with EFBIG) and, when the machine allows it, on a
  small tmpfs (ENOSPC). It must exit 4; afterwards the database verifies (no
  half-written article) and re-running without the limit completes to the
  same export as a clean run.
- Older schema: schema_version set to 2; queries refuse with a message naming
  --upgrade, `evkb-ingest --upgrade` upgrades in place (Verify clean), and
  --upgrade of a missing database is an error that creates nothing.
- Newer schema: meta's schema_version set to 99 behind evkb's back; ingest,
  query and verify all refuse it with exit 4 and say to upgrade.
Prints one line per case and "storage fault cases: N, as expected: N".
"""
import argparse
import glob
import os
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "crash"))
import evkb_testlib as lib  # noqa: E402


class Cases:
    def __init__(self):
        self.tried = self.failed = 0

    def report(self, name, problems, detail=""):
        self.tried += 1
        self.failed += bool(problems)
        lib.log("  %s %-40s %s" % ("ok  " if not problems else "FAIL", name, detail))
        for p in problems:
            lib.log("       problem: " + p)


def expect_db_error(r, db, what):
    problems = []
    if r.rc is None or r.rc < 0:
        problems.append("%s crashed or hung (%s): %s" % (what, r.rc, r.err[-300:]))
    elif r.rc != 4:
        problems.append("%s: expected exit 4, got %d: %s" % (what, r.rc, r.err[-300:]))
    elif db not in r.err:
        problems.append("%s: the message does not name the database: %r" % (what, r.err[:300]))
    return problems


def ingest(args, db, inputs, **kw):
    return lib.run([args.ingest, "--db", db, "--lexicon", args.lexicon, "--progress", "never",
                    "--quiet"] + inputs, timeout=kw.pop("timeout", 120), **kw)


def copy_with_schema(args, clean, db, version):
    """A copy of `clean` at `db` whose meta says schema `version`."""
    shutil.copytree(clean, db)
    r = lib.run([args.tamper, "schema-version", db, version], timeout=60)
    if r.rc != 0:
        raise lib.Failure("evkb-tamper failed: " + r.err)


def sst_files(db):
    return sorted(glob.glob(os.path.join(db, "*.sst")), key=os.path.getsize)


def flip(path, offset, count=64):
    with open(path, "r+b") as f:
        f.seek(offset)
        data = bytearray(f.read(count))
        f.seek(offset)
        f.write(bytes(b ^ 0x5A for b in data))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--ingest", required=True)
    ap.add_argument("--query", required=True)
    ap.add_argument("--verify", required=True)
    ap.add_argument("--tamper", required=True)
    ap.add_argument("--lexicon", required=True)
    args = ap.parse_args()
    cases = Cases()
    work = tempfile.mkdtemp(prefix="evkb-storage-")
    try:
        corpus = os.path.join(work, "corpus")
        gen = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "crash", "gen_corpus.py")
        subprocess.run([sys.executable, gen, args.lexicon, corpus, "--articles", "400", "--seed", "3"],
                       check=True, stdout=subprocess.DEVNULL)
        clean = os.path.join(work, "clean")
        r = ingest(args, clean, [corpus])
        if r.rc != 0:
            raise lib.Failure("clean ingest exited %s: %s" % (r.rc, r.err[-500:]))
        reference = lib.export_json(args.query, clean)

        # ---- Corrupted SST files.
        for where in ("data", "footer"):
            db = os.path.join(work, "corrupt-" + where)
            shutil.copytree(clean, db)
            # A writable open recovers the WAL into SST files; make sure there are some.
            r = ingest(args, db, [corpus])
            files = sst_files(db)
            if not files:
                cases.report("corrupt SST (%s)" % where, ["no .sst file to corrupt"])
                continue
            # Corrupt every SST file, so whatever a command reads is damaged.
            for target in files:
                size = os.path.getsize(target)
                flip(target, size // 3 if where == "data" else size - 40, 64 if where == "data" else 40)
            problems = []
            results = []
            for argv, what in (([args.query, "--db", db, "export", "--format", "json"], "export"),
                               ([args.query, "--db", db, "stats", "--format", "json"], "stats"),
                               ([args.query, "--db", db, "ask", "Does foam rolling reduce DOMS?"], "ask"),
                               ([args.ingest, "--db", db, "--lexicon", args.lexicon, "--quiet",
                                 corpus], "ingest")):
                r = lib.run(argv, timeout=120)
                results.append("%s %s" % (what, r.rc))
                if what == "export" or where == "footer":
                    problems += expect_db_error(r, db, what)
                elif r.rc is None or r.rc < 0 or r.rc not in (0, 4):
                    problems.append("%s: exit %s: %s" % (what, r.rc, r.err[-300:]))
                if r.rc == 4 and not any(w in r.err for w in ("restore", "re-ingest", "backup")):
                    problems.append("%s: the message does not say what to do: %r" % (what, r.err[:300]))
            r = lib.run([args.verify, db], timeout=120)
            results.append("verify %s" % r.rc)
            if r.rc not in (1, 4):
                problems.append("evkb-verify on a corrupt database: exit %s" % r.rc)
            msg = [l for l in lib.run([args.query, "--db", db, "export", "--format", "json"],
                                      timeout=120).err.splitlines() if l.strip()]
            cases.report("corrupt SST (%s of %d files)" % (where, len(files)), problems,
                         ", ".join(results))
            if msg:
                lib.log("       message: " + msg[0][:220])

        # ---- Full disk by file-size limit.
        for limit_kb in (512, 1024):
            db = os.path.join(work, "fsize-%d" % limit_kb)
            r = ingest(args, db, [corpus], fsize_kb=limit_kb, ignore_xfsz=True)
            problems = []
            if r.rc is None or r.rc < 0:
                problems.append("crashed (%s): %s" % (r.rc, r.err[-300:]))
            elif r.rc != 4:
                problems.append("expected exit 4 when the disk fills, got %d" % r.rc)
            elif db not in r.err:
                problems.append("the message does not name the database: %r" % r.err[:200])
            ok, text = lib.verify(args.verify, db)
            if not ok:
                problems.append("after the failed ingest: " + text[:400])
            partial = text.split(": consistent: ", 1)[-1].split(",")[0]
            r2 = ingest(args, db, [corpus])
            if r2.rc != 0:
                problems.append("re-running without the limit exited %s: %s" % (r2.rc, r2.err[-300:]))
            else:
                diff = lib.first_difference(reference, lib.export_json(args.query, db))
                if diff:
                    problems.append("after re-running, the export differs from a clean run: " + diff)
            cases.report("disk full (ulimit -f %d KB)" % limit_kb, problems,
                         "exit %s, %s kept, verified; re-run completes" % (r.rc, partial))
            lib.log("       message: " + (r.err.strip().splitlines() or [""])[-1][:220])

        # ---- Full disk on a small tmpfs, where the machine allows mounting one.
        mnt = os.path.join(work, "tmpfs")
        os.makedirs(mnt)
        mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", mnt],
                                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode == 0
        if mounted:
            # Several times: whether RocksDB's background error recovery
            # logs once more before the process exits is a race.
            try:
                problems, rcs, text = [], [], ""
                for attempt in range(5):
                    db = os.path.join(mnt, "db%d" % attempt)
                    r = ingest(args, db, [corpus])
                    rcs.append(r.rc)
                    if r.rc != 4:
                        problems.append("attempt %d: expected exit 4 on a full tmpfs, got %s: %s"
                                        % (attempt + 1, r.rc, r.err.strip()[-300:]))
                    ok, text = lib.verify(args.verify, db)
                    if not ok:
                        problems.append("attempt %d, after the failed ingest: %s" % (attempt + 1, text[:400]))
                    shutil.rmtree(db, ignore_errors=True)
                cases.report("disk full (1 MB tmpfs, 5 times)", problems, "exits %s; last kept %s" % (
                    rcs, text.split(": consistent: ", 1)[-1].split(",")[0]))
                lib.log("       message: " + (r.err.strip().splitlines() or [""])[-1][:220])
            finally:
                subprocess.run(["umount", mnt])
        else:
            lib.log("  skip a tmpfs cannot be mounted here; the ulimit -f cases stand in for it")

        # ---- A database written by a newer schema.
        db = os.path.join(work, "newer")
        copy_with_schema(args, clean, db, "99")
        problems = []
        results = []
        for argv, what in (([args.query, "--db", db, "stats"], "stats"),
                           ([args.query, "--db", db, "export", "--format", "json"], "export"),
                           ([args.ingest, "--db", db, "--lexicon", args.lexicon, "--quiet", corpus],
                            "ingest"),
                           ([args.verify, db], "verify")):
            r = lib.run(argv, timeout=60)
            results.append("%s %s" % (what, r.rc))
            problems += expect_db_error(r, db, what)
            if r.rc == 4 and "upgrade" not in r.err:
                problems.append("%s: the message does not say to upgrade: %r" % (what, r.err[:200]))
        cases.report("newer schema version (99)", problems, ", ".join(results))
        lib.log("       message: " + (r.err.strip().splitlines() or [""])[0][:220])

        # ---- A database written by an older schema: queries refuse it and
        # say how to upgrade; `evkb-ingest --upgrade` upgrades it in place.
        db = os.path.join(work, "older")
        copy_with_schema(args, clean, db, "2")
        problems = []
        results = []
        r = lib.run([args.query, "--db", db, "stats"], timeout=60)
        results.append("stats before %d" % r.rc)
        if r.rc != 4 or "--upgrade" not in r.err:
            problems.append("stats on an older database: rc %d, %r" % (r.rc, r.err[:200]))
        for argv, what in (([args.ingest, "--db", db, "--lexicon", args.lexicon, "--upgrade"], "upgrade"),
                           ([args.query, "--db", db, "stats"], "stats after"),
                           ([args.verify, db], "verify")):
            r = lib.run(argv, timeout=120)
            results.append("%s %d" % (what, r.rc))
            if r.rc != 0:
                problems.append("%s: rc %d, %r" % (what, r.rc, r.err[:200]))
        missing = os.path.join(work, "missing")
        r = lib.run([args.ingest, "--db", missing, "--lexicon", args.lexicon, "--upgrade"], timeout=60)
        results.append("upgrade of a missing db %d" % r.rc)
        if r.rc != 4 or os.path.exists(os.path.join(missing, "CURRENT")):
            problems.append("--upgrade of a missing database: rc %d, created: %s" %
                            (r.rc, os.path.exists(os.path.join(missing, "CURRENT"))))
        cases.report("older schema version (2), upgraded", problems, ", ".join(results))

        lib.log("storage fault cases: %d, as expected: %d" % (cases.tried, cases.tried - cases.failed))
        if cases.failed:
            raise lib.Failure("%d storage fault cases failed" % cases.failed)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    lib.main_wrapper(main)
