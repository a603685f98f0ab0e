"""A new user's first run in a real browser (Debian's Chromium, headless): setup, two-step enrolment,
sign-in, language switch, sign-out; axe-core checks each page for WCAG A/AA violations."""
import os
import re

import pytest
from axe_selenium_python import Axe
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.common.exceptions import StaleElementReferenceException, WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from amparo_client import totp
from conftest import wait_for_next_step

EMAIL = "ana.admin@example.org"
PASSWORD = "sunflower tortilla harbor"
# axe-core, as shipped inside axe-selenium-python, run on the document with its WCAG 2 A/AA rules (this axe-core predates the 2.1 tags).
RUN_AXE = """
const done = arguments[arguments.length - 1];
axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa']}})
  .then(r => done(r.violations.map(v => v.id + ': ' + v.help + ' (' + v.nodes.length + ' nodes: ' + v.nodes.map(n => n.target.join(' ')).join(', ') + ')')))
  .catch(e => done(['axe failed: ' + e]));
"""


@pytest.fixture(scope="module")
def browser():
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for flag in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=390,844"]:
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    driver.set_page_load_timeout(30)
    driver.set_script_timeout(60)
    yield driver
    driver.quit()


def check_accessibility(driver, artifacts, name):
    # The screenshot first: axe scrolls the page as it checks contrast, and the picture should show
    # what the person sees when the page arrives.
    driver.save_screenshot(os.path.join(artifacts, f"{name}.png"))
    Axe(driver).inject()
    violations = driver.execute_async_script(RUN_AXE)
    assert violations == [], f"{name}: {violations}"
    # Usable on a small phone: nothing wider than the screen.
    assert driver.execute_script("return document.documentElement.scrollWidth <= window.innerWidth + 1"), name


def fill(driver, fields):
    for name, value in fields.items():
        element = driver.find_element(By.NAME, name)
        element.clear()
        element.send_keys(value)


def menu(driver, text):
    """Follows a link (or presses a button, as "Sign out") of the menu as a person does: on a
    phone, open "Menu" first."""
    phone = driver.find_element(By.CSS_SELECTOR, "details.menu-phone")
    if phone.is_displayed():
        if phone.get_attribute("open") is None:
            phone.find_element(By.TAG_NAME, "summary").click()
        within = phone
    else:
        within = driver.find_element(By.CSS_SELECTOR, "nav.menu-wide")
    click_and_wait(driver, within.find_element(By.XPATH, f".//a[normalize-space()='{text}'] | .//button[normalize-space()='{text}']"))


def click_and_wait(driver, element, timeout=15):
    """Clicks, then waits for the next page to replace this one (forms post without JavaScript)."""
    page = driver.find_element(By.TAG_NAME, "html")
    element.click()

    def replaced(_):
        try:
            page.is_enabled()
            return False
        except StaleElementReferenceException:
            return True
        except WebDriverException as error:
            # While the old page is being torn down, Chromium can say this instead of "stale".
            if "does not belong to the document" in str(error):
                return True
            raise

    WebDriverWait(driver, timeout).until(replaced)


def submit(driver):
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "main form button[type=submit]"))


def test_first_run_to_signed_in_and_back_out(server, browser, artifacts):
    assert server.setup_link, "the server printed a one-time setup link"
    browser.get(server.base + "/")
    assert "not set up yet" in browser.page_source
    check_accessibility(browser, artifacts, "00-not-set-up")

    browser.get(server.setup_link)
    check_accessibility(browser, artifacts, "01-setup")
    fill(browser, {"organization": "Río Valley Defense", "name": "Ana Admin", "email": EMAIL,
                   "password": "too short", "passwordConfirmation": "too short"})
    submit(browser)
    assert "at least 12 characters" in browser.page_source
    check_accessibility(browser, artifacts, "02-setup-error")
    fill(browser, {"password": PASSWORD, "passwordConfirmation": PASSWORD})
    submit(browser)

    assert browser.current_url.endswith("/enrol")
    assert browser.find_element(By.CSS_SELECTOR, ".qr svg").is_displayed()
    check_accessibility(browser, artifacts, "03-enrol")
    secret = browser.find_element(By.ID, "totp-secret").text
    fill(browser, {"code": totp(secret)})
    submit(browser)

    codes = [li.text for li in browser.find_elements(By.CSS_SELECTOR, "#recovery-codes li")]
    assert len(codes) == 10 and all(re.fullmatch(r"[a-z2-7]{5}-[a-z2-7]{5}", c) for c in codes)
    check_accessibility(browser, artifacts, "04-recovery-codes")
    click_and_wait(browser, browser.find_element(By.LINK_TEXT, "I have saved them"))
    assert "Welcome, Ana Admin" in browser.page_source
    check_accessibility(browser, artifacts, "05-dashboard")

    # Language switch: a plain form button, no JavaScript needed.
    click_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "form.lang button"))
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "es"
    assert "Hola, Ana Admin" in browser.page_source
    check_accessibility(browser, artifacts, "06-dashboard-es")
    browser.get(server.base + "/account")
    assert "Cambiar contraseña" in browser.page_source
    check_accessibility(browser, artifacts, "07-account-es")
    browser.get(server.base + "/admin/users")
    check_accessibility(browser, artifacts, "08-users-es")

    menu(browser, "Cerrar sesión")
    assert browser.current_url.endswith("/login?notice=signedOut")
    assert "Cerró su sesión" in browser.page_source
    check_accessibility(browser, artifacts, "09-login-es")

    # Sign in again: password, then the next code (the enrolment code cannot be replayed).
    fill(browser, {"email": EMAIL, "password": PASSWORD})
    submit(browser)
    assert browser.current_url.endswith("/login/2fa")
    check_accessibility(browser, artifacts, "10-second-factor-es")
    wait_for_next_step()
    fill(browser, {"code": totp(secret)})
    submit(browser)
    assert browser.current_url.endswith("/dashboard"), browser.find_element(By.TAG_NAME, "main").text
    assert "Hola, " in browser.page_source, "the language choice is kept in the profile"

    click_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "form.lang button"))
    assert "Welcome, Ana Admin" in browser.page_source
    menu(browser, "Sign out")
    browser.get(server.base + "/dashboard")
    assert browser.current_url.endswith("/login")

    # Nothing personal in the server's log.
    logs = server.logs()
    for secret_text in [EMAIL, "Ana Admin", PASSWORD, server.setup_link.rsplit("/", 1)[1] + " "]:
        assert secret_text not in logs.replace(server.setup_link, "")
