#!/usr/bin/python3
"""sqllogictest in CI: ../shared/sqllogictest/slt.py plays a representative subset of the public
corpus against a fresh basaltd, and each file's pass count must reach 99% of PostgreSQL 15's
reference count (the table in ../shared/sqllogictest/README.md, parsed at run time, so the
reference is never Basalt's own output). The whole corpus is run by `make report`
(REPORT_SLT_FILES) and the figures are recorded in docs/.

Env: SLT_FILES (space-separated paths under corpus/, overriding the default subset).
Prints one line per file and `N passed, M failed` (files) and exits 0 iff every file reached it.
"""

import math
import os
import re
import subprocess
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
import harness  # noqa: E402

DEFAULT_FILES = [
    "test/select1.test",
    "test/select2.test",
    "test/random/aggregates/slt_good_0.test",
    "test/random/expr/slt_good_0.test",
    "test/random/groupby/slt_good_0.test",
    "test/random/select/slt_good_0.test",
]
REQUIRED_RATIO = 0.99
ROW_RE = re.compile(r"^\| (test/\S+) \| [\d,]+ \| [\d,]+ \| ([\d,]+) / ([\d,]+) \|", re.M)
RESULT_RE = re.compile(r"(\d+) passed, (\d+) failed, (\d+) skipped")


def reference_counts(readme):
    with open(readme, encoding="utf-8") as f:
        return {m.group(1): int(m.group(2).replace(",", "")) for m in ROW_RE.finditer(f.read())}


def main():
    slt_dir = os.path.join(harness.shared_dir(), "sqllogictest")
    slt = os.path.join(slt_dir, "slt.py")
    if not os.path.exists(slt):
        print(f"missing {slt} (the shared directory must sit beside the repository)")
        return 1
    refs = reference_counts(os.path.join(slt_dir, "README.md"))
    files = os.environ.get("SLT_FILES", "").split() or DEFAULT_FILES
    against_pg = harness.oracle_selftest()
    if not against_pg:
        harness.require_binaries()
    server = harness.PostgresServer() if against_pg else harness.BasaltServer()
    passed = failed = 0
    with harness.cleanup_on_signal(), server as srv:
        for name in files:
            if name not in refs:
                print(f"FAIL {name}: no PostgreSQL reference count in the README")
                failed += 1
                continue
            p = subprocess.run(["/usr/bin/python3", slt, "--host", "127.0.0.1", "--port", str(srv.port),
                                "--user", srv.user, "--dbname", "postgres", "--isolation", "database",
                                os.path.join(slt_dir, "corpus", name)],
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                               text=True, timeout=900, env=harness.clean_env())
            m = None
            for m in RESULT_RE.finditer(p.stdout):
                pass
            need = math.ceil(refs[name] * REQUIRED_RATIO)
            got = int(m.group(1)) if m else -1
            ok = got >= need
            summary = m.group(0) if m else f"no summary line (exit {p.returncode})"
            print(f"{'ok  ' if ok else 'FAIL'} {name}: {summary}; PostgreSQL 15 passes {refs[name]}, "
                  f"required {need}", flush=True)
            if not ok:
                print("\n".join(p.stdout.splitlines()[-30:]))
            passed += ok
            failed += not ok
        if not srv.alive():
            print("FAIL server died")
            failed += 1
        srv.check_sanitizers()
    print(f"{passed} passed, {failed} failed")
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
