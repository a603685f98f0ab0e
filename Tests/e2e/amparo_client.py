"""A minimal client that uses Amparo's pages the way a browser without JavaScript does:
cookies, the CSRF token from the last page, url-encoded forms. Shared by the e2e tests and scripts/bench."""
import base64
import hashlib
import hmac
import os
import http.cookiejar
import re
import struct
import time
import urllib.error
import urllib.parse
import urllib.request


def totp(secret_b32, at=None, step=30, digits=6):
    """RFC 6238 with HMAC-SHA1, as an authenticator app computes it."""
    compact = secret_b32.replace(" ", "").upper()
    key = base64.b32decode(compact + "=" * (-len(compact) % 8))
    counter = int((at or time.time()) // step)
    mac = hmac.new(key, struct.pack(">Q", counter), hashlib.sha1).digest()
    offset = mac[-1] & 0x0F
    value = struct.unpack(">I", mac[offset:offset + 4])[0] & 0x7FFFFFFF
    return str(value % 10 ** digits).zfill(digits)


class Session:
    def __init__(self, base, headers=None):
        self.base = base
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))
        self.opener.addheaders = list((headers or {}).items())
        self.csrf = None

    def _read(self, response):
        body = response.read().decode()
        match = re.search(r'name="_csrf" value="([^"]+)"', body)
        self.csrf = match.group(1) if match else self.csrf
        return body

    def get(self, path):
        with self.opener.open(self.base + path) as r:
            return self._read(r)

    def post(self, path, fields):
        data = urllib.parse.urlencode({**fields, "_csrf": self.csrf}).encode()
        with self.opener.open(self.base + path, data=data) as r:
            return self._read(r)

    def post_file(self, path, field, filename, content, fields=None):
        """A multipart form with one file and other fields, as a browser sends it to the form's
        action (path); answers (status, page), also when refused."""
        boundary = "----amparo-e2e-" + os.urandom(8).hex()
        parts = "".join(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'
                        for name, value in {**(fields or {}), "_csrf": self.csrf}.items())
        body = (parts + f'--{boundary}\r\nContent-Disposition: form-data; name="{field}"; filename="{filename}"\r\n'
                'Content-Type: application/octet-stream\r\n\r\n').encode() + content + f"\r\n--{boundary}--\r\n".encode()
        request = urllib.request.Request(self.base + path, data=body,
                                         headers={"Content-Type": f"multipart/form-data; boundary={boundary}"})
        try:
            with self.opener.open(request) as r:
                return r.status, self._read(r)
        except urllib.error.HTTPError as refused:
            return refused.code, self._read(refused)

    def cookie_header(self):
        return "; ".join(f"{c.name}={c.value}" for c in self.jar)


def set_up_admin(base, setup_link, email="admin@example.org", password="sunflower tortilla harbor"):
    """First-run setup through the pages: organization, admin, TOTP enrolment. Returns a signed-in Session."""
    session = Session(base)
    path = setup_link[len(base):]
    session.get(path)
    session.post(path, {"organization": "Test Network", "name": "Test Admin", "email": email,
                        "password": password, "passwordConfirmation": password})
    page = session.get("/enrol")
    secret = re.sub(r"<[^>]+>", "", re.search(r'id="totp-secret">(.*?)</p>', page).group(1))
    session.post("/enrol", {"code": totp(secret)})
    assert "Test Admin" in session.get("/dashboard")
    return session


def create_api_token(session, name="script"):
    session.get("/account")
    page = session.post("/account/tokens", {"name": name})
    return re.search(r'id="new-token">([^<]+)<', page).group(1)


def accept_invitation(base, link, password="juniper canyon lantern"):
    """A member's first sign-in through their invitation: password, then TOTP. Returns a signed-in Session."""
    session = Session(base)
    path = link[len(base):] if link.startswith(base) else link
    session.get(path)
    session.post(path, {"password": password, "passwordConfirmation": password})
    page = session.get("/enrol")
    secret = re.sub(r"<[^>]+>", "", re.search(r'id="totp-secret">(.*?)</p>', page).group(1))
    session.post("/enrol", {"code": totp(secret)})
    return session
