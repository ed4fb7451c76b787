#!/usr/bin/python3
"""Report, not a pass/fail test (`make report`): how far basaltd gets with

1. the client compatibility drivers in ../shared/clients/drivers/run-all.sh (psql, psycopg2,
   psycopg 3, asyncpg, pgjdbc, node-pg, pgbench, pg_dump, pg_isready), and
2. the sqllogictest runner ../shared/sqllogictest/slt.py on corpus/test/select1.test.

`../shared` is the directory beside the repository (`git rev-parse --show-toplevel`/../shared).
Starts its own basaltd on a fresh data dir (REPORT_AGAINST_PG=1 or BASALT_ORACLE_SELFTEST=1: a
PostgreSQL 15 instead, as the baseline). Prints each tool's summary lines. Always exits 0 unless
the server cannot be started or the shared directory is missing.
Env: REPORT_SLT_FILES (space-separated paths relative to sqllogictest/, default
corpus/test/select1.test), REPORT_CLIENTS (subset for run-all.sh), COMPAT_TIMEOUT (per client).
"""

import os
import subprocess
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
import harness  # noqa: E402


def run(title, cmd, env, timeout):
    print(f"===== {title}: {' '.join(cmd)}", flush=True)
    start = time.monotonic()
    try:
        p = subprocess.run(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                           stdin=subprocess.DEVNULL, timeout=timeout)
        out, rc = p.stdout.decode("utf-8", errors="replace"), p.returncode
    except subprocess.TimeoutExpired as e:
        out = (e.stdout or b"").decode("utf-8", errors="replace") + f"\n(timed out after {timeout}s)\n"
        rc = None
    print(out.rstrip())
    print(f"----- exit status {rc}, {time.monotonic() - start:.1f}s", flush=True)
    return out


def main():
    shared = harness.shared_dir()
    run_all = os.path.join(shared, "clients", "drivers", "run-all.sh")
    slt = os.path.join(shared, "sqllogictest", "slt.py")
    for path in (run_all, slt):
        if not os.path.exists(path):
            print(f"missing {path} (the shared directory must sit beside the repository)")
            return 1
    against_pg = os.environ.get("REPORT_AGAINST_PG", "") not in ("", "0") or harness.oracle_selftest()
    if not against_pg:
        harness.require_binaries()
    server = harness.PostgresServer() if against_pg else harness.BasaltServer()
    summary = []
    with harness.cleanup_on_signal(), server as srv:
        env = harness.clean_env({"NODE_PATH": harness.NODE_PATH, "PGHOST": "127.0.0.1", "PGPORT": str(srv.port), "PGUSER": srv.user,
                                 "PGDATABASE": "postgres", "PGPASSWORD": "",
                                 "PGBIN": harness.PGBIN})
        clients = os.environ.get("REPORT_CLIENTS", "").split()
        out = run("client drivers", ["bash", run_all, *clients], env, timeout=3600)
        summary += [line for line in out.splitlines()
                    if line.startswith(("PASS ", "FAIL ")) or line.endswith(" failed")]
        files = os.environ.get("REPORT_SLT_FILES", "corpus/test/select1.test").split()
        out = run("sqllogictest", ["/usr/bin/python3", slt, "--host", "127.0.0.1", "--port", str(srv.port),
                                   "--user", srv.user, "--dbname", "postgres",
                                   *[os.path.join(shared, "sqllogictest", f) for f in files]],
                  env, timeout=3600)
        summary += out.strip().splitlines()[-3:]
        alive = srv.alive()
    print(f"===== summary ({'postgresql 15' if against_pg else 'basaltd'})")
    for line in summary:
        print(line)
    print(f"server still running at the end: {'yes' if alive else 'NO'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
