#!/usr/bin/python3
"""Two-session isolation interleavings, differential against PostgreSQL 15.

Each scenario is a fixed interleaving of statements from two (or three) psycopg2 sessions. The
sessions send every transaction-control statement themselves (psycopg2 autocommit mode, so the
driver adds no BEGIN of its own; transactions are `BEGIN ISOLATION LEVEL <level>` ... `COMMIT`).
Each scenario runs at READ COMMITTED, REPEATABLE READ and SERIALIZABLE against basaltd and
against a throwaway PostgreSQL 15 (the oracle), and the observable outcomes must be identical:

  reads    the rows of every successful SELECT
  blocked  which statements waited for another session's lock
  writes   command tags (`UPDATE 1`) of the DML in transactions that committed
  fates    per transaction: commit, rollback, or `failed <SQLSTATE>` (at whichever statement)
  final    the table's contents afterwards, read by a fresh session

A statement runs on its session's own thread; "blocked" means it had not answered after
BLOCK_WAIT seconds (default 1.5, env ANOMALIES_BLOCK_WAIT). It is then resumed, with a
30-second bound, after the other session ends its transaction; nothing relies on fixed sleeps.
Where PostgreSQL reports a serialization failure at an earlier statement than Basalt (SSI detects
some write skews at write time, Basalt validates at commit) only the fate is compared, which is
what a client retry loop sees.

Scenarios: dirty write, dirty read, non-repeatable read, phantom, snapshot at first statement,
lost update, WHERE re-check after a lock wait, concurrent update after the snapshot (40001),
concurrent delete, write skew (items), write skew (predicate, via inserts), deadlock (40P01, which
session loses is not compared), row locks released when a statement fails, read-only
transaction (25006).

BASALT_ORACLE_SELFTEST=1 compares PostgreSQL with itself (validates determinism of the script).
ANOMALIES_FILTER=substring runs only matching scenarios. Prints a table and `N passed, M failed`
(one check per scenario and level); exits 0 iff all match.
"""

import concurrent.futures
import os
import sys
import threading

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
import harness  # noqa: E402

import psycopg2  # noqa: E402

LEVELS = ("read committed", "repeatable read", "serializable")
SHORT = {"read committed": "RC", "repeatable read": "RR", "serializable": "SER"}
BLOCK_WAIT = float(os.environ.get("ANOMALIES_BLOCK_WAIT", "1.5"))
RESUME_WAIT = 30.0


class Session:
    """One connection with its own worker thread, so a blocked statement does not block us."""

    def __init__(self, port, name):
        self.name = name
        self.conn = psycopg2.connect(host="127.0.0.1", port=port, dbname="postgres",
                                     user=harness.USER, connect_timeout=10)
        self.conn.autocommit = True  # we send BEGIN/COMMIT ourselves
        self.pool = concurrent.futures.ThreadPoolExecutor(1, thread_name_prefix=name)
        self.txn = None       # label of the open transaction, if any
        self.failed = None    # SQLSTATE that broke the open transaction
        self.tags = []        # DML command tags of the open transaction
        self.last = None      # future of the latest statement

    def submit(self, sql):
        self.last = self.pool.submit(self._run, sql)
        return self.last

    def _run(self, sql):
        try:
            with self.conn.cursor() as cur:
                cur.execute(sql)
                rows = [tuple(r) for r in cur.fetchall()] if cur.description else None
                return ("ok", cur.statusmessage, rows)
        except psycopg2.Error as e:
            return ("error", e.pgcode, (str(e).splitlines() or [""])[0])

    def close(self):
        # psycopg2's close() waits for a statement running on another thread: cancel that first
        # (a scenario that failed midway may leave one blocked on a lock).
        if self.last is not None and not self.last.done():
            try:
                self.conn.cancel()
                self.last.result(timeout=10)
            except Exception:  # noqa: BLE001
                pass
        try:
            self.conn.close()
        except Exception:  # noqa: BLE001
            pass
        self.pool.shutdown(wait=False)


class Pending:
    def __init__(self, session, label, future):
        self.session, self.label, self.future = session, label, future


class Run:
    """One scenario at one level against one server; collects observations."""

    def __init__(self, port, level):
        self.port = port
        self.level = level
        self.sessions = {}
        self.reads = []
        self.blocked = []
        self.writes = []
        self.fates = {}
        self.log = []
        self.symmetric_fates = False

    def s(self, name):
        if name not in self.sessions:
            self.sessions[name] = Session(self.port, name)
        return self.sessions[name]

    def close(self):
        for s in self.sessions.values():
            s.close()

    # ---- statements --------------------------------------------------------------------------
    def begin(self, sname, txn, extra=""):
        s = self.s(sname)
        s.txn, s.failed, s.tags = txn, None, []
        self.exec(sname, f"BEGIN ISOLATION LEVEL {self.level.upper()}{extra}", f"{txn} begin")

    def exec(self, sname, sql, label=None, compare_block=True):
        """Runs sql on session sname; returns the result, or a Pending if it blocked."""
        s = self.s(sname)
        label = label or f"{s.txn or sname}: {sql}"
        if s.failed:
            self.log.append(f"{label} -> skipped (transaction already failed)")
            return None
        fut = s.submit(sql)
        try:
            res = fut.result(timeout=BLOCK_WAIT)
        except concurrent.futures.TimeoutError:
            self.log.append(f"{label} -> blocked")
            if compare_block:
                self.blocked.append(label)
            return Pending(s, label, fut)
        return self._record(s, label, sql, res)

    def resume(self, pending):
        if pending is None or not isinstance(pending, Pending):
            return pending
        try:
            res = pending.future.result(timeout=RESUME_WAIT)
        except concurrent.futures.TimeoutError:
            self.log.append(f"{pending.label} -> still blocked after {RESUME_WAIT}s")
            self.fates[pending.session.txn or pending.session.name] = "hung"
            return None
        return self._record(pending.session, pending.label + " (resumed)", None, res)

    def _record(self, s, label, sql, res):
        kind, a, b = res
        if kind == "error":
            self.log.append(f"{label} -> ERROR {a}: {b}")
            if s.txn:
                s.failed = a
            else:
                self.fates[label] = f"failed {a}"
            return res
        self.log.append(f"{label} -> {a}" + (f" {b}" if b is not None else ""))
        if b is not None:
            self.reads.append((label.replace(" (resumed)", ""), b))
        elif s.txn and a.split()[0] in ("INSERT", "UPDATE", "DELETE"):
            s.tags.append((label.replace(" (resumed)", ""), a))
        elif not s.txn and a.split()[0] in ("INSERT", "UPDATE", "DELETE"):
            self.writes.append((label, a))
        return res

    def end(self, sname, how="COMMIT"):
        """Ends the session's transaction: COMMIT (or ROLLBACK); a failed one is rolled back."""
        s = self.s(sname)
        txn = s.txn
        if s.failed:
            s.pool.submit(s._run, "ROLLBACK").result(timeout=RESUME_WAIT)
            self.fates[txn] = f"failed {s.failed}"
            self.log.append(f"{txn}: {how} -> (ROLLBACK of the failed transaction)")
        else:
            kind, a, b = s.submit(how).result(timeout=RESUME_WAIT)
            self.log.append(f"{txn}: {how} -> {kind} {a}" + (f" {b}" if kind == "error" else ""))
            if kind == "error":
                self.fates[txn] = f"failed {a}"
            elif a == "COMMIT":
                self.fates[txn] = "commit"
                self.writes.extend(s.tags)
            else:
                self.fates[txn] = "rollback"
        s.txn, s.failed, s.tags = None, None, []

    def final(self, sql="SELECT id, v FROM t ORDER BY id"):
        s = Session(self.port, "final")
        try:
            kind, a, b = s.submit(sql).result(timeout=RESUME_WAIT)
            return b if kind == "ok" else f"ERROR {a}"
        finally:
            s.close()

    def outcome(self):
        fates = dict(self.fates)
        if self.symmetric_fates:
            fates = {"(sorted)": sorted(fates.values())}
        return {"reads": self.reads, "blocked": self.blocked, "writes": self.writes,
                "fates": fates, "final": self.final()}


def setup(port, rows=((1, 10), (2, 20))):
    s = Session(port, "setup")
    try:
        for sql in ("DROP TABLE IF EXISTS t", "CREATE TABLE t (id integer PRIMARY KEY, v integer)",
                    "INSERT INTO t VALUES " + ", ".join(f"({a}, {b})" for a, b in rows)):
            kind, a, b = s.submit(sql).result(timeout=60)
            if kind != "ok":
                raise RuntimeError(f"setup failed: {sql}: {a} {b}")
    finally:
        s.close()


# ---- scenarios: each takes a Run (fresh table t = {(1,10),(2,20)}) ---------------------------------

def dirty_write(r):
    """G0: a second writer waits for the first; after its ROLLBACK the second proceeds."""
    r.begin("s1", "T1")
    r.exec("s1", "UPDATE t SET v = 11 WHERE id = 1")
    r.begin("s2", "T2")
    p = r.exec("s2", "UPDATE t SET v = 12 WHERE id = 1")
    r.end("s1", "ROLLBACK")
    r.resume(p)
    r.end("s2")


def dirty_read(r):
    """G1a: an uncommitted update is invisible (and a reader never waits for it)."""
    r.begin("s1", "T1")
    r.exec("s1", "UPDATE t SET v = 11 WHERE id = 1")
    r.begin("s2", "T2")
    r.exec("s2", "SELECT v FROM t WHERE id = 1")
    r.exec("s2", "SELECT id, v FROM t ORDER BY id")
    r.end("s1", "ROLLBACK")
    r.exec("s2", "SELECT v FROM t WHERE id = 1", "T2: SELECT after T1 rolled back")
    r.end("s2")


def non_repeatable_read(r):
    """P2: T2 reads a row twice; T1 updates and commits in between."""
    r.begin("s2", "T2")
    r.exec("s2", "SELECT v FROM t WHERE id = 1", "T2: first read")
    r.begin("s1", "T1")
    r.exec("s1", "UPDATE t SET v = 11 WHERE id = 1")
    r.end("s1")
    r.exec("s2", "SELECT v FROM t WHERE id = 1", "T2: second read")
    r.end("s2")


def phantom(r):
    """P3: T2 reads a predicate twice; T1 inserts a matching row and commits in between."""
    r.begin("s2", "T2")
    r.exec("s2", "SELECT id FROM t WHERE v > 5 ORDER BY id", "T2: first read")
    r.begin("s1", "T1")
    r.exec("s1", "INSERT INTO t VALUES (3, 30)")
    r.end("s1")
    r.exec("s2", "SELECT id FROM t WHERE v > 5 ORDER BY id", "T2: second read")
    r.exec("s2", "SELECT count(*) FROM t", "T2: count")
    r.end("s2")


def snapshot_at_first_statement(r):
    """PostgreSQL takes the RR/SER snapshot at the first statement, not at BEGIN."""
    r.begin("s2", "T2")
    r.exec("s1", "UPDATE t SET v = 11 WHERE id = 1", "autocommit update")
    r.exec("s2", "SELECT v FROM t WHERE id = 1", "T2: first read")
    r.exec("s1", "UPDATE t SET v = 12 WHERE id = 1", "autocommit update 2")
    r.exec("s2", "SELECT v FROM t WHERE id = 1", "T2: second read")
    r.end("s2")


def lost_update(r):
    """P4: both read v, both increment; T2's increment waits for T1's commit. RC: T2 re-reads the
    new row (v = 12 at the end); RR/SER: T2 fails with 40001 (v = 11)."""
    r.begin("s1", "T1")
    r.exec("s1", "SELECT v FROM t WHERE id = 1", "T1: read")
    r.begin("s2", "T2")
    r.exec("s2", "SELECT v FROM t WHERE id = 1", "T2: read")
    r.exec("s1", "UPDATE t SET v = v + 1 WHERE id = 1")
    p = r.exec("s2", "UPDATE t SET v = v + 1 WHERE id = 1")
    r.end("s1")
    r.resume(p)
    r.exec("s2", "SELECT v FROM t WHERE id = 1", "T2: read after update")
    r.end("s2")


def where_recheck(r):
    """RC EvalPlanQual: the waiting UPDATE re-checks WHERE on the new row version (UPDATE 0)."""
    r.begin("s1", "T1")
    r.exec("s1", "UPDATE t SET v = 100 WHERE id = 1")
    r.begin("s2", "T2")
    p = r.exec("s2", "UPDATE t SET v = v + 1 WHERE v = 10")
    r.end("s1")
    r.resume(p)
    r.end("s2")


def concurrent_update(r):
    """An update committed after T2's snapshot, then T2 updates the row (no wait): 40001 under
    RR/SER, RC updates the newest version."""
    r.begin("s2", "T2")
    r.exec("s2", "SELECT v FROM t WHERE id = 1", "T2: read")
    r.exec("s1", "UPDATE t SET v = 11 WHERE id = 1", "autocommit update")
    r.exec("s2", "UPDATE t SET v = v * 2 WHERE id = 1")
    r.end("s2")


def concurrent_delete(r):
    """As above, but the row was deleted: RC updates nothing; RR/SER fail with 40001."""
    r.begin("s2", "T2")
    r.exec("s2", "SELECT v FROM t WHERE id = 2", "T2: read")
    r.begin("s1", "T1")
    r.exec("s1", "DELETE FROM t WHERE id = 2")
    p = r.exec("s2", "UPDATE t SET v = 0 WHERE id = 2")
    r.end("s1")
    r.resume(p)
    r.end("s2")


def write_skew(r):
    """G2-item: both read both rows (constraint v1 + v2 >= 0), each decrements a different row.
    RC/RR: both commit (sum goes negative); SER: one of them fails with 40001."""
    r.begin("s1", "T1")
    r.exec("s1", "SELECT sum(v) FROM t", "T1: read sum")
    r.begin("s2", "T2")
    r.exec("s2", "SELECT sum(v) FROM t", "T2: read sum")
    r.exec("s1", "UPDATE t SET v = v - 30 WHERE id = 1")
    r.exec("s2", "UPDATE t SET v = v - 30 WHERE id = 2")
    r.end("s1")
    r.end("s2")


def write_skew_predicate(r):
    """G2 over a predicate: both check that no row has v > 100, then each inserts one (a
    different key). RC/RR: both commit; SER: one fails with 40001 (range read validation)."""
    r.begin("s1", "T1")
    r.exec("s1", "SELECT count(*) FROM t WHERE v > 100", "T1: check")
    r.begin("s2", "T2")
    r.exec("s2", "SELECT count(*) FROM t WHERE v > 100", "T2: check")
    r.exec("s1", "INSERT INTO t VALUES (10, 200)")
    r.exec("s2", "INSERT INTO t VALUES (11, 200)")
    r.end("s1")
    r.end("s2")


def deadlock(r):
    """Two updaters lock rows in opposite order: exactly one gets 40P01, the other commits
    (which one depends on deadlock-check timing, so fates are compared as a multiset)."""
    r.symmetric_fates = True
    r.begin("s1", "T1")
    r.exec("s1", "UPDATE t SET v = v + 1 WHERE id = 1")
    r.begin("s2", "T2")
    r.exec("s2", "UPDATE t SET v = v + 1 WHERE id = 2")
    p1 = r.exec("s1", "UPDATE t SET v = v + 1 WHERE id = 2", "T1: second update")
    p2 = r.exec("s2", "UPDATE t SET v = v + 1 WHERE id = 1", "T2: second update", compare_block=False)
    # Whichever loses answers first (40P01); the winner may wait until the loser's transaction
    # is gone, so end a loser that answered at once, resume the first to answer, end the loser,
    # then resume the other.
    for s in ("s2", "s1"):
        if r.s(s).failed:
            r.end(s)
    waiting = [p for p in (p1, p2) if isinstance(p, Pending)]
    if waiting:
        done, _ = concurrent.futures.wait([p.future for p in waiting], timeout=RESUME_WAIT,
                                          return_when=concurrent.futures.FIRST_COMPLETED)
        first = [p for p in waiting if p.future in done]
        for p in first + [p for p in waiting if p not in first]:
            r.resume(p)
            if p.session.failed:
                r.end(p.session.name)
    for s in ("s1", "s2"):
        if r.s(s).txn:
            r.end(s)
    # which update count survives differs with the loser; compare the sum instead
    r.exec("s1", "SELECT sum(v) FROM t", "sum after")
    r.writes = []


def locks_released_at_error(r):
    """A statement error aborts the transaction at once: PostgreSQL releases its row locks before
    the client's ROLLBACK, so another writer does not wait for it."""
    r.begin("s1", "T1")
    r.exec("s1", "UPDATE t SET v = 11 WHERE id = 1")
    r.exec("s1", "SELECT 1 / 0")
    r.begin("s2", "T2")
    p = r.exec("s2", "UPDATE t SET v = 12 WHERE id = 1")
    r.end("s1", "ROLLBACK")
    r.resume(p)
    r.end("s2")


def read_only(r):
    """25006 for writes in a READ ONLY transaction (BEGIN ... READ ONLY and SET TRANSACTION)."""
    r.begin("s1", "T1", " READ ONLY")
    r.exec("s1", "SELECT v FROM t WHERE id = 1")
    r.exec("s1", "INSERT INTO t VALUES (5, 50)")
    r.end("s1")
    r.begin("s1", "T2")
    r.exec("s1", "SET TRANSACTION READ ONLY")
    r.exec("s1", "UPDATE t SET v = 0 WHERE id = 1")
    r.end("s1")
    r.begin("s1", "T3", " READ ONLY")
    r.exec("s1", "DELETE FROM t WHERE id = 1")
    r.end("s1")
    r.begin("s1", "T4", " READ ONLY")
    r.exec("s1", "SELECT count(*) FROM t")
    r.end("s1")


SCENARIOS = [dirty_write, dirty_read, non_repeatable_read, phantom, snapshot_at_first_statement,
             lost_update, where_recheck, concurrent_update, concurrent_delete, write_skew,
             write_skew_predicate, deadlock, locks_released_at_error, read_only]


def run_all(server):
    out = {}
    flt = os.environ.get("ANOMALIES_FILTER", "")
    for sc in SCENARIOS:
        if flt and flt not in sc.__name__:
            continue
        for level in LEVELS:
            setup(server.port)
            r = Run(server.port, level)
            try:
                sc(r)
                res = r.outcome()
            except Exception as e:  # noqa: BLE001 - one broken scenario must not stop the rest
                res = {"exception": f"{type(e).__name__}: {e}"}
            finally:
                r.close()
            out[(sc.__name__, level)] = (res, r.log)
    return out


def fate_text(res):
    if "exception" in res:
        return "EXCEPTION"
    f = res["fates"]
    parts = [f"{k}:{v}" for k, v in sorted(f.items())]
    if res["blocked"]:
        parts.append(f"blocked {len(res['blocked'])}")
    return ", ".join(parts)


def main():
    harness.require_binaries()
    with harness.cleanup_on_signal():
        with harness.server_under_test() as basalt:
            got = run_all(basalt)
        with harness.PostgresServer(fsync=False) as pg:
            want = run_all(pg)
    passed = failed = 0
    print(f"{'scenario':28s} {'lvl':4s} {'match':5s} {'basalt':44s} postgres")
    for key in want:
        name, level = key
        res_b, log_b = got.get(key, ({"exception": "not run"}, []))
        res_p, log_p = want[key]
        ok = res_b == res_p and "exception" not in res_p
        passed += ok
        failed += not ok
        print(f"{name:28s} {SHORT[level]:4s} {'ok' if ok else 'DIFF':5s} {fate_text(res_b):44s} "
              f"{fate_text(res_p)}")
        if not ok:
            for k in sorted(set(res_b) | set(res_p)):
                if res_b.get(k) != res_p.get(k):
                    print(f"    {k}: basalt   {res_b.get(k)}")
                    print(f"    {' ' * len(k)}  postgres {res_p.get(k)}")
            print("    basalt steps:   " + "\n                    ".join(log_b))
            print("    postgres steps: " + "\n                    ".join(log_p))
    print(f"{passed} passed, {failed} failed")
    return 0 if failed == 0 and passed > 0 else 1


if __name__ == "__main__":
    sys.exit(main())
