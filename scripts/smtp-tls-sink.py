#!/usr/bin/env python3
"""A mail server as a real provider runs one, for tests: aiosmtpd that demands TLS (STARTTLS on a
plain port, or TLS from the first byte) and a sign-in (AUTH PLAIN or LOGIN) before it takes a
message. It makes its own certificate (localhost and 127.0.0.1) with openssl and writes it to
CERT_DIR/cert.pem for the client to trust; messages land in MAILDIR (new/).

Usage: smtp-tls-sink.py PORT MAILDIR CERT_DIR starttls|tls USER PASSWORD
"""
import ctypes
import os
import signal
import ssl
import subprocess
import sys
import uuid

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword


def certificate(folder):
    cert, key = os.path.join(folder, "cert.pem"), os.path.join(folder, "key.pem")
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", cert, "-days", "2",
                    "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1"],
                   check=True, capture_output=True)
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)
    return context


class Maildir:
    def __init__(self, path):
        self.new = os.path.join(path, "new")
        os.makedirs(self.new, exist_ok=True)

    async def handle_DATA(self, server, session, envelope):
        with open(os.path.join(self.new, uuid.uuid4().hex), "wb") as f:
            f.write(envelope.original_content or envelope.content)
        return "250 OK"


def main():
    port, maildir, cert_dir, mode, user, password = sys.argv[1:7]
    ctypes.CDLL("libc.so.6").prctl(1, signal.SIGKILL)  # die with the test that started it
    context = certificate(cert_dir)

    def authenticate(server, session, envelope, mechanism, auth_data):
        ok = isinstance(auth_data, LoginPassword) and auth_data.login == user.encode() and auth_data.password == password.encode()
        return AuthResult(success=ok, handled=False)

    common = dict(hostname="127.0.0.1", port=int(port), authenticator=authenticate, auth_required=True)
    if mode == "tls":
        controller = Controller(Maildir(maildir), ssl_context=context, auth_require_tls=False, **common)
    else:
        controller = Controller(Maildir(maildir), tls_context=context, require_starttls=True, auth_require_tls=True, **common)
    controller.start()
    print("ready", flush=True)
    signal.sigwait([signal.SIGTERM, signal.SIGINT])
    controller.stop()


if __name__ == "__main__":
    main()
