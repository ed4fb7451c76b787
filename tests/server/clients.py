#!/usr/bin/python3
"""Real clients against basaltd: ../shared/clients/drivers/run-all.sh runs each driver's smoke
session (psql, psycopg2, psycopg 3, asyncpg, pgjdbc, node-pg, pgbench, pg_dump, pg_isready)
against a fresh basaltd. Those drivers assert results themselves (they were written against
PostgreSQL 15).

Clients in REQUIRED must pass: a regression there fails this test. The others are still run and
reported (with the step they failed at) until they pass too: issue 4 (drivers) and issue 6
(catalog) track them. When one starts passing, this test says so and it belongs in REQUIRED.
Prints `N passed, M failed` over the REQUIRED clients and exits 0 iff none of them failed.
BASALT_ORACLE_SELFTEST=1 runs the drivers against PostgreSQL 15 instead (all must pass there).
"""

import os
import subprocess
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
import harness  # noqa: E402

ALL = ["psql", "psycopg2", "psycopg3", "asyncpg", "pgjdbc", "node-pg", "pgbench", "pg_dump", "pg_isready"]
REQUIRED = {"pg_isready", "psycopg2", "node-pg", "pgbench", "psycopg3"}


def main():
    run_all = os.path.join(harness.shared_dir(), "clients", "drivers", "run-all.sh")
    if not os.path.exists(run_all):
        print(f"missing {run_all} (the shared directory must sit beside the repository)")
        return 1
    against_pg = harness.oracle_selftest()
    required = set(ALL) if against_pg else REQUIRED
    if not against_pg:
        harness.require_binaries()
    server = harness.PostgresServer() if against_pg else harness.BasaltServer()
    failed = passed = 0
    with harness.cleanup_on_signal(), server as srv:
        env = harness.clean_env({"PGHOST": "127.0.0.1", "PGPORT": str(srv.port), "PGUSER": srv.user,
                                 "PGDATABASE": "postgres", "PGPASSWORD": "", "PGBIN": harness.PGBIN,
                                 "NODE_PATH": harness.NODE_PATH, "COMPAT_TIMEOUT": "240"})
        for client in ALL:
            p = subprocess.run(["bash", run_all, client], env=env, stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, text=True,
                               timeout=600)
            line = next((l for l in p.stdout.splitlines() if l.startswith(("PASS ", "FAIL "))),
                        f"FAIL {client}: no result line (exit {p.returncode})")
            ok = line.startswith("PASS ")
            if client in required:
                passed += ok
                failed += not ok
                print(f"{'ok  ' if ok else 'FAIL'} required  {line}", flush=True)
            else:
                note = "now passes: add it to REQUIRED" if ok else "not yet supported"
                print(f"info {note}: {line}", flush=True)
        if not srv.alive():
            print("FAIL server died during the client runs")
            failed += 1
        srv.check_sanitizers()
    print(f"{passed} passed, {failed} failed")
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
