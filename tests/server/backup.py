#!/usr/bin/python3
"""Online backup, verification, continuous archiving and point-in-time restore (issue 9).

Under a writer that logs every acknowledged commit (id, time sent, time acknowledged):
  1. `basalt backup` of the running server (archive_mode = on) succeeds while it writes;
     `basalt verify` accepts the backup; an incremental backup reuses files;
  2. wall-clock times t1 < t2 < t3 are recorded while writing, and a restore point between;
     `basalt restore --target-time t2` gives exactly the commits acknowledged before t2 and
     none sent after it (likewise for t1 and for the restore point);
     restoring to the end of the archive loses no acknowledged commit;
  3. kill -9 of the server during a (rate-limited) backup: the CLI fails and says the backup is
     incomplete, verify and restore refuse the directory, the server recovers and a new backup
     succeeds, and the archive continues across the crash without a gap;
  4. one corrupted byte in a backup file: verify and restore refuse, naming the file;
  5. SELECT basalt_backup('/dir') (server side) works for a superuser; a non-superuser gets 42501;
     restore refuses a non-empty target directory.
Prints `N passed, M failed` and exits 0 iff all passed.
"""

import datetime
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
import harness  # noqa: E402
import psycopg2  # noqa: E402

results = []


def check(name, ok, detail=""):
    results.append(bool(ok))
    print(f"{'ok  ' if ok else 'FAIL'} {name}" + (f": {detail}" if detail and not ok else ""), flush=True)
    return ok


def cli(*args, timeout=120):
    p = subprocess.run([harness.basalt_path(), *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                       env=harness.clean_env(), timeout=timeout)
    return p.returncode, p.stdout.decode(errors="replace"), p.stderr.decode(errors="replace")


def iso(t):
    return datetime.datetime.fromtimestamp(t, datetime.timezone.utc).strftime("%Y-%m-%d %H:%M:%S.%f+00")


class Writer(threading.Thread):
    """Inserts ids one by one (autocommit); logs (id, sent, acked) for every acknowledged commit."""

    def __init__(self, port, start_id, step):
        super().__init__(daemon=True)
        self.port, self.next_id, self.step = port, start_id, step
        self.log = []
        self.stop_flag = threading.Event()
        self.error = None

    def run(self):
        try:
            conn = psycopg2.connect(host="127.0.0.1", port=self.port, user=harness.USER, dbname="postgres")
            conn.autocommit = True
            cur = conn.cursor()
            while not self.stop_flag.is_set():
                i = self.next_id
                sent = time.time()
                cur.execute("INSERT INTO t VALUES (%s, %s)", (i, "row %d" % i))
                self.log.append((i, sent, time.time()))
                self.next_id += self.step
            conn.close()
        except Exception as e:  # noqa: BLE001
            self.error = e


class RestoredServer(harness.BasaltServer):
    """basaltd on a data directory made by `basalt restore` instead of `basalt init`."""

    def __init__(self, restore_args):
        super().__init__()
        self.restore_args = restore_args
        self.restore_output = ""

    def _init_dir(self):
        rc, out, err = cli("restore", "-D", self.data_dir, *self.restore_args)
        self.restore_output = out + err
        if rc != 0:
            raise RuntimeError("basalt restore failed: " + out + err)


def ids_of(server):
    out = harness.psql_value(server.port, "SELECT string_agg(id::text, ',' ORDER BY id) FROM t")
    return set(int(x) for x in out.split(",")) if out.strip() else set()


def restore_ids(args):
    with RestoredServer(args) as s:
        return ids_of(s), s.restore_output


def expect_point_in_time(name, args, logs, t, t_end=None):
    """The target lies in [t, t_end] (t_end = t for a time target; for a restore point, the call
    was sent at t and returned at t_end): commits acknowledged before t must be restored, commits
    sent after t_end must not."""
    t_end = t if t_end is None else t_end
    ids, output = restore_ids(args)
    acked_before = {i for log in logs for (i, sent, acked) in log if acked < t}
    sent_after = {i for log in logs for (i, sent, acked) in log if sent > t_end}
    missing = acked_before - ids
    extra = ids & sent_after
    check(f"{name}: every commit acknowledged before the target is restored ({len(acked_before)})",
          not missing, f"missing {sorted(missing)[:10]}; restore said: {output}")
    check(f"{name}: no commit sent after the target is restored", not extra, f"extra {sorted(extra)[:10]}")


def main():
    harness.require_binaries()
    work = tempfile.mkdtemp(prefix="basalt-backup-test-")
    archive = os.path.join(work, "archive")
    try:
        with harness.BasaltServer(extra_args=["-c", "archive_mode=on", "-c", f"archive_dir={archive}"]) as srv:
            harness.psql(srv.port, "CREATE TABLE t (id int PRIMARY KEY, v text)", check=True)
            writers = [Writer(srv.port, 1, 2), Writer(srv.port, 2, 2)]
            for w in writers:
                w.start()
            time.sleep(0.8)
            base = os.path.join(work, "base")
            rc, out, err = cli("backup", "-h", "127.0.0.1", "-p", str(srv.port), "-U", harness.USER,
                               "--target", base)
            check("basalt backup of a server under write load", rc == 0, out + err)
            rc, out, err = cli("verify", base)
            check("basalt verify accepts the backup", rc == 0 and "valid" in out, out + err)

            time.sleep(0.5)
            t1 = time.time()
            time.sleep(0.5)
            rp_sent = time.time()
            _, rc_rp = harness.psql(srv.port, "SELECT basalt_create_restore_point('before_t2')")
            rp_time = time.time()
            time.sleep(0.3)
            t2 = time.time()
            time.sleep(0.5)
            t3 = time.time()
            time.sleep(0.3)
            for w in writers:
                w.stop_flag.set()
            for w in writers:
                w.join(10)
            check("writers ran without errors", all(w.error is None for w in writers),
                  "; ".join(str(w.error) for w in writers))
            logs = [w.log for w in writers]
            total = sum(len(x) for x in logs)
            check("writers committed through the backup", total > 20, f"{total} commits")

            inc = os.path.join(work, "incremental")
            rc, out, err = cli("backup", "-p", str(srv.port), "-h", "127.0.0.1", "-U", harness.USER, "--target", inc,
                               "--incremental-from", base)
            check("incremental backup succeeds", rc == 0, out + err)
            check("incremental backup reports reused files", rc == 0 and " 0 files reused" not in out, out)
            rc, out, err = cli("verify", inc)
            check("incremental backup verifies", rc == 0, out + err)

            # Archiving runs every 100 ms: give it a moment, then compare with what it reports.
            time.sleep(1.0)
            status = harness.psql_value(srv.port, "SELECT archived_count > 0, failed_count FROM pg_stat_archiver")
            check("pg_stat_archiver shows archived batches and no failures", status.strip() == "t|0", status)

            # ---- point-in-time restores -------------------------------------------------------
            expect_point_in_time("restore to t1", ["--backup", base, "--archive", archive, "--target-time", iso(t1)],
                                 logs, t1)
            expect_point_in_time("restore to t2", ["--backup", base, "--archive", archive, "--target-time", iso(t2)],
                                 logs, t2)
            check("basalt_create_restore_point succeeded", "before_t2" not in rc_rp and "ERROR" not in rc_rp, rc_rp)
            expect_point_in_time("restore to the restore point",
                                 ["--backup", base, "--archive", archive, "--target-name", "before_t2"], logs, rp_sent,
                                 rp_time)
            ids, output = restore_ids(["--backup", base, "--archive", archive])
            acked = {i for log in logs for (i, _, _) in log}
            check("restore to the end of the archive loses no acknowledged commit", acked <= ids,
                  f"missing {sorted(acked - ids)[:10]}")
            check("restore to t3 is a superset of t2 (sanity)", t1 < t2 < t3)
            ids_base, _ = restore_ids(["--backup", base])
            check("restore of the base backup alone starts and holds a prefix of the commits",
                  ids_base <= acked and len(ids_base) < len(acked), f"{len(ids_base)} of {len(acked)}")

            # ---- refusals -----------------------------------------------------------------------
            busy = os.path.join(work, "busy")
            os.makedirs(busy)
            open(os.path.join(busy, "x"), "w").close()
            rc, out, err = cli("restore", "--backup", base, "-D", busy)
            check("restore refuses a non-empty data directory", rc != 0 and "not empty" in err, out + err)

            harness.psql(srv.port, "CREATE ROLE plain LOGIN", check=True)
            _, out = harness.psql(srv.port, "SELECT basalt_backup_start('x')", user="plain")
            check("non-superuser gets 42501", "permission denied" in out, out)
            _, out = harness.psql(srv.port, "\\set VERBOSITY verbose\nSELECT basalt_backup('/tmp/x')", user="plain")
            check("non-superuser server-side backup: 42501", "42501" in out, out)
            sql_dir = os.path.join(work, "sql-route")
            out = harness.psql_value(srv.port, f"SELECT basalt_backup('{sql_dir}')")
            check("SELECT basalt_backup('/dir') writes a backup", "backup written" in out, out)
            rc, out, err = cli("verify", sql_dir)
            check("the server-side backup verifies", rc == 0, out + err)

            # ---- corruption -----------------------------------------------------------------------
            victim = max((os.path.join(dp, f) for dp, _, fs in os.walk(inc) for f in fs if f.endswith(".sst")),
                         key=os.path.getsize)
            corrupt = os.path.join(work, "corrupt")
            shutil.copytree(inc, corrupt, copy_function=shutil.copy2)
            victim = os.path.join(corrupt, os.path.relpath(victim, inc))
            with open(victim, "r+b") as f:
                f.seek(os.path.getsize(victim) // 2)
                b = f.read(1)
                f.seek(-1, 1)
                f.write(bytes([b[0] ^ 0x01]))
            rel = os.path.relpath(victim, corrupt)
            rc, out, err = cli("verify", corrupt)
            check("verify refuses a corrupted backup, naming the file", rc != 0 and rel in err, out + err)
            target = os.path.join(work, "from-corrupt")
            rc, out, err = cli("restore", "--backup", corrupt, "-D", target)
            check("restore refuses a corrupted backup, naming the file", rc != 0 and rel in err, out + err)
            check("a refused restore leaves no data directory", not os.path.exists(target))

            # ---- kill -9 during a backup ------------------------------------------------------------
            killed = os.path.join(work, "killed")
            proc = subprocess.Popen([harness.basalt_path(), "backup", "-h", "127.0.0.1", "-p", str(srv.port),
                                     "-U", harness.USER, "--target", killed, "--max-rate", "32k"],
                                    stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=harness.clean_env())
            deadline = time.time() + 20
            while time.time() < deadline and not os.path.exists(os.path.join(killed, "store")):
                time.sleep(0.05)
            time.sleep(0.3)
            srv.kill9()
            out, err = proc.communicate(timeout=60)
            err = err.decode(errors="replace")
            check("the backup CLI fails when the server dies", proc.returncode != 0, err)
            check("... and reports the backup incomplete", "incomplete" in err, err)
            rc, out, err = cli("verify", killed)
            check("verify refuses the interrupted backup", rc != 0 and "incomplete" in err, out + err)
            rc, out, err = cli("restore", "--backup", killed, "-D", os.path.join(work, "from-killed"))
            check("restore refuses the interrupted backup", rc != 0 and "incomplete" in err, out + err)
            srv.start()
            check("the server recovers after kill -9 during a backup", ids_of(srv) >= acked)
            # The archiver resumes after kill -9 without a gap: rows written before the crash and
            # after the restart are both restored from base backup + archive.
            harness.psql(srv.port, "INSERT INTO t SELECT g, 'after crash' FROM generate_series(1000000, 1000049) g",
                         check=True)
            time.sleep(0.6)
            ids, output = restore_ids(["--backup", base, "--archive", archive])
            after = set(range(1000000, 1000050))
            check("archiving continues across kill -9 with no gap (base + archive has every commit)",
                  acked | after <= ids, f"missing {sorted((acked | after) - ids)[:10]}; {output}")
            again = os.path.join(work, "again")
            rc, out, err = cli("backup", "-h", "127.0.0.1", "-p", str(srv.port), "-U", harness.USER, "--target", again)
            check("a new backup after the crash succeeds", rc == 0, out + err)
            rc, out, err = cli("verify", again)
            check("... and verifies", rc == 0, out + err)
            ids_again, _ = restore_ids(["--backup", again])
            check("... and restores every acknowledged commit", acked <= ids_again,
                  f"missing {sorted(acked - ids_again)[:10]}")
    finally:
        if os.environ.get("BASALT_KEEP_TMP", "") in ("", "0"):
            shutil.rmtree(work, ignore_errors=True)
        else:
            print(f"kept {work}", file=sys.stderr)
    passed = sum(results)
    failed = len(results) - passed
    print(f"{passed} passed, {failed} failed")
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    harness.cleanup_on_signal()
    sys.exit(main())
