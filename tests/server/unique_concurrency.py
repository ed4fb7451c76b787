#!/usr/bin/env python3
"""Two sessions inserting the same unique key (secondary unique index and UNIQUE constraint).

The second inserter must wait for the first transaction, then fail with 23505 if it committed,
or succeed if it rolled back; a key deleted by an uncommitted transaction becomes free when that
transaction commits. Runs against basaltd (or PostgreSQL with BASALT_ORACLE_SELFTEST=1).
"""

import concurrent.futures
import os
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
import harness  # noqa: E402

import psycopg2  # noqa: E402

BLOCK_WAIT = 1.0
failures = []


def connect(port):
    c = psycopg2.connect(host="127.0.0.1", port=port, dbname="postgres", user=harness.USER, connect_timeout=10)
    c.autocommit = True
    return c


def run(conn, sql):
    """Returns None on success or the SQLSTATE of the error."""
    try:
        with conn.cursor() as cur:
            cur.execute(sql)
        return None
    except psycopg2.Error as e:
        return e.pgcode


def check(name, got, want):
    ok = got == want
    print(f"{'ok  ' if ok else 'FAIL'} {name}: got {got!r}, want {want!r}")
    if not ok:
        failures.append(name)


def scenario(port, pool, name, table, setup, first, second, finish, want):
    a, b = connect(port), connect(port)
    try:
        run(a, f"DROP TABLE IF EXISTS {table}")
        for s in setup:
            assert run(a, s) is None, s
        run(a, "BEGIN")
        check(f"{name}: first statement", run(a, first), None)
        fut = pool.submit(run, b, second)
        time.sleep(BLOCK_WAIT)
        check(f"{name}: second inserter waits", fut.done(), False)
        run(a, finish)
        check(f"{name}: second inserter after {finish}", fut.result(timeout=30), want)
        run(a, f"DROP TABLE {table}")
    finally:
        a.close()
        b.close()


def main():
    with harness.cleanup_on_signal():
        with harness.server_under_test() as server:
            port = server.port
            with concurrent.futures.ThreadPoolExecutor(2) as pool:
                idx = ["CREATE TABLE uc (id int PRIMARY KEY, k int)", "CREATE UNIQUE INDEX uc_k ON uc (k)",
                       "INSERT INTO uc VALUES (1, 5)"]
                scenario(port, pool, "unique index, commit", "uc", idx,
                         "INSERT INTO uc VALUES (2, 7)", "INSERT INTO uc VALUES (3, 7)", "COMMIT", "23505")
                scenario(port, pool, "unique index, rollback", "uc", idx,
                         "INSERT INTO uc VALUES (2, 7)", "INSERT INTO uc VALUES (3, 7)", "ROLLBACK", None)
                scenario(port, pool, "unique index, delete then commit", "uc", idx,
                         "DELETE FROM uc WHERE id = 1", "INSERT INTO uc VALUES (3, 5)", "COMMIT", None)
                scenario(port, pool, "unique index, update away then commit", "uc", idx,
                         "UPDATE uc SET k = 6 WHERE id = 1", "INSERT INTO uc VALUES (3, 5)", "COMMIT", None)
                con = ["CREATE TABLE ucc (id int, k text UNIQUE)"]
                scenario(port, pool, "unique constraint, commit", "ucc", con,
                         "INSERT INTO ucc VALUES (1, 'x')", "INSERT INTO ucc VALUES (2, 'x')", "COMMIT", "23505")
                scenario(port, pool, "unique constraint, rollback", "ucc", con,
                         "INSERT INTO ucc VALUES (1, 'x')", "INSERT INTO ucc VALUES (2, 'x')", "ROLLBACK", None)
    print(f"{6 * 3 - len(failures)} passed, {len(failures)} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
