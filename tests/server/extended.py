#!/usr/bin/python3
"""Extended query protocol through real drivers: psycopg 3 and asyncpg against basaltd, with
PostgreSQL 15 as the oracle.

The same scenario runs against both servers and records (label, repr(result)) pairs: values and
their Python types, NULLs, SQLSTATEs of errors, row-limited portals (asyncpg cursors with a small
prefetch: Execute(max_rows) -> PortalSuspended), pipelining (psycopg pipeline mode, asyncpg's
Parse/Describe/Flush), named statements (psycopg prepare=True, asyncpg's statement cache), binary
parameters and results (psycopg binary cursors, asyncpg's default), SQL PREPARE/EXECUTE/DEALLOCATE,
and that a session keeps working after errors. The test passes when both transcripts are identical.

Env: EXTENDED_NO_ORACLE=1  skip PostgreSQL; only check that the scenario runs without surprises.
"""

import asyncio
import decimal
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
import harness  # noqa: E402

import asyncpg  # noqa: E402
import psycopg  # noqa: E402

SETUP = """
DROP TABLE IF EXISTS ext_t;
CREATE TABLE ext_t (id int PRIMARY KEY, name text, score float8, big bigint, flag bool,
                    amount numeric(10,2), code varchar(5), small smallint)
"""


def sqlstate(exc):
    return getattr(exc, "sqlstate", None) or type(exc).__name__


def psycopg_scenario(port, out):
    def rec(label, value):
        out.append((label, repr(value)))

    conn = psycopg.connect(host="127.0.0.1", port=port, user=harness.USER, dbname="postgres",
                           autocommit=True)
    cur = conn.cursor()
    cur.execute(SETUP)
    ins = "INSERT INTO ext_t VALUES (%s, %s, %s, %s, %s, %s, %s, %s)"
    cur.execute(ins, (1, "alpha", 1.5, 2**40, True, decimal.Decimal("12.34"), "ab", 7))
    rec("insert rowcount", cur.rowcount)
    cur.executemany(ins, [(2, "beta", -0.25, -5, False, decimal.Decimal("0.5"), "xyz", -3),
                          (3, None, None, None, None, None, None, None),
                          (4, "o'quote", 1e300, 0, True, decimal.Decimal("-99999999.99"), "", 0)])
    rec("executemany rowcount", cur.rowcount)

    cur.execute("SELECT id, name, score, big, flag, amount, code, small FROM ext_t WHERE id = %s", (1,))
    rec("select by pk", cur.fetchall())
    rec("select by pk types", [d.type_code for d in cur.description])
    cur.execute("SELECT id, name FROM ext_t WHERE name = %s", ("beta",))
    rec("text param", cur.fetchall())
    cur.execute("SELECT count(*) FROM ext_t WHERE name IS NULL AND id > %s", (0,))
    rec("null row count", cur.fetchone())
    cur.execute("SELECT %s::int + 1, %s, %s::float8 * 2, %s::bool", ("41", "txt", 1.25, True))
    rec("casts", cur.fetchone())
    cur.execute("SELECT id FROM ext_t WHERE id IN (%s, %s) ORDER BY id", (2, 4))
    rec("in list", cur.fetchall())
    cur.execute("SELECT id, amount FROM ext_t WHERE amount > %s ORDER BY id", (decimal.Decimal("0.1"),))
    rec("numeric param", cur.fetchall())
    cur.execute("UPDATE ext_t SET score = %s WHERE id = %s", (None, 2))
    rec("update rowcount", cur.rowcount)
    cur.execute("SELECT score FROM ext_t WHERE id = %s", (2,))
    rec("updated to null", cur.fetchone())

    # Binary results for every column.
    bcur = conn.cursor(binary=True)
    bcur.execute("SELECT id, name, score, big, flag, amount, code, small FROM ext_t ORDER BY id")
    rec("binary results", bcur.fetchall())

    # Named (prepared) statements, executed repeatedly.
    for i in range(3):
        cur.execute("SELECT name FROM ext_t WHERE id = %s", (i + 1,), prepare=True)
        rec(f"prepared {i}", cur.fetchone())

    # Errors carry PostgreSQL's SQLSTATEs, and the session survives them.
    for label, sql, params in [
        ("undefined table", "SELECT * FROM ext_missing WHERE id = %s", (1,)),
        ("undefined column", "SELECT nope FROM ext_t WHERE id = %s", (1,)),
        ("bad int text", "SELECT %s::int", ("abc",)),
        ("duplicate key", ins, (1, "dup", 0.0, 0, False, decimal.Decimal("1"), "x", 1)),
        ("varchar too long", "INSERT INTO ext_t (id, code) VALUES (%s, %s)", (9, "toolong")),
        ("division by zero", "SELECT 1 / %s::int", (0,)),
    ]:
        try:
            cur.execute(sql, params)
            rec(label, "no error")
        except psycopg.Error as e:
            rec(label, sqlstate(e))
        cur.execute("SELECT %s::int", (5,))
        rec(label + " then", cur.fetchone())

    # Transactions: an error inside a block fails it until ROLLBACK; implicit ones roll back.
    tconn = psycopg.connect(host="127.0.0.1", port=port, user=harness.USER, dbname="postgres")
    tcur = tconn.cursor()
    tcur.execute("INSERT INTO ext_t (id, name) VALUES (%s, %s)", (10, "in tx"))
    try:
        tcur.execute("SELECT * FROM ext_missing WHERE id = %s", (1,))
    except psycopg.Error as e:
        rec("error in block", sqlstate(e))
    try:
        tcur.execute("SELECT %s::int", (1,))
    except psycopg.Error as e:
        rec("failed block", sqlstate(e))
    tconn.rollback()
    tcur.execute("SELECT count(*) FROM ext_t WHERE id = %s", (10,))
    rec("rolled back", tcur.fetchone())
    tcur.execute("INSERT INTO ext_t (id, name) VALUES (%s, %s)", (11, "committed"))
    tconn.commit()
    tcur.execute("SELECT name FROM ext_t WHERE id = %s", (11,))
    rec("committed", tcur.fetchone())
    tconn.close()

    # Pipeline mode: many Parse/Bind/Execute, one Sync.
    with conn.pipeline():
        c1 = conn.execute("INSERT INTO ext_t (id, name) VALUES (%s, %s)", (20, "p1"))
        c2 = conn.execute("INSERT INTO ext_t (id, name) VALUES (%s, %s)", (21, "p2"))
        c3 = conn.execute("SELECT id, name FROM ext_t WHERE id >= %s ORDER BY id", (20,))
    rec("pipeline", (c1.rowcount, c2.rowcount, c3.fetchall()))
    try:
        with conn.pipeline():
            conn.execute("INSERT INTO ext_t (id, name) VALUES (%s, %s)", (22, "p3"))
            conn.execute("SELECT * FROM ext_missing WHERE id = %s", (1,))
            conn.execute("INSERT INTO ext_t (id, name) VALUES (%s, %s)", (23, "p4"))
    except psycopg.Error as e:
        rec("pipeline error", sqlstate(e))
    cur.execute("SELECT id FROM ext_t WHERE id >= %s ORDER BY id", (22,))
    rec("pipeline error rolled back", cur.fetchall())

    # SQL-level PREPARE / EXECUTE / DEALLOCATE (simple protocol).
    cur.execute("PREPARE ext_q (int) AS SELECT name FROM ext_t WHERE id = $1")
    cur.execute("EXECUTE ext_q (2)")
    rec("sql execute", cur.fetchall())
    cur.execute("EXECUTE ext_q ('1')")
    rec("sql execute literal", cur.fetchall())
    cur.execute("PREPARE ext_i AS INSERT INTO ext_t (id, name) VALUES ($1, $2)")
    cur.execute("EXECUTE ext_i (30, 'thirty')")
    rec("sql execute insert", cur.statusmessage)
    try:
        cur.execute("PREPARE ext_q AS SELECT 1")
    except psycopg.Error as e:
        rec("duplicate prepare", sqlstate(e))
    cur.execute("DEALLOCATE ext_q")
    try:
        cur.execute("EXECUTE ext_q (1)")
    except psycopg.Error as e:
        rec("deallocated", sqlstate(e))
    cur.execute("DEALLOCATE ALL")
    rec("deallocate all", cur.statusmessage)
    conn.close()


async def asyncpg_scenario(port, out):
    def rec(label, value):
        out.append((label, repr(value)))

    conn = await asyncpg.connect(host="127.0.0.1", port=port, user=harness.USER, database="postgres")
    rec("fetch", [tuple(r) for r in await conn.fetch(
        "SELECT id, name, score, big, flag, amount, code, small FROM ext_t WHERE id <= $1 ORDER BY id", 4)])
    rec("fetchval int8", await conn.fetchval("SELECT $1::int8 * 2", 21))
    rec("fetchval float8", await conn.fetchval("SELECT $1::float8 / 4", 1.0))
    rec("fetchval numeric", await conn.fetchval("SELECT amount FROM ext_t WHERE id = $1", 1))
    rec("numeric param", await conn.fetchval("SELECT count(*) FROM ext_t WHERE amount < $1",
                                             decimal.Decimal("1.5")))
    rec("fetchrow", tuple(await conn.fetchrow("SELECT name, flag FROM ext_t WHERE id = $1", 2)))
    rec("null param", await conn.fetchval("SELECT count(*) FROM ext_t WHERE name = $1", None))
    rec("smallint param", await conn.fetchval("SELECT id FROM ext_t WHERE small = $1", 7))
    rec("bool param", await conn.fetchval("SELECT count(*) FROM ext_t WHERE flag = $1", True))
    rec("text inferred", await conn.fetchval("SELECT $1", "hello"))
    stmt = await conn.prepare("SELECT name FROM ext_t WHERE id = $1")
    rec("prepared params", [t.name for t in stmt.get_parameters()])
    rec("prepared columns", [(a.name, a.type.name) for a in stmt.get_attributes()])
    rec("prepared fetch", await stmt.fetchval(2))
    await conn.executemany("INSERT INTO ext_t (id, name, big) VALUES ($1, $2, $3)",
                           [(40, "a", 1), (41, "b", 2), (42, "c", 3)])
    rec("executemany", await conn.fetchval("SELECT sum(big) FROM ext_t WHERE id >= $1", 40))
    rec("execute status", await conn.execute("UPDATE ext_t SET big = big + $1 WHERE id >= $2", 10, 40))

    async with conn.transaction():
        rows = []
        async for r in conn.cursor("SELECT id FROM ext_t WHERE id >= $1 ORDER BY id", 0, prefetch=2):
            rows.append(r["id"])
        rec("cursor prefetch 2", rows)
        cur = await conn.cursor("SELECT id FROM ext_t ORDER BY id")
        rec("cursor fetch 3", [r["id"] for r in await cur.fetch(3)])
        rec("cursor fetch 2", [r["id"] for r in await cur.fetch(2)])

    for label, sql, args in [
        ("undefined table", "SELECT * FROM ext_missing WHERE id = $1", (1,)),
        ("duplicate key", "INSERT INTO ext_t (id) VALUES ($1)", (1,)),
        ("numeric overflow", "INSERT INTO ext_t (id, amount) VALUES ($1, $2)", (50, decimal.Decimal("1e9"))),
        ("int range", "SELECT $1::int2", (70000,)),
    ]:
        try:
            await conn.fetch(sql, *args)
            rec(label, "no error")
        except (asyncpg.PostgresError, OverflowError) as e:
            rec(label, sqlstate(e))
        rec(label + " then", await conn.fetchval("SELECT $1::int + 1", 1))

    try:
        async with conn.transaction():
            await conn.execute("INSERT INTO ext_t (id) VALUES ($1)", 60)
            await conn.fetch("SELECT * FROM ext_missing")
    except asyncpg.PostgresError as e:
        rec("tx error", sqlstate(e))
    rec("tx rolled back", await conn.fetchval("SELECT count(*) FROM ext_t WHERE id = $1", 60))
    await conn.close()


def run(port):
    out = []
    try:
        psycopg_scenario(port, out)
    except Exception as e:  # recorded, so the transcript shows where it stopped
        out.append(("psycopg aborted", f"{type(e).__name__}: {e}"))
    try:
        asyncio.run(asyncpg_scenario(port, out))
    except Exception as e:
        out.append(("asyncpg aborted", f"{type(e).__name__}: {e}"))
    return out


def main():
    with harness.BasaltServer() as basalt:
        got = run(basalt.port)
    if os.environ.get("EXTENDED_NO_ORACLE", "") not in ("", "0"):
        for label, value in got:
            print(f"{label}: {value}")
        aborted = [v for label, v in got if label.endswith("aborted")]
        return 1 if aborted else 0
    with harness.PostgresServer(fsync=False) as pg:
        want = run(pg.port)
    failures = 0
    for i in range(max(len(got), len(want))):
        g = got[i] if i < len(got) else ("<missing>", "")
        w = want[i] if i < len(want) else ("<missing>", "")
        if g != w:
            failures += 1
            print(f"MISMATCH {w[0]}:\n  postgres: {w[1]}\n  basalt:   {g[1]}  ({g[0]})")
    print(f"{len(want) - failures} matched, {failures} mismatched")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
