"""ICE's detainer records in a real browser (Debian's Chromium, a small phone's screen, axe): an organizer
uploads a generated workbook and watches its progress (the page refreshes itself, no
script), confirms which county the Harris County Jail is in, and the public reads the county page,
its charts, its CSV and its printable fact sheet in Spanish."""
import csv
import os
import shutil
import subprocess
import tempfile
import time
import urllib.request

import pytest
from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from amparo_client import set_up_admin
from conftest import ROOT, Server, free_port
from e2e_helpers import invite_and_enrol, make_browser
from test_browser import check_accessibility, click_and_wait, menu

BINARY = os.environ.get("AMPARO_BINARY", os.path.join(ROOT, ".build", "debug", "amparo"))
ROWS = 120000


@pytest.fixture(scope="module")
def server(sinks):
    smtp_port, _ = sinks
    data_dir = tempfile.mkdtemp(prefix="amparo-e2e-evidence-")
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env.update({"AMPARO_SMTP": f"127.0.0.1:{smtp_port}"})
    # The county list first (as a deployment would load the Census file), then the server.
    census = os.path.join(data_dir, "counties.txt")
    with open(census, "w") as f:
        f.write("TX,48,201,Harris County,H1\nTX,48,113,Dallas County,H1\n")
    subprocess.run([BINARY, "import-counties", census, "--data-dir", data_dir], check=True, capture_output=True, env=env, timeout=60)
    s = Server(BINARY, data_dir, free_port(), env)
    yield s
    s.stop()
    shutil.rmtree(data_dir, ignore_errors=True)


@pytest.fixture(scope="module")
def organizer(server):
    admin = set_up_admin(server.base, server.setup_link)
    driver = make_browser("en-US,en")
    invite_and_enrol(admin, driver, "olga.organizer@example.org", "Olga Organizer", "organizer")
    yield driver
    driver.quit()


def test_a_workbook_uploads_with_progress_and_the_county_page_shows_its_figures(server, organizer, artifacts, tmp_path):
    workbook = str(tmp_path / "detainers.xlsx")
    subprocess.run([BINARY, "generate-detainers", "--rows", str(ROWS), "--seed", "77", "--sheet-rows", "50000",
                    "--bad-row-every", "30000", workbook], check=True, timeout=300)
    menu(organizer, "Evidence")
    check_accessibility(organizer, artifacts, "60-evidence-imports")
    form = organizer.find_element(By.CSS_SELECTOR, "form[enctype='multipart/form-data']")
    form.find_element(By.NAME, "file").send_keys(workbook)
    # The browser sends the whole workbook before the next page comes: on a loaded machine that is slow.
    click_and_wait(organizer, form.find_element(By.TAG_NAME, "button"), timeout=90)
    # The import runs in the background; the page shows how far it got and refreshes itself.
    assert organizer.find_elements(By.ID, "import-progress"), organizer.page_source
    assert "Reading the file" in organizer.find_element(By.ID, "import-status").text
    check_accessibility(organizer, artifacts, "61-evidence-progress")
    deadline = time.time() + 240

    def main_text():
        # The page reloads itself when the import ends: an element read just then is gone.
        try:
            return organizer.find_element(By.TAG_NAME, "main").text
        except StaleElementReferenceException:
            return ""
    while "Imported" not in main_text():
        assert time.time() < deadline, organizer.page_source
        time.sleep(0.5)
    main = organizer.find_element(By.TAG_NAME, "main").text
    assert f"Imported {ROWS - 4} rows; 4 left out." in main, main
    assert "Detainers 1, Detainers 2, Detainers 3" in main
    rows = organizer.find_elements(By.CSS_SELECTOR, "#problems tbody tr")
    assert len(rows) == 4 and "not a date" in main
    check_accessibility(organizer, artifacts, "62-evidence-imported")

    # The crosswalk: Amparo proposed Harris County; the organizer confirms it.
    organizer.get(server.base + "/evidence/facilities?state=tx")
    item = organizer.find_element(By.XPATH, "//li[contains(., 'HARRIS COUNTY JAIL')]")
    assert "Proposed, not confirmed" in item.text
    assert Select(item.find_element(By.TAG_NAME, "select")).first_selected_option.text == "Harris County"
    click_and_wait(organizer, item.find_element(By.TAG_NAME, "button"))
    assert "Confirmed" in organizer.find_element(By.XPATH, "//li[contains(., 'HARRIS COUNTY JAIL')]").text
    check_accessibility(organizer, artifacts, "63-evidence-crosswalk")

    public = make_browser("en-US,en")
    try:
        public.get(server.base + "/evidence/tx/harris-county")
        lodged = int(public.find_element(By.ID, "lodged").text.replace(",", ""))
        assert lodged > 1000
        assert public.find_elements(By.CSS_SELECTOR, "svg.chart")
        assert "fewer people would have been handed to ICE" in public.find_element(By.ID, "what-if").text
        assert "detainers.xlsx" in public.find_element(By.ID, "sources").text
        check_accessibility(public, artifacts, "64-evidence-county")
        with urllib.request.urlopen(server.base + "/evidence/tx/harris-county?format=csv") as r:
            figures = {(row["measure"], row["key"]): row for row in csv.DictReader(r.read().decode().splitlines())}
        assert int(figures[("lodged", "all")]["count"]) == lodged
        public.get(server.base + "/evidence/tx")
        assert "HARRIS COUNTY JAIL" in public.find_element(By.ID, "facilities").text
    finally:
        public.quit()

    spanish = make_browser("es-MX,es")
    try:
        spanish.get(server.base + "/evidence/tx/harris-county/fact-sheet")
        assert "Órdenes de retención de ICE en Harris County, Texas" in spanish.find_element(By.TAG_NAME, "h1").text
        assert "Sin condena penal" in spanish.page_source
        check_accessibility(spanish, artifacts, "65-evidence-fact-sheet-es")
    finally:
        spanish.quit()
