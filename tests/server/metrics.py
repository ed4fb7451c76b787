#!/usr/bin/python3
"""Observability end to end: the Prometheus endpoint, a real Prometheus scraping it, the alert
rules, the statement/connection logs, pg_stat_activity and pg_stat_statements.

- basaltd with metrics_port=N: /health and /ready answer 200, unknown paths 404, POST 405;
  /metrics is text format 0.0.4 with HELP and TYPE for every basalt_* family, and
  `promtool check metrics` accepts it.
- Counters move as the workload says: statements by command, rows written/returned, COPY rows,
  errors by SQLSTATE class, transactions, bytes, latency histogram count, sessions by state.
- A real Prometheus (Debian's prometheus) on loopback scrapes basaltd every second; the
  inserted-statement counter is read back through /api/v1/query, and it loaded
  docker/prometheus/basalt-alerts.yml (which `promtool check rules` also accepts).
- Logs: connection received/authorized/disconnection lines with user, database and host;
  log_statement=ddl logs DDL only, SET log_statement=mod adds DML; log_min_duration_statement
  writes "duration: ... ms  statement: ..."; errors carry their SQLSTATE; ALTER ROLE ... PASSWORD
  is logged with the password masked (never in clear, also not in error lines);
  log_destination=jsonlog writes one JSON object per line; logging_collector writes a file.
- pg_stat_activity and pg_stat_statements: the same workload against basaltd and against a
  PostgreSQL 15 with the pg_stat_statements extension loaded gives the same normalised query
  texts, calls and rows; pg_stat_activity shows another session idle in transaction with its
  last query, application_name and client address on both servers.

Prints `N passed, M failed`; exits non-zero on any failure.
"""

import asyncio
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
import harness  # noqa: E402

import asyncpg  # noqa: E402
import psycopg2  # noqa: E402

RESULTS = {"passed": 0, "failed": 0}
ALERTS = os.path.join(harness.REPO, "docker", "prometheus", "basalt-alerts.yml")
PROMETHEUS = shutil.which("prometheus") or "/usr/bin/prometheus"
PROMTOOL = shutil.which("promtool") or "/usr/bin/promtool"


def check(name, ok, detail=""):
    RESULTS["passed" if ok else "failed"] += 1
    print(f"{'ok  ' if ok else 'FAIL'} {name}{'' if ok else ': ' + str(detail)[:2000]}")
    return ok


def http(port, path, method="GET"):
    req = urllib.request.Request(f"http://127.0.0.1:{port}{path}", method=method)
    try:
        with urllib.request.urlopen(req, timeout=10) as r:
            return r.status, r.headers.get("Content-Type", ""), r.read().decode()
    except urllib.error.HTTPError as e:
        return e.code, e.headers.get("Content-Type", ""), e.read().decode()


SAMPLE = re.compile(r'^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{[^}]*\})?\s+(\S+)$')


def parse_exposition(text):
    """{(name, frozenset(labels)): value}, plus {family: type} and the set of families with HELP."""
    samples, types, helps = {}, {}, set()
    for line in text.splitlines():
        if line.startswith("# HELP "):
            helps.add(line.split()[2])
        elif line.startswith("# TYPE "):
            parts = line.split()
            types[parts[2]] = parts[3]
        elif line and not line.startswith("#"):
            m = SAMPLE.match(line)
            if not m:
                continue
            labels = frozenset(re.findall(r'(\w+)="([^"]*)"', m.group(2) or ""))
            samples[(m.group(1), labels)] = float(m.group(3))
    return samples, types, helps


def value(samples, name, **labels):
    return samples.get((name, frozenset(labels.items())), 0.0)


def scrape(port):
    status, _, body = http(port, "/metrics")
    assert status == 200, status
    return parse_exposition(body)[0]


def connect(port, **kw):
    conn = psycopg2.connect(host="127.0.0.1", port=port, user=harness.USER, dbname="postgres", **kw)
    conn.autocommit = True
    return conn


def run(conn, sql, args=None):
    with conn.cursor() as cur:
        cur.execute(sql, args)
        return cur.fetchall() if cur.description else None


# ---- /metrics, /health, /ready and counters --------------------------------------------------

def test_endpoint(server, mport):
    status, _, body = http(mport, "/health")
    check("/health answers 200", status == 200, status)
    status, _, body = http(mport, "/ready")
    check("/ready answers 200 while serving", status == 200, (status, body))
    check("unknown path gets 404", http(mport, "/nope")[0] == 404)
    check("POST gets 405", http(mport, "/metrics", method="POST")[0] == 405)
    status, ctype, text = http(mport, "/metrics")
    check("/metrics is text format 0.0.4", status == 200 and "version=0.0.4" in ctype, (status, ctype))
    samples, types, helps = parse_exposition(text)
    families = set(types)
    check("every family has HELP and TYPE", families == helps and families, families ^ helps)
    check("every family is basalt_*", all(f.startswith("basalt_") for f in families),
          [f for f in families if not f.startswith("basalt_")])
    bad = [f for f, t in types.items() if t == "counter" and not f.endswith("_total")]
    check("counters end in _total", not bad, bad)
    for family in ("basalt_statements_total", "basalt_statement_duration_seconds",
                   "basalt_transactions_total", "basalt_sessions", "basalt_rocksdb_sst_bytes",
                   "basalt_rocksdb_block_cache_requests_total", "basalt_rocksdb_wal_syncs_total",
                   "basalt_process_resident_memory_bytes", "basalt_process_open_fds",
                   "basalt_process_cpu_seconds_total", "basalt_lock_waits_total",
                   "basalt_network_bytes_total", "basalt_copy_rows_total", "basalt_up",
                   "basalt_archiver_enabled", "basalt_archiver_archived_total", "basalt_archiver_lag_sequences"):
        check(f"family {family} exported", family in families)
    check("basalt_up is 1", value(samples, "basalt_up") == 1)
    check("basalt_archiver_enabled is 1 (archive_mode = on)", value(samples, "basalt_archiver_enabled") == 1)
    check("RSS is plausible", value(samples, "basalt_process_resident_memory_bytes") > 1e6)
    p = subprocess.run([PROMTOOL, "check", "metrics"], input=text.encode(), stdout=subprocess.PIPE,
                       stderr=subprocess.STDOUT)
    check("promtool check metrics accepts the exposition", p.returncode == 0, p.stdout.decode())


def test_counters(server, mport):
    conn = connect(server.port)
    run(conn, "CREATE TABLE metrics_c (id int PRIMARY KEY, v text)")
    before = scrape(mport)
    run(conn, "INSERT INTO metrics_c VALUES (1, 'a'), (2, 'b'), (3, 'c')")
    run(conn, "UPDATE metrics_c SET v = 'z' WHERE id <= 2")
    rows = run(conn, "SELECT * FROM metrics_c ORDER BY id")
    try:
        run(conn, "SELECT * FROM metrics_missing")
    except psycopg2.Error:
        pass
    with conn.cursor() as cur:
        cur.copy_expert("COPY metrics_c FROM STDIN", __import__("io").StringIO("10\tx\n11\ty\n12\tz\n13\tw\n"))
    conn.autocommit = False
    run(conn, "DELETE FROM metrics_c WHERE id = 13")
    conn.rollback()
    conn.autocommit = True
    after = scrape(mport)

    def delta(name, **labels):
        return value(after, name, **labels) - value(before, name, **labels)

    check("SELECT returned 3 rows", rows is not None and len(rows) == 3)
    check("statements{command=insert} +1", delta("basalt_statements_total", command="insert") == 1,
          delta("basalt_statements_total", command="insert"))
    check("statements{command=update} +1", delta("basalt_statements_total", command="update") == 1)
    check("statements{command=select} >= +1", delta("basalt_statements_total", command="select") >= 1)
    check("statements{command=copy} +1", delta("basalt_statements_total", command="copy") == 1)
    check("rows written +6 (3 inserted, 2 updated, 1 deleted)",
          delta("basalt_rows_total", operation="written") == 6, delta("basalt_rows_total", operation="written"))
    check("rows returned >= +3", delta("basalt_rows_total", operation="returned") >= 3)
    check("COPY rows in +4", delta("basalt_copy_rows_total", direction="in") == 4,
          delta("basalt_copy_rows_total", direction="in"))
    check("errors{class=42} +1", delta("basalt_errors_total", **{"class": "42"}) == 1)
    check("committed transactions grew", delta("basalt_transactions_total", outcome="commit") >= 3)
    check("rollbacks grew", delta("basalt_transactions_total", outcome="rollback") >= 1)
    check("bytes in and out grew", delta("basalt_network_bytes_total", direction="in") > 0
          and delta("basalt_network_bytes_total", direction="out") > 0)
    check("latency histogram counted >= 6 statements",
          delta("basalt_statement_duration_seconds_count") >= 6)
    check("connections_total counts the session",
          value(after, "basalt_connections_total") >= 1 and value(after, "basalt_connections_open") >= 1)
    idle = connect(server.port)
    idle.autocommit = False
    run(idle, "SELECT 1")  # idle in transaction from here on
    s = scrape(mport)
    check("sessions by state: idle in transaction",
          value(s, "basalt_sessions", state="idle in transaction") == 1,
          value(s, "basalt_sessions", state="idle in transaction"))
    check("oldest transaction age reported", value(s, "basalt_oldest_transaction_seconds") >= 0)
    idle.rollback()
    idle.close()
    conn.close()


# ---- a real Prometheus -----------------------------------------------------------------------

def test_prometheus(mport, tmp):
    p = subprocess.run([PROMTOOL, "check", "rules", ALERTS], stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    check("promtool check rules accepts docker/prometheus/basalt-alerts.yml", p.returncode == 0, p.stdout.decode())
    pport = harness.free_port()
    conf = os.path.join(tmp, "prometheus.yml")
    with open(conf, "w") as f:
        f.write(f"""global:
  scrape_interval: 1s
  evaluation_interval: 1s
rule_files:
  - {ALERTS}
scrape_configs:
  - job_name: basalt
    static_configs:
      - targets: ["127.0.0.1:{mport}"]
""")
    log = open(os.path.join(tmp, "prometheus.log"), "wb")
    proc = subprocess.Popen([PROMETHEUS, f"--config.file={conf}", f"--storage.tsdb.path={tmp}/tsdb",
                             f"--web.listen-address=127.0.0.1:{pport}"], stdout=log, stderr=subprocess.STDOUT,
                            stdin=subprocess.DEVNULL, start_new_session=True)
    try:
        expected = value(scrape(mport), "basalt_statements_total", command="insert")
        query = urllib.parse.quote('basalt_statements_total{command="insert",job="basalt"}')
        got, deadline = None, time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                status, _, body = http(pport, f"/api/v1/query?query={query}")
                result = json.loads(body)["data"]["result"] if status == 200 else []
                if result:
                    got = float(result[0]["value"][1])
                    if got >= expected:
                        break
            except (OSError, ValueError, KeyError):
                pass
            time.sleep(0.5)
        check("Prometheus scraped basaltd: insert counter read back via /api/v1/query",
              got is not None and got >= expected >= 1, (got, expected))
        status, _, body = http(pport, "/api/v1/query?query=" + urllib.parse.quote('up{job="basalt"}'))
        up = json.loads(body)["data"]["result"]
        check("Prometheus target is up", up and up[0]["value"][1] == "1", up)
        status, _, body = http(pport, "/api/v1/rules")
        groups = json.loads(body)["data"]["groups"] if status == 200 else []
        names = {r["name"] for g in groups for r in g["rules"]}
        check("Prometheus loaded the Basalt alert rules", {"BasaltDown", "BasaltDeadlocks"} <= names, names)
    finally:
        proc.terminate()
        try:
            proc.wait(20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(10)
        log.close()


# ---- logs ------------------------------------------------------------------------------------

def wait_for_log(server, needle, timeout=10):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if needle in server.log_text():
            return True
        time.sleep(0.05)
    return False


def test_text_logs():
    with harness.BasaltServer(extra_args=["-c", "log_statement=ddl"]) as s:
        conn = connect(s.port, application_name="logcheck")
        run(conn, "CREATE TABLE metrics_log (id int PRIMARY KEY)")
        run(conn, "SELECT 4242")
        run(conn, "SET log_statement = 'mod'")
        run(conn, "INSERT INTO metrics_log VALUES (7)")
        run(conn, "SET log_min_duration_statement = 0")
        run(conn, "SELECT 4243")
        run(conn, "SET log_min_duration_statement = '10s'")
        run(conn, "SELECT 4244")
        run(conn, "SET log_statement = 'all'")
        run(conn, "ALTER ROLE basalt PASSWORD 'sekrit-one'")
        try:
            run(conn, "ALTER ROLE metrics_nobody PASSWORD 'sekrit-two'")
        except psycopg2.Error:
            pass
        conn.close()
        wait_for_log(s, "disconnection")
        log = s.log_text()
        check("log_statement=ddl logs CREATE TABLE", "statement: CREATE TABLE metrics_log" in log)
        check("log_statement=ddl skips SELECT", "statement: SELECT 4242" not in log)
        check("SET log_statement=mod logs INSERT", "statement: INSERT INTO metrics_log VALUES (7)" in log)
        check("log_min_duration_statement=0 logs the duration",
              re.search(r"duration: \d+\.\d{3} ms  statement: SELECT 4243", log) is not None)
        check("log_min_duration_statement=10s skips fast statements", "SELECT 4244" not in log)
        check("ALTER ROLE ... PASSWORD is logged redacted",
              "ALTER ROLE basalt PASSWORD '********'" in log)
        check("no password in the log", "sekrit" not in log,
              [line for line in log.splitlines() if "sekrit" in line])
        check("errors are logged with their SQLSTATE", re.search(r"ERROR 42704 role \"metrics_nobody\"", log) is not None)
        check("connection received line", "connection received: host=127.0.0.1:" in log)
        check("connection authorized line with user, database, application_name",
              "connection authorized: user=basalt database=postgres application_name=logcheck host=127.0.0.1:" in log)
        check("disconnection line with duration", re.search(
            r"disconnection: session time \d+\.\d{3} s user=basalt database=postgres host=127\.0\.0\.1:", log)
            is not None)


def test_json_and_file_logs():
    with harness.BasaltServer(extra_args=["-c", "log_destination=jsonlog", "-c", "log_statement=all"]) as s:
        conn = connect(s.port)
        run(conn, "SELECT 'json \"quoted\"' AS x")
        conn.close()
        wait_for_log(s, "disconnection")
        lines = [line for line in s.log_text().splitlines() if line.startswith("{")]
        parsed = []
        for line in lines:
            try:
                parsed.append(json.loads(line))
            except ValueError:
                check("JSON log line parses", False, line)
        check("jsonlog writes JSON lines", len(parsed) >= 3 and len(parsed) == len(lines), len(parsed))
        check("JSON lines carry timestamp, pid, level, logger, message",
              all({"timestamp", "pid", "level", "logger", "message"} <= set(p) for p in parsed))
        stmt = [p for p in parsed if p["message"].startswith("statement: SELECT 'json")]
        check("JSON statement line keeps the text and the connection id",
              len(stmt) == 1 and stmt[0]["message"] == "statement: SELECT 'json \"quoted\"' AS x"
              and isinstance(stmt[0].get("conn"), int), stmt)
    logdir = tempfile.mkdtemp(prefix="basalt-logdir-")
    try:
        with harness.BasaltServer(extra_args=["-c", "logging_collector=on", "-c", f"log_directory={logdir}",
                                              "-c", "log_filename=basalt.log"]) as s:
            conn = connect(s.port)
            run(conn, "SELECT 1")
            conn.close()
            path = os.path.join(logdir, "basalt.log")
            deadline = time.monotonic() + 10
            text = ""
            while time.monotonic() < deadline:
                text = open(path).read() if os.path.exists(path) else ""
                if "disconnection" in text:
                    break
                time.sleep(0.05)
            check("logging_collector writes log_directory/log_filename",
                  "database system is ready to accept connections" in text and "disconnection" in text, text[-500:])
    finally:
        shutil.rmtree(logdir, ignore_errors=True)


# ---- pg_stat_statements and pg_stat_activity, against PostgreSQL too -------------------------

WORKLOAD = [
    "CREATE TABLE metrics_t (id int PRIMARY KEY, v text)",
    "INSERT INTO metrics_t VALUES (1, 'a'), (2, 'b')",
    "INSERT INTO metrics_t VALUES (3, 'c'), (4, 'd')",
    "UPDATE metrics_t SET v = 'z' WHERE id = 1",
    "SELECT v FROM metrics_t WHERE id = 2",
    "SELECT v FROM metrics_t WHERE id = 3",
    "SELECT v FROM metrics_t WHERE id = 99",
    "SELECT count(*) FROM metrics_t WHERE v <> 'q'",
]


def statement_rows(port):
    conn = connect(port)
    rows = run(conn, "SELECT query, calls, rows, total_exec_time >= 0, mean_exec_time * calls - total_exec_time < 0.001,"
                     " max_exec_time >= min_exec_time FROM pg_stat_statements"
                     " WHERE query LIKE '%metrics_t%' AND query NOT LIKE '%pg_stat_statements%'"
                     " AND query NOT LIKE 'CREATE%'")
    conn.close()
    return sorted(rows)


def workload(port):
    conn = connect(port)
    run(conn, "SELECT pg_stat_statements_reset()")
    for sql in WORKLOAD:
        run(conn, sql)
    conn.close()

    async def extended():
        c = await asyncpg.connect(host="127.0.0.1", port=port, user=harness.USER, database="postgres")
        for i in (1, 2, 3):
            await c.fetch("SELECT v FROM metrics_t WHERE id = $1 AND v <> 'x'", i)
        await c.close()
    asyncio.run(extended())
    return statement_rows(port)


def activity(port):
    a = connect(port, application_name="metrics-a")
    a.autocommit = False
    run(a, "SELECT 42")
    b = connect(port)
    apid = run(a, "SELECT pg_backend_pid()")[0][0]
    rows = run(b, "SELECT usename, datname, application_name, client_addr = '127.0.0.1', state, query,"
                  " xact_start IS NOT NULL, query_start IS NOT NULL, backend_start IS NOT NULL,"
                  " xact_start <= query_start, wait_event"
                  " FROM pg_stat_activity WHERE pid = %s", (apid,))
    own = run(b, "SELECT state, query, pid = pg_backend_pid() FROM pg_stat_activity WHERE pid = pg_backend_pid()")
    a.rollback()
    after = run(b, "SELECT state, xact_start IS NULL FROM pg_stat_activity WHERE pid = %s", (apid,))
    a.close()
    b.close()
    return rows, own, after


def test_stat_views():
    with harness.BasaltServer() as bs, \
            harness.PostgresServer(extra_args=["-c", "shared_preload_libraries=pg_stat_statements"]) as pg:
        c = connect(pg.port)
        run(c, "CREATE EXTENSION pg_stat_statements")
        c.close()
        ours, theirs = workload(bs.port), workload(pg.port)
        check("pg_stat_statements matches PostgreSQL (normalised text, calls, rows, times)", ours == theirs,
              f"\nbasalt: {ours}\npostgres: {theirs}")
        check("pg_stat_statements folds constants into one entry",
              any(r[0] == "SELECT v FROM metrics_t WHERE id = $1" and r[1] == 3 for r in ours), ours)
        ours, theirs = activity(bs.port), activity(pg.port)
        expected_a = [("basalt", "postgres", "metrics-a", True, "idle in transaction",
                       "SELECT pg_backend_pid()", True, True, True, True, "ClientRead")]
        check("pg_stat_activity shows the other session idle in transaction (PostgreSQL agrees)",
              ours[0] == theirs[0] == expected_a, f"\nbasalt: {ours[0]}\npostgres: {theirs[0]}")
        check("pg_stat_activity shows the own session active with its query (PostgreSQL agrees)",
              ours[1] == theirs[1] and ours[1][0][0] == "active", f"\nbasalt: {ours[1]}\npostgres: {theirs[1]}")
        check("after ROLLBACK the session is idle with no xact_start (PostgreSQL agrees)",
              ours[2] == theirs[2] == [("idle", True)], f"\nbasalt: {ours[2]}\npostgres: {theirs[2]}")
        c = psycopg2.connect(host="127.0.0.1", port=bs.port, user=harness.USER, dbname="postgres")
        c.autocommit = True
        run(c, "CREATE ROLE metrics_plain LOGIN")
        c.close()
        c = psycopg2.connect(host="127.0.0.1", port=bs.port, user="metrics_plain", dbname="postgres")
        try:
            run(c, "SELECT pg_stat_statements_reset()")
            check("pg_stat_statements_reset() needs a superuser", False, "no error")
        except psycopg2.Error as e:
            check("pg_stat_statements_reset() needs a superuser (42501)", e.pgcode == "42501", e.pgcode)
        c.close()


def test_archiver(mport):
    """After test_counters' writes the archiver (100 ms rounds) has copied WAL batches."""
    archived = 0
    deadline = time.time() + 5
    while time.time() < deadline:
        samples = scrape(mport)
        archived = value(samples, "basalt_archiver_archived_total")
        if archived and archived > 0:
            break
        time.sleep(0.2)
    check("basalt_archiver_archived_total counts archived batches", archived and archived > 0, archived)


def main():
    harness.require_binaries()
    for tool in (PROMETHEUS, PROMTOOL):
        if not os.access(tool, os.X_OK):
            print(f"missing {tool}: install Debian's prometheus package (.ci/setup.sh)", file=sys.stderr)
            return 1
    with harness.cleanup_on_signal():
        mport = harness.free_port()
        tmp = tempfile.mkdtemp(prefix="basalt-metrics-")
        try:
            with harness.BasaltServer(extra_args=["-c", f"metrics_port={mport}",
                                                  "-c", "metrics_listen_addresses=127.0.0.1",
                                                  "-c", "archive_mode=on",
                                                  "-c", f"archive_dir={os.path.join(tmp, 'archive')}"]) as server:
                test_endpoint(server, mport)
                test_counters(server, mport)
                test_archiver(mport)
                test_prometheus(mport, tmp)
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
        test_text_logs()
        test_json_and_file_logs()
        test_stat_views()
    print(f"{RESULTS['passed']} passed, {RESULTS['failed']} failed")
    return 1 if RESULTS["failed"] else 0


if __name__ == "__main__":
    sys.exit(main())
