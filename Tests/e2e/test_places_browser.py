"""Places, campaigns and records requests in a real browser (Debian's Chromium), as an organizer
and as the public: ICE's real 287(g) list imported through the page with the right counts, a later
list's additions and removals, a county policy with its source seen by the public, a sign-on
letter that counts a signature once its emailed link is confirmed, and an Oregon records request
whose due dates cross Thanksgiving, a fee notice and Christmas."""
import csv
import os
import shutil
import tempfile
import urllib.request

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from amparo_client import set_up_admin
from conftest import ROOT, Server, free_port
from e2e_helpers import form_ending, invite_and_enrol, make_browser, set_value, wait_for_message
from test_browser import check_accessibility, click_and_wait, menu

LIST = os.path.abspath(os.path.join(ROOT, "..", "shared", "data", "ice-287g", "participatingAgencies05162025am.xlsx"))


@pytest.fixture(scope="module")
def server(sinks):
    smtp_port, http_port = sinks
    binary = os.environ.get("AMPARO_BINARY", os.path.join(ROOT, ".build", "debug", "amparo"))
    data_dir = tempfile.mkdtemp(prefix="amparo-e2e-places-")
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env.update({"AMPARO_SMTP": f"127.0.0.1:{smtp_port}"})
    s = Server(binary, data_dir, free_port(), env)
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


@pytest.fixture(scope="module")
def public():
    driver = make_browser("en-US,en")
    yield driver
    driver.quit()


def upload(driver, path):
    form = form_ending(driver, "/places/imports")
    form.find_element(By.NAME, "file").send_keys(path)
    click_and_wait(driver, form.find_element(By.TAG_NAME, "button"))
    return driver.find_element(By.TAG_NAME, "main").text


def test_ices_list_imports_with_the_right_counts_and_a_later_list_shows_what_changed(server, organizer, public, artifacts, tmp_path):
    menu(organizer, "Places")
    check_accessibility(organizer, artifacts, "40-places-imports")
    assert "Imported: 571 added, 0 removed, 0 unchanged." in upload(organizer, LIST)
    public.get(server.base + "/places")
    rows = {row.find_element(By.CSS_SELECTOR, "td").text: [c.text for c in row.find_elements(By.CSS_SELECTOR, "td")]
            for row in public.find_elements(By.CSS_SELECTOR, "#states tbody tr")}
    assert rows["Florida"][-1] == "255" and rows["Texas"][-1] == "86", (rows["Florida"], rows["Texas"])
    totals = [sum(int(r[i]) for r in rows.values()) for i in (1, 2, 3)]
    assert totals == [91, 275, 205], totals  # Jail Enforcement, Task Force, Warrant Service Officer
    check_accessibility(public, artifacts, "41-places-states")

    organizer.get(server.base + "/places/imports")
    assert "already imported" in upload(organizer, LIST)
    # A later list, built from Florida's CSV download: without Bay County's Task Force agreement,
    # with a new one in Georgia; every other state is absent from it, so its agreements end.
    models = {"jail_enforcement": "Jail Enforcement Model", "task_force": "Task Force Model", "warrant_service_officer": "Warrant Service Officer"}
    lines = ["STATE,LAW ENFORCEMENT AGENCY,TYPE,COUNTY,SUPPORT TYPE,SIGNED"]
    with urllib.request.urlopen(f"{server.base}/places/fl?format=csv") as r:
        for row in csv.DictReader(r.read().decode().splitlines()):
            if row["agency"] == "Bay County Sheriff's Office" and row["model"] == "task_force":
                continue
            lines.append(f'FLORIDA,"{row["agency"]}",County,"{row["county"] or "#N/A"}",{models[row["model"]]},{row["signed_on"]}')
    lines.append("GEORGIA,Example County Sheriff's Office,County,Example County,TFM,6/1/2025")
    later = tmp_path / "later.csv"
    later.write_text("\r\n".join(lines))
    organizer.get(server.base + "/places/imports")
    result = upload(organizer, str(later))
    assert "Imported: 1 added, 317 removed, 254 unchanged." in result, result
    assert "Example County Sheriff's Office (GA)" in organizer.find_element(By.ID, "added").text
    assert "Bay County Sheriff's Office (FL) · Task Force" in organizer.find_element(By.ID, "removed").text


def test_a_county_policy_with_its_source_and_a_letter_signed_in_a_browser(server, sinks, organizer, public, artifacts):
    organizer.get(server.base + "/places/fl/bay-county")
    form = form_ending(organizer, "/policies")
    organizer.execute_script("arguments[0].closest('details').open = true", form)
    Select(form.find_element(By.NAME, "kind")).select_by_value("detainers")
    Select(form.find_element(By.NAME, "position")).select_by_value("honors_all")
    Select(form.find_element(By.NAME, "instrument")).select_by_value("sheriff_policy")
    set_value(organizer, form.find_element(By.NAME, "effectiveOn"), "2019-07-01")
    form.find_element(By.NAME, "document").send_keys("https://example.org/bay-sheriff-detainer-policy.pdf")
    click_and_wait(organizer, form.find_element(By.TAG_NAME, "button"))
    public.get(server.base + "/places/fl/bay-county")
    page = public.find_element(By.TAG_NAME, "main").text
    assert "ICE detainers: Honors all" in page and "Warrant Service Officer" in page, page
    assert public.find_element(By.LINK_TEXT, "Source document").get_attribute("href") == "https://example.org/bay-sheriff-detainer-policy.pdf"
    check_accessibility(public, artifacts, "42-county")

    menu(organizer, "Campaigns")
    form = form_ending(organizer, "/campaigns")
    form.find_element(By.NAME, "title").send_keys("Bay County: end 287(g)")
    form.find_element(By.NAME, "place").send_keys("FL / Bay County")
    Select(form.find_element(By.NAME, "goal")).select_by_value("end_287g")
    click_and_wait(organizer, form.find_element(By.TAG_NAME, "button"))
    letter = form_ending(organizer, "/letters")
    organizer.execute_script("arguments[0].closest('details').open = true", letter)
    letter.find_element(By.NAME, "title").send_keys("Bay County Commission: end the 287(g) agreements")
    letter.find_element(By.NAME, "body").send_keys("We, the undersigned organizations, ask the Commission to end its agreements with ICE.")
    click_and_wait(organizer, letter.find_element(By.TAG_NAME, "button"))
    check_accessibility(organizer, artifacts, "43-campaign")

    public.get(server.base + "/places/fl/bay-county")
    click_and_wait(public, public.find_element(By.LINK_TEXT, "Bay County Commission: end the 287(g) agreements"))
    form = form_ending(public, public.current_url[len(server.base):])
    form.find_element(By.NAME, "organization").send_keys("Panama City Interfaith Alliance")
    Select(form.find_element(By.NAME, "type")).select_by_value("faith")
    form.find_element(By.NAME, "city").send_keys("Panama City")
    form.find_element(By.NAME, "email").send_keys("alliance@example.org")
    click_and_wait(public, form.find_element(By.TAG_NAME, "button"))
    assert "Check the contact email" in public.page_source
    assert "No confirmed signatures yet" in public.page_source
    check_accessibility(public, artifacts, "44-letter")
    link = wait_for_message(sinks[1], "alliance@example.org", r"(http://\S+/letters/confirm/\S+)")
    public.get(link)
    click_and_wait(public, public.find_element(By.CSS_SELECTOR, "main form button"))
    assert "Panama City Interfaith Alliance · Faith community · Panama City" in public.find_element(By.ID, "signers").text
    assert "alliance@example.org" not in public.page_source


def test_an_oregon_records_request_shows_its_due_dates_across_a_holiday_and_a_pause(server, organizer, artifacts):
    menu(organizer, "Records requests")
    form = form_ending(organizer, "/records")
    form.find_element(By.NAME, "agency").send_keys("Marion County Sheriff's Office")
    form.find_element(By.NAME, "subject").send_keys("All I-247A detainers received by the jail in 2025.")
    Select(form.find_element(By.NAME, "state")).select_by_value("OR")
    set_value(organizer, form.find_element(By.NAME, "sentOn"), "2026-11-25")
    click_and_wait(organizer, form.find_element(By.TAG_NAME, "button"))
    deadlines = organizer.find_element(By.ID, "deadlines").text
    assert "due 2026-12-03" in deadlines and "due 2026-12-17" in deadlines, deadlines

    def step(status, day, fees=None):
        form = form_ending(organizer, "/status")
        Select(form.find_element(By.NAME, "status")).select_by_value(status)
        set_value(organizer, form.find_element(By.NAME, "onDay"), day)
        if fees:
            form.find_element(By.NAME, "fees").send_keys(fees)
        click_and_wait(organizer, form.find_element(By.TAG_NAME, "button"))

    step("acknowledged", "2026-12-02")
    step("payment_needed", "2026-12-08", fees="25.00")
    assert "clock stopped" in organizer.find_element(By.ID, "deadlines").text
    step("processing", "2026-12-18")
    deadlines = organizer.find_element(By.ID, "deadlines").text
    assert "due 2026-12-31" in deadlines, deadlines
    check_accessibility(organizer, artifacts, "45-records-request")
