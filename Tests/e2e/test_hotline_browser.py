"""The hotline in a real browser on a phone-sized window: a neighbour files a report in Spanish
without signing in, a dispatcher (invited by the admin, enrolled with TOTP) claims and verifies it.
axe-core checks every page for WCAG A/AA violations."""
import re

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from amparo_client import set_up_admin, totp
from test_browser import check_accessibility, click_and_wait, fill, submit

DISPATCHER_EMAIL = "dario.dispatch@example.org"
DISPATCHER_PASSWORD = "marigold lantern orchard"


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


@pytest.fixture(scope="module")
def reporter():
    driver = make_browser("es-MX,es")
    yield driver
    driver.quit()


@pytest.fixture(scope="module")
def dispatcher():
    driver = make_browser("en-US,en")
    yield driver
    driver.quit()


def test_a_spanish_report_reaches_the_dispatcher_who_claims_and_verifies_it(server, reporter, dispatcher, artifacts):
    admin = set_up_admin(server.base, server.setup_link)
    admin.get("/admin/users")
    page = admin.post("/admin/users", {"email": DISPATCHER_EMAIL, "name": "Darío Dispatcher", "role": "dispatcher"})
    invitation = re.search(r'id="invitation-link">([^<]+)<', page).group(1)

    # The neighbour: no account, Spanish from the browser, a phone-sized screen, no JavaScript needed.
    reporter.get(server.base + "/report")
    assert reporter.find_element(By.TAG_NAME, "html").get_attribute("lang") == "es"
    assert "¿Qué está pasando?" in reporter.page_source
    check_accessibility(reporter, artifacts, "20-report-es")
    fill(reporter, {"what": "Dos camionetas sin placas frente a la lavandería, agentes pidiendo papeles",
                    "place": "Calle 5 y Main", "officers": "4", "vehicles": "2"})
    Select(reporter.find_element(By.NAME, "agency")).select_by_value("ice")
    Select(reporter.find_element(By.NAME, "when")).select_by_value("15")
    submit(reporter)
    assert "Reporte recibido" in reporter.page_source, reporter.find_element(By.TAG_NAME, "main").text
    code = reporter.find_element(By.ID, "reference").text
    assert re.fullmatch(r"[2-9A-Z]{4}-[2-9A-Z]{4}", code)
    check_accessibility(reporter, artifacts, "21-report-received-es")

    # The dispatcher accepts the invitation, enrols a second factor and opens the inbox.
    dispatcher.get(invitation)
    fill(dispatcher, {"password": DISPATCHER_PASSWORD, "passwordConfirmation": DISPATCHER_PASSWORD})
    submit(dispatcher)
    secret = dispatcher.find_element(By.ID, "totp-secret").text
    fill(dispatcher, {"code": totp(secret)})
    submit(dispatcher)
    click_and_wait(dispatcher, dispatcher.find_element(By.LINK_TEXT, "I have saved them"))
    click_and_wait(dispatcher, dispatcher.find_element(By.LINK_TEXT, "Hotline"))
    assert code in dispatcher.page_source
    assert "Calle 5 y Main" in dispatcher.page_source
    check_accessibility(dispatcher, artifacts, "22-inbox")

    click_and_wait(dispatcher, dispatcher.find_element(By.LINK_TEXT, code))
    assert "Dos camionetas sin placas" in dispatcher.page_source
    check_accessibility(dispatcher, artifacts, "23-report")
    click_and_wait(dispatcher, dispatcher.find_element(By.XPATH, "//button[contains(., 'Claim this report')]"))
    assert "Darío Dispatcher" in dispatcher.page_source

    def move(to, reason):
        Select(dispatcher.find_element(By.NAME, "to")).select_by_value(to)
        fill(dispatcher, {"reason": reason})
        click_and_wait(dispatcher, dispatcher.find_element(By.XPATH, "//form[contains(@action, '/status')]//button"))

    move("verifying", "Called back the reporter")
    move("verified", "Responder saw two ICE vans at 5th and Main")
    main = dispatcher.find_element(By.TAG_NAME, "main").text
    assert "Verified" in main and "Verifying → Verified" in main and "Responder saw two ICE vans" in main
    check_accessibility(dispatcher, artifacts, "24-report-verified")

    click_and_wait(dispatcher, dispatcher.find_element(By.LINK_TEXT, "Shifts"))
    assert "Nobody is on call right now" in dispatcher.page_source
    check_accessibility(dispatcher, artifacts, "25-shifts")

    # The public learned nothing about who reported, and the log holds no report text or address.
    logs = server.logs()
    for text in ["Dos camionetas", "Calle 5 y Main", DISPATCHER_EMAIL, "127.0.0.1 "]:
        assert text not in logs, text
