"""The live inbox on a phone-sized window in Spanish: with the inbox open and nobody on call, a
neighbour's report appears without a reload, the tab's title counts it while hidden, and the
fallback coordinator's phone gets a text (at the Twilio-speaking sink) that says only that a report
is waiting. Times show in the organization's zone."""
import os
import re
import shutil
import tempfile
import time

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from amparo_client import Session, set_up_admin
from conftest import ROOT, Server, free_port
from test_browser import check_accessibility, click_and_wait
from e2e_helpers import enrol, make_browser, sink_messages, wait_for_message


@pytest.fixture(scope="module")
def server(sinks):
    smtp_port, http_port = sinks
    binary = os.environ.get("AMPARO_BINARY", os.path.join(ROOT, ".build", "debug", "amparo"))
    data_dir = tempfile.mkdtemp(prefix="amparo-e2e-live-")
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env.update({"AMPARO_SMTP": f"127.0.0.1:{smtp_port}", "AMPARO_TWILIO_URL": f"http://127.0.0.1:{http_port}",
                "AMPARO_TWILIO_SID": "AC0", "AMPARO_TWILIO_TOKEN": "e2e", "AMPARO_TWILIO_FROM": "+15035550100",
                "AMPARO_TIMEZONE": "America/Chicago"})
    s = Server(binary, data_dir, free_port(), env)
    yield s
    s.stop()
    shutil.rmtree(data_dir, ignore_errors=True)


@pytest.fixture(scope="module")
def coordinator():
    driver = make_browser("es-MX,es")
    yield driver
    driver.quit()


def test_a_report_appears_live_and_the_fallback_coordinator_is_texted(server, sinks, coordinator, artifacts):
    admin = set_up_admin(server.base, server.setup_link)
    coordinator.get(server.base + "/")
    admin.get("/admin/users")
    page = admin.post("/admin/users", {"email": "olu.coordina@example.org", "name": "Olu Coordinadora", "roles[]": "coordinator",
                                       "phone": "+1 503 555 0123"})
    enrol(coordinator, re.search(r'id="invitation-link">([^<]+)<', page).group(1), saved="Ya los guardé")

    coordinator.get(server.base + "/hotline")
    assert "No hay reportes aquí" in coordinator.page_source
    assert "Esta página se actualiza sola" in coordinator.page_source
    WebDriverWait(coordinator, 10).until(lambda d: d.find_elements(By.XPATH, "//button[contains(., 'Sonar con cada reporte nuevo')]"))
    coordinator.find_element(By.XPATH, "//button[contains(., 'Sonar con cada reporte nuevo')]").click()
    assert "Sonido activado" in coordinator.page_source
    coordinator.save_screenshot(os.path.join(artifacts, "40-live-inbox-empty-es.png"))

    neighbour = Session(server.base)
    neighbour.get("/report")
    posted = time.time()
    thanks = neighbour.post("/report", {"what": "Agentes de ICE deteniendo gente en la parada del autobús de la calle 5",
                                        "place": "Calle 5 y Main", "agency": "ice", "when": "0"})
    code = re.search(r'id="reference">([^<]+)<', thanks).group(1)
    WebDriverWait(coordinator, 10, poll_frequency=0.05).until(lambda d: code in d.page_source)
    shown_after = time.time() - posted
    assert shown_after < 3, f"the report took {shown_after:.2f} s to appear"
    assert "Agentes de ICE deteniendo gente" in coordinator.page_source, "the row says what was reported"
    assert re.search(r"\d{4}-\d\d-\d\d \d\d:\d\d C[SD]T", coordinator.page_source), "times are in the organization's zone"
    coordinator.save_screenshot(os.path.join(artifacts, "41-live-inbox-report-arrived-es.png"))
    check_accessibility(coordinator, artifacts, "41-live-inbox-es")

    # Nobody is on call: the coordinators are the fallback, and Olu's phone gets the text.
    smtp_port, http_port = sinks
    link = wait_for_message(http_port, "+15035550123", r"(https?://\S+/hotline)")
    assert link.endswith("/hotline")
    # A second report within the quiet period raises no second text.
    neighbour.get("/report")
    neighbour.post("/report", {"what": "Otra camioneta", "place": "Calle 7", "agency": "unknown", "when": "0"})
    WebDriverWait(coordinator, 10).until(lambda d: "Otra camioneta" in d.page_source)
    time.sleep(1.5)
    texts = [m for m in sink_messages(http_port) if m["to"] == "+15035550123" and "/hotline" in m["body"]]
    assert len(texts) == 1, texts


def test_the_live_report_page_keeps_working_as_she_claims_it(server, coordinator):
    """Leaving a live page closes its stream; the server goes on serving."""
    coordinator.get(server.base + "/hotline")
    for _ in range(3):
        click_and_wait(coordinator, coordinator.find_element(By.XPATH, "//a[contains(@href, '/hotline/reports/')]"))
        coordinator.get(server.base + "/hotline")
    click_and_wait(coordinator, coordinator.find_element(By.XPATH, "//a[contains(@href, '/hotline/reports/')]"))
    click_and_wait(coordinator, coordinator.find_element(By.XPATH, "//form[contains(@action, '/claim')]//button"))
    assert "Olu Coordinadora" in coordinator.page_source, open(server.log_path).read()[-5000:]
