"""Shared machinery for Basalt's server-level tests (tests/server/*.py, tests/reports/*).

Provides:
  free_port()            a loopback TCP port nobody listens on right now
  BasaltServer           context manager: fresh data dir (`basalt init`), basaltd on a free port
  PostgresServer         context manager: throwaway PostgreSQL 15 cluster on a free port
  server_under_test()    BasaltServer, or a PostgresServer when BASALT_ORACLE_SELFTEST=1
                         (validates the test scripts themselves against the oracle)
  psql(port, sql, db)    run /usr/bin/psql -X against 127.0.0.1:port, stdout+stderr merged

Both server classes share one interface: .port, .data_dir, .log_path, .user, start(), stop(),
kill9(), restart(), alive(), log_text(), dump_log(). Neither ever sleeps for a fixed time except
short polls while waiting for a condition with a bounded deadline.

Binaries: BASALTD / BASALT from the environment (ctest sets them, see tests/CMakeLists.txt), else
<repo>/build/basaltd and <repo>/build/basalt. PostgreSQL: /usr/lib/postgresql/15/bin (env PGBIN).

Determinism of psql output: psql runs with -X (no ~/.psqlrc), LC_ALL=C.UTF-8, PGTZ/PGDATESTYLE/
PGOPTIONS/PGCLIENTENCODING unset. psql's error/notice printer flushes stdout before writing to
stderr (src/common/logging.c), so `2>&1` into one pipe keeps results and errors in order; this is
what pg_regress relies on as well.
"""

import contextlib
import os
import pwd
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
PGBIN = os.environ.get("PGBIN", "/usr/lib/postgresql/15/bin")
NODE_PATH = os.path.join(REPO, "tests", "clients", "node", "node_modules")  # npm pg (.ci/setup.sh)
PSQL = "/usr/bin/psql"
USER = "basalt"            # role name on both servers (initdb -U / basalt init --username)
START_TIMEOUT = float(os.environ.get("BASALT_START_TIMEOUT", "60"))
STOP_TIMEOUT = float(os.environ.get("BASALT_STOP_TIMEOUT", "20"))
SANITIZER_MARKERS = ("ERROR: AddressSanitizer", "ERROR: LeakSanitizer", "runtime error:",
                     "ERROR: ThreadSanitizer")


def basaltd_path():
    return os.environ.get("BASALTD") or os.path.join(REPO, "build", "basaltd")


def basalt_path():
    return os.environ.get("BASALT") or os.path.join(REPO, "build", "basalt")


def oracle_selftest():
    """True when the scripts should run against PostgreSQL instead of basaltd."""
    return os.environ.get("BASALT_ORACLE_SELFTEST", "") not in ("", "0")


def free_port():
    """A loopback port that is free now. Bound with port 0, so the kernel picks it; ports handed out
    in this process are remembered so two servers started back to back don't get the same one."""
    for _ in range(50):
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        if port not in _ports_given:
            _ports_given.add(port)
            return port
    raise RuntimeError("no free port")


_ports_given = set()


def clean_env(extra=None):
    """Environment for child processes: no libpq/psql settings leak in from the caller."""
    env = {k: v for k, v in os.environ.items()
           if not (k.startswith("PG") and k != "PGBIN") and not k.startswith("PSQL")}
    env["LC_ALL"] = "C.UTF-8"
    env["LANG"] = "C.UTF-8"
    env.pop("LANGUAGE", None)
    env["PGCONNECT_TIMEOUT"] = "10"
    if extra:
        env.update(extra)
    return env


def psql(port, sql=None, db="postgres", file=None, args=(), user=USER, timeout=300, check=False,
         env_extra=None):
    """Runs psql against 127.0.0.1:port. Either `sql` (sent on stdin, like a file) or `file`
    (also fed on stdin so no `psql:file:line:` prefixes appear). Returns (returncode, output) with
    stderr merged into stdout in the order psql wrote it."""
    cmd = [PSQL, "-X", "-h", "127.0.0.1", "-p", str(port), "-U", user, "-d", db,
           "-v", "ON_ERROR_STOP=0", *args]
    if file:
        with open(file, "rb") as f:
            data = f.read()
    else:
        data = (sql or "").encode()
    p = subprocess.run(cmd, input=data, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                       env=clean_env(env_extra), timeout=timeout)
    out = p.stdout.decode("utf-8", errors="replace")
    if check and p.returncode != 0:
        raise RuntimeError(f"psql failed ({p.returncode}): {' '.join(cmd)}\n{out}")
    return p.returncode, out


def psql_value(port, sql, db="postgres"):
    """Runs one query with -At and returns its output stripped; raises on failure."""
    _, out = psql(port, sql, db=db, args=("-At", "-v", "ON_ERROR_STOP=1"), check=True)
    return out.strip()


def accepts_queries(port, db="postgres", user=USER, password=None):
    extra = {"PGCONNECT_TIMEOUT": "3"}
    if password is not None:
        extra["PGPASSWORD"] = password
    try:
        p = subprocess.run([PSQL, "-X", "-h", "127.0.0.1", "-p", str(port), "-U", user, "-d", db,
                            "-At", "-c", "select 1"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                           env=clean_env(extra), timeout=10)
    except subprocess.TimeoutExpired:
        return False
    return p.returncode == 0 and p.stdout.strip() == b"1"


class _Server:
    """Common process handling. Subclasses set self.name and implement _init_dir/_argv."""

    name = "server"

    def __init__(self, keep=False, extra_args=()):
        self.keep = keep or os.environ.get("BASALT_KEEP_TMP", "") not in ("", "0")
        self.extra_args = list(extra_args)
        self.tmp = None
        self.data_dir = None
        self.log_path = None
        self.port = None
        self.proc = None
        self.user = USER
        self.password = None  # set when the server requires one (tests of password auth)
        self._log = None
        self._failed = False

    # ---- lifecycle -------------------------------------------------------------------------
    def __enter__(self):
        try:
            self.tmp = tempfile.mkdtemp(prefix=f"{self.name}-test-")
            self.data_dir = os.path.join(self.tmp, "data")
            self.log_path = os.path.join(self.tmp, "server.log")
            self.port = free_port()
            self._prepare_tmp()
            self._init_dir()
            self.start()
        except BaseException:
            self.dump_log()
            self._cleanup()
            raise
        return self

    def __exit__(self, exc_type, exc, tb):
        try:
            if exc_type is not None:
                self.dump_log()
            self.stop()
            self.check_sanitizers()
        except BaseException:
            self.dump_log()
            raise
        finally:
            self._cleanup()
        return False

    def _cleanup(self):
        if self.proc and self.proc.poll() is None:
            self._kill(signal.SIGKILL)
        if self.tmp and not self.keep:
            shutil.rmtree(self.tmp, ignore_errors=True)
        elif self.tmp:
            print(f"[{self.name}] kept {self.tmp}", file=sys.stderr)

    def _prepare_tmp(self):
        pass

    def _preexec(self):
        return None

    def start(self, wait=True):
        """Starts the server on self.port; waits until `select 1` works (bounded)."""
        assert self.proc is None or self.proc.poll() is not None, "already running"
        self._log = open(self.log_path, "ab")
        self._log.write(f"===== {self.name} start: {' '.join(self._argv())}\n".encode())
        self._log.flush()
        self.proc = subprocess.Popen(self._argv(), stdin=subprocess.DEVNULL, stdout=self._log,
                                     stderr=subprocess.STDOUT, env=self._env(),
                                     preexec_fn=self._preexec(), start_new_session=True)
        if wait:
            self.wait_ready()
        return self

    def wait_ready(self, timeout=START_TIMEOUT):
        deadline = time.monotonic() + timeout
        delay = 0.02
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"{self.name} exited with status {self.proc.returncode} during "
                                   f"startup (log: {self.log_path})")
            if self._port_open() and accepts_queries(self.port, user=self.user, password=self.password):
                return
            time.sleep(delay)
            delay = min(delay * 2, 0.25)
        raise RuntimeError(f"{self.name} did not accept connections within {timeout}s "
                           f"(port {self.port}, log: {self.log_path})")

    def _port_open(self):
        try:
            with socket.create_connection(("127.0.0.1", self.port), timeout=1):
                return True
        except OSError:
            return False

    def alive(self):
        return self.proc is not None and self.proc.poll() is None

    def _kill(self, sig):
        """SIGKILL goes to the whole process group (the server was started in its own session),
        so no child process (e.g. a PostgreSQL backend) outlives a crash-stop; other signals go
        to the server process only, which handles its children itself."""
        try:
            if sig == signal.SIGKILL:
                os.killpg(self.proc.pid, sig)
            else:
                os.kill(self.proc.pid, sig)
        except ProcessLookupError:
            pass

    def stop(self, timeout=STOP_TIMEOUT):
        """SIGTERM, then SIGKILL if the process is still there after `timeout` seconds.
        Returns the exit status (negative = killed by that signal), None if not running."""
        if self.proc is None:
            return None
        if self.proc.poll() is None:
            self._kill(signal.SIGTERM)
            try:
                self.proc.wait(timeout)
            except subprocess.TimeoutExpired:
                print(f"[{self.name}] did not stop within {timeout}s after SIGTERM; SIGKILL",
                      file=sys.stderr)
                self._kill(signal.SIGKILL)
                self.proc.wait(10)
        self._close_log()
        return self.proc.returncode

    def kill9(self):
        """Crash-stop: SIGKILL and reap."""
        if self.proc is not None and self.proc.poll() is None:
            self._kill(signal.SIGKILL)
            self.proc.wait(10)
        self._close_log()
        return self.proc.returncode if self.proc else None

    def restart(self, crash=False):
        """Stops (SIGKILL if crash, else SIGTERM) and starts again on the same data dir and port."""
        if crash:
            self.kill9()
        else:
            self.stop()
        self.start()
        return self

    def _close_log(self):
        if self._log:
            self._log.close()
            self._log = None

    # ---- logs ------------------------------------------------------------------------------
    def log_text(self):
        try:
            with open(self.log_path, "rb") as f:
                return f.read().decode("utf-8", errors="replace")
        except (OSError, TypeError):
            return ""

    def dump_log(self, tail=200):
        text = self.log_text()
        if not text:
            return
        lines = text.splitlines()
        print(f"----- {self.name} log ({self.log_path}), last {min(tail, len(lines))} lines -----",
              file=sys.stderr)
        for line in lines[-tail:]:
            print(line, file=sys.stderr)
        print(f"----- end of {self.name} log -----", file=sys.stderr)

    def check_sanitizers(self):
        text = self.log_text()
        if any(m in text for m in SANITIZER_MARKERS):
            self.dump_log(tail=400)
            raise RuntimeError(f"{self.name}: sanitizer report in the server log")

    def _env(self):
        return clean_env()


class BasaltServer(_Server):
    """basaltd on a fresh data directory created with `basalt init`."""

    name = "basaltd"

    def __init__(self, keep=False, extra_args=(), init_args=None):
        super().__init__(keep, extra_args)
        # trust auth: tests connect as `basalt` without a password, like the PG oracle.
        self.init_args = (init_args if init_args is not None
                          else ["--username", USER, "--auth", "trust"])

    def _init_dir(self):
        cmd = [basalt_path(), "init", "-D", self.data_dir, *self.init_args]
        with open(self.log_path, "ab") as log:
            log.write(f"===== basalt init: {' '.join(cmd)}\n".encode())
            log.flush()
            p = subprocess.run(cmd, stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT,
                               env=self._env(), timeout=120)
        if p.returncode != 0:
            raise RuntimeError(f"basalt init failed with status {p.returncode}")

    def _argv(self):
        # metrics_port=0: parallel tests must not fight over the default 9187;
        # tests that want metrics pass their own -c metrics_port=N (later -c wins).
        return [basaltd_path(), "-D", self.data_dir, "-p", str(self.port), "-h", "127.0.0.1",
                "-c", "metrics_port=0", *self.extra_args]

    def _env(self):
        env = clean_env()
        # A server stopped by SIGTERM (or killed) reports "leaks" that are just live state; leak
        # checking belongs to the unit tests. Other ASan/UBSan findings still abort the server and
        # are caught by check_sanitizers(). BASALT_LEAK_CHECK=1 turns leak detection back on.
        if os.environ.get("BASALT_LEAK_CHECK", "") in ("", "0"):
            opts = env.get("ASAN_OPTIONS", "")
            env["ASAN_OPTIONS"] = (opts + ":" if opts else "") + "detect_leaks=0"
        return env


class PostgresServer(_Server):
    """A throwaway PostgreSQL 15 cluster (the oracle).

    initdb -U basalt --auth=trust -E UTF8 --locale=C.UTF-8: C.UTF-8 is this machine's default
    locale; it is spelled out so results don't depend on the caller's LANG (without LANG initdb
    falls back to SQL_ASCII, which changes how non-ASCII text is shown). glibc's C.UTF-8 collates
    by code point, i.e. byte order, the same as Basalt. fsync is on by default (restart tests
    rely on it); the differential and golden runners pass fsync=False because durability does not
    change query output and the oracle's checkpoints are then cheap.
    PostgreSQL refuses to run as root, so as root the cluster runs as the `postgres` OS user."""

    name = "postgres"

    def __init__(self, keep=False, extra_args=(), fsync=True):
        super().__init__(keep, extra_args)
        self.fsync = fsync

    def _run_as(self):
        if os.geteuid() != 0:
            return None
        return pwd.getpwnam(os.environ.get("BASALT_PG_OS_USER", "postgres"))

    def _prepare_tmp(self):
        pw = self._run_as()
        if pw:
            os.chown(self.tmp, pw.pw_uid, pw.pw_gid)
            os.chmod(self.tmp, 0o700)
            open(self.log_path, "ab").close()
            os.chown(self.log_path, pw.pw_uid, pw.pw_gid)

    def _preexec(self):
        pw = self._run_as()
        if not pw:
            return None

        def drop():
            os.setgid(pw.pw_gid)
            os.initgroups(pw.pw_name, pw.pw_gid)
            os.setuid(pw.pw_uid)
        return drop

    def _env(self):
        env = clean_env()
        pw = self._run_as()
        if pw:
            env["HOME"] = pw.pw_dir
            env["USER"] = pw.pw_name
        return env

    def _init_dir(self):
        cmd = [os.path.join(PGBIN, "initdb"), "-D", self.data_dir, "-U", USER, "--auth=trust",
               "-E", "UTF8", "--locale=C.UTF-8", "--no-sync", "--no-instructions"]
        with open(self.log_path, "ab") as log:
            log.write(f"===== initdb: {' '.join(cmd)}\n".encode())
            log.flush()
            p = subprocess.run(cmd, stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT,
                               env=self._env(), preexec_fn=self._preexec(), timeout=300, cwd=self.tmp)
        if p.returncode != 0:
            raise RuntimeError(f"initdb failed with status {p.returncode}")

    def _argv(self):
        # postgres itself (not pg_ctl) so self.proc.pid is the postmaster: stop = SIGTERM (smart
        # shutdown would wait for clients; SIGINT is "fast", which is what a test wants).
        return [os.path.join(PGBIN, "postgres"), "-D", self.data_dir, "-p", str(self.port),
                "-k", self.tmp, "-c", "listen_addresses=127.0.0.1",
                "-c", "fsync=" + ("on" if self.fsync else "off"),
                "-c", "max_connections=40", *self.extra_args]

    def stop(self, timeout=STOP_TIMEOUT):
        # SIGINT = fast shutdown (rolls back open transactions, disconnects clients).
        if self.proc is not None and self.proc.poll() is None:
            self._kill(signal.SIGINT)
            try:
                self.proc.wait(timeout)
            except subprocess.TimeoutExpired:
                pass
        return super().stop(timeout)


def server_under_test(**kw):
    """basaltd normally; PostgreSQL with BASALT_ORACLE_SELFTEST=1 (to validate a test script)."""
    if oracle_selftest():
        kw.pop("init_args", None)
        return PostgresServer(**kw)
    return BasaltServer(**kw)


def require_binaries():
    """Exit with a clear message (status 1) if basaltd/basalt are missing (non-selftest mode)."""
    if oracle_selftest():
        return
    missing = [p for p in (basaltd_path(), basalt_path()) if not os.access(p, os.X_OK)]
    if missing:
        print(f"missing binaries: {', '.join(missing)} (set BASALTD/BASALT or build into "
              f"{os.path.join(REPO, 'build')})", file=sys.stderr)
        sys.exit(1)


@contextlib.contextmanager
def cleanup_on_signal():
    """Turns SIGTERM (ctest timeout) into SystemExit so context managers stop their servers."""
    def handler(signum, frame):
        raise SystemExit(f"terminated by signal {signum}")
    old = signal.signal(signal.SIGTERM, handler)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, old)


def shared_dir():
    """The `shared` directory that sits beside the repository (../shared of the git top level)."""
    try:
        top = subprocess.run(["git", "rev-parse", "--show-toplevel"], cwd=REPO,
                             stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
                             check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        top = REPO
    return os.path.normpath(os.path.join(top, "..", "shared"))
