"""Two app servers on one PostgreSQL database, as a group runs them on the worst night: a report
filed through one server appears live in the coordinator's inbox served by the other (LISTEN /
NOTIFY), and her phone gets one text about it, not one per server. scripts/test passes the
PostgreSQL it started as AMPARO_E2E_POSTGRES_URL; without it (a quick local run) the test is skipped."""
import os
import re
import shutil
import subprocess
import tempfile
import time
import urllib.error
from concurrent.futures import ThreadPoolExecutor

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from amparo_client import Session, set_up_admin
from conftest import ROOT, Server, free_port
from e2e_helpers import enrol, make_browser, sink_messages, wait_for_message

POSTGRES = os.environ.get("AMPARO_E2E_POSTGRES_URL")
pytestmark = pytest.mark.skipif(not POSTGRES, reason="needs the PostgreSQL that scripts/test starts")


@pytest.fixture(scope="module")
def servers(sinks):
    subprocess.run(["psql", POSTGRES, "-q", "-c", "DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public"], check=True)
    smtp_port, http_port = sinks
    binary = os.environ.get("AMPARO_BINARY", os.path.join(ROOT, ".build", "debug", "amparo"))
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env.update({"DATABASE_URL": POSTGRES, "AMPARO_SMTP": f"127.0.0.1:{smtp_port}", "AMPARO_TWILIO_URL": f"http://127.0.0.1:{http_port}",
                "AMPARO_TWILIO_SID": "AC0", "AMPARO_TWILIO_TOKEN": "e2e", "AMPARO_TWILIO_FROM": "+15035550100",
                "AMPARO_TIMEZONE": "America/Chicago", "AMPARO_TRUST_PROXY": "1"})
    first_dir, second_dir = tempfile.mkdtemp(prefix="amparo-e2e-pg-a-"), tempfile.mkdtemp(prefix="amparo-e2e-pg-b-")
    first = Server(binary, first_dir, free_port(), env)
    # Every server of one group holds the same key file.
    shutil.copy2(os.path.join(first_dir, "amparo.keys"), os.path.join(second_dir, "amparo.keys"))
    os.chmod(os.path.join(second_dir, "amparo.keys"), 0o600)
    second = Server(binary, second_dir, free_port(), env)
    yield first, second
    for s, d in [(first, first_dir), (second, second_dir)]:
        s.stop()
        shutil.rmtree(d, ignore_errors=True)


@pytest.fixture(scope="module")
def admin(servers):
    first, second = servers
    # Each server printed a setup link at start; the later one replaced the earlier.
    return set_up_admin(second.base, second.setup_link)


@pytest.fixture(scope="module")
def coordinator():
    driver = make_browser("es-MX,es")
    yield driver
    driver.quit()


def test_a_report_through_one_server_shows_live_on_the_other_and_texts_once(servers, admin, sinks, coordinator, artifacts):
    first, second = servers
    admin.get("/admin/users")
    page = admin.post("/admin/users", {"email": "olu.coordina@example.org", "name": "Olu Coordinadora", "roles[]": "coordinator",
                                       "phone": "+1 503 555 0123"})
    # She enrols through the first server: the invitation lives in the shared database.
    link = re.search(r'id="invitation-link">([^<]+)<', page).group(1).replace(second.base, first.base)
    enrol(coordinator, link, saved="Ya los guardé")
    coordinator.get(second.base + "/hotline")
    assert "No hay reportes aquí" in coordinator.page_source
    time.sleep(1)  # the page's stream is open

    neighbour = Session(first.base)
    neighbour.get("/report")
    posted = time.time()
    thanks = neighbour.post("/report", {"what": "Agentes de ICE en la parada de la calle 5", "place": "Calle 5 y Main", "agency": "ice"})
    code = re.search(r'id="reference">([^<]+)<', thanks).group(1)
    WebDriverWait(coordinator, 10, poll_frequency=0.05).until(lambda d: code in d.page_source)
    shown_after = time.time() - posted
    assert shown_after < 3, f"the report took {shown_after:.2f} s to reach the other server's page"
    coordinator.save_screenshot(os.path.join(artifacts, "50-two-servers-live-es.png"))

    smtp_port, http_port = sinks
    wait_for_message(http_port, "+15035550123", r"(https?://\S+/hotline)")
    time.sleep(2)  # a second server would have texted by now
    texts = [m for m in sink_messages(http_port) if m["to"] == "+15035550123" and "/hotline" in m["body"]]
    assert len(texts) == 1, texts


def test_a_burst_from_one_source_split_over_both_servers_stops_at_the_limit(servers):
    """40 reports at once from one neighbour, half through each server, against the default limit of
    20 per 10 minutes; each writes an X-Forwarded-For of its own in front of what the proxy saw."""
    first, second = servers
    fields = {"what": "Camionetas sin placas frente a la escuela", "place": "Escuela Lincoln", "agency": "ice"}

    def report(index):
        server = (first, second)[index % 2]
        neighbour = Session(server.base, headers={"X-Forwarded-For": f"198.51.100.{index}, 203.0.113.77"})
        neighbour.get("/report")
        try:
            neighbour.post("/report", fields)
            return 200
        except urllib.error.HTTPError as refused:
            return refused.code

    with ThreadPoolExecutor(max_workers=40) as pool:
        statuses = list(pool.map(report, range(40)))
    assert statuses.count(200) == 20, statuses
    assert statuses.count(429) == 20, statuses
    stored = subprocess.run(["psql", POSTGRES, "-qtA", "-c", "SELECT count(*) FROM reports"],
                            check=True, capture_output=True, text=True).stdout.strip()
    assert int(stored) == 21, f"the 20 and the first test's one report, stored {stored}"


def test_settings_saved_through_one_server_are_used_by_the_other_at_once(servers, admin):
    """The public hotline number an admin saves through one server is on the other server's public
    page at once: each keeps the settings in memory and is told of a save by NOTIFY, no restart."""
    first, second = servers
    assert "tel:+15035550188" not in Session(second.base).get("/")
    admin.base = first.base
    admin.get("/admin/settings")
    admin.post("/admin/settings/organization", {"name": "Red del Valle", "hotlineNumber": "(503) 555-0188", "defaultLanguage": "es"})
    saved = time.time()
    while "tel:+15035550188" not in (home := Session(second.base).get("/")):
        assert time.time() - saved < 5, "the other server still shows the old settings"
        time.sleep(0.05)
    assert "Red del Valle" in home, "the new name too"
    print(f"settings saved through one server reached the other in {time.time() - saved:.2f} s")
