#!/usr/bin/python3
"""psql's describe commands against Basalt and PostgreSQL 15: same output.

Creates the same schema (tables with primary keys, a secondary and a unique
index, CHECK, FOREIGN KEY, DEFAULTs, a sequence) on basaltd and on a throwaway
PostgreSQL 15, runs psql's backslash commands (\\l \\dn \\dt \\dv \\di \\ds \\du
\\df \\d \\d+ t \\d idx \\dt+) on both and compares their output. Only sizes,
OIDs and the template databases (which only PostgreSQL has) are normalised.
Every command's catalog queries run through Basalt's SQL engine over its
pg_catalog relations (engine/sql/system/): nothing is keyed on query text.
Exit status 1 on any difference in a command outside PENDING. PENDING commands
still run and their diffs are printed (the reason is noted at PENDING); when
one of them starts matching, the output says so and it leaves PENDING.
"""

import difflib
import os
import re
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
from harness import BasaltServer, PostgresServer, psql  # noqa: E402

DB = "describe_db"

SCHEMA = """
CREATE TABLE customers (
    id integer PRIMARY KEY,
    name text NOT NULL,
    email varchar(100) UNIQUE,
    score numeric(10,2) DEFAULT 0 CHECK (score >= 0),
    created timestamptz DEFAULT now()
);
CREATE TABLE orders (
    id bigint PRIMARY KEY,
    customer_id integer NOT NULL REFERENCES customers(id),
    status text DEFAULT 'new',
    note varchar(20)
);
CREATE INDEX orders_customer_idx ON orders (customer_id);
CREATE TABLE plain (a int, b text);
CREATE SEQUENCE order_numbers START 100;
"""

# \d customers: pg_get_constraintdef prints "CHECK ((score >= 0))" where
# PostgreSQL prints "CHECK (score >= 0::numeric)" (implicit casts in the deparse).
PENDING = {
    r"\d customers",
}

COMMANDS = [
    r"\l",
    r"\dn",
    r"\dt",
    r"\dv",
    r"\di",
    r"\ds",
    r"\du",
    r"\df",
    r"\d",
    r"\d customers",
    r"\d orders",
    r"\d+ orders",
    r"\d plain",
    r"\d orders_customer_idx",
    r"\d customers_pkey",
    # Sizes differ in length; unaligned output keeps the column widths out of it.
    "\\pset format unaligned\n\\dt+",
    r"\d nosuchtable",
]

SIZE = re.compile(r"\b\d+ (bytes|kB|MB|GB)\b")
OID = re.compile(r"\b(oid|OID)[ =]+\d+")


def normalize(cmd, text):
    text = SIZE.sub("<size>", text)
    text = OID.sub(r"\1 <oid>", text)
    lines = text.splitlines()
    if cmd == r"\l":
        # Only the databases both servers have; PostgreSQL's template databases
        # and Basalt's per-user database are installation details.
        kept = []
        for line in lines:
            first = line.split("|")[0].strip()
            # (A line with an empty first column continues the row above: a
            # template database's multi-line access privileges.)
            if first in ("template0", "template1", "basalt") or (first == "" and "|" in line):
                continue
            kept.append(line)
        lines = [l for l in kept if not re.match(r"^\(\d+ rows?\)$", l)]
    return "\n".join(lines) + "\n"


def run_all(port):
    out = {}
    for cmd in COMMANDS:
        _, text = psql(port, cmd + "\n", db=DB)
        out[cmd] = normalize(cmd, text)
    return out


def setup(port):
    psql(port, f"DROP DATABASE IF EXISTS {DB};\nCREATE DATABASE {DB};\n", check=True)
    rc, text = psql(port, SCHEMA, db=DB, args=("-v", "ON_ERROR_STOP=1"))
    if rc != 0:
        raise RuntimeError(f"schema setup failed on port {port}:\n{text}")


def main():
    with PostgresServer() as pg, BasaltServer() as basalt:
        setup(pg.port)
        setup(basalt.port)
        want = run_all(pg.port)
        got = run_all(basalt.port)
    failures = 0
    pending = 0
    for cmd in COMMANDS:
        if want[cmd] == got[cmd]:
            print(f"ok   {cmd}" + ("   (matches now: remove it from PENDING)" if cmd in PENDING else ""))
            continue
        if cmd in PENDING:
            pending += 1
            print(f"pending {cmd} (differs; see PENDING)")
        else:
            failures += 1
            print(f"FAIL {cmd}")
        sys.stdout.writelines(difflib.unified_diff(want[cmd].splitlines(True), got[cmd].splitlines(True),
                                                   "postgresql", "basalt"))
    print(f"{len(COMMANDS) - failures - pending} of {len(COMMANDS)} psql describe commands match PostgreSQL 15"
          f" ({pending} pending)")
    print(f"{len(COMMANDS) - failures - pending} passed, {failures} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
