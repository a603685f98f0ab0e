#!/usr/bin/env python3
"""Local stand-ins for the alert channels, for benchmarks and end-to-end tests: a real SMTP server
(aiosmtpd, in its own process) and an HTTP/1.1 server (asyncio, keep-alive) that speaks Twilio's
Messages API (POST /2010-04-01/Accounts/{sid}/Messages.json, form-encoded) and signal-cli-rest-api's
POST /v2/send (JSON). Both count every message by its idempotency key (the Message-ID header, or the
I-Amparo-Idempotency-Key header) and, like a receiver honouring the key, deliver a repeat only once.
GET /stats on the HTTP port answers {"smtp": {"total", "unique"}, "http": {...}, "sms": {...}, "signal": {...}}
(sms and signal count every POST and the distinct recipient-and-text pairs, as a provider that
ignores idempotency keys would deliver them); GET /messages answers the
last 100 messages (to and text, mail among the first thousand), for tests that follow a link in one.

Usage: delivery-sinks.py SMTP_PORT HTTP_PORT
"""
import asyncio
import ctypes
import email
import email.utils
import json
import time
import multiprocessing
import re
import signal
import sys
from collections import deque
from urllib.parse import parse_qs

MESSAGE_ID = re.compile(rb"^Message-ID: <([^>]+)>", re.M | re.I)


def run_smtp(port, total, unique, ready, mails):
    """The SMTP sink's process: aiosmtpd, counting Message-IDs into shared counters; the first
    thousand messages also go to `mails` (recipient and decoded text) for tests to read."""
    from aiosmtpd.controller import Controller

    ctypes.CDLL("libc.so.6").prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG: die with the parent, even on kill -9
    seen = set()

    class CountingHandler:
        async def handle_DATA(self, server, session, envelope):
            match = MESSAGE_ID.search(envelope.content)
            key = match.group(1) if match else b"?"
            total.value += 1
            if key in seen:  # a resend: accepted, not delivered again
                return "250 OK"
            seen.add(key)
            unique.value += 1
            if unique.value <= 1000:
                message = email.message_from_bytes(envelope.content)
                text = message.get_payload(decode=True) or b""
                mails.put({"to": ",".join(envelope.rcpt_tos), "body": text.decode("utf-8", "replace")})
            return "250 OK"

    controller = Controller(CountingHandler(), hostname="127.0.0.1", port=port, loop=new_loop())
    controller.start()
    ready.set()
    multiprocessing.Event().wait()  # until killed


def new_loop():
    """uvloop when installed (Tests/e2e/requirements.txt has it): the sinks should not be the bottleneck."""
    try:
        import uvloop
        return uvloop.new_event_loop()
    except ImportError:
        return asyncio.new_event_loop()


class Provider(asyncio.Protocol):
    """One keep-alive HTTP/1.1 connection; requests are answered in order."""

    def __init__(self, state):
        self.state = state
        self.buffer = b""

    def connection_made(self, transport):
        self.transport = transport

    def data_received(self, data):
        self.buffer += data
        while True:
            end = self.buffer.find(b"\r\n\r\n")
            if end < 0:
                return
            head = self.buffer[:end].decode("latin-1").split("\r\n")
            headers = {}
            for line in head[1:]:
                name, _, value = line.partition(":")
                headers[name.strip().lower()] = value.strip()
            length = int(headers.get("content-length", "0"))
            if len(self.buffer) < end + 4 + length:
                return
            body = self.buffer[end + 4:end + 4 + length]
            self.buffer = self.buffer[end + 4 + length:]
            method, path = head[0].split(" ")[:2]
            status, answer = self.state.handle(method, path, headers, body)
            self.transport.write(b"HTTP/1.1 %d %s\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n%s" % (
                status, b"OK" if status < 400 else b"Not Found", len(answer), answer))


class State:
    def __init__(self, smtp_total, smtp_unique, mails):
        self.total = 0
        self.keys = set()
        self.recent = deque(maxlen=100)
        self.by_recipient = {}  # Twilio's message list: what each number received, for reconciliation
        # What a phone would show if the provider ignored idempotency keys: every POST, by channel,
        # and the distinct (recipient, text) pairs among them.
        self.posts = {"sms": 0, "signal": 0}
        self.distinct = {"sms": set(), "signal": set()}
        self.smtp_total, self.smtp_unique, self.mails = smtp_total, smtp_unique, mails

    def handle(self, method, path, headers, body):
        if method == "POST" and (path.endswith("/Messages.json") or path == "/v2/send"):
            self.total += 1
            if path.endswith("/Messages.json"):
                fields = parse_qs(body.decode())
                seen = ("sms", fields.get("To", [""])[0], fields.get("Body", [""])[0])
            else:
                payload = json.loads(body or b"{}")
                seen = ("signal", ",".join(payload.get("recipients", [])), payload.get("message", ""))
            self.posts[seen[0]] += 1
            self.distinct[seen[0]].add(seen[1:])
            key = headers.get("i-amparo-idempotency-key", "?")
            if key in self.keys:  # a resend: accepted, not delivered again
                return 200, b'{"sid":"SM0","timestamp":"1"}'
            self.keys.add(key)
            if path.endswith("/Messages.json"):
                fields = parse_qs(body.decode())
                self.recent.append({"to": fields.get("To", [""])[0], "body": fields.get("Body", [""])[0], "at": time.time()})
                self.by_recipient.setdefault(fields.get("To", [""])[0], []).append(
                    {"to": fields.get("To", [""])[0], "body": fields.get("Body", [""])[0],
                     "date_created": email.utils.formatdate(time.time())})
            else:
                payload = json.loads(body or b"{}")
                self.recent.append({"to": ",".join(payload.get("recipients", [])), "body": payload.get("message", ""), "at": time.time()})
            return 201, b'{"sid":"SM0","timestamp":"1"}'
        if method == "GET" and "/Messages.json" in path:  # Twilio's message list, by To
            query = parse_qs(path.split("?", 1)[1] if "?" in path else "")
            sent = self.by_recipient.get(query.get("To", [""])[0], [])
            return 200, json.dumps({"messages": list(reversed(sent))}).encode()
        if method == "GET" and path.startswith("/v1/receive/"):  # signal-cli-rest-api: nothing waiting
            return 200, b"[]"
        if method == "GET" and path == "/messages":
            while not self.mails.empty():
                self.recent.append(self.mails.get_nowait())
            return 200, json.dumps(list(self.recent)).encode()
        if method == "GET" and path == "/stats":
            stats = {"smtp": {"total": self.smtp_total.value, "unique": self.smtp_unique.value},
                     "http": {"total": self.total, "unique": len(self.keys)},
                     "sms": {"total": self.posts["sms"], "unique": len(self.distinct["sms"])},
                     "signal": {"total": self.posts["signal"], "unique": len(self.distinct["signal"])}}
            return 200, json.dumps(stats).encode()
        return 404, b"{}"


async def serve_http(port, state):
    loop = asyncio.get_running_loop()
    server = await loop.create_server(lambda: Provider(state), "127.0.0.1", port, backlog=1024)
    print("ready", flush=True)
    await server.serve_forever()


if __name__ == "__main__":
    smtp_port, http_port = int(sys.argv[1]), int(sys.argv[2])
    context = multiprocessing.get_context("fork")
    total, unique, ready = context.Value("q", 0, lock=False), context.Value("q", 0, lock=False), context.Event()
    mails = context.Queue()
    smtp = context.Process(target=run_smtp, args=(smtp_port, total, unique, ready, mails), daemon=True)
    smtp.start()
    ready.wait()
    loop = new_loop()
    try:
        loop.run_until_complete(serve_http(http_port, State(total, unique, mails)))
    finally:
        smtp.kill()
