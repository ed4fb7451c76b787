#!/usr/bin/python3
"""Password authentication end to end with real clients (libpq via psql and psycopg2, psycopg 3,
asyncpg), against a basaltd initialised with `basalt init --auth scram-sha-256 --pwfile`:

1. scram-sha-256: the right password gets in (psql, psycopg2, psycopg 3, asyncpg); a wrong
   password and an unknown role get the same answer, PostgreSQL's FATAL 28P01
   `password authentication failed for user "<name>"`; no password: libpq's own error;
2. md5 in hba.conf with a SCRAM verifier runs SCRAM (as PostgreSQL does);
3. password (cleartext) in hba.conf: right password in, wrong one 28P01;
4. auth_delay.milliseconds delays a failure's answer;
5. the server stays up and logs each failure.
The messages and SQLSTATEs asserted are PostgreSQL 15's (auth.c).
Prints `N passed, M failed` and exits 0 iff all passed.
"""

import asyncio
import os
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
import harness  # noqa: E402

PASSWORD = "s3cret pass'word"
results = []


def check(name, ok, detail=""):
    results.append(ok)
    print(f"{'ok  ' if ok else 'FAIL'} {name}" + (f": {detail}" if detail and not ok else ""), flush=True)
    return ok


def psql_try(port, user, password, sql="SELECT 1"):
    env = harness.clean_env({"PGPASSWORD": password} if password is not None else {})
    p = subprocess.run([harness.PSQL, "-X", "-A", "-t", "-h", "127.0.0.1", "-p", str(port), "-U", user,
                        "-d", "postgres", "-c", sql, "-w"],
                       env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, timeout=60,
                       stdin=subprocess.DEVNULL)
    return p.returncode, p.stdout.strip(), p.stderr.strip()


def psycopg2_error(port, user, password):
    import psycopg2
    try:
        psycopg2.connect(host="127.0.0.1", port=port, user=user, password=password, dbname="postgres").close()
        return None
    except psycopg2.OperationalError as e:
        return str(e)


def set_hba_method(server, method):
    path = os.path.join(server.data_dir, "hba.conf")
    with open(path) as f:
        lines = f.read().splitlines()
    out = []
    for line in lines:
        words = line.split()
        if words and not line.lstrip().startswith("#") and words[0] in ("host", "local"):
            words[-1] = method
            line = "  ".join(words)
        out.append(line)
    with open(path, "w") as f:
        f.write("\n".join(out) + "\n")


def main():
    harness.require_binaries()
    tmp = tempfile.mkdtemp(prefix="basalt-auth-")
    pwfile = os.path.join(tmp, "pw")
    with open(pwfile, "w") as f:
        f.write(PASSWORD + "\n")
    init = ["--username", harness.USER, "--auth", "scram-sha-256", "--pwfile", pwfile]
    server = harness.BasaltServer(init_args=init)
    server.password = PASSWORD
    with harness.cleanup_on_signal(), server as srv:
        port = srv.port
        wrong_msg = f'FATAL:  password authentication failed for user "{harness.USER}"'

        # 1. SCRAM
        rc, out, err = psql_try(port, harness.USER, PASSWORD)
        check("scram: psql with the right password", rc == 0 and out == "1", err)
        rc, out, err = psql_try(port, harness.USER, "wrong")
        check("scram: wrong password gets 28P01's message", rc != 0 and wrong_msg in err, err)
        rc, out, err = psql_try(port, "mallory", "wrong")
        check("scram: unknown role gets the same message", rc != 0 and
              'FATAL:  password authentication failed for user "mallory"' in err, err)
        rc, out, err = psql_try(port, harness.USER, None)
        check("scram: no password, libpq refuses", rc != 0 and "no password supplied" in err, err)

        import psycopg2
        try:
            conn = psycopg2.connect(host="127.0.0.1", port=port, user=harness.USER, password=PASSWORD,
                                    dbname="postgres")
            cur = conn.cursor()
            cur.execute("SELECT current_user")
            check("scram: psycopg2 connects", cur.fetchone()[0] == harness.USER)
            conn.close()
        except Exception as e:  # noqa
            check("scram: psycopg2 connects", False, repr(e))
        try:
            psycopg2.connect(host="127.0.0.1", port=port, user=harness.USER, password="bad", dbname="postgres")
            check("scram: psycopg2 wrong password raises", False, "connected")
        except psycopg2.OperationalError as e:
            check("scram: psycopg2 wrong password raises", "password authentication failed" in str(e), str(e))

        import psycopg
        try:
            with psycopg.connect(host="127.0.0.1", port=port, user=harness.USER, password=PASSWORD,
                                 dbname="postgres") as c3:
                check("scram: psycopg 3 connects", c3.execute("SELECT 2").fetchone()[0] == 2)
        except Exception as e:  # noqa
            check("scram: psycopg 3 connects", False, repr(e))

        import asyncpg

        async def apg(password):
            conn = await asyncpg.connect(host="127.0.0.1", port=port, user=harness.USER, password=password,
                                         database="postgres", ssl=False)
            try:
                return await conn.fetchval("SELECT 3")
            finally:
                await conn.close()
        try:
            check("scram: asyncpg connects", asyncio.run(apg(PASSWORD)) == 3)
        except Exception as e:  # noqa
            check("scram: asyncpg connects", False, repr(e))
        try:
            asyncio.run(apg("nope"))
            check("scram: asyncpg wrong password raises InvalidPasswordError", False, "connected")
        except asyncpg.exceptions.InvalidPasswordError as e:
            check("scram: asyncpg wrong password raises InvalidPasswordError", e.sqlstate == "28P01", repr(e))
        except Exception as e:  # noqa
            check("scram: asyncpg wrong password raises InvalidPasswordError", False, repr(e))

        # Roles made with CREATE USER ... PASSWORD log in; md5-encrypted ones too.
        rc, out, err = psql_try(port, harness.USER, PASSWORD,
                                "CREATE USER alice PASSWORD 'alice pw'; CREATE ROLE carol PASSWORD 'carol pw'; "
                                "SET password_encryption = 'md5'; CREATE USER bob PASSWORD 'bob pw'")
        check("CREATE USER with passwords", rc == 0, err)
        rc, out, err = psql_try(port, "alice", "alice pw", "SELECT current_user")
        check("scram: a created user logs in", rc == 0 and out == "alice", err)
        rc, out, err = psql_try(port, "alice", "bob pw")
        check("scram: a created user with another's password fails", rc != 0 and
              'password authentication failed for user "alice"' in err, err)
        rc, out, err = psql_try(port, "bob", "bob pw")
        check("scram rule: a role with an md5 secret cannot log in", rc != 0 and
              'password authentication failed for user "bob"' in err, err)
        rc, out, err = psql_try(port, "carol", "carol pw")
        check("a NOLOGIN role cannot log in", rc != 0 and 'role "carol" is not permitted to log in' in err, err)
        rc, out, err = psql_try(port, "alice", "alice pw", "ALTER ROLE alice PASSWORD 'new pw'")
        check("a role changes its own password", rc == 0, err)
        rc, out, err = psql_try(port, "alice", "new pw", "SELECT 1")
        check("the new password works", rc == 0 and out == "1", err)

        # 2. md5 rule, SCRAM verifier -> SCRAM exchange.
        srv.stop()
        set_hba_method(srv, "md5")
        srv.start()
        rc, out, err = psql_try(port, harness.USER, PASSWORD)
        check("md5 rule with a SCRAM verifier: right password", rc == 0 and out == "1", err)
        rc, out, err = psql_try(port, harness.USER, "wrong")
        check("md5 rule: wrong password 28P01", rc != 0 and wrong_msg in err, err)
        rc, out, err = psql_try(port, "bob", "bob pw", "SELECT current_user")
        check("md5 rule with an md5 secret: md5 exchange", rc == 0 and out == "bob", err)
        rc, out, err = psql_try(port, "bob", "alice pw")
        check("md5 exchange: wrong password 28P01", rc != 0 and
              'password authentication failed for user "bob"' in err, err)

        # 3. cleartext password rule.
        srv.stop()
        set_hba_method(srv, "password")
        srv.start()
        rc, out, err = psql_try(port, harness.USER, PASSWORD)
        check("password rule: right password", rc == 0 and out == "1", err)
        rc, out, err = psql_try(port, "mallory", "x")
        check("password rule: unknown role 28P01",
              rc != 0 and 'password authentication failed for user "mallory"' in err, err)

        # 4. auth_delay.
        srv.stop()
        set_hba_method(srv, "scram-sha-256")
        srv.extra_args = ["-c", "auth_delay.milliseconds=400"]
        srv.start()
        t0 = time.monotonic()
        rc, out, err = psql_try(port, harness.USER, "wrong")
        elapsed = time.monotonic() - t0
        check("auth_delay delays a failure", rc != 0 and elapsed >= 0.4, f"{elapsed:.3f}s {err}")
        rc, out, err = psql_try(port, harness.USER, PASSWORD)
        check("auth_delay: the right password still gets in", rc == 0 and out == "1", err)

        # 5. server health and logging.
        check("server alive after failures", srv.alive())
        log = srv.log_text()
        check("failures are logged", 'password authentication failed for user "mallory"' in log)
        check("the password never appears in the log", PASSWORD not in log)
        srv.check_sanitizers()
    passed = sum(results)
    print(f"{passed} passed, {len(results) - passed} failed")
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main())
