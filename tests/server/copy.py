#!/usr/bin/python3
"""COPY through real drivers, compared against PostgreSQL 15.

Every scenario runs against basaltd and against a throwaway PostgreSQL 15; what the client
observes (rows, COPY output bytes, rowcount, SQLSTATE, message, CONTEXT) must match.

Scenarios: psycopg2 copy_expert text/CSV both directions; copy_from/copy_to (old syntax);
psycopg 3 binary COPY both directions (PGCOPY framing, per-type binary send/recv), write_row;
COPY (query) TO; errors with line numbers in CONTEXT (22P02, 22P04, 23505, 23502) load nothing;
CopyFail from the client (57014); COPY inside a transaction block rolls back; a client that
disconnects mid-COPY leaves no rows and the server healthy; a 200k-row COPY.

Prints `N passed, M failed` and exits non-zero on any failure.
"""

import io
import os
import socket
import struct
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
import harness  # noqa: E402

import psycopg  # noqa: E402
import psycopg2  # noqa: E402

RESULTS = {"passed": 0, "failed": 0}


def dsn(port):
    return f"host=127.0.0.1 port={port} user={harness.USER} dbname=postgres"


def err_info(e):
    if isinstance(e, psycopg2.Error):
        d = e.diag
        return ("error", e.pgcode, d.message_primary, d.context)
    d = e.diag
    return ("error", e.sqlstate, d.message_primary, d.context)


def setup(conn2):
    cur = conn2.cursor()
    cur.execute("DROP TABLE IF EXISTS t")
    cur.execute("CREATE TABLE t (id int PRIMARY KEY, name text, score numeric, at timestamp, ok boolean, f float8)")
    conn2.commit()


DATA_TEXT = ("1\talice\t1.50\t2020-01-02 03:04:05\tt\t1.5\n"
             "2\tb\\tob\\nline\t\\N\t\\N\tf\t-0.25\n"
             "3\t\\\\back\t-7\t1999-12-31 23:59:59.123456\t\\N\t1e+100\n")


def scenario_text_roundtrip(port):
    with psycopg2.connect(dsn(port)) as c:
        setup(c)
        cur = c.cursor()
        cur.copy_expert("COPY t FROM STDIN", io.StringIO(DATA_TEXT))
        n = cur.rowcount
        out = io.StringIO()
        cur.copy_expert("COPY t TO STDOUT", out)
        out2 = io.StringIO()
        cur.copy_expert("COPY (SELECT id, name FROM t ORDER BY id DESC) TO STDOUT WITH CSV HEADER", out2)
        cur.execute("SELECT * FROM t ORDER BY id")
        return n, sorted(out.getvalue().splitlines()), out2.getvalue(), [tuple(map(str, r)) for r in cur.fetchall()]


def scenario_copy_from_old_syntax(port):
    with psycopg2.connect(dsn(port)) as c:
        setup(c)
        cur = c.cursor()
        cur.copy_from(io.StringIO("1,x,2,\\N,t,0\n2,y,3,\\N,f,1\n"), "t", sep=",")
        cur.copy_expert("COPY t (id, name) FROM STDIN WITH CSV HEADER", io.StringIO("id,name\n5,\"q,\"\"q\"\n"))
        out = io.StringIO()
        cur.copy_to(out, "t", sep="|", null="NULL", columns=("id", "name", "at"))
        return sorted(out.getvalue().splitlines())


def scenario_errors(port):
    results = []
    cases = [
        "1\ta\t1\t\\N\tt\t1\nx\tb\t1\t\\N\tt\t1\n",            # 22P02 line 2, column id
        "1\ta\t1\t\\N\tt\t1\textra\n",                          # 22P04 extra data
        "1\ta\n",                                               # 22P04 missing data for column
        "1\ta\t1\t\\N\tt\t1\n1\tdup\t1\t\\N\tt\t1\n",           # 23505 line 2
        "\\N\ta\t1\t\\N\tt\t1\n",                               # 23502 not null
        "1\ta\t1\t2020-13-45\tt\t1\n",                          # 22008 bad timestamp
        "1\ta\t1\t\\N\tmaybe\t1\n",                             # 22P02 bad boolean
    ]
    for data in cases:
        with psycopg2.connect(dsn(port)) as c:
            setup(c)
            cur = c.cursor()
            try:
                cur.copy_expert("COPY t FROM STDIN", io.StringIO(data))
                results.append(("ok", cur.rowcount))
            except psycopg2.Error as e:
                results.append(err_info(e))
                c.rollback()
            cur.execute("SELECT count(*) FROM t")
            results.append(cur.fetchone()[0])
    return results


class FailingReader(io.RawIOBase):
    """Gives one good line, then raises: psycopg2 sends CopyFail with the exception text."""

    def __init__(self):
        self.sent = False

    def readable(self):
        return True

    def read(self, n=-1):
        if not self.sent:
            self.sent = True
            return b"1\ta\t1\t\\N\tt\t1\n"
        raise ValueError("client gave up")

    def readline(self, n=-1):
        return self.read(n)


def scenario_copy_fail(port):
    with psycopg2.connect(dsn(port)) as c:
        setup(c)
        cur = c.cursor()
        try:
            cur.copy_expert("COPY t FROM STDIN", FailingReader())
            res = ("ok",)
        except Exception as e:  # noqa: BLE001
            res = ("error", getattr(e, "pgcode", None), type(e).__name__)
            c.rollback()
        cur.execute("SELECT count(*) FROM t")
        return res, cur.fetchone()[0]


def scenario_transactional(port):
    with psycopg2.connect(dsn(port)) as c:
        setup(c)
        cur = c.cursor()
        cur.execute("INSERT INTO t (id) VALUES (100)")
        cur.copy_expert("COPY t (id, name) FROM STDIN", io.StringIO("1\ta\n2\tb\n"))
        c.rollback()
        cur.execute("SELECT count(*) FROM t")
        n1 = cur.fetchone()[0]
        cur.copy_expert("COPY t (id, name) FROM STDIN", io.StringIO("1\ta\n2\tb\n"))
        c.commit()
        cur.execute("SELECT count(*) FROM t")
        return n1, cur.fetchone()[0]


def scenario_binary_psycopg3(port):
    with psycopg.connect(dsn(port), autocommit=True) as c:
        c.execute("DROP TABLE IF EXISTS tb")
        c.execute("CREATE TABLE tb (id int8 PRIMARY KEY, i2 int2, i4 int4, name text, v varchar(10), "
                  "b boolean, f4 float4, f8 float8, n numeric, d date, ts timestamp, tz timestamptz)")
        rows = [
            (1, 2, 3, "x", "short", True, 1.5, 2.25, "12.340", "2020-01-02", "2020-01-02 03:04:05.5",
             "2020-01-02 03:04:05+00"),
            (2, None, -5, "ümlaut", None, False, -0.0, 1e300, "-0.001", "1999-12-31", "1970-01-01 00:00:00",
             "2000-06-01 12:00:00+02"),
        ]
        with c.cursor() as cur:
            with cur.copy("COPY tb FROM STDIN") as cp:
                for r in rows:
                    cp.write_row(r)
            n_text = cur.rowcount
            # Binary out, then binary back in (the bytes of one server fed to the same server).
            buf = b""
            with cur.copy("COPY tb TO STDOUT (FORMAT BINARY)") as cp:
                for chunk in cp:
                    buf += bytes(chunk)
            c.execute("CREATE TABLE tb2 (LIKE tb)") if False else None
            c.execute("DELETE FROM tb")
            with cur.copy("COPY tb FROM STDIN (FORMAT BINARY)") as cp:
                cp.write(buf)
            n_bin = cur.rowcount
            cur.execute("SELECT * FROM tb ORDER BY id")
            back = [tuple(map(str, r)) for r in cur.fetchall()]
            # typed binary read through psycopg's loaders
            with cur.copy("COPY (SELECT id, name, n, d FROM tb ORDER BY id) TO STDOUT (FORMAT BINARY)") as cp:
                cp.set_types(["int8", "text", "numeric", "date"])
                typed = [tuple(map(str, r)) for r in cp.rows()]
            # binary write_row with types
            c.execute("DELETE FROM tb")
            with cur.copy("COPY tb (id, name, f8) FROM STDIN (FORMAT BINARY)") as cp:
                cp.set_types(["int8", "text", "float8"])
                for i in range(3):
                    cp.write_row((i, f"n{i}", i / 4))
            cur.execute("SELECT id, name, f8 FROM tb ORDER BY id")
            typed_in = [tuple(map(str, r)) for r in cur.fetchall()]
            # a corrupt binary stream
            try:
                with cur.copy("COPY tb FROM STDIN (FORMAT BINARY)") as cp:
                    cp.write(b"PGCOPY\n\xff\r\n\x00" + b"\x00" * 8 + b"\x00\x05")
                bad = ("ok",)
            except psycopg.Error as e:
                bad = err_info(e)
        return n_text, len(buf), n_bin, back, typed, typed_in, bad


def scenario_disconnect_mid_copy(port):
    """Raw socket: start COPY, send half a row, vanish. No rows may land; the server stays up."""
    with psycopg2.connect(dsn(port)) as c:
        setup(c)
    s = socket.create_connection(("127.0.0.1", port))
    params = f"user\0{harness.USER}\0database\0postgres\0\0".encode()
    body = struct.pack("!I", 196608) + params
    s.sendall(struct.pack("!I", len(body) + 4) + body)
    buf = b""
    while b"Z\x00\x00\x00\x05" not in buf:
        buf += s.recv(65536)
    q = b"BEGIN; INSERT INTO t (id) VALUES (500); COMMIT; COPY t (id, name) FROM STDIN\0"
    s.sendall(b"Q" + struct.pack("!I", len(q) + 4) + q)
    buf = b""
    deadline = time.time() + 10
    while b"G" not in buf and time.time() < deadline:
        buf += s.recv(65536)
    data = b"1\ta\n2\tb\n3\t"
    s.sendall(b"d" + struct.pack("!I", len(data) + 4) + data)
    s.close()
    time.sleep(0.3)
    with psycopg2.connect(dsn(port)) as c:
        cur = c.cursor()
        cur.execute("SELECT id FROM t ORDER BY id")
        return [r[0] for r in cur.fetchall()]


def scenario_big(port):
    n = 200_000
    with psycopg2.connect(dsn(port)) as c:
        setup(c)
        cur = c.cursor()
        data = "".join(f"{i}\tname{i}\t{i % 97}\t\\N\tt\t{i}.5\n" for i in range(n))
        t0 = time.time()
        cur.copy_expert("COPY t FROM STDIN", io.StringIO(data))
        c.commit()
        took = time.time() - t0
        cur.execute("SELECT count(*), sum(id), max(name) FROM t")
        res = tuple(map(str, cur.fetchone()))
        out = io.StringIO()
        cur.copy_expert("COPY t TO STDOUT", out)
        print(f"    ({n} rows in {took:.2f}s)")
        return cur.rowcount, res, len(out.getvalue())


SCENARIOS = [scenario_text_roundtrip, scenario_copy_from_old_syntax, scenario_errors, scenario_copy_fail,
             scenario_transactional, scenario_binary_psycopg3, scenario_disconnect_mid_copy, scenario_big]


def main():
    results = {}
    with harness.PostgresServer() as pg:
        for s in SCENARIOS:
            try:
                results[s.__name__] = s(pg.port)
            except Exception as e:  # noqa: BLE001
                results[s.__name__] = ("exception", repr(e))
    with harness.BasaltServer() as b:
        for s in SCENARIOS:
            try:
                got = s(b.port)
            except Exception as e:  # noqa: BLE001
                got = ("exception", repr(e))
            want = results[s.__name__]
            if got == want:
                RESULTS["passed"] += 1
                print(f"ok   {s.__name__}")
            else:
                RESULTS["failed"] += 1
                print(f"FAIL {s.__name__}\n  postgres: {want!r}\n  basalt:   {got!r}")
        if not b.alive():
            RESULTS["failed"] += 1
            print("FAIL basaltd died")
    print(f"{RESULTS['passed']} passed, {RESULTS['failed']} failed")
    return 1 if RESULTS["failed"] else 0


if __name__ == "__main__":
    sys.exit(main())
