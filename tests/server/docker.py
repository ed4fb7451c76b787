#!/usr/bin/python3
"""The container image (docker/Dockerfile + docker/docker-entrypoint.sh), built and run for real.

Set-up: ../shared/container/make-base-image.sh (installs podman/runc/debootstrap when missing,
configures podman for this kind of machine, builds the local Debian base image). Then
`podman build --format docker -f docker/Dockerfile` of this checkout, and containers from it on a
bridge network with ports published on 127.0.0.1 only. Checks:
  - image metadata: non-root USER, VOLUME, EXPOSE 5432 + 9187, HEALTHCHECK, STOPSIGNAL
  - no password and no POSTGRES_HOST_AUTH_METHOD=trust: refuses to start, with the message
  - POSTGRES_PASSWORD + POSTGRES_DB + initdb.d (*.sql, *.sh) + `IMAGE -p 5433 -c name=value`:
    psql over the published port with the password (a wrong one is refused), POSTGRES_DB exists
    and holds what the init scripts created, the -c setting reached basaltd, the health check
    reports healthy, `podman stop` is a clean shutdown well within the timeout, the data survives
    a restart and a new container on the same volume, and the init scripts ran exactly once
  - BASALT_USER + POSTGRES_PASSWORD_FILE (a mounted secret file); `IMAGE bash -c ...` runs as given
Skips (exit 77, SKIP_RETURN_CODE in tests/CMakeLists.txt) only when the machine cannot run the
recipe: not root, the base-image script fails, or podman cannot run the base image. A failing
image build or any failed check fails the test. BASALT_SKIP_DOCKER=1 skips it on purpose.
"""

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import uuid

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
import harness  # noqa: E402

SKIP = 77
IMAGE = "localhost/basalt:test"
TAG = uuid.uuid4().hex[:8]
PASSWORD = "s3cret-pw"
failures = []


def skip(why):
    print(f"SKIP docker: {why}")
    sys.exit(SKIP)


def run(cmd, timeout=120, check=False, **kw):
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, timeout=timeout, **kw)
    if check and p.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed ({p.returncode}):\n{p.stdout}")
    return p


def check(cond, what, detail=""):
    print(f"{'ok  ' if cond else 'FAIL'} {what}")
    if not cond:
        failures.append(what)
        if detail:
            print("     " + detail.replace("\n", "\n     "))


def podman(*args, timeout=120, check_rc=False):
    return run(["podman", *args], timeout=timeout, check=check_rc)


def psql(port, sql, user="postgres", db="postgres", password=PASSWORD):
    env = harness.clean_env({"PGPASSWORD": password, "PGCONNECT_TIMEOUT": "5"})
    p = subprocess.run([harness.PSQL, "-X", "-At", "-h", "127.0.0.1", "-p", str(port), "-U", user, "-d", db,
                        "-v", "ON_ERROR_STOP=1", "-c", sql], stdout=subprocess.PIPE,
                       stderr=subprocess.STDOUT, text=True, env=env, timeout=60)
    return p.returncode, p.stdout.strip()


def wait_ready(name, port, user="postgres", db="postgres", password=PASSWORD, timeout=120):
    """Until psql gets an answer through the published port (or the container exits)."""
    deadline = time.monotonic() + timeout
    out = ""
    while time.monotonic() < deadline:
        rc, out = psql(port, "select 1", user=user, db=db, password=password)
        if rc == 0 and out == "1":
            return True
        state = podman("inspect", "--format", "{{.State.Status}}", name).stdout.strip()
        if state not in ("running", "created", "configured", "initialized"):
            print(f"container {name} is {state}")
            break
        time.sleep(0.5)
    print(f"not ready: {out}\n--- podman logs {name}:\n{podman('logs', name).stdout}")
    return False


def health(name):
    """Runs the image's health check once and returns (rc of the run, recorded status)."""
    rc = podman("healthcheck", "run", name, timeout=60).returncode
    fmt = "{{if .State.Health}}{{.State.Health.Status}}{{else}}{{.State.Healthcheck.Status}}{{end}}"
    return rc, podman("inspect", "--format", fmt, name).stdout.strip()


def setup_podman():
    if os.geteuid() != 0:
        skip("needs root (rootful podman, debootstrap); run as root to test the image")
    script = os.path.join(harness.shared_dir(), "container", "make-base-image.sh")
    if not os.path.exists(script):
        skip(f"{script} is missing (the shared directory must sit beside the repository)")
    t0 = time.monotonic()
    p = run(["bash", script], timeout=1200)
    print(f"make-base-image.sh: rc {p.returncode} in {time.monotonic() - t0:.0f} s")
    if p.returncode != 0:
        print(p.stdout[-3000:])
        skip("the shared base-image recipe failed on this machine (output above)")
    smoke = run(["podman", "run", "--rm", "--network", "host", "debian:bookworm", "true"], timeout=120)
    if smoke.returncode != 0:
        print(smoke.stdout[-2000:])
        skip("podman cannot run the base image on this machine")


# The build stage's compiler cache lives on the host, so a re-run after a source change recompiles
# only what changed (the Dockerfile's CCACHE_DIR; on a fresh CI machine it starts empty).
CCACHE_HOST_DIR = os.environ.get("BASALT_IMAGE_CCACHE", "/var/cache/basalt-image-ccache")


def build_image():
    os.makedirs(CCACHE_HOST_DIR, exist_ok=True)
    t0 = time.monotonic()
    p = run(["nice", "podman", "build", "--format", "docker", "--force-rm", "--network", "host",
             "--volume", f"{CCACHE_HOST_DIR}:/ccache", "-f", "docker/Dockerfile", "-t", IMAGE, "."],
            timeout=3600, cwd=harness.REPO)
    took = time.monotonic() - t0
    print(f"podman build: rc {p.returncode} in {took:.0f} s")
    if p.returncode != 0:
        print(p.stdout[-6000:])
        return False
    return True


def check_metadata():
    cfg = json.loads(podman("image", "inspect", IMAGE, check_rc=True).stdout)[0]
    conf = cfg.get("Config", {})
    check(conf.get("User") not in (None, "", "root", "0"), f"image runs as a non-root user ({conf.get('User')!r})")
    check("/var/lib/basalt/data" in (conf.get("Volumes") or {}), "VOLUME /var/lib/basalt/data")
    ports = set((conf.get("ExposedPorts") or {}).keys())
    check({"5432/tcp", "9187/tcp"} <= ports, f"EXPOSE 5432 and 9187 ({sorted(ports)})")
    hc = conf.get("Healthcheck") or cfg.get("Healthcheck") or cfg.get("HealthCheck") or {}
    check(bool(hc.get("Test")), f"HEALTHCHECK present ({hc.get('Test')})")
    check(conf.get("StopSignal") in ("SIGINT", "SIGTERM", "2", "15"), f"STOPSIGNAL ({conf.get('StopSignal')})")
    size = cfg.get("Size") or 0
    print(f"image size: {size / 1e6:.0f} MB")


def check_refuses_without_password():
    p = podman("run", "--rm", "--name", f"basalt-nopw-{TAG}", IMAGE, timeout=120)
    check(p.returncode != 0 and "superuser password is not specified" in p.stdout,
          "no POSTGRES_PASSWORD and no trust: refuses to start", p.stdout[-1500:])


def main_flow(tmp):
    name = f"basalt-main-{TAG}"
    volume = f"basalt-data-{TAG}"
    initdb = os.path.join(tmp, "initdb")
    os.makedirs(initdb)
    with open(os.path.join(initdb, "01-schema.sql"), "w") as f:
        f.write("CREATE TABLE items (id int PRIMARY KEY, name text);\n"
                "INSERT INTO items VALUES (1, 'from initdb.d');\n"
                "CREATE TABLE init_runs (n int);\n")
    with open(os.path.join(initdb, "02-mark.sh"), "w") as f:
        # Sourced (not executable): sees the entrypoint's PG* variables like the postgres image.
        f.write('psql -v ON_ERROR_STOP=1 --no-psqlrc -c "INSERT INTO init_runs VALUES (1)"\n')
    os.chmod(initdb, 0o755)
    for n in os.listdir(initdb):
        os.chmod(os.path.join(initdb, n), 0o644)
    port = harness.free_port()
    run_args = ["run", "-d", "--name", name, "-e", f"POSTGRES_PASSWORD={PASSWORD}", "-e", "POSTGRES_DB=appdb",
                "-v", f"{volume}:/var/lib/basalt/data", "-v", f"{initdb}:/docker-entrypoint-initdb.d:ro",
                "-p", f"127.0.0.1:{port}:5433", IMAGE, "-p", "5433", "-c", "statement_timeout=12345"]
    try:
        t0 = time.monotonic()
        podman(*run_args, check_rc=True)
        if not wait_ready(name, port, db="appdb"):
            check(False, "container with POSTGRES_PASSWORD accepts psql on the published port")
            return
        print(f"first start (init + initdb.d) ready in {time.monotonic() - t0:.1f} s")
        check(True, "container with POSTGRES_PASSWORD accepts psql on the published port")
        rc, out = psql(port, "select 1", password="wrong")
        check(rc != 0 and "password authentication failed" in out, "a wrong password is refused", out)
        check(psql(port, "show statement_timeout", db="appdb") == (0, "12345ms"), "-c statement_timeout reached basaltd")
        check(psql(port, "select name from items", db="appdb") == (0, "from initdb.d"), "initdb.d *.sql ran in POSTGRES_DB")
        check(psql(port, "select count(*) from init_runs", db="appdb") == (0, "1"), "initdb.d *.sh ran once")
        rc, out = psql(port, "CREATE TABLE kept (v text); INSERT INTO kept VALUES ('survives restarts')", db="appdb")
        check(rc == 0, "create data", out)
        hrc, status = health(name)
        check(hrc == 0 and status == "healthy", f"health check: healthy (rc {hrc}, {status})")

        t0 = time.monotonic()
        podman("stop", "-t", "30", name, timeout=90)
        stop_s = time.monotonic() - t0
        code = podman("inspect", "--format", "{{.State.ExitCode}}", name).stdout.strip()
        logs = podman("logs", name).stdout
        check(code == "0" and stop_s < 15 and "database system is shut down" in logs,
              f"podman stop: clean shutdown (exit {code}, {stop_s:.1f} s)", logs[-1500:])

        podman("start", name, check_rc=True)
        ok = wait_ready(name, port, db="appdb")
        check(ok and psql(port, "select v from kept", db="appdb") == (0, "survives restarts"),
              "data is still there after a container restart")
        check(psql(port, "select count(*) from init_runs", db="appdb") == (0, "1"),
              "initdb.d scripts did not run again on restart")
        check("Skipping initialization" in podman("logs", name).stdout, "restart skipped initialisation")

        podman("rm", "-f", "-t", "30", name, timeout=90)
        podman(*run_args, check_rc=True)
        ok = wait_ready(name, port, db="appdb")
        check(ok and psql(port, "select v from kept", db="appdb") == (0, "survives restarts"),
              "a new container on the same volume finds the data")
    finally:
        podman("rm", "-f", "-v", "-t", "5", name, timeout=90)
        podman("volume", "rm", "-f", volume)


def file_and_basalt_vars(tmp):
    name = f"basalt-vars-{TAG}"
    secret = os.path.join(tmp, "pw.txt")
    with open(secret, "w") as f:
        f.write("file-secret\n")
    os.chmod(secret, 0o644)
    port = harness.free_port()
    try:
        podman("run", "-d", "--name", name, "-e", "BASALT_USER=alice",
               "-e", "POSTGRES_PASSWORD_FILE=/run/secrets/pw", "-v", f"{secret}:/run/secrets/pw:ro",
               "-p", f"127.0.0.1:{port}:5432", IMAGE, check_rc=True)
        ok = wait_ready(name, port, user="alice", db="alice", password="file-secret")
        check(ok, "BASALT_USER + POSTGRES_PASSWORD_FILE: psql as alice into database alice")
        if ok:
            check(psql(port, "select current_user", user="alice", db="alice", password="file-secret")
                  == (0, "alice"), "connected as the BASALT_USER superuser")
    finally:
        podman("rm", "-f", "-v", "-t", "5", name, timeout=90)
    p = subprocess.run(["podman", "run", "--rm", IMAGE, "bash", "-c", "echo \"$(id -un) $(basaltd --help | head -c 7)\""],
                       stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, timeout=120)
    check(p.stdout.strip() == "basalt basaltd", f"IMAGE bash -c ... runs as given, as user basalt ({p.stdout.strip()!r})")


def check_compose_files():
    """docker/compose.yaml and the Prometheus configuration it mounts (no registry here to pull the
    Prometheus image, so compose itself is not run): structure, and promtool on the config."""
    docker_dir = os.path.join(harness.REPO, "docker")
    try:
        import yaml
    except ImportError:
        yaml = None
    if yaml is not None:
        with open(os.path.join(docker_dir, "compose.yaml")) as f:
            compose = yaml.safe_load(f)
        services = compose.get("services", {})
        basalt = services.get("basalt", {})
        check(any(str(v).startswith("basalt-data:/var/lib/basalt/data") for v in basalt.get("volumes", []))
              and "basalt-data" in compose.get("volumes", {}), "compose: basalt with a named data volume")
        check("prometheus" in services, "compose: a prometheus service")
        backup = " ".join(str(x) for x in services.get("backup", {}).get("entrypoint", []))
        check("basalt backup" in backup and "--target" in backup, "compose: a one-shot basalt backup service")
    promtool = shutil.which("promtool")
    if promtool:
        p = run([promtool, "check", "config", os.path.join(docker_dir, "prometheus", "prometheus.yml")])
        check(p.returncode == 0, "promtool check config docker/prometheus/prometheus.yml (with its rule file)",
              p.stdout[-1500:])


def main():
    if os.environ.get("BASALT_SKIP_DOCKER", "") not in ("", "0"):
        skip("BASALT_SKIP_DOCKER is set")
    if shutil.which("psql") is None:
        skip("psql is missing")
    t_all = time.monotonic()
    setup_podman()
    if not build_image():
        print("FAIL the image does not build")
        return 1
    tmp = tempfile.mkdtemp(prefix="basalt-docker-test-")
    os.chmod(tmp, 0o755)
    try:
        check_compose_files()
        check_metadata()
        check_refuses_without_password()
        main_flow(tmp)
        file_and_basalt_vars(tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print(f"docker test: {time.monotonic() - t_all:.0f} s in all; "
          f"{len(failures)} failed" + (f": {failures}" if failures else ""))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
