"""Helpers shared by the crash, readers-during-writes and hostile-input tests:
running the evkb programs with limits, reading their JSON, and comparing
exports."""
import json
import os
import resource
import signal
import subprocess
import sys
import threading
import time


class Failure(Exception):
    pass


def log(msg):
    print(msg, flush=True)


def limits(vmem_mb=None, fsize_kb=None, ignore_xfsz=False):
    """A preexec_fn setting an address-space and file-size limit."""
    def apply():
        os.setsid()
        if vmem_mb:
            b = vmem_mb << 20
            resource.setrlimit(resource.RLIMIT_AS, (b, b))
        if fsize_kb is not None:
            b = fsize_kb << 10
            resource.setrlimit(resource.RLIMIT_FSIZE, (b, b))
        if ignore_xfsz:
            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    return apply


class Result:
    def __init__(self, rc, out, err, seconds, peak_kb=None):
        self.rc, self.out, self.err, self.seconds, self.peak_kb = rc, out, err, seconds, peak_kb

    def json(self):
        try:
            return json.loads(self.out)
        except ValueError as e:
            raise Failure("output is not JSON (%s): %r" % (e, self.out[:300]))


def run(argv, timeout=60, vmem_mb=None, fsize_kb=None, ignore_xfsz=False, stdin=None, env=None):
    """Runs argv to completion (killing its process group after `timeout`
    seconds) and returns a Result: rc is negative for a signal, None on
    timeout; peak_kb is the child's peak resident set size."""
    start = time.monotonic()
    p = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                         stdin=subprocess.PIPE if stdin is not None else subprocess.DEVNULL,
                         preexec_fn=limits(vmem_mb, fsize_kb, ignore_xfsz), env=env)
    chunks = {"out": [], "err": []}

    def drain(stream, key):
        for block in iter(lambda: stream.read(65536), b""):
            chunks[key].append(block)

    readers = [threading.Thread(target=drain, args=(p.stdout, "out")),
               threading.Thread(target=drain, args=(p.stderr, "err"))]
    for t in readers:
        t.start()
    if stdin is not None:
        try:
            p.stdin.write(stdin)
            p.stdin.close()
        except BrokenPipeError:
            pass
    timed_out = []

    def expire():
        timed_out.append(True)
        try:
            os.killpg(p.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass

    timer = threading.Timer(timeout, expire)
    timer.start()
    _, status, ru = os.wait4(p.pid, 0)
    timer.cancel()
    p.returncode = os.waitstatus_to_exitcode(status)
    for t in readers:
        t.join()
    rc = None if timed_out else p.returncode
    out = b"".join(chunks["out"]).decode("utf-8", "replace")
    err = b"".join(chunks["err"]).decode("utf-8", "replace")
    return Result(rc, out, err, time.monotonic() - start, ru.ru_maxrss)


def strip_keys(value, keys):
    """`value` without any object member named in `keys`, recursively."""
    if isinstance(value, dict):
        return {k: strip_keys(v, keys) for k, v in value.items() if k not in keys}
    if isinstance(value, list):
        return [strip_keys(v, keys) for v in value]
    return value


INGEST_TIME_KEYS = {"ingested_at", "ingest_time", "ingested"}


def export_json(query, db, timeout=120):
    r = run([query, "--db", db, "export", "--format", "json"], timeout=timeout)
    if r.rc != 0:
        raise Failure("evkb-query export exited %s: %s" % (r.rc, r.err[-500:]))
    return strip_keys(r.json(), INGEST_TIME_KEYS)


def first_difference(a, b, path="$"):
    """A readable description of where two JSON values first differ."""
    if type(a) is not type(b):
        return "%s: %s vs %s" % (path, type(a).__name__, type(b).__name__)
    if isinstance(a, dict):
        for k in sorted(set(a) | set(b)):
            if k not in a or k not in b:
                return "%s.%s: present in only one" % (path, k)
            d = first_difference(a[k], b[k], path + "." + k)
            if d:
                return d
        return None
    if isinstance(a, list):
        if len(a) != len(b):
            return "%s: %d vs %d items" % (path, len(a), len(b))
        for i, (x, y) in enumerate(zip(a, b)):
            d = first_difference(x, y, "%s[%d]" % (path, i))
            if d:
                return d
        return None
    return None if a == b else "%s: %r vs %r" % (path, a, b)


def verify(verify_bin, db, timeout=120):
    r = run([verify_bin, db], timeout=timeout)
    return r.rc == 0, (r.out + r.err).strip()


def summary_counts(export):
    return {k: len(export.get(k, [])) for k in
            ("sources", "claims", "assertions", "works", "mentions", "concepts")}


def main_wrapper(fn):
    try:
        fn()
    except Failure as e:
        log("FAIL: %s" % e)
        sys.exit(1)
