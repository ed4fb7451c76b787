#!/usr/bin/python3
"""Malformed wire input never takes the server down.

Each case opens a raw TCP connection, sends something wrong, and expects the server to close the
connection within a few seconds. Where PostgreSQL 15 answers with an ErrorResponse ('E') before
closing, basaltd must too (and with the same SQLSTATE); where PostgreSQL closes silently, basaltd
may close silently or send an ErrorResponse first. After all cases (and after each one) psql must
still work against the same server, which must still be running.

Cases: random bytes; a 1 GB length prefix on the startup packet and on a Query message; a
truncated startup packet (then EOF); a startup packet that is too short; an unsupported protocol
version; a startup packet without a user; a nonsense message type after a valid startup; a
message whose length is smaller than its own length field; EOF in the middle of a Query message.

BASALT_ORACLE_SELFTEST=1 runs it against PostgreSQL 15 (that is how the expectations below were
established). Prints `N passed, M failed` and exits 0 iff all cases passed.
"""

import os
import random
import socket
import struct
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
import harness  # noqa: E402

CLOSE_TIMEOUT = 10.0
PROTO_3 = 196608  # 3.0


def startup_packet(params, version=PROTO_3):
    body = struct.pack("!I", version)
    for k, v in params.items():
        body += k.encode() + b"\0" + v.encode() + b"\0"
    body += b"\0"
    return struct.pack("!I", len(body) + 4) + body


def message(kind, payload=b""):
    return kind + struct.pack("!I", len(payload) + 4) + payload


def read_until_closed(sock, timeout=CLOSE_TIMEOUT):
    """Reads until EOF/reset. Returns (closed, bytes received)."""
    data = b""
    deadline = time.monotonic() + timeout
    while True:
        left = deadline - time.monotonic()
        if left <= 0:
            return False, data
        sock.settimeout(left)
        try:
            chunk = sock.recv(65536)
        except socket.timeout:
            return False, data
        except (ConnectionResetError, BrokenPipeError):
            return True, data
        if not chunk:
            return True, data
        data += chunk


def backend_messages(data):
    """Splits backend bytes into (type, payload) messages; a trailing partial message is ignored.
    Before the first typed message a single byte 'N'/'S' (SSL/GSS answers) is not expected here."""
    msgs = []
    pos = 0
    while pos + 5 <= len(data):
        kind = data[pos:pos + 1]
        (length,) = struct.unpack("!I", data[pos + 1:pos + 5])
        if length < 4 or pos + 1 + length > len(data):
            break
        msgs.append((kind, data[pos + 5:pos + 1 + length]))
        pos += 1 + length
    return msgs


def error_fields(payload):
    fields = {}
    for part in payload.split(b"\0"):
        if part:
            fields[chr(part[0])] = part[1:].decode("utf-8", errors="replace")
    return fields


def connect(port):
    s = socket.create_connection(("127.0.0.1", port), timeout=CLOSE_TIMEOUT)
    s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    return s


def valid_session(port, user):
    """Opens a connection and completes startup (trust auth) up to ReadyForQuery."""
    s = connect(port)
    s.sendall(startup_packet({"user": user, "database": "postgres"}))
    data = b""
    deadline = time.monotonic() + CLOSE_TIMEOUT
    while time.monotonic() < deadline:
        chunk = s.recv(65536)
        if not chunk:
            raise RuntimeError(f"server closed during startup: {data!r}")
        data += chunk
        msgs = backend_messages(data)
        for kind, payload in msgs:
            if kind == b"R" and struct.unpack("!I", payload[:4])[0] != 0:
                raise RuntimeError("server asked for a password; tests need trust authentication")
            if kind == b"E":
                raise RuntimeError(f"startup failed: {error_fields(payload)}")
        if msgs and msgs[-1][0] == b"Z":
            return s
    raise RuntimeError("no ReadyForQuery after startup")


# Each case: name, function(sock) that sends the garbage (sock may be a fresh or started
# connection, see `after_startup`), and the SQLSTATE PostgreSQL 15 sends before closing
# (None: PostgreSQL closes without an ErrorResponse).
def send_random(sock):
    rnd = random.Random(20261121)
    try:
        sock.sendall(bytes(rnd.getrandbits(8) for _ in range(65536)))
    except (BrokenPipeError, ConnectionResetError):
        pass


def send_huge_startup(sock):
    sock.sendall(struct.pack("!II", 0x40000000, PROTO_3) + b"user\0basalt\0")


def send_truncated_startup(sock):
    full = startup_packet({"user": "basalt", "database": "postgres"})
    sock.sendall(full[:len(full) // 2])
    sock.shutdown(socket.SHUT_WR)


def send_short_startup(sock):
    sock.sendall(struct.pack("!I", 6) + b"\0\3")


def send_bad_version(sock):
    sock.sendall(startup_packet({"user": "basalt", "database": "postgres"}, version=(9 << 16) | 9))


def send_no_user(sock):
    sock.sendall(startup_packet({"database": "postgres"}))


def send_nonsense_type(sock):
    sock.sendall(message(b"x", b"garbage"))


def send_huge_query(sock):
    sock.sendall(b"Q" + struct.pack("!I", 0x40000000) + b"SELECT 1")


def send_length_below_header(sock):
    sock.sendall(b"Q" + struct.pack("!I", 2))


def send_eof_mid_query(sock):
    sock.sendall(b"Q" + struct.pack("!I", 100) + b"SELECT")
    sock.shutdown(socket.SHUT_WR)


CASES = [
    # name, sender, after_startup, SQLSTATE PostgreSQL sends (None = none)
    ("64 KiB of random bytes", send_random, False, None),
    ("1 GB length prefix on the startup packet", send_huge_startup, False, None),
    ("truncated startup packet, then EOF", send_truncated_startup, False, None),
    ("startup packet shorter than its header", send_short_startup, False, None),
    ("unsupported protocol version 9.9", send_bad_version, False, "0A000"),
    ("startup packet without a user name", send_no_user, False, "28000"),
    ("nonsense message type 'x' after startup", send_nonsense_type, True, "08P01"),
    ("1 GB length prefix on a Query message", send_huge_query, True, None),
    ("message length smaller than its length field", send_length_below_header, True, None),
    ("EOF in the middle of a Query message", send_eof_mid_query, True, None),
]


def run_case(server, name, sender, after_startup, pg_state, is_pg):
    sock = valid_session(server.port, server.user) if after_startup else connect(server.port)
    try:
        sender(sock)
        closed, data = read_until_closed(sock)
    finally:
        sock.close()
    msgs = backend_messages(data)
    errors = [error_fields(p) for k, p in msgs if k == b"E"]
    got_state = errors[0].get("C") if errors else None
    problems = []
    if not closed:
        problems.append(f"connection still open after {CLOSE_TIMEOUT}s")
    if pg_state is not None and got_state != pg_state:
        problems.append(f"expected ErrorResponse with SQLSTATE {pg_state}, got "
                        f"{got_state or 'no ErrorResponse'} ({data[:200]!r})")
    if is_pg and pg_state is None and errors:
        problems.append(f"PostgreSQL sent an ErrorResponse {got_state}: update the expectation")
    if not server.alive():
        problems.append("server process exited")
    elif not harness.accepts_queries(server.port, user=server.user):
        problems.append("psql cannot run `select 1` afterwards")
    detail = f"[{got_state or 'no E'}{', ' + errors[0].get('M', '') if errors else ''}]"
    return problems, detail


def main():
    harness.require_binaries()
    passed = failed = 0
    with harness.cleanup_on_signal(), harness.server_under_test() as srv:
        is_pg = isinstance(srv, harness.PostgresServer)
        for name, sender, after_startup, pg_state in CASES:
            try:
                problems, detail = run_case(srv, name, sender, after_startup, pg_state, is_pg)
            except (OSError, RuntimeError) as e:
                problems, detail = [f"{type(e).__name__}: {e}"], ""
            if problems:
                failed += 1
                print(f"FAIL {name} {detail}: " + "; ".join(problems), flush=True)
                if not srv.alive():
                    srv.dump_log()
                    srv.start()
            else:
                passed += 1
                print(f"ok   {name} {detail}", flush=True)
        final_ok = srv.alive() and harness.psql_value(srv.port, "SELECT 40 + 2") == "42"
        if final_ok:
            passed += 1
            print("ok   psql works after all cases", flush=True)
        else:
            failed += 1
            print("FAIL psql works after all cases", flush=True)
    print(f"{passed} passed, {failed} failed")
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
