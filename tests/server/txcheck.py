#!/usr/bin/python3
"""Black-box isolation and durability proof for basaltd: runs the shared txcheck checkers
(`<repo>/../shared/txcheck/`, see its README.md) against a fresh basaltd.

  bank.py    read committed (delta writes, single-statement reads: the RC-safe variant; the default
             absolute-write workload is *meant* to fail at RC), repeatable read, serializable
  append.py  read committed, repeatable read, serializable (--write-mode update), each history
             checked by the Elle-style dependency-graph checker at the level it ran at
  crash.py   >= 5 kill -9 cycles under 4 concurrent writers; basaltd restarted on the same data
             directory and port; every acknowledged commit must survive exactly once

Each checker exits 0 when it saw nothing its level forbids, 1 on a forbidden anomaly, 2 on a
setup problem; anything but 0 is a failure here. Durations are bounded so the whole test takes
about 2-3 minutes; TXCHECK_SOAK_SECONDS=N runs every bank/append workload for N seconds and
crash.py for 2N seconds over max(5, N/10) cycles (a soak: e.g. TXCHECK_SOAK_SECONDS=120).
TXCHECK_SEED fixes the checkers' random seeds. Histories and logs go to a temporary directory
(kept, and its path printed, when something fails or BASALT_KEEP_TMP=1).

If ../shared/txcheck is missing (a checkout without the shared directory) the test prints a SKIP
line and exits 0; CI always has it. BASALT_ORACLE_SELFTEST=1 runs everything against PostgreSQL
15 instead, to validate the script. Prints `N passed, M failed` and exits 0 iff all passed.
"""

import os
import shlex
import shutil
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
import harness  # noqa: E402

PY = "/usr/bin/python3"
LEVELS = ("read committed", "repeatable read", "serializable")
SOAK = os.environ.get("TXCHECK_SOAK_SECONDS", "")
SECONDS = int(SOAK) if SOAK else 10          # per bank/append run
CRASH_SECONDS = 2 * int(SOAK) if SOAK else 15
CRASH_CYCLES = max(5, int(SOAK) // 10) if SOAK else 5
SEED = os.environ.get("TXCHECK_SEED", "")

results = []   # (name, ok, summary line)


def shared_dir():
    try:
        top = subprocess.run(["git", "rev-parse", "--show-toplevel"], cwd=harness.REPO,
                             stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
                             check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        top = harness.REPO
    return os.path.normpath(os.path.join(top, "..", "shared"))


def dsn(port):
    # keepalives: a client must not hang on the socket of a killed server (crash.py)
    return (f"host=127.0.0.1 port={port} dbname=postgres user={harness.USER} connect_timeout=10 "
            "keepalives=1 keepalives_idle=5 keepalives_interval=2 keepalives_count=3")


def run_checker(name, cmd, timeout, summary_prefix):
    """Runs one checker; records pass (exit 0) / fail; prints its summary (whole output on failure)."""
    print(f"===== {name}: {' '.join(shlex.quote(c) for c in cmd)}", flush=True)
    start = time.monotonic()
    try:
        p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                           stdin=subprocess.DEVNULL, timeout=timeout, env=harness.clean_env())
        out, rc = p.stdout.decode("utf-8", errors="replace"), p.returncode
    except subprocess.TimeoutExpired as e:
        out = (e.stdout or b"").decode("utf-8", errors="replace") + f"\n(timed out after {timeout}s)"
        rc = None
    lines = out.rstrip().splitlines()
    summary = next((ln for ln in reversed(lines) if ln.startswith(summary_prefix)), "(no summary)")
    ok = rc == 0
    if ok:
        # the summary plus the verdict / anomaly lines, not the whole progress log
        for ln in lines:
            if ln.startswith(summary_prefix) or "verdict" in ln or "anomal" in ln.lower() \
                    or "transactions:" in ln or "aborted" in ln:
                print("  " + ln)
    else:
        for ln in lines[-120:]:
            print("  " + ln)
    print(f"{'ok  ' if ok else 'FAIL'} {name} (exit {rc}, {time.monotonic() - start:.1f}s)",
          flush=True)
    results.append((name, ok, summary))
    return ok


def seed_args(offset):
    return ["--seed", str(int(SEED) + offset)] if SEED else []


def run_bank_and_append(txcheck, port, work):
    budget = SECONDS * 3 + 120
    for i, level in enumerate(LEVELS):
        extra = ["--write-style", "delta", "--read-style", "single"] if level == "read committed" else []
        run_checker(f"bank {level}",
                    [PY, os.path.join(txcheck, "bank.py"), "--dsn", dsn(port), "--isolation", level,
                     "--seconds", str(SECONDS), *extra, *seed_args(i)],
                    budget, "bank:")
    for i, level in enumerate(LEVELS):
        hist = os.path.join(work, f"append-{level.replace(' ', '-')}.jsonl")
        run_checker(f"append {level}",
                    [PY, os.path.join(txcheck, "append.py"), "--dsn", dsn(port), "--isolation", level,
                     "--seconds", str(SECONDS), "--write-mode", "update", "--history", hist,
                     *seed_args(10 + i)],
                    budget, "append:")


def crash_commands(server):
    """(start, stop) shell commands for crash.py: basaltd in the foreground (exec, so the shell's
    pid is basaltd's and crash.py's SIGKILL hits the server itself), appending to the test's log;
    stop = SIGTERM to the pid in DIR/basaltd.pid, waiting until it is gone or a zombie."""
    if harness.oracle_selftest():
        argv = server._argv()
        pidfile = os.path.join(server.data_dir, "postmaster.pid")
        sig = "INT"
    else:
        argv = [harness.basaltd_path(), "-D", server.data_dir, "-p", str(server.port),
                "-h", "127.0.0.1"]
        pidfile = os.path.join(server.data_dir, "basaltd.pid")
        sig = "TERM"
    start = f"exec {' '.join(shlex.quote(a) for a in argv)} >> {shlex.quote(server.log_path)} 2>&1"
    if harness.oracle_selftest() and os.geteuid() == 0:
        start = f"exec runuser -u postgres -- {' '.join(shlex.quote(a) for a in argv)} " \
                f">> {shlex.quote(server.log_path)} 2>&1"
    q = shlex.quote(pidfile)
    stop = (f"pid=$(head -n1 {q} 2>/dev/null); [ -n \"$pid\" ] || exit 0; kill -{sig} $pid 2>/dev/null; "
            f"for i in $(seq 200); do [ -d /proc/$pid ] || exit 0; "
            f"grep -q '^State:.*Z' /proc/$pid/status 2>/dev/null && exit 0; sleep 0.1; done; "
            f"kill -KILL $pid 2>/dev/null; exit 0")
    return start, stop


def run_crash(txcheck, server, work):
    # crash.py starts the server itself (as its child, so it can reap what it kills): stop ours.
    server.stop()
    start, stop = crash_commands(server)
    ok = run_checker("crash kill -9",
                     [PY, os.path.join(txcheck, "crash.py"), "--dsn", dsn(server.port),
                      "--foreground", "--start", start, "--stop-cmd", stop,
                      "--cycles", str(CRASH_CYCLES), "--seconds", str(CRASH_SECONDS),
                      "--writers", "4", "--start-timeout", "60",
                      "--log", os.path.join(work, "crash-log.jsonl"), *seed_args(20)],
                     CRASH_SECONDS + CRASH_CYCLES * 70 + 60, "crash:")
    # Whatever crash.py left behind, the harness restarts its own server for a clean stop.
    server.proc = None
    server.start()
    return ok


def main():
    txcheck = os.path.join(shared_dir(), "txcheck")
    missing = [f for f in ("bank.py", "append.py", "crash.py")
               if not os.path.exists(os.path.join(txcheck, f))]
    if missing:
        print(f"SKIP txcheck: {txcheck} lacks {', '.join(missing)} (the shared directory must sit "
              "beside the repository, as in CI)")
        return 0
    harness.require_binaries()
    work = tempfile.mkdtemp(prefix="txcheck-")
    failed_run = False
    try:
        with harness.cleanup_on_signal(), harness.server_under_test() as server:
            print(f"server on port {server.port}, data {server.data_dir}; "
                  f"{SECONDS}s per bank/append run, crash {CRASH_CYCLES} cycles / {CRASH_SECONDS}s",
                  flush=True)
            run_bank_and_append(txcheck, server.port, work)
            run_crash(txcheck, server, work)
            if any(not ok for _, ok, _ in results):
                server.dump_log(tail=60)
    except Exception as e:  # noqa: BLE001 - reported as one failed check
        print(f"FAIL setup: {e}")
        results.append(("setup", False, str(e)))
    failed_run = any(not ok for _, ok, _ in results)
    print("===== summary")
    for name, ok, summary in results:
        print(f"{'ok  ' if ok else 'FAIL'} {name:28s} {summary}")
    passed = sum(1 for _, ok, _ in results if ok)
    print(f"{passed} passed, {len(results) - passed} failed")
    if failed_run or harness.os.environ.get("BASALT_KEEP_TMP", "") not in ("", "0"):
        print(f"histories and logs kept in {work}")
    else:
        shutil.rmtree(work, ignore_errors=True)
    return 0 if not failed_run and results else 1


if __name__ == "__main__":
    sys.exit(main())
