"""What the browser tests share: Chromium on a small phone's screen, the delivery sinks' messages,
inviting and enrolling a member, finding forms."""
import json
import re
import time
import urllib.request

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from datetime import datetime, timedelta, timezone

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from amparo_client import totp
from test_browser import click_and_wait, fill, submit


def make_browser(language):
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for flag in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=390,844"]:
        options.add_argument(flag)
    options.add_experimental_option("prefs", {"intl.accept_languages": language})
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    driver.set_page_load_timeout(30)
    driver.set_script_timeout(60)
    return driver


def sink_messages(http_port):
    with urllib.request.urlopen(f"http://127.0.0.1:{http_port}/messages") as r:
        return json.load(r)


def wait_for_message(http_port, to, pattern):
    """The first group of `pattern` in the newest message to `to` that the sinks received."""
    deadline = time.time() + 30
    while time.time() < deadline:
        for message in reversed(sink_messages(http_port)):
            found = re.search(pattern, message["body"])
            if message["to"] == to and found:
                return found.group(1)
        time.sleep(0.2)
    raise AssertionError(f"no message to {to}: {sink_messages(http_port)}")


def invite_and_enrol(admin, driver, email, name, role):
    """The admin invites a member; in `driver`, they choose a password and enrol their second factor."""
    admin.get("/admin/users")
    page = admin.post("/admin/users", {"email": email, "name": name, "roles[]": role})
    enrol(driver, re.search(r'id="invitation-link">([^<]+)<', page).group(1))


def enrol(driver, invitation_link, saved="I have saved them"):
    """In `driver`, a member opens their invitation, chooses a password and enrols a second factor.
    `saved`: the recovery-codes page's link in the browser's language ("Ya los guardé" in Spanish)."""
    driver.get(invitation_link)
    fill(driver, {"password": "juniper canyon lantern", "passwordConfirmation": "juniper canyon lantern"})
    submit(driver)
    fill(driver, {"code": totp(driver.find_element(By.ID, "totp-secret").text)})
    submit(driver)
    click_and_wait(driver, driver.find_element(By.LINK_TEXT, saved))


def add_shift_now(driver, team, member, duty):
    """On the shifts page, puts `member` on call for `team` from an hour ago for four hours, today."""
    start = datetime.now(timezone.utc) - timedelta(hours=1)
    Select(driver.find_element(By.NAME, "team")).select_by_visible_text(team)
    driver.find_element(By.XPATH, f"//select[@name='member']/option[contains(., '{member}')]").click()
    Select(driver.find_element(By.NAME, "duty")).select_by_value(duty)
    Select(driver.find_element(By.NAME, "weekday")).select_by_value(str(start.isoweekday()))
    # Time inputs type differently in every locale; set their value as the picker would.
    for name, value in {"starts": start.strftime("%H:%M"), "ends": (start + timedelta(hours=4)).strftime("%H:%M")}.items():
        driver.execute_script("arguments[0].value = arguments[1]", driver.find_element(By.NAME, name), value)
    click_and_wait(driver, driver.find_element(By.XPATH, "//form[@action='/shifts']//button"))


def form_ending(driver, suffix):
    """The form whose action's path ends with `suffix` (an upload's action carries its CSRF token as a query)."""
    path = "substring-before(concat(@action, '?'), '?')"
    return driver.find_element(By.XPATH, f"//form[substring({path}, string-length({path}) - {len(suffix) - 1}) = '{suffix}']")


def set_value(driver, element, value):
    """Date and time inputs take their value from script (typing depends on the browser's locale)."""
    driver.execute_script("arguments[0].value = arguments[1]", element, value)


class Network:
    """The phone's connection to the server: a TCP relay on loopback the browser talks through.
    `cut()` drops every open connection and refuses new ones (what a phone sees when the signal goes,
    service worker included, which Chromium's offline emulation does not reach); `restore()` brings
    it back. `base` is the server's address as the phone knows it."""

    def __init__(self, server_port):
        import socket
        import threading
        self.server_port, self.up, self.open = server_port, True, []
        self.lock = threading.Lock()
        self.listener = socket.socket()
        self.listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.listener.bind(("127.0.0.1", 0))
        self.listener.listen(64)
        self.base = f"http://127.0.0.1:{self.listener.getsockname()[1]}"
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self):
        import socket
        import threading
        while True:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            if not self.up:
                client.close()
                continue
            try:
                upstream = socket.create_connection(("127.0.0.1", self.server_port))
            except OSError:
                client.close()
                continue
            with self.lock:
                self.open += [client, upstream]
            for a, b in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pipe, args=(a, b), daemon=True).start()

    @staticmethod
    def _pipe(source, target):
        import socket
        try:
            while True:
                data = source.recv(65536)
                if not data:
                    break
                target.sendall(data)
        except OSError:
            pass
        for s in (source, target):
            try:
                s.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass

    def cut(self):
        import socket
        self.up = False
        with self.lock:
            for s in self.open:
                try:
                    s.shutdown(socket.SHUT_RDWR)
                    s.close()
                except OSError:
                    pass
            self.open = []

    def restore(self):
        self.up = True

    def close(self):
        self.cut()
        self.listener.close()
