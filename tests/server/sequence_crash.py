#!/usr/bin/python3
"""Sequences never hand out a value twice, also across kill -9.

nextval is not transactional and must not fsync per call: basaltd persists a reserved block of
values (PostgreSQL's 32 pre-logged values) before handing out any of them. This script:

1. draws values from sequences with CACHE 1 and CACHE 10 and an increment of -3, some inside
   transactions that roll back (nextval is not rolled back), several times interleaved with
   kill -9 + restart, and checks every value drawn is new and moves in the sequence's direction;
2. checks setval and ALTER SEQUENCE RESTART survive a crash (they are durable at once);
3. checks a sequence whose CREATE was rolled back does not exist after the crash.

BASALT_ORACLE_SELFTEST=1 runs the same checks against PostgreSQL 15. Prints `N passed, M failed`
and exits 0 iff all passed.
"""

import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
import harness  # noqa: E402

results = []


def check(name, ok, detail=""):
    results.append(ok)
    print(f"{'ok  ' if ok else 'FAIL'} {name}" + (f": {detail}" if detail and not ok else ""), flush=True)
    return ok


def draw(server, seq, n, rollback=False):
    sql = "BEGIN;\n" if rollback else ""
    sql += "".join(f"SELECT nextval('{seq}');\n" for _ in range(n))
    if rollback:
        sql += "ROLLBACK;\n"
    _, out = harness.psql(server.port, sql, args=("-At", "-v", "ON_ERROR_STOP=1"), check=True)
    return [int(x) for x in out.split() if x.lstrip("-").isdigit()]


def main():
    harness.require_binaries()
    with harness.server_under_test() as server:
        harness.psql(server.port, """
            CREATE SEQUENCE c1;
            CREATE SEQUENCE c10 CACHE 10;
            CREATE SEQUENCE down INCREMENT -3;
            CREATE TABLE t (id serial PRIMARY KEY, v int);
        """, check=True, args=("-v", "ON_ERROR_STOP=1"))
        seen = {"c1": [], "c10": [], "down": []}
        for round_no in range(4):
            for seq in seen:
                seen[seq] += draw(server, seq, 5)
                seen[seq] += draw(server, seq, 3, rollback=True)
            harness.psql(server.port, "INSERT INTO t (v) SELECT 1 FROM (VALUES (1),(2),(3)) x(a);", check=True)
            server.restart(crash=True)
        for seq, vals in seen.items():
            check(f"{seq}: {len(vals)} values, none repeated", len(vals) == len(set(vals)),
                  f"duplicates in {vals}")
            ordered = vals == sorted(vals, reverse=(seq == "down"))
            check(f"{seq}: values move in the sequence's direction across crashes", ordered, str(vals))
        ids = harness.psql_value(server.port, "SELECT count(*), count(DISTINCT id) FROM t")
        check("serial column after 4 crashes: 12 distinct ids", ids == "12|12", ids)

        harness.psql(server.port, "SELECT setval('c1', 1000); ALTER SEQUENCE c10 RESTART WITH 7;", check=True)
        harness.psql(server.port, "BEGIN; CREATE SEQUENCE gone; SELECT nextval('gone'); ROLLBACK;", check=True)
        server.restart(crash=True)
        check("setval is durable", draw(server, "c1", 1) == [1001])
        check("ALTER SEQUENCE RESTART is durable", draw(server, "c10", 1) == [7])
        _, out = harness.psql(server.port, "SELECT nextval('gone');")
        check("rolled-back CREATE SEQUENCE is gone after the crash", "does not exist" in out, out)
    failed = results.count(False)
    print(f"{len(results) - failed} passed, {failed} failed")
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    with harness.cleanup_on_signal():
        sys.exit(main())
