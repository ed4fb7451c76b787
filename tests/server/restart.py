#!/usr/bin/python3
"""Durability and data-directory safety of basaltd:

1. committed rows survive kill -9 and a restart on the same data directory, exactly;
   a transaction that was open (uncommitted) at the crash leaves nothing behind;
2. the same after a clean SIGTERM stop (which must exit with status 0);
3. a second basaltd on a data directory that is in use is refused (non-zero exit, message about
   the lock / pid file), and the first server keeps working;
4. basaltd on a directory that was never initialised (missing, or empty) is refused with a
   message that names the directory (or says to run `basalt init`).

BASALT_ORACLE_SELFTEST=1 runs the same checks against PostgreSQL 15 (postgres -D), to validate
the script. Prints `N passed, M failed` (checks) and exits 0 iff all passed.
"""

import os
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
import harness  # noqa: E402

ROWS = [
    (1, "one", 1.5, True),
    (2, "two", -2.25, False),
    (3, "héllo wörld", 0.1, None),
    (4, "", 1e20, True),
    (5, None, None, None),
]
EXPECTED = "\n".join([
    "1|one|1.5|t",
    "2|two|-2.25|f",
    "3|héllo wörld|0.1|",
    "4||1e+20|t",
    "5|||",
])
QUERY = "SELECT id, v, d, b FROM durable ORDER BY id"

results = []


def check(name, ok, detail=""):
    results.append(ok)
    print(f"{'ok  ' if ok else 'FAIL'} {name}" + (f": {detail}" if detail and not ok else ""),
          flush=True)
    return ok


def rows_now(server):
    return harness.psql_value(server.port, QUERY)


def insert_sql(rows):
    vals = []
    for r in rows:
        parts = []
        for v in r:
            if v is None:
                parts.append("NULL")
            elif isinstance(v, bool):
                parts.append("true" if v else "false")
            elif isinstance(v, str):
                parts.append("'" + v.replace("'", "''") + "'")
            else:
                parts.append(repr(v))
        vals.append("(" + ", ".join(parts) + ")")
    return "INSERT INTO durable VALUES " + ", ".join(vals) + ";"


def open_uncommitted(server):
    """A psql session with an open transaction holding an uncommitted insert. Returns the Popen;
    waits until psql has printed the marker that follows the INSERT."""
    p = subprocess.Popen([harness.PSQL, "-X", "-h", "127.0.0.1", "-p", str(server.port), "-U",
                          server.user, "-d", "postgres", "-q", "-At"],
                         stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                         env=harness.clean_env())
    p.stdin.write(b"BEGIN;\nINSERT INTO durable VALUES (100, 'uncommitted', 0, true);\n"
                  b"\\echo inserted\n")
    p.stdin.flush()
    line = p.stdout.readline().decode().strip()
    return p, line


def wait_exit(proc, timeout):
    try:
        return proc.wait(timeout)
    except subprocess.TimeoutExpired:
        return None


def second_server_argv(server, data_dir, port):
    if isinstance(server, harness.PostgresServer):
        return [os.path.join(harness.PGBIN, "postgres"), "-D", data_dir, "-p", str(port),
                "-k", server.tmp, "-c", "listen_addresses=127.0.0.1"]
    return [harness.basaltd_path(), "-D", data_dir, "-p", str(port), "-h", "127.0.0.1"]


def run_refused(server, data_dir, what):
    """Starts a second server process on data_dir; it must exit non-zero within 30 s.
    Returns (exit status or None, output)."""
    port = harness.free_port()
    with tempfile.TemporaryFile() as out:
        proc = subprocess.Popen(second_server_argv(server, data_dir, port), stdin=subprocess.DEVNULL,
                                stdout=out, stderr=subprocess.STDOUT, env=server._env(),
                                preexec_fn=server._preexec(), start_new_session=True)
        rc = wait_exit(proc, 30)
        if rc is None:
            proc.kill()
            proc.wait()
        out.seek(0)
        text = out.read().decode("utf-8", errors="replace")
    print(f"     {what}: exit status {rc}; output: {text.strip()[:300]!r}")
    return rc, text


def main():
    harness.require_binaries()
    with harness.cleanup_on_signal(), harness.server_under_test() as srv:
        harness.psql(srv.port, "CREATE TABLE durable (id integer PRIMARY KEY, v text, "
                               "d double precision, b boolean);\n" + insert_sql(ROWS[:3]) + "\n"
                               + insert_sql(ROWS[3:]) + "\n",
                     args=("-q", "-v", "ON_ERROR_STOP=1"), check=True)
        check("rows readable before any restart", rows_now(srv) == EXPECTED, rows_now(srv))

        # 1. crash with an open transaction
        session, marker = open_uncommitted(srv)
        check("uncommitted insert executed in an open transaction", marker == "inserted", marker)
        srv.kill9()
        session.kill()
        session.wait()
        srv.start()
        got = rows_now(srv)
        check("committed rows identical after kill -9 and restart", got == EXPECTED, got)
        check("uncommitted row absent after kill -9",
              harness.psql_value(srv.port, "SELECT count(*) FROM durable WHERE id = 100") == "0")

        # writes after recovery work and survive a second crash
        harness.psql(srv.port, "INSERT INTO durable VALUES (6, 'after crash', 6, false);\n"
                               "DELETE FROM durable WHERE id = 5;\n"
                               "UPDATE durable SET v = 'ONE' WHERE id = 1;\n",
                     args=("-q", "-v", "ON_ERROR_STOP=1"), check=True)
        expected2 = EXPECTED.replace("1|one|", "1|ONE|").replace("5|||", "6|after crash|6|f")
        srv.restart(crash=True)
        got = rows_now(srv)
        check("insert/update/delete after recovery survive a second kill -9", got == expected2, got)

        # 2. clean stop
        rc = srv.stop()
        check("SIGTERM stops the server with exit status 0", rc == 0, f"exit status {rc}")
        srv.start()
        got = rows_now(srv)
        check("rows identical after SIGTERM and restart", got == expected2, got)

        # 3. a second server on the same data directory
        rc, text = run_refused(srv, srv.data_dir, "second server on a data dir in use")
        check("second server on the same data dir exits non-zero", rc not in (None, 0),
              f"exit status {rc}")
        low = text.lower()
        check("its message mentions the lock or pid file", "lock" in low or "pid" in low, text)
        check("first server still serves after the refused start",
              srv.alive() and rows_now(srv) == expected2)

        # 4. never-initialised directories
        with tempfile.TemporaryDirectory(prefix="basalt-noinit-") as tmp:
            if os.geteuid() == 0 and isinstance(srv, harness.PostgresServer):
                os.chmod(tmp, 0o777)
            missing = os.path.join(tmp, "missing")
            empty = os.path.join(tmp, "empty")
            os.mkdir(empty)
            if isinstance(srv, harness.PostgresServer) and os.geteuid() == 0:
                os.chmod(empty, 0o700)
                pw = srv._run_as()
                os.chown(empty, pw.pw_uid, pw.pw_gid)
            for label, path in (("missing", missing), ("empty", empty)):
                rc, text = run_refused(srv, path, f"server on a {label} directory")
                check(f"server on a {label} (never initialised) directory exits non-zero",
                      rc not in (None, 0), f"exit status {rc}")
                check(f"its message names the directory or `init`",
                      path in text or "init" in text.lower(), text)
            check("nothing was created in the missing directory's place", not os.path.exists(missing))
    failed = results.count(False)
    print(f"{len(results) - failed} passed, {failed} failed")
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    start = time.monotonic()
    code = main()
    print(f"({time.monotonic() - start:.1f}s)")
    sys.exit(code)
