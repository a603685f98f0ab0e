"""Installable and offline where it matters: a neighbour opens the report page in Spanish on a phone,
the connection drops, she files the report anyway; the page says it is kept on the phone, and when
the connection returns the service worker sends it and shows her reference code. The report reaches
the inbox once. Nothing about other people is cached."""
import json
import time
import urllib.request

from selenium.webdriver.common.by import By

import re

from amparo_client import accept_invitation, set_up_admin
from e2e_helpers import Network, make_browser
from test_browser import check_accessibility, fill


def wait_until(driver, script, timeout=20):
    deadline = time.time() + timeout
    while time.time() < deadline:
        if driver.execute_script(script):
            return
        time.sleep(0.2)
    raise AssertionError(f"timed out waiting for: {script}")


def test_a_report_filed_offline_is_kept_and_sent_when_the_network_returns(server, artifacts):
    admin = set_up_admin(server.base, server.setup_link)
    admin.get("/admin/users")
    invited = admin.post("/admin/users", {"email": "coordina.offline@example.org", "name": "Coordinadora", "roles[]": "coordinator"})
    coordinator = accept_invitation(server.base, re.search(r'id="invitation-link">([^<]+)<', invited).group(1))
    with urllib.request.urlopen(server.base + "/manifest.webmanifest") as r:
        manifest = json.load(r)
        assert r.headers["Content-Type"].startswith("application/manifest+json")
    assert manifest["start_url"] == "/report" and manifest["name"] == "Test Network · Amparo", manifest

    network = Network(int(server.base.rsplit(":", 1)[1]))
    phone = make_browser("es-MX,es")
    try:
        phone.get(network.base + "/report")
        assert phone.find_element(By.CSS_SELECTOR, "link[rel=manifest]")
        # The worker takes the page over once it has kept the public pages.
        wait_until(phone, "return !!navigator.serviceWorker.controller")
        cached = phone.execute_async_script(
            "var done = arguments[0]; caches.open('amparo-public-v1').then(c => c.keys())"
            ".then(keys => done(keys.map(k => new URL(k.url).pathname)));")
        assert sorted(cached) == sorted(["/report", "/report/kept", "/static/amparo.css", "/static/offline.js",
                                         "/static/report-location.js", "/static/favicon.svg"]), cached

        network.cut()
        # With no connection the report page still opens (from the phone) and takes the report.
        phone.get(network.base + "/report")
        fill(phone, {"what": "Dos camionetas de ICE frente a la escuela", "place": "Escuela Lincoln"})
        phone.find_element(By.CSS_SELECTOR, "form.report button[type=submit]").click()
        wait_until(phone, "return location.pathname === '/report/kept'")
        main = phone.find_element(By.TAG_NAME, "main").text
        assert "Guardado en este teléfono" in main and "se enviará solo cuando vuelva la conexión" in main, main
        wait_until(phone, "var s = document.getElementById('offline-status'); return !s.hidden")
        assert "Esperando la conexión" in phone.find_element(By.ID, "offline-status").text
        phone.save_screenshot(f"{artifacts}/30-report-kept-offline-es.png")
        assert "Dos camionetas" not in coordinator.get("/hotline"), "nothing reached the server while offline"

        network.restore()
        wait_until(phone, "return document.getElementById('offline-status').textContent.indexOf('Enviado') >= 0", timeout=30)
        status = phone.find_element(By.ID, "offline-status").text
        assert status.startswith("Enviado. Su código de referencia:"), status
        check_accessibility(phone, artifacts, "30b-report-sent-from-phone-es")
        code = status.split(":")[-1].strip()
        inbox = coordinator.get("/hotline")
        assert inbox.count("Dos camionetas de ICE") == 1 and code in inbox, "stored once, under the code the phone shows"
        left = phone.execute_async_script(
            "var done = arguments[0]; var open = indexedDB.open('amparo-outbox');"
            "open.onsuccess = () => { var r = open.result.transaction('kept').objectStore('kept').count(); r.onsuccess = () => done(r.result); };")
        assert left == 0, "nothing about the report stays on the phone once the server has it"
    finally:
        phone.quit()
        network.close()
