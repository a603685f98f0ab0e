"""Starts a real Amparo binary on loopback with an empty data folder, for the browser and API tests."""
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request

import pytest

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
ARTIFACTS = os.environ.get("AMPARO_E2E_ARTIFACTS", os.path.join(ROOT, ".build", "e2e-artifacts"))


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_next_step(step=30):
    """A used code is refused (no replay): wait for the authenticator's next code."""
    time.sleep(step - (time.time() % step) + 0.5)


class Server:
    def __init__(self, binary, data_dir, port, env):
        self.base = f"http://127.0.0.1:{port}"
        self.log_path = os.path.join(data_dir, "server.log")
        self.log = open(self.log_path, "w")
        self.process = subprocess.Popen(
            [binary, "serve", "--data-dir", data_dir, "--port", str(port)],
            stdout=self.log, stderr=subprocess.STDOUT, env=env)
        deadline = time.time() + 60
        while time.time() < deadline:
            try:
                with urllib.request.urlopen(self.base + "/healthz", timeout=1) as r:
                    if r.status == 200:
                        break
            except OSError:
                time.sleep(0.1)
        else:
            raise RuntimeError("Amparo did not start: " + open(self.log_path).read())
        self.setup_link = None
        for _ in range(50):
            match = re.search(r"(http://\S+/setup/\S+)", open(self.log_path).read())
            if match:
                self.setup_link = match.group(1)
                break
            time.sleep(0.1)

    def logs(self):
        self.log.flush()
        return open(self.log_path).read()

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
        self.log.close()


@pytest.fixture(scope="module")
def server():
    binary = os.environ.get("AMPARO_BINARY", os.path.join(ROOT, ".build", "debug", "amparo"))
    data_dir = tempfile.mkdtemp(prefix="amparo-e2e-")
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    if os.environ.get("AMPARO_E2E_DATABASE_URL"):
        env["DATABASE_URL"] = os.environ["AMPARO_E2E_DATABASE_URL"]
    s = Server(binary, data_dir, free_port(), env)
    yield s
    s.stop()
    shutil.rmtree(data_dir, ignore_errors=True)


@pytest.fixture(scope="session")
def artifacts():
    os.makedirs(ARTIFACTS, exist_ok=True)
    return ARTIFACTS


@pytest.fixture(scope="module")
def sinks():
    """scripts/delivery-sinks.py: aiosmtpd plus an HTTP server with Twilio's and Signal's send endpoints."""
    smtp_port, http_port = free_port(), free_port()
    process = subprocess.Popen([sys.executable, os.path.join(ROOT, "scripts", "delivery-sinks.py"), str(smtp_port), str(http_port)],
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    assert process.stdout.readline().strip() == "ready"
    yield smtp_port, http_port
    process.kill()
