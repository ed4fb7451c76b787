#!/usr/bin/python3
"""Differential test: every tests/compat/*.sql runs through psql against basaltd and against a
throwaway PostgreSQL 15; the two outputs must be byte-identical (PostgreSQL is the oracle).

How a file is run (see tests/compat/README.md): each file gets its own fresh database on both
servers, then `psql -X -a -q -v ON_ERROR_STOP=0 -v VERBOSITY=verbose -d <db> < file 2>&1`, the
pg_regress way. VERBOSITY=verbose makes psql print the SQLSTATE of every error and notice
(`ERROR:  42P01: relation "t" does not exist`) plus DETAIL/HINT/LINE+caret; the only line removed
before comparing is `LOCATION:  <function>, <file>.c:<line>`, which names server source code.

Env: COMPAT_FILTER=substring   run only files whose name contains it
     COMPAT_RESULTS_DIR=dir     also write <name>.postgres.out / <name>.basalt.out there
     BASALT_ORACLE_SELFTEST=1   PostgreSQL on both sides (checks the files are deterministic)
Output: a unified diff per mismatching file, then `N passed, M failed`. Exit 0 iff M == 0.
"""

import concurrent.futures
import difflib
import glob
import os
import re
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
import harness  # noqa: E402

COMPAT_DIR = os.path.join(harness.REPO, "tests", "compat")
PSQL_ARGS = ("-a", "-v", "VERBOSITY=verbose")
LOCATION_RE = re.compile(r"^LOCATION:  .*\n", re.M)


def db_name(path):
    stem = os.path.splitext(os.path.basename(path))[0]
    return "compat_" + re.sub(r"[^a-z0-9_]", "_", stem.lower())


def normalise(out):
    return LOCATION_RE.sub("", out)


def run_file(server, path):
    db = db_name(path)
    setup = f'DROP DATABASE IF EXISTS "{db}";\nCREATE DATABASE "{db}";\n'
    rc, out = harness.psql(server.port, setup, args=("-q", "-v", "ON_ERROR_STOP=1"))
    if rc != 0:
        return f"<<setup of database {db} failed (psql status {rc})>>\n{out}"
    rc, out = harness.psql(server.port, db=db, file=path, args=PSQL_ARGS, timeout=180)
    # The database is left in place: the servers are throwaway, and PostgreSQL's DROP DATABASE
    # forces a checkpoint each time.
    if rc not in (0, 1):  # 1: an error in the file's last statement; 2: connection lost
        out += f"<<psql exited with status {rc}>>\n"
    return normalise(out)


def main():
    files = sorted(glob.glob(os.path.join(COMPAT_DIR, "*.sql")))
    flt = os.environ.get("COMPAT_FILTER", "")
    if flt:
        files = [f for f in files if flt in os.path.basename(f)]
    if not files:
        print(f"no compat files selected in {COMPAT_DIR}")
        print("0 passed, 1 failed")
        return 1
    harness.require_binaries()
    results_dir = os.environ.get("COMPAT_RESULTS_DIR")
    if results_dir:
        os.makedirs(results_dir, exist_ok=True)
    selftest = harness.oracle_selftest()
    other_label = "postgres-2" if selftest else "basalt"
    # The oracle runs with fsync=off: durability is irrelevant to its output, and with fsync on
    # the shutdown checkpoint after ~50 CREATE DATABASEs takes tens of seconds on a busy machine.
    other_server = harness.PostgresServer(fsync=False) if selftest else harness.BasaltServer()
    oracle = harness.PostgresServer(fsync=False)
    passed, failed = [], []
    with harness.cleanup_on_signal(), oracle as pg, other_server as other:
        for path in files:
            name = os.path.basename(path)
            # Both servers run the file at the same time; the outputs are independent.
            with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
                expected_f = pool.submit(run_file, pg, path)
                actual_f = pool.submit(run_file, other, path)
                expected, actual = expected_f.result(), actual_f.result()
            if results_dir:
                stem = os.path.splitext(name)[0]
                for label, text in (("postgres", expected), (other_label, actual)):
                    with open(os.path.join(results_dir, f"{stem}.{label}.out"), "w") as f:
                        f.write(text)
            if expected == actual:
                passed.append(name)
                print(f"ok   {name}", flush=True)
                continue
            failed.append(name)
            print(f"FAIL {name}", flush=True)
            diff = difflib.unified_diff(expected.splitlines(keepends=True),
                                        actual.splitlines(keepends=True),
                                        fromfile=f"{name} (postgresql 15)",
                                        tofile=f"{name} ({other_label})")
            sys.stdout.writelines(line if line.endswith("\n") else line + "\n" for line in diff)
            sys.stdout.flush()
            if not other.alive():
                print(f"{other_label} is no longer running; restarting it for the next file")
                other.dump_log()
                other.start()
        if failed:
            other.dump_log(tail=80)
    if failed:
        print("failed: " + " ".join(failed))
    print(f"{len(passed)} passed, {len(failed)} failed")
    return 0 if not failed else 1


if __name__ == "__main__":
    sys.exit(main())
