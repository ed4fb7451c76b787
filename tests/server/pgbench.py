#!/usr/bin/python3
"""pgbench against basaltd: initialization and short runs of every built-in script.

`pgbench -i -s 1` (CREATE TABLE ... WITH (fillfactor), COPY ... (FREEZE), VACUUM ANALYZE,
ALTER TABLE ADD PRIMARY KEY), then 3-second runs of the default TPC-B script, -S (select-only)
and -N (simple update), each with -M simple and -M prepared and 4 clients. Checks:
- every run reports `number of failed transactions: 0` and processed > 0 transactions;
- the TPC-B invariant holds after the TPC-B runs: sum(abalance) of pgbench_accounts = sum(bbalance)
  of pgbench_branches = sum(tbalance) of pgbench_tellers = sum(delta) of pgbench_history (after
  the -N runs, which skip branches and tellers: accounts = history and branches = tellers), and
  history holds one row per TPC-B/-N transaction (the first run vacuums and truncates
  pgbench_history, the later ones run with -n);
- ALTER TABLE ADD PRIMARY KEY gave the tables their keys (pg_constraint, pg_index) and
  VACUUM ANALYZE their statistics (pg_class.reltuples, pg_stats).
Prints `N passed, M failed`; exits non-zero on any failure.
"""

import os
import re
import subprocess
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
import harness  # noqa: E402

PGBENCH = os.path.join(harness.PGBIN, "pgbench")
RESULTS = {"passed": 0, "failed": 0}


def check(name, ok, detail=""):
    RESULTS["passed" if ok else "failed"] += 1
    print(f"{'ok  ' if ok else 'FAIL'} {name}{'' if ok else ': ' + detail}", flush=True)


def pgbench(port, *args, timeout=120):
    cmd = [PGBENCH, "-h", "127.0.0.1", "-p", str(port), "-U", harness.USER, *args, "postgres"]
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                       env=harness.clean_env(), timeout=timeout, stdin=subprocess.DEVNULL)
    return p.returncode, p.stdout


def value(port, sql):
    return harness.psql_value(port, sql)


def sums(port):
    return value(port, "SELECT (SELECT sum(abalance) FROM pgbench_accounts) || ' ' || "
                       "(SELECT sum(bbalance) FROM pgbench_branches) || ' ' || "
                       "(SELECT sum(tbalance) FROM pgbench_tellers) || ' ' || "
                       "(SELECT coalesce(sum(delta), 0) FROM pgbench_history)")


def main():
    if not os.path.exists(PGBENCH):
        print(f"missing {PGBENCH}")
        return 1
    harness.require_binaries()
    with harness.cleanup_on_signal(), harness.BasaltServer() as srv:
        port = srv.port
        rc, out = pgbench(port, "-i", "-s", "1")
        check("pgbench -i -s 1", rc == 0 and "done in" in out, out[-2000:])
        if rc != 0:
            srv.dump_log()
            print(f"{RESULTS['passed']} passed, {RESULTS['failed']} failed")
            return 1
        check("100000 accounts", value(port, "SELECT count(*) FROM pgbench_accounts") == "100000")
        keys = value(port, "SELECT string_agg(conname, ',' ORDER BY conname) FROM pg_constraint "
                           "WHERE contype = 'p' AND conrelid::regclass::text LIKE 'pgbench_%'")
        check("primary keys added", keys == "pgbench_accounts_pkey,pgbench_branches_pkey,pgbench_tellers_pkey", keys)
        tuples = value(port, "SELECT reltuples FROM pg_class WHERE relname = 'pgbench_accounts'")
        check("reltuples after VACUUM ANALYZE", tuples == "100000", tuples)
        stats = value(port, "SELECT n_distinct || ' ' || null_frac FROM pg_stats "
                            "WHERE tablename = 'pgbench_accounts' AND attname = 'aid'")
        check("pg_stats after VACUUM ANALYZE", stats == "-1 0", stats)

        history_rows = 0
        first = True
        for script in ([], ["-S"], ["-N"]):
            for mode in ("simple", "prepared"):
                name = f"pgbench {' '.join(script) or 'tpcb'} -M {mode}"
                # The first run vacuums and truncates pgbench_history; the others keep it (-n)
                # so that it holds every transaction's delta for the invariant.
                vacuum = [] if first else ["-n"]
                first = False
                rc, out = pgbench(port, *script, *vacuum, "-M", mode, "-c", "4", "-j", "2", "-T", "3")
                failed = re.search(r"number of failed transactions: (\d+)", out)
                done = re.search(r"number of transactions actually processed: (\d+)", out)
                ok = rc == 0 and failed and failed.group(1) == "0" and done and int(done.group(1)) > 0
                check(name, bool(ok), out[-1500:])
                if done:
                    print(f"     {done.group(1)} transactions", flush=True)
                if ok and script != ["-S"]:
                    history_rows += int(done.group(1))
            if not script:
                parts = sums(port).split()
                check("tpcb invariant (accounts = branches = tellers = history)", len(set(parts)) == 1,
                      " ".join(parts))
        # -N updates only accounts and history.
        a, b, t, h = sums(port).split()
        check("after -S and -N: accounts = history, branches = tellers", a == h and b == t, f"{a} {b} {t} {h}")
        n = value(port, "SELECT count(*) FROM pgbench_history")
        check("one history row per TPC-B / -N transaction", n == str(history_rows), f"{n} != {history_rows}")
        if not srv.alive():
            check("basaltd alive", False, "server died")
        srv.check_sanitizers()
    print(f"{RESULTS['passed']} passed, {RESULTS['failed']} failed")
    return 1 if RESULTS["failed"] else 0


if __name__ == "__main__":
    sys.exit(main())
