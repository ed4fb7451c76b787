#!/usr/bin/python3
"""Golden SQL tests: plays tests/sql/**/*.test (sqllogictest dialect, STYLE.md section 6) through
real psql against a basaltd it starts (or, with GOLDEN_AGAINST_PG=1, against PostgreSQL 15 to prove
the expectations are PostgreSQL's).

Supported records (records are separated by blank lines; `#` starts a comment line):
  statement ok
  statement error [SQLSTATE] [regex]        error expected; SQLSTATE (5 chars) and message regex optional
  statement count N                         succeeds and affects/returns N rows (psql's ROW_COUNT)
  query <types> [nosort|rowsort|valuesort] [label]
  <sql>
  ----
  <one value per line>  |  N values hashing to <md5>
  query error [SQLSTATE] [regex]
  skipif <engine> / onlyif <engine>          engine is `postgresql` for PostgreSQL, `basalt` for basaltd
  halt, hash-threshold N                     (halt stops the file; hash-threshold is accepted, unused)
Values are PostgreSQL's text output; NULL is written `NULL` and the empty string `(empty)`.
The type letters (I, T, R, ...) are checked only for the number of columns.

How it runs: each file gets a fresh database; the whole file becomes one psql script in which
every record is wrapped in markers:
  \\echo <marker> R <n>
  <sql>;
  \\echo <marker> E <n> :SQLSTATE :ROW_COUNT
psql runs with -X -q -t --csv -P null=<sentinel> -v VERBOSITY=verbose, stdin = the script,
stderr merged into stdout (psql flushes stdout before writing errors, so order is kept). Between
the two markers of a record are its notices, then its rows as CSV or its error message; the end
marker carries the SQLSTATE (00000 on success) and the row count.

Env: GOLDEN_FILTER=substring (subset of files), GOLDEN_AGAINST_PG=1, BASALT_ORACLE_SELFTEST=1
(same as GOLDEN_AGAINST_PG). Output: failing records with expected/actual per file, then
`N passed, M failed` (files). Exit 0 iff every file passed.
"""

import csv
import glob
import hashlib
import io
import os
import re
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
import harness  # noqa: E402

SQL_DIR = os.path.join(harness.REPO, "tests", "sql")
MARK = "@@golden-7f3a"
NULL_SENTINEL = "@@golden-null-7f3a"
SQLSTATE_RE = re.compile(r"^[0-9A-Z]{5}$")
MESSAGE_LINE_RE = re.compile(r"^(ERROR|FATAL|PANIC|WARNING|NOTICE|INFO|LOG|DEBUG):  ")
DETAIL_LINE_RE = re.compile(r"^(DETAIL|HINT|LOCATION|CONTEXT|QUERY|SCHEMA NAME|TABLE NAME|"
                            r"COLUMN NAME|DATATYPE NAME|CONSTRAINT NAME):  |^LINE \d+: |^ *\^$")


class Record:
    def __init__(self, kind, line):
        self.kind = kind            # "statement" or "query"
        self.line = line            # line number of the record header
        self.expect_error = False
        self.sqlstate = None
        self.error_regex = None
        self.count = None
        self.types = ""
        self.sort = "nosort"
        self.sql = ""
        self.expected = []          # list of value lines
        self.has_result = False
        self.conditions = []        # (skipif|onlyif, engine)


def parse(path):
    """Parses a .test file into records; raises ValueError on malformed input."""
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    records, conditions = [], []
    i = 0
    while i < len(lines):
        line = lines[i]
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            i += 1
            continue
        words = stripped.split()
        head = words[0]
        if head in ("skipif", "onlyif"):
            conditions.append((head, words[1] if len(words) > 1 else ""))
            i += 1
            continue
        if head == "halt":
            records.append(Record("halt", i + 1))
            records[-1].conditions, conditions = conditions, []
            i += 1
            continue
        if head == "hash-threshold":
            i += 1
            continue
        if head not in ("statement", "query"):
            raise ValueError(f"{path}:{i + 1}: unknown record type {head!r}")
        rec = Record(head, i + 1)
        rec.conditions, conditions = conditions, []
        args = words[1:]
        if head == "statement":
            if not args:
                raise ValueError(f"{path}:{i + 1}: statement needs ok/error/count")
            if args[0] == "ok":
                pass
            elif args[0] == "error":
                _parse_error_args(rec, stripped.split(None, 2)[2] if len(args) > 1 else "")
            elif args[0] == "count" and len(args) == 2 and args[1].isdigit():
                rec.count = int(args[1])
            else:
                raise ValueError(f"{path}:{i + 1}: bad statement header {stripped!r}")
        else:
            if args and args[0] == "error":
                _parse_error_args(rec, stripped.split(None, 2)[2] if len(args) > 1 else "")
            else:
                if not args:
                    raise ValueError(f"{path}:{i + 1}: query needs column types")
                rec.types = args[0]
                if len(args) > 1:
                    if args[1] not in ("nosort", "rowsort", "valuesort"):
                        raise ValueError(f"{path}:{i + 1}: unknown sort mode {args[1]!r}")
                    rec.sort = args[1]
        i += 1
        sql_lines = []
        while i < len(lines) and lines[i].strip() and lines[i].strip() != "----":
            sql_lines.append(lines[i])
            i += 1
        if not sql_lines:
            raise ValueError(f"{path}:{rec.line}: record without SQL")
        rec.sql = "\n".join(sql_lines)
        if i < len(lines) and lines[i].strip() == "----":
            rec.has_result = True
            i += 1
            while i < len(lines) and lines[i] != "":
                rec.expected.append(lines[i])
                i += 1
        records.append(rec)
    return records


def _parse_error_args(rec, rest):
    rec.expect_error = True
    rest = rest.strip()
    if rest:
        first, _, more = rest.partition(" ")
        if SQLSTATE_RE.match(first):
            rec.sqlstate = first
            rest = more.strip()
        if rest:
            rec.error_regex = rest


def applies(rec, engine):
    for kind, name in rec.conditions:
        if kind == "skipif" and name == engine:
            return False
        if kind == "onlyif" and name != engine:
            return False
    return True


def build_script(records):
    parts = []
    for n, rec in enumerate(records):
        sql = rec.sql.rstrip()
        if not sql.endswith(";"):
            sql += ";"
        parts.append(f"\\echo {MARK} R {n}\n{sql}\n\\echo {MARK} E {n} :SQLSTATE :ROW_COUNT\n")
    return "".join(parts)


def split_output(out):
    """Returns {record index: (sqlstate, row_count, body text)} from the marked psql output."""
    results = {}
    pos = 0
    begin_re = re.compile(rf"^{re.escape(MARK)} R (\d+)\n", re.M)
    end_re = re.compile(rf"^{re.escape(MARK)} E (\d+) (\S*) (\S*)\n", re.M)
    while True:
        b = begin_re.search(out, pos)
        if not b:
            break
        n = int(b.group(1))
        e = end_re.search(out, b.end())
        if not e or int(e.group(1)) != n:
            results[n] = None  # marker lost: psql swallowed input or the connection died
            break
        results[n] = (e.group(2), e.group(3), out[b.end():e.start()])
        pos = e.end()
    return results, out[pos:]


def strip_messages(body):
    """Removes leading notice/warning blocks (they precede the rows); returns (messages, rest)."""
    lines = body.split("\n")
    msgs = []
    while lines and MESSAGE_LINE_RE.match(lines[0]):
        msgs.append(lines.pop(0))
        while lines and DETAIL_LINE_RE.match(lines[0]):
            msgs.append(lines.pop(0))
    return msgs, "\n".join(lines)


def format_value(v):
    if v == NULL_SENTINEL:
        return "NULL"
    if v == "":
        return "(empty)"
    return v


def check_record(rec, result):
    """Returns None if the record passed, else a description of the mismatch."""
    if result is None:
        return "no result (psql lost the statement boundary or the connection; see output tail)"
    state, row_count, body = result
    msgs, rest = strip_messages(body)
    if rec.expect_error:
        if state == "00000":
            return "expected an error, statement succeeded"
        error_text = body.strip()
        if rec.sqlstate and state != rec.sqlstate:
            return f"expected SQLSTATE {rec.sqlstate}, got {state}:\n{error_text}"
        if rec.error_regex and not re.search(rec.error_regex, error_text):
            return f"error message does not match /{rec.error_regex}/:\n{error_text}"
        return None
    if state != "00000":
        return f"unexpected error {state}:\n{body.strip()}"
    if rec.kind == "statement":
        if rec.count is not None and str(rec.count) != row_count:
            return f"expected count {rec.count}, got {row_count}"
        return None
    rows = list(csv.reader(io.StringIO(rest))) if rest.strip() else []
    ncols = len(rec.types)
    for row in rows:
        if len(row) != ncols:
            return f"expected {ncols} columns ({rec.types}), got {len(row)}: {row}"
    rows = [[format_value(v) for v in row] for row in rows]
    if rec.sort == "rowsort":
        rows.sort()
    values = [v for row in rows for v in row]
    if rec.sort == "valuesort":
        values.sort()
    expected = rec.expected
    m = re.match(r"^(\d+) values hashing to ([0-9a-f]{32})$", expected[0]) if len(expected) == 1 else None
    if m:
        digest = hashlib.md5("".join(v + "\n" for v in values).encode()).hexdigest()
        if int(m.group(1)) != len(values) or digest != m.group(2):
            return f"expected {expected[0]}, got {len(values)} values hashing to {digest}"
        return None
    if values != expected:
        return "expected:\n" + "\n".join(expected) + "\nactual:\n" + "\n".join(values)
    return None


def run_file(server, path, engine):
    """Returns (passed records, failed records, skipped records, report lines)."""
    rel = os.path.relpath(path, SQL_DIR)
    try:
        records = parse(path)
    except ValueError as e:
        return 0, 1, 0, [f"  parse error: {e}"]
    selected = []
    for rec in records:
        if not applies(rec, engine):
            continue
        if rec.kind == "halt":
            break
        selected.append(rec)
    skipped = len([r for r in records if r.kind != "halt"]) - len(selected)
    db = "golden_" + re.sub(r"[^a-z0-9_]", "_", os.path.splitext(rel)[0].lower())
    rc, out = harness.psql(server.port, f'DROP DATABASE IF EXISTS "{db}";\nCREATE DATABASE "{db}";\n',
                           args=("-q", "-v", "ON_ERROR_STOP=1"))
    if rc != 0:
        return 0, len(selected), skipped, [f"  could not create database {db}:", out]
    rc, out = harness.psql(server.port, build_script(selected), db=db, timeout=300,
                           args=("-q", "-t", "--csv", "-P", f"null={NULL_SENTINEL}",
                                 "-v", "VERBOSITY=verbose"))
    results, tail = split_output(out)
    passed = failed = 0
    report = []
    for n, rec in enumerate(selected):
        problem = check_record(rec, results.get(n))
        if problem is None:
            passed += 1
            continue
        failed += 1
        report.append(f"  {rel}:{rec.line}: {rec.kind} failed")
        report.append("    " + rec.sql.replace("\n", "\n    "))
        report.append("    " + problem.replace("\n", "\n    "))
        if results.get(n) is None:
            report.append("    psql output after the last complete record:\n    "
                          + tail[-2000:].replace("\n", "\n    "))
            failed += len(selected) - n - 1
            break
    return passed, failed, skipped, report


def main():
    files = sorted(glob.glob(os.path.join(SQL_DIR, "**", "*.test"), recursive=True))
    flt = os.environ.get("GOLDEN_FILTER", "")
    if flt:
        files = [f for f in files if flt in os.path.relpath(f, SQL_DIR)]
    if not files:
        print(f"no .test files selected in {SQL_DIR}")
        print("0 passed, 1 failed")
        return 1
    against_pg = (os.environ.get("GOLDEN_AGAINST_PG", "") not in ("", "0")) or harness.oracle_selftest()
    engine = "postgresql" if against_pg else "basalt"
    if not against_pg:
        harness.require_binaries()
    server = harness.PostgresServer(fsync=False) if against_pg else harness.BasaltServer()
    files_passed, files_failed = [], []
    totals = [0, 0, 0]
    with harness.cleanup_on_signal(), server:
        for path in files:
            rel = os.path.relpath(path, SQL_DIR)
            p, f, s, report = run_file(server, path, engine)
            totals[0] += p
            totals[1] += f
            totals[2] += s
            status = "ok  " if f == 0 else "FAIL"
            print(f"{status} {rel}: {p} passed, {f} failed, {s} skipped", flush=True)
            for line in report:
                print(line)
            (files_passed if f == 0 else files_failed).append(rel)
            if not server.alive():
                print(f"{server.name} is no longer running; restarting it for the next file")
                server.dump_log()
                server.start()
        if files_failed:
            server.dump_log(tail=80)
    print(f"records ({engine}): {totals[0]} passed, {totals[1]} failed, {totals[2]} skipped")
    print(f"{len(files_passed)} passed, {len(files_failed)} failed")
    return 0 if not files_failed else 1


if __name__ == "__main__":
    sys.exit(main())
