"""schemathesis against the running server's own OpenAPI document: no 5xx, responses that match
the schema, and no operation reachable without the authentication it declares."""
import json
import os
import re
import subprocess
import urllib.request
import http.cookiejar
import urllib.parse

from conftest import totp


class Session:
    """A minimal form-posting browser (no JavaScript needed) to get an API token like a member would."""

    def __init__(self, base):
        self.base = base
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
        self.csrf = None

    def get(self, path):
        with self.opener.open(self.base + path) as r:
            body = r.read().decode()
        match = re.search(r'name="_csrf" value="([^"]+)"', body)
        self.csrf = match.group(1) if match else self.csrf
        return body

    def post(self, path, fields):
        data = urllib.parse.urlencode({**fields, "_csrf": self.csrf}).encode()
        with self.opener.open(self.base + path, data=data) as r:
            body = r.read().decode()
        match = re.search(r'name="_csrf" value="([^"]+)"', body)
        self.csrf = match.group(1) if match else self.csrf
        return body


def admin_token(server):
    """Sets up a fresh server's organization and admin through the pages, then makes a token."""
    session = Session(server.base)
    if server.setup_link and "not set up" in session.get("/"):
        session.get(server.setup_link[len(server.base):])
        session.post(server.setup_link[len(server.base):], {
            "organization": "API Test", "name": "Api Admin", "email": "api.admin@example.org",
            "password": "sunflower tortilla harbor", "passwordConfirmation": "sunflower tortilla harbor"})
        page = session.get("/enrol")
        secret = re.search(r'id="totp-secret">([A-Z2-7 ]+)<', page).group(1)
        session.post("/enrol", {"code": totp(secret)})
    else:
        raise AssertionError("expected a fresh server for the API test")
    session.get("/account")
    page = session.post("/account/tokens", {"name": "schemathesis"})
    return re.search(r'id="new-token">([^<]+)<', page).group(1)


def test_schemathesis_finds_no_server_errors(server, artifacts):
    token = admin_token(server)
    with urllib.request.urlopen(server.base + "/api/v1/openapi.json") as r:
        assert json.load(r)["openapi"] == "3.1.0"
    report = os.path.join(artifacts, "schemathesis.txt")
    result = subprocess.run(
        ["schemathesis", "run", server.base + "/api/v1/openapi.json",
         "--url", server.base, "--header", f"Authorization: Bearer {token}",
         "--checks", "all", "--max-examples", "40", "--seed", "1",
         "--generation-deterministic"],
        capture_output=True, text=True, timeout=900)
    with open(report, "w") as f:
        f.write(result.stdout + result.stderr)
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-2000:]
