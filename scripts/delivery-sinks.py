#!/usr/bin/env python3
"""Local stand-ins for the alert channels, for benchmarks and end-to-end tests: a real SMTP server
(aiosmtpd) and an HTTP server that speaks Twilio's Messages API and signal-cli-rest-api's /v2/send.
Both count every message by its idempotency key (Message-ID, or the I-Amparo-Idempotency-Key header).
GET /stats on the HTTP port answers {"smtp": {"total", "unique"}, "http": {...}}; GET /messages answers the
last 100 texts received over HTTP (to and body), for tests that follow a link in a message.

Usage: delivery-sinks.py SMTP_PORT HTTP_PORT
"""
import json
import re
import sys
import threading
from collections import Counter, deque
from urllib.parse import parse_qs
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from aiosmtpd.controller import Controller

lock = threading.Lock()
smtp_keys, http_keys = Counter(), Counter()
recent = deque(maxlen=100)


class CountingHandler:
    async def handle_DATA(self, server, session, envelope):
        match = re.search(rb"^Message-ID: <([^>]+)>", envelope.content, re.M | re.I)
        with lock:
            smtp_keys[match.group(1).decode() if match else "?"] += 1
        return "250 OK"


class ProviderHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # headers and body go out in two writes

    def log_message(self, *args):
        pass

    def do_POST(self):
        length = int(self.headers.get("Content-Length", 0))
        body = self.rfile.read(length)
        if not (self.path.endswith("/Messages.json") or self.path == "/v2/send"):
            return self.answer(404, b"{}")
        with lock:
            http_keys[self.headers.get("I-Amparo-Idempotency-Key", "?")] += 1
            if self.path.endswith("/Messages.json"):
                fields = parse_qs(body.decode())
                recent.append({"to": fields.get("To", [""])[0], "body": fields.get("Body", [""])[0]})
            else:
                payload = json.loads(body or b"{}")
                recent.append({"to": ",".join(payload.get("recipients", [])), "body": payload.get("message", "")})
        self.answer(201, b'{"sid":"SM0","timestamp":"1"}')

    def do_GET(self):
        if self.path == "/messages":
            with lock:
                return self.answer(200, json.dumps(list(recent)).encode())
        with lock:
            stats = {name: {"total": sum(c.values()), "unique": len(c)} for name, c in (("smtp", smtp_keys), ("http", http_keys))}
        self.answer(200, json.dumps(stats).encode())

    def answer(self, status, body):
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


if __name__ == "__main__":
    smtp_port, http_port = int(sys.argv[1]), int(sys.argv[2])
    controller = Controller(CountingHandler(), hostname="127.0.0.1", port=smtp_port)
    controller.start()
    server = ThreadingHTTPServer(("127.0.0.1", http_port), ProviderHandler)
    server.daemon_threads = True
    print("ready", flush=True)
    try:
        server.serve_forever()
    finally:
        controller.stop()
