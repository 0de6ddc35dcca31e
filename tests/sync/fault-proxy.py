#!/usr/bin/python3
"""An HTTP/1.1 reverse proxy that injects faults, for the replication tests.

Usage: fault-proxy.py --target 127.0.0.1:PORT [--port N]

Listens on 127.0.0.1 (a free port chosen by the kernel unless --port is
given), prints one line "PORT=<n>" on stdout once it accepts connections, and
forwards every request to the target: keep-alive on both sides (one upstream
connection per client connection), request bodies with Content-Length or
chunked, responses with Content-Length, chunked or read-until-close. Bodies
go through byte for byte (gzip in either direction stays gzip).
"Expect: 100-continue" is answered by the proxy itself. Runs until killed.

Faults are switched at run time through the proxy's own control URLs (never
forwarded, never counted):

  POST /__proxy/fault   JSON {"mode": "...",            required
                              "path": "regex" | null,   re.search on the
                                                        request target (path
                                                        and query); null: all
                              "method": "regex" | null, e.g. "POST|PUT"
                              "count": N | null,        how many matching
                                                        requests get the fault
                                                        (null: all of them)
                              "status": 503,            for mode status
                              "body": "...",            for mode status
                              "location": "URL",        for mode status: a
                                                        Location header (a
                                                        redirect with 302)
                              "after_bytes": N,         truncate (default 0),
                                                        hang (default 16)
                              "delay": seconds}         for mode delay
                        replaces the fault in force; {"mode": "pass"} ends it.
                        Answers {"ok": true, "fault": {...}}.
  GET  /__proxy/fault   the fault in force, "remaining" = count left.
  GET  /__proxy/stats   {"requests": n, "faults": n, "bytes_in": n,
                         "bytes_out": n, "connections": n (client
                         connections that carried a proxied request),
                         "by_mode": {...}, "recent": [{method, path, status,
                         fault, auth}, ... the last 200]}
                        auth: whether the request carried an Authorization
                        header.
                        bytes_in: request bytes received from clients (head
                        and body); bytes_out: response bytes sent to them.
  POST /__proxy/reset   zeroes the stats and ends the fault.

Modes, for each matching request:
  pass                forward as usual.
  status              answer "status" (default 503) without forwarding, with a
                      CouchDB-like JSON error body (or "body"); the connection
                      stays usable. 413 gives {"error":"too_large",...}.
  drop                forward the request, then close the client connection at
                      once, without waiting for the server's answer and
                      without sending a byte: whether the server applied the
                      request is left to a race, as with a network cut.
  kill-after-forward  forward the request, wait for the server's complete
                      answer (so a write has certainly been applied), then
                      close the client connection without sending a byte:
                      the "did my push land?" case.
  truncate            forward, send the status line, the headers and the first
                      "after_bytes" bytes of the body as it came on the wire
                      (for a chunked answer that counts the chunk framing),
                      then close.
  corrupt             forward, replace the body with garbage that is not JSON
                      (nor valid UTF-8) of the same length as the body
                      received (after de-chunking), sent with a fixed
                      Content-Length and without Content-Encoding.
  reset               don't forward; abort the client connection with a TCP
                      RST (SO_LINGER 0).
  hang                forward, send the headers and the first "after_bytes"
                      (default 16) bytes of the body, then send nothing more
                      and keep the socket open until the client gives up.
  delay               wait "delay" seconds, then forward as usual.

Note for libsoup clients (seen with libsoup 3.2.3): when a reused keep-alive
connection is closed or reset before any byte of the answer arrives (drop,
kill-after-forward, reset), libsoup resends GET, HEAD, PUT and DELETE once on
a new connection by itself, so the fault never reaches the application (a
re-sent PUT may then get 409 because the first one landed); POST is not
resent. On a connection's first request, nothing is resent. To make a fault
reach the code under test, use count 2 or more (or none), or a fault that
sends some bytes first (truncate, hang, corrupt, status). GET /__proxy/stats
shows what the server really saw.
"""

import argparse
import asyncio
import json
import re
import socket
import struct
import sys

MAX_HEAD = 64 * 1024
RECENT = 200
MODES = {"pass", "status", "drop", "kill-after-forward", "truncate", "corrupt",
         "reset", "hang", "delay"}
GARBAGE = b"\xff\x00<!-- not json -->\xfe{{{"
REASONS = {200: "OK", 301: "Moved Permanently", 302: "Found",
           307: "Temporary Redirect", 308: "Permanent Redirect", 400: "Bad Request", 401: "Unauthorized",
           403: "Forbidden", 404: "Not Found", 409: "Conflict",
           413: "Request Entity Too Large", 500: "Internal Server Error",
           502: "Bad Gateway", 503: "Service Unavailable",
           504: "Gateway Timeout"}


class ProtocolError(Exception):
    pass


class Fault:
    """The fault in force: one rule, replaced by each POST /__proxy/fault."""

    def __init__(self, spec=None):
        spec = spec or {"mode": "pass"}
        self.mode = spec.get("mode", "pass")
        if self.mode not in MODES:
            raise ValueError("unknown mode %r (one of %s)"
                             % (self.mode, ", ".join(sorted(MODES))))
        self.spec = spec
        self.path = re.compile(spec["path"]) if spec.get("path") else None
        self.method = (re.compile(spec["method"], re.I)
                       if spec.get("method") else None)
        count = spec.get("count")
        self.remaining = None if count is None else int(count)
        self.status = int(spec.get("status", 503))
        self.body = spec.get("body")
        self.location = spec.get("location")
        default_after = 16 if self.mode == "hang" else 0
        self.after_bytes = int(spec.get("after_bytes", default_after))
        self.delay = float(spec.get("delay", 0))

    def take(self, method, target):
        """The mode for this request, using up one of "count"."""
        if self.mode == "pass" or self.remaining == 0:
            return "pass"
        if self.path and not self.path.search(target):
            return "pass"
        if self.method and not self.method.fullmatch(method):
            return "pass"
        if self.remaining is not None:
            self.remaining -= 1
        return self.mode

    def describe(self):
        out = dict(self.spec)
        out["remaining"] = self.remaining
        return out


class Stats:
    def __init__(self):
        self.requests = 0
        self.faults = 0
        self.bytes_in = 0
        self.bytes_out = 0
        self.connections = 0
        self.by_mode = {}
        self.recent = []

    def note(self, method, target, mode, auth=False):
        self.requests += 1
        if mode != "pass":
            self.faults += 1
            self.by_mode[mode] = self.by_mode.get(mode, 0) + 1
        entry = {"method": method, "path": target, "fault": mode,
                 "status": None, "auth": auth}
        self.recent.append(entry)
        del self.recent[:-RECENT]
        return entry

    def as_json(self):
        return {"requests": self.requests, "faults": self.faults,
                "bytes_in": self.bytes_in, "bytes_out": self.bytes_out,
                "connections": self.connections, "by_mode": self.by_mode,
                "recent": self.recent}


class Message:
    """A request or response head, with its raw bytes kept for forwarding."""

    def __init__(self, start, headers):
        self.start = start            # request or status line, str
        self.headers = headers        # [(name, value)] in order

    def get(self, name):
        name = name.lower()
        for k, v in self.headers:
            if k.lower() == name:
                return v
        return None

    def tokens(self, name):
        name = name.lower()
        out = []
        for k, v in self.headers:
            if k.lower() == name:
                out += [t.strip().lower() for t in v.split(",") if t.strip()]
        return out

    def without(self, *names):
        names = {n.lower() for n in names}
        return [(k, v) for k, v in self.headers if k.lower() not in names]

    def encode(self, headers=None):
        lines = [self.start] + ["%s: %s" % kv for kv in
                                (self.headers if headers is None else headers)]
        return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")


async def read_head(reader):
    """The head of the next message, or None at a clean end of stream."""
    try:
        raw = await reader.readuntil(b"\r\n\r\n")
    except asyncio.IncompleteReadError as e:
        if not e.partial.strip():
            return None, 0
        raise ProtocolError("connection closed inside a message head")
    except asyncio.LimitOverrunError:
        raise ProtocolError("message head too long")
    lines = raw.decode("latin-1").split("\r\n")
    headers = []
    for line in lines[1:]:
        if not line:
            continue
        if line[0] in " \t" and headers:      # obsolete line folding
            headers[-1] = (headers[-1][0], headers[-1][1] + " " + line.strip())
            continue
        name, sep, value = line.partition(":")
        if not sep:
            raise ProtocolError("bad header line %r" % line)
        headers.append((name.strip(), value.strip()))
    return Message(lines[0], headers), len(raw)


async def read_body(reader, msg, until_close=False):
    """The raw body bytes of msg as framed on the wire, and the decoded body.

    Handles chunked (raw keeps the chunk framing and trailers),
    Content-Length, and, for responses, read-until-close."""
    if "chunked" in msg.tokens("transfer-encoding"):
        raw = bytearray()
        data = bytearray()
        while True:
            line = await reader.readuntil(b"\r\n")
            raw += line
            size = int(line.split(b";")[0].strip() or b"0", 16)
            if size == 0:
                while True:                     # trailers, then a blank line
                    line = await reader.readuntil(b"\r\n")
                    raw += line
                    if line == b"\r\n":
                        return bytes(raw), bytes(data)
            chunk = await reader.readexactly(size + 2)
            raw += chunk
            data += chunk[:-2]
    length = msg.get("content-length")
    if length is not None:
        body = await reader.readexactly(int(length))
        return body, body
    if until_close:
        body = await reader.read()
        return body, body
    return b"", b""


def response_has_body(method, status):
    return not (method == "HEAD" or 100 <= status < 200 or
                status in (204, 304))


class Proxy:
    def __init__(self, target_host, target_port):
        self.target = (target_host, target_port)
        self.fault = Fault()
        self.stats = Stats()

    # -- the control URLs ----------------------------------------------------

    def control(self, method, target, body):
        path = target.split("?")[0]
        if path == "/__proxy/fault" and method == "POST":
            try:
                self.fault = Fault(json.loads(body or b"{}"))
            except (ValueError, TypeError, re.error) as e:
                return 400, {"error": "bad_request", "reason": str(e)}
            return 200, {"ok": True, "fault": self.fault.describe()}
        if path == "/__proxy/fault" and method == "GET":
            return 200, self.fault.describe()
        if path == "/__proxy/stats" and method == "GET":
            return 200, self.stats.as_json()
        if path == "/__proxy/reset" and method == "POST":
            self.fault = Fault()
            self.stats = Stats()
            return 200, {"ok": True}
        return 404, {"error": "not_found", "reason": "no such control URL"}

    # -- one client connection --------------------------------------------------

    async def handle(self, creader, cwriter):
        conn = Connection(self, creader, cwriter)
        try:
            await conn.run()
        except (ConnectionError, asyncio.IncompleteReadError, ProtocolError,
                asyncio.LimitOverrunError, ValueError):
            pass
        finally:
            conn.close_upstream()
            if not cwriter.is_closing():
                cwriter.close()


class Connection:
    def __init__(self, proxy, creader, cwriter):
        self.proxy = proxy
        self.creader = creader
        self.cwriter = cwriter
        self.up = None                          # (reader, writer) or None
        self.counted = False                    # in stats.connections yet?

    def send(self, data, count=True):
        if count:
            self.proxy.stats.bytes_out += len(data)
        self.cwriter.write(data)

    def close_upstream(self):
        if self.up:
            self.up[1].close()
            self.up = None

    def reset_client(self):
        sock = self.cwriter.get_extra_info("socket")
        if sock is not None:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER,
                            struct.pack("ii", 1, 0))
        self.cwriter.transport.abort()

    async def answer(self, status, obj, keep_alive=True, count=True,
                     location=None):
        body = obj if isinstance(obj, bytes) else json.dumps(obj).encode()
        headers = [("Content-Type", "application/json"),
                   ("Content-Length", str(len(body))),
                   ("Connection", "keep-alive" if keep_alive else "close")]
        if location is not None:
            headers.append(("Location", location))
        head = Message("HTTP/1.1 %d %s" % (status, REASONS.get(status, "Error")),
                       headers)
        self.send(head.encode() + body, count)
        await self.cwriter.drain()

    async def upstream(self):
        """The upstream connection and whether it is a reused one."""
        if self.up is not None and self.up[0].at_eof():
            self.close_upstream()               # the server closed it idle
        if self.up is not None:
            return self.up, True
        self.up = await asyncio.open_connection(*self.proxy.target,
                                                limit=MAX_HEAD)
        return self.up, False

    async def forward(self, data, wait_answer=True):
        """Sends a request upstream; returns (reader, final answer head).

        Interim 1xx answers are dropped (the proxy answered Expect itself).
        The server (node: keepAliveTimeout 5 s) may close an idle connection
        just as a request goes out on it: when a reused connection ends
        without a byte of answer, the request is sent once more on a new
        connection, as HTTP clients do. With wait_answer False (mode drop)
        it returns (reader, None) once the request is written."""
        for attempt in (0, 1):
            (ureader, uwriter), reused = await self.upstream()
            try:
                uwriter.write(data)
                await uwriter.drain()
                if not wait_answer:
                    return ureader, None
                while True:
                    resp, _ = await read_head(ureader)
                    if resp is None:
                        raise ConnectionResetError("the server closed the "
                                                   "connection")
                    status = int(resp.start.split(" ")[1])
                    if not 100 <= status < 200 or status == 101:
                        return ureader, resp
            except ConnectionError:
                self.close_upstream()
                if not reused or attempt == 1:
                    raise
        raise AssertionError("not reached")

    async def run(self):
        while True:
            req, head_len = await read_head(self.creader)
            if req is None:
                return
            parts = req.start.split(" ")
            if len(parts) != 3:
                raise ProtocolError("bad request line %r" % req.start)
            method, target, version = parts
            stats = self.proxy.stats
            stats.bytes_in += head_len
            if "100-continue" in req.tokens("expect"):
                self.send(b"HTTP/1.1 100 Continue\r\n\r\n")
            raw_body, body = await read_body(self.creader, req)
            stats.bytes_in += len(raw_body)
            client_close = ("close" in req.tokens("connection") or
                            (version == "HTTP/1.0" and
                             "keep-alive" not in req.tokens("connection")))

            if target.startswith("/__proxy/"):
                stats.bytes_in -= head_len + len(raw_body)
                status, obj = self.proxy.control(method, target, body)
                await self.answer(status, obj, not client_close, count=False)
                if client_close:
                    return
                continue

            if not self.counted:
                stats.connections += 1
                self.counted = True
            fault = self.proxy.fault
            mode = fault.take(method, target)
            entry = stats.note(method, target, mode,
                               req.get("authorization") is not None)

            if mode == "reset":
                self.reset_client()
                return
            if mode == "status":
                status = fault.status
                if fault.body is not None:
                    obj = fault.body.encode()
                elif status == 413:
                    obj = {"error": "too_large",
                           "reason": "the request entity is too large"}
                else:
                    obj = {"error": "proxy_fault",
                           "reason": "fault-proxy answered %d" % status}
                entry["status"] = status
                await self.answer(status, obj, not client_close,
                                  location=fault.location)
                if client_close:
                    return
                continue
            if mode == "delay":
                await asyncio.sleep(fault.delay)

            # Forward the request as it came, minus Expect (answered above).
            try:
                ureader, resp = await self.forward(
                    req.encode(req.without("expect")) + raw_body,
                    wait_answer=(mode != "drop"))
            except (OSError, ProtocolError) as e:
                self.close_upstream()
                entry["status"] = 502
                await self.answer(502, {"error": "bad_gateway",
                                        "reason": str(e)}, False)
                return

            if mode == "drop":
                self.close_upstream()
                return

            status = int(resp.start.split(" ")[1])
            entry["status"] = status
            upstream_close = ("close" in resp.tokens("connection") or
                              resp.start.startswith("HTTP/1.0"))
            framed = ("chunked" in resp.tokens("transfer-encoding") or
                      resp.get("content-length") is not None)
            if not response_has_body(method, status):
                raw, data = b"", b""
            elif mode in ("pass", "delay"):
                # Stream as it comes: _changes?feed=longpoll and big answers.
                await self.stream_body(ureader, resp, method)
                if not framed:
                    return              # the body ended with the connection
                if upstream_close:
                    self.close_upstream()
                if client_close:
                    return
                continue
            else:
                raw, data = await read_body(ureader, resp, until_close=True)
            if upstream_close or not framed:
                self.close_upstream()

            if mode == "kill-after-forward":
                return
            if mode == "truncate":
                self.send(resp.encode() + raw[:fault.after_bytes])
                await self.cwriter.drain()
                return
            if mode == "hang":
                self.send(resp.encode() + raw[:fault.after_bytes])
                await self.cwriter.drain()
                await self.creader.read()       # until the client gives up
                return
            if mode == "corrupt":
                garbage = (GARBAGE * (len(data) // len(GARBAGE) + 1))[:len(data)]
                headers = resp.without("content-length", "transfer-encoding",
                                       "content-encoding")
                headers.append(("Content-Length", str(len(garbage))))
                self.send(resp.encode(headers) + garbage)
                await self.cwriter.drain()
                if client_close:
                    return
                continue
            # A body-less answer in pass or delay mode.
            self.send(resp.encode())
            await self.cwriter.drain()
            if client_close:
                return

    async def stream_body(self, ureader, resp, method):
        """Pass the head and body of resp on to the client as they arrive."""
        self.send(resp.encode())
        if not response_has_body(method, int(resp.start.split(" ")[1])):
            await self.cwriter.drain()
            return
        if "chunked" in resp.tokens("transfer-encoding"):
            while True:
                line = await ureader.readuntil(b"\r\n")
                self.send(line)
                size = int(line.split(b";")[0].strip() or b"0", 16)
                if size == 0:
                    while True:
                        line = await ureader.readuntil(b"\r\n")
                        self.send(line)
                        if line == b"\r\n":
                            break
                    break
                self.send(await ureader.readexactly(size + 2))
                await self.cwriter.drain()
        else:
            length = resp.get("content-length")
            left = int(length) if length is not None else None
            while left is None or left > 0:
                chunk = await ureader.read(65536 if left is None
                                           else min(left, 65536))
                if not chunk:
                    if left:
                        raise ProtocolError("the server cut a body short")
                    break
                self.send(chunk)
                await self.cwriter.drain()
                if left is not None:
                    left -= len(chunk)
            if length is None:
                self.close_upstream()
        await self.cwriter.drain()


async def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--target", required=True, help="HOST:PORT")
    parser.add_argument("--port", type=int, default=0,
                        help="port to listen on (default: a free one)")
    args = parser.parse_args()
    host, _, port = args.target.rpartition(":")
    proxy = Proxy(host or "127.0.0.1", int(port))
    server = await asyncio.start_server(proxy.handle, "127.0.0.1", args.port,
                                        limit=MAX_HEAD)
    print("PORT=%d" % server.sockets[0].getsockname()[1], flush=True)
    async with server:
        await server.serve_forever()


if __name__ == "__main__":
    try:
        asyncio.run(main())
    except KeyboardInterrupt:
        pass
