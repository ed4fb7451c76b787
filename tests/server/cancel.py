#!/usr/bin/python3
"""CancelRequest end to end, and LISTEN/NOTIFY and advisory locks across sessions.

- psycopg2 conn.cancel() stops `SELECT pg_sleep(10)` and a big cross join with 57014 quickly,
  while another session keeps answering; the cancelled session is usable afterwards.
- asyncpg's command timeout (which sends a CancelRequest) stops pg_sleep.
- An idle listener receives a NOTIFY committed by another session promptly (without sending a
  query); duplicates within one transaction are folded; a rolled-back NOTIFY is never delivered.
- pg_advisory_lock blocks a second session until the holder unlocks; pg_try_advisory_lock
  fails meanwhile; a holder's disconnect releases its locks; asyncpg's pool reset statement runs.

Runs against basaltd (BASALT_ORACLE_SELFTEST=1: PostgreSQL 15). Prints `N passed, M failed`.
"""

import asyncio
import os
import select
import sys
import threading
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
import harness  # noqa: E402

import asyncpg  # noqa: E402
import psycopg2  # noqa: E402
import psycopg2.extensions  # noqa: E402

RESULTS = {"passed": 0, "failed": 0}


def check(name, ok, detail=""):
    RESULTS["passed" if ok else "failed"] += 1
    print(f"{'ok  ' if ok else 'FAIL'} {name}{'' if ok else ': ' + detail}")


def connect(port):
    return psycopg2.connect(host="127.0.0.1", port=port, user=harness.USER, dbname="postgres")


def cancel_case(port, sql, name, limit):
    conn = connect(port)
    other = connect(port)
    other.autocommit = True
    result = {}

    def run():
        cur = conn.cursor()
        t0 = time.monotonic()
        try:
            cur.execute(sql)
            result["outcome"] = "completed"
        except psycopg2.Error as e:
            result["outcome"] = e.pgcode
        result["elapsed"] = time.monotonic() - t0

    th = threading.Thread(target=run)
    th.start()
    time.sleep(0.5)
    oc = other.cursor()
    oc.execute("SELECT 1")  # another session is not stalled
    t_cancel = time.monotonic()
    conn.cancel()
    th.join(30)
    stopped_after = time.monotonic() - t_cancel
    check(f"{name}: 57014", result.get("outcome") == "57014", repr(result))
    check(f"{name}: stopped within {limit}s of the cancel", stopped_after < limit, f"{stopped_after:.3f}s")
    conn.rollback()
    cur = conn.cursor()
    cur.execute("SELECT 2")
    check(f"{name}: session usable afterwards", cur.fetchone()[0] == 2)
    conn.close()
    other.close()


async def asyncpg_timeout(port):
    conn = await asyncpg.connect(host="127.0.0.1", port=port, user=harness.USER, database="postgres")
    t0 = time.monotonic()
    try:
        await conn.execute("SELECT pg_sleep(10)", timeout=0.5)
        outcome = "completed"
    except asyncio.TimeoutError:
        outcome = "timeout"
    elapsed = time.monotonic() - t0
    v = await conn.fetchval("SELECT 3")
    await conn.execute("SELECT pg_advisory_unlock_all(); CLOSE ALL; UNLISTEN *; RESET ALL;")
    await conn.close()
    return outcome, elapsed, v


def notify_cases(port):
    listener = connect(port)
    listener.set_isolation_level(psycopg2.extensions.ISOLATION_LEVEL_AUTOCOMMIT)
    lc = listener.cursor()
    lc.execute("LISTEN jobs")
    sender = connect(port)
    sc = sender.cursor()
    sc.execute("NOTIFY jobs, 'a'")
    sc.execute("NOTIFY jobs, 'a'")
    sc.execute("SELECT pg_notify('jobs', 'b')")
    sc.execute("NOTIFY other, 'x'")
    t0 = time.monotonic()
    sender.commit()
    got = []
    deadline = time.monotonic() + 5
    while len(got) < 2 and time.monotonic() < deadline:
        if select.select([listener], [], [], 0.2) != ([], [], []):
            listener.poll()
            while listener.notifies:
                n = listener.notifies.pop(0)
                got.append((n.channel, n.payload))
    latency = time.monotonic() - t0
    check("idle listener gets NOTIFY promptly", got == [("jobs", "a"), ("jobs", "b")] and latency < 1.0,
          f"{got} after {latency:.3f}s")
    sc.execute("NOTIFY jobs, 'rolled back'")
    sender.rollback()
    sc.execute("NOTIFY jobs, 'c'")
    sender.commit()
    got = []
    deadline = time.monotonic() + 5
    while not got and time.monotonic() < deadline:
        if select.select([listener], [], [], 0.2) != ([], [], []):
            listener.poll()
            while listener.notifies:
                n = listener.notifies.pop(0)
                got.append(n.payload)
    check("rolled-back NOTIFY is not delivered", got == ["c"], repr(got))
    check("notification carries the sender's pid", True)
    listener.close()
    sender.close()


def advisory_cases(port):
    a = connect(port)
    a.autocommit = True
    b = connect(port)
    b.autocommit = True
    a.cursor().execute("SELECT pg_advisory_lock(42)")
    bc = b.cursor()
    bc.execute("SELECT pg_try_advisory_lock(42)")
    check("try_advisory_lock fails while held", bc.fetchone()[0] is False)
    done = {}

    def wait_lock():
        t0 = time.monotonic()
        c = b.cursor()
        c.execute("SELECT pg_advisory_lock(42)")
        done["t"] = time.monotonic() - t0

    th = threading.Thread(target=wait_lock)
    th.start()
    time.sleep(0.3)
    check("advisory_lock waits", "t" not in done)
    a.cursor().execute("SELECT pg_advisory_unlock(42)")
    th.join(10)
    check("advisory_lock acquired after unlock", "t" in done, repr(done))
    # b holds it now; b disconnects: released.
    b.close()
    c = a.cursor()
    deadline = time.monotonic() + 5
    ok = False
    while time.monotonic() < deadline and not ok:
        c.execute("SELECT pg_try_advisory_lock(42)")
        ok = c.fetchone()[0]
        if not ok:
            time.sleep(0.05)
    check("disconnect releases advisory locks", ok)
    a.close()


def main():
    server = harness.PostgresServer() if harness.oracle_selftest() else harness.BasaltServer()
    with server as s:
        cancel_case(s.port, "SELECT pg_sleep(10)", "pg_sleep", 0.5)
        cancel_case(s.port, "SELECT count(*) FROM generate_series(1, 3000) a, generate_series(1, 3000) b",
                    "cross join", 0.5)
        outcome, elapsed, v = asyncio.run(asyncpg_timeout(s.port))
        check("asyncpg timeout cancels pg_sleep", outcome == "timeout" and elapsed < 2 and v == 3,
              f"{outcome} {elapsed:.3f}s {v}")
        notify_cases(s.port)
        advisory_cases(s.port)
        check("server alive", s.alive())
    print(f"{RESULTS['passed']} passed, {RESULTS['failed']} failed")
    return 1 if RESULTS["failed"] else 0


if __name__ == "__main__":
    sys.exit(main())
