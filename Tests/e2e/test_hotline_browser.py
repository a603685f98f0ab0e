"""The hotline in a real browser on a phone-sized window: a neighbour subscribes to alerts and files
a report in Spanish without signing in; a coordinator (invited by the admin, enrolled with TOTP)
claims it, sends the responder on call, whose field report (written offline on the phone, sent when
the connection returns) verifies it, and sends the alert, which the server's own delivery worker hands to a real
SMTP server and to a server speaking Twilio's and Signal's APIs, once per subscriber.
axe-core checks every page for WCAG A/AA violations."""
import base64
import hashlib
import hmac
import io
import json
import os
import re
import shutil
import tempfile
import time
import urllib.parse
import urllib.request
from datetime import datetime, timedelta, timezone

import pytest
from PIL import Image
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from amparo_client import Session, set_up_admin, totp
from conftest import ROOT, Server, free_port
from test_browser import check_accessibility, click_and_wait, fill, submit, menu
from e2e_helpers import Network, add_shift_now, form_ending, invite_and_enrol, make_browser, set_value, sink_messages, wait_for_message

DISPATCHER_EMAIL = "dario.coordina@example.org"
DISPATCHER_PASSWORD = "marigold lantern orchard"


@pytest.fixture(scope="module")
def server(sinks):
    """This module's own server, with its alert channels pointed at the sinks."""
    smtp_port, http_port = sinks
    binary = os.environ.get("AMPARO_BINARY", os.path.join(ROOT, ".build", "debug", "amparo"))
    data_dir = tempfile.mkdtemp(prefix="amparo-e2e-hotline-")
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env.update({"AMPARO_SMTP": f"127.0.0.1:{smtp_port}", "AMPARO_TWILIO_URL": f"http://127.0.0.1:{http_port}",
                "AMPARO_TWILIO_SID": "AC0", "AMPARO_TWILIO_TOKEN": "e2e", "AMPARO_TWILIO_FROM": "+15035550100",
                "AMPARO_SIGNAL_URL": f"http://127.0.0.1:{http_port}", "AMPARO_SIGNAL_NUMBER": "+15035550101",
                "AMPARO_WATCH_SECONDS": "2"})
    s = Server(binary, data_dir, free_port(), env)
    yield s
    s.stop()
    shutil.rmtree(data_dir, ignore_errors=True)


def twilio_text(base, sender, body, token="e2e"):
    """A text arriving through Twilio's webhook, signed as Twilio signs (HMAC-SHA1 over URL and fields)."""
    url = base + "/hooks/twilio/sms"
    fields = {"From": sender, "To": "+15035550100", "Body": body, "MessageSid": "SM" + os.urandom(8).hex(), "AccountSid": "AC0"}
    signed = url + "".join(k + fields[k] for k in sorted(fields))
    signature = base64.b64encode(hmac.new(token.encode(), signed.encode(), hashlib.sha1).digest()).decode()
    request = urllib.request.Request(url, data=urllib.parse.urlencode(fields).encode(), method="POST",
                                     headers={"X-Twilio-Signature": signature, "Content-Type": "application/x-www-form-urlencoded"})
    with urllib.request.urlopen(request) as r:
        return r.read().decode()


def sink_stats(http_port):
    with urllib.request.urlopen(f"http://127.0.0.1:{http_port}/stats") as r:
        return json.load(r)


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


@pytest.fixture(scope="module")
def admin(server):
    return set_up_admin(server.base, server.setup_link)


@pytest.fixture(scope="module")
def lawyer():
    driver = make_browser("en-US,en")
    yield driver
    driver.quit()


def test_a_spanish_report_becomes_an_alert_that_reaches_each_subscriber_once(server, sinks, admin, reporter, dispatcher, artifacts):
    admin.get("/admin/teams")
    admin.post("/admin/teams", {"name": "Centro", "region": "Centro"})
    admin.get("/admin/users")
    page = admin.post("/admin/users", {"email": DISPATCHER_EMAIL, "name": "Darío Dispatcher", "roles[]": "coordinator"})
    invitation = re.search(r'id="invitation-link">([^<]+)<', page).group(1)
    admin.get("/admin/users")
    admin.post("/admin/users", {"email": "rosa.responde@example.org", "name": "Rosa Respondedora", "roles[]": "responder",
                                "phone": "+1 503 555 0177"})

    # Two neighbours ask for alerts: one by email in the browser, one by SMS.
    reporter.get(server.base + "/alerts/subscribe")
    check_accessibility(reporter, artifacts, "19-subscribe-es")
    Select(reporter.find_element(By.NAME, "channel")).select_by_value("email")
    fill(reporter, {"contact": "vecina@example.org"})
    reporter.find_element(By.ID, "consent").click()
    submit(reporter)
    assert "Casi listo: confirme" in reporter.page_source
    neighbour = Session(server.base)
    neighbour.get("/alerts/subscribe")
    neighbour.post("/alerts/subscribe", {"channel": "sms", "contact": "+1 503 555 0142", "language": "en", "region": "", "consent": "yes"})
    # Both confirm: the email by its link, the phone by answering YES to the text.
    smtp_port, http_port = sinks
    link = wait_for_message(http_port, "vecina@example.org", r"https?://\S+(/alerts/confirm/\S+)")
    wait_for_message(http_port, "+15035550142", r"(YES)")
    reporter.get(server.base + link)
    click_and_wait(reporter, reporter.find_element(By.ID, "confirm"))
    assert "Recibirá alertas verificadas" in reporter.page_source
    answer = twilio_text(server.base, "+15035550142", "yes")
    assert "Confirmed: you will get verified alerts" in answer, answer

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
    # A photo from the phone, with its GPS position in EXIF, added from the thank-you page.
    reporter.find_element(By.ID, "photos").send_keys(os.path.join(ROOT, "Tests", "Fixtures", "photo-with-gps.jpg"))
    click_and_wait(reporter, reporter.find_element(By.XPATH, "//form[contains(@action, '/report/photos/')]//button"))
    assert "Se agregó 1 foto a su reporte" in reporter.page_source, reporter.find_element(By.TAG_NAME, "main").text

    # The dispatcher accepts the invitation, enrols a second factor and opens the inbox.
    dispatcher.get(invitation)
    fill(dispatcher, {"password": DISPATCHER_PASSWORD, "passwordConfirmation": DISPATCHER_PASSWORD})
    submit(dispatcher)
    secret = dispatcher.find_element(By.ID, "totp-secret").text
    fill(dispatcher, {"code": totp(secret)})
    submit(dispatcher)
    click_and_wait(dispatcher, dispatcher.find_element(By.LINK_TEXT, "I have saved them"))
    menu(dispatcher, "Hotline")
    assert code in dispatcher.page_source
    assert "Calle 5 y Main" in dispatcher.page_source
    check_accessibility(dispatcher, artifacts, "22-inbox")

    click_and_wait(dispatcher, dispatcher.find_element(By.LINK_TEXT, code))
    assert "Dos camionetas sin placas" in dispatcher.page_source
    # The photo shows, and what the server kept has no EXIF: no position, no phone model.
    photo = dispatcher.find_element(By.CSS_SELECTOR, "#photos img")
    assert dispatcher.execute_script("return arguments[0].complete && arguments[0].naturalWidth", photo) == 16
    served = base64.b64decode(dispatcher.execute_async_script("""
        const done = arguments[arguments.length - 1];
        fetch(arguments[0]).then(r => r.arrayBuffer()).then(b => {
            let s = ""; new Uint8Array(b).forEach(c => s += String.fromCharCode(c)); done(btoa(s)); });
    """, photo.get_attribute("src")))
    image = Image.open(io.BytesIO(served))
    image.load()
    assert image.size == (16, 12) and len(image.getexif()) == 0 and b"SecretPhone" not in served
    check_accessibility(dispatcher, artifacts, "23-report")
    click_and_wait(dispatcher, dispatcher.find_element(By.XPATH, "//button[contains(., 'Claim this report')]"))
    assert "Darío Dispatcher" in dispatcher.page_source

    def move(to, reason):
        Select(dispatcher.find_element(By.NAME, "to")).select_by_value(to)
        fill(dispatcher, {"reason": reason})
        click_and_wait(dispatcher, dispatcher.find_element(By.XPATH, "//form[contains(@action, '/status')]//button"))

    # Rosa is on call for Centro now; the coordinator puts her on the schedule and the report in Centro.
    report_url = dispatcher.current_url
    menu(dispatcher, "Shifts")
    add_shift_now(dispatcher, "Centro", "Rosa Respondedora", "responder")
    assert "Rosa Respondedora" in dispatcher.find_element(By.ID, "on-call").text
    dispatcher.get(report_url)
    Select(dispatcher.find_element(By.NAME, "team")).select_by_visible_text("Centro")
    click_and_wait(dispatcher, dispatcher.find_element(By.XPATH, "//form[contains(@action, '/region')]//button"))

    # The dispatcher sends Rosa to verify; the worker texts her a one-time link.
    assert "Rosa Respondedora" in dispatcher.find_element(By.XPATH, "//form[contains(@action, '/dispatch')]").text
    fill(dispatcher, {"note": "Quédese frente a la lavandería"})
    click_and_wait(dispatcher, dispatcher.find_element(By.XPATH, "//form[contains(@action, '/dispatch')]//button"))
    assert "Verifying" in dispatcher.find_element(By.TAG_NAME, "main").text
    link = wait_for_message(http_port, "+15035550177", r"https?://\S+(/respond/\S+)")

    # Rosa's phone, in Spanish: she accepts, loses the connection on the scene, writes the field
    # report anyway; the phone keeps it (the service worker) and sends it when the connection returns.
    network = Network(int(server.base.rsplit(":", 1)[1]))
    responder = make_browser("es-MX,es")
    try:
        responder.get(network.base + link)
        assert "Quédese frente a la lavandería" in responder.page_source and "Calle 5 y Main" in responder.page_source
        check_accessibility(responder, artifacts, "24a-dispatch-request-es")
        click_and_wait(responder, responder.find_element(By.ID, "accept"))
        assert responder.find_element(By.ID, "field-report")
        check_accessibility(responder, artifacts, "24b-field-report-es")
        deadline = time.time() + 20
        while not responder.execute_script("return !!navigator.serviceWorker.controller") and time.time() < deadline:
            time.sleep(0.2)
        network.cut()
        responder.find_element(By.ID, "finding-confirmed").click()
        responder.find_element(By.ID, "warrant-administrative").click()
        responder.find_element(By.ID, "consent-refused").click()
        fill(responder, {"size": "4 agentes, 2 camionetas", "activity": "Detuvieron a un hombre en la lavandería",
                         "unit": "Chalecos POLICE ICE", "detained": "1", "takenTo": "Centro de detención de Tacoma",
                         "witnesses": "La dueña de la lavandería"})
        responder.find_element(By.XPATH, "//form[@id='field-report']//button").click()
        deadline = time.time() + 15
        while "/report/kept" not in responder.current_url and time.time() < deadline:
            time.sleep(0.1)
        main = responder.find_element(By.TAG_NAME, "main").text
        assert "Guardado en este teléfono" in main, main
        dispatcher.refresh()
        assert "No field report yet" in dispatcher.page_source
        network.restore()
        deadline = time.time() + 30
        while "sent=1" not in responder.current_url and time.time() < deadline:
            time.sleep(0.2)
        assert "Informe de campo recibido" in responder.page_source, responder.find_element(By.TAG_NAME, "main").text
    finally:
        responder.quit()
        network.close()

    dispatcher.refresh()
    main = dispatcher.find_element(By.TAG_NAME, "main").text
    assert "Filed by Rosa Respondedora" in main and "Yes, an ICE form I-200 or I-205 (administrative)" in main, main
    assert main.count("Detuvieron a un hombre") == 1, "the report sent from the phone is stored once"
    move("verified", "Rosa's field report: ICE detained one man")
    main = dispatcher.find_element(By.TAG_NAME, "main").text
    assert "Verified" in main and "Verifying → Verified" in main and "Rosa's field report" in main
    check_accessibility(dispatcher, artifacts, "24-report-verified")

    # The alert: coarse area, both languages; the server's worker delivers it.
    fill(dispatcher, {"place": "Centro", "messageEN": "ICE agents at 5th and Main. Stay inside.",
                      "messageES": "Agentes de ICE en la 5 y Main. Quédese adentro."})
    click_and_wait(dispatcher, dispatcher.find_element(By.XPATH, "//form[contains(@action, '/alert')]//button"))
    # First the preview: who gets it by channel and language, and the exact text each reads.
    preview = dispatcher.find_element(By.ID, "preview").text
    assert "Who will receive it: 2" in preview and "1 by email in Spanish" in preview and "1 by text message in English" in preview, preview
    assert "Centro: ICE agents at 5th and Main. Stay inside." in preview, preview
    check_accessibility(dispatcher, artifacts, "24b-alert-preview")
    click_and_wait(dispatcher, dispatcher.find_element(By.XPATH, "//button[contains(., 'Send the alert')]"))
    assert "2 messages queued" in dispatcher.page_source, dispatcher.find_element(By.TAG_NAME, "main").text
    # The sinks already hold Darío's and Rosa's invitations (mail is set up, so they went by email),
    # the confirmations (a mail, a text), the mails that told the coordinators (nobody was on call)
    # that a report was waiting (Darío, and the first admin, who holds every role until she gives
    # some away), and Rosa's dispatch text: one more each.
    assert any(m["to"] == DISPATCHER_EMAIL and "/hotline" in m["body"] for m in sink_messages(http_port))
    deadline = time.time() + 30
    while time.time() < deadline:
        stats = sink_stats(http_port)
        if stats["smtp"]["total"] >= 6 and stats["http"]["total"] >= 3:
            break
        time.sleep(0.2)
    time.sleep(1)  # anything more would be a duplicate
    # Three texts (the neighbour's confirmation, Rosa's request, the alert), none repeated; no Signal.
    assert sink_stats(http_port) == {"smtp": {"total": 6, "unique": 6}, "http": {"total": 3, "unique": 3},
                                     "sms": {"total": 3, "unique": 3}, "signal": {"total": 0, "unique": 0}}
    dispatcher.refresh()
    assert "2 delivered, 0 waiting, 0 failed" in dispatcher.page_source
    check_accessibility(dispatcher, artifacts, "25-alert-sent")

    menu(dispatcher, "Shifts")
    assert "Rosa Respondedora" in dispatcher.find_element(By.ID, "on-call").text
    check_accessibility(dispatcher, artifacts, "26-shifts")

    # The public learned nothing about who reported, and the log holds no report text or address.
    logs = server.logs()
    for text in ["Dos camionetas", "Calle 5 y Main", DISPATCHER_EMAIL, "127.0.0.1 ", "vecina@example.org", "5550142"]:
        assert text not in logs, text


def test_a_person_detained_there_becomes_a_case_the_legal_team_follows(server, sinks, admin, dispatcher, lawyer, artifacts):
    """Runs after the test above, on its verified report: the coordinator opens a case for the man
    detained; a lawyer (invited, enrolled) records him, his family's consent and the custody timeline,
    the page warns that he has been held on the detainer alone for more than 48 hours, and the legal
    team gets the hold-clock email."""
    report_url = dispatcher.current_url if "/hotline/reports/" in dispatcher.current_url else None
    if report_url is None:
        menu(dispatcher, "Hotline")
        click_and_wait(dispatcher, dispatcher.find_element(By.LINK_TEXT, "All reports"))
        click_and_wait(dispatcher, dispatcher.find_elements(By.CSS_SELECTOR, "main table a")[0])
    click_and_wait(dispatcher, dispatcher.find_element(By.XPATH, "//form[contains(@action, '/detained')]//button"))
    assert "Cases opened from this report: 1" in dispatcher.find_element(By.ID, "cases-opened").text

    invite_and_enrol(admin, lawyer, "lucia.legal@example.org", "Lucía Legal", "legal")
    menu(lawyer, "Cases")
    check_accessibility(lawyer, artifacts, "27-cases")
    click_and_wait(lawyer, lawyer.find_element(By.CSS_SELECTOR, "#cases a"))
    person = form_ending(lawyer, "/person")
    for name, value in {"name": "Mateo Cruz", "language": "Spanish", "aNumber": "A201-555-321",
                        "consent": "His sister Ana agrees to share with the legal team."}.items():
        person.find_element(By.NAME, name).send_keys(value)
    click_and_wait(lawyer, person.find_element(By.TAG_NAME, "button"))
    assert "Mateo Cruz" in lawyer.find_element(By.TAG_NAME, "h1").text

    add_event(lawyer, "booked", 80, place="Washington County Jail", source="jail roster")
    add_event(lawyer, "detainer_lodged", 70, detainerForm="I-247A", probableCause=["biometric_match", "statements"])
    add_event(lawyer, "local_custody_ended", 52, detail="Bail posted by the community fund")
    clock = lawyer.find_element(By.ID, "hold-clock").text
    assert "Held on the ICE detainer alone for 52 hours" in clock or "for 51 hours" in clock, clock
    assert "may be an unlawful seizure" in clock
    assert "Statements to an immigration officer" in lawyer.find_element(By.ID, "timeline").text
    check_accessibility(lawyer, artifacts, "28-case-hold-clock")
    # The hold-clock watch (every 2 s here) emails the legal team a link, never a name.
    link = wait_for_message(sinks[1], "lucia.legal@example.org", r"(/cases/[0-9A-Fa-f-]{36})")
    assert link in lawyer.current_url
    assert not any("Mateo" in m["body"] for m in sink_messages(sinks[1]))


def add_event(driver, step, hours_ago, **extra):
    """Chooses the kind of entry (a link: its form alone opens), then fills and saves it."""
    when = (datetime.now(timezone.utc) - timedelta(hours=hours_ago)).strftime("%Y-%m-%dT%H:%M")
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, f"#add-event a[href*='event={step}#']"))
    form = form_ending(driver, "/events")
    assert form.find_element(By.NAME, "step").get_attribute("value") == step
    set_value(driver, form.find_element(By.NAME, "when"), when)
    for name, value in extra.items():
        if name in ("detainerForm", "facility", "hearingKind", "bondStage"):
            Select(form.find_element(By.NAME, name)).select_by_visible_text(value) if name == "facility" else Select(form.find_element(By.NAME, name)).select_by_value(value)
        elif name == "probableCause":
            for box in value:
                form.find_element(By.CSS_SELECTOR, f"input[name=probableCause][value={box}]").click()
        else:
            form.find_element(By.NAME, name).send_keys(value)
    click_and_wait(driver, form.find_element(By.TAG_NAME, "button"))


def test_the_case_goes_on_through_a_transfer_a_visit_a_bond_and_a_request_for_the_data(server, sinks, admin, lawyer, artifacts):
    """The same lawyer: facilities with their visiting rules, a trained visitor, the transfer to ICE,
    a visit the visitor reports (seeing the man's name and the rules, never his family's phone), a
    move that tells the visitor, the bond fund paying, then the export and the erasure on request."""
    case_url = lawyer.current_url
    lawyer.get(server.base + "/facilities")
    for name, county, hours in [("Northwest ICE Processing Center", "Pierce", "Daily 8:00-15:00"),
                                ("Tacoma Annex", "Pierce", "Weekends 9:00-12:00")]:
        form = form_ending(lawyer, "/facilities")
        for field, value in {"name": name, "city": "Tacoma", "county": county, "state": "WA", "visitingHours": hours,
                             "idRules": "Government photo ID; visitors 18+", "dressCode": "No khaki or orange"}.items():
            form.find_element(By.NAME, field).send_keys(value)
        Select(form.find_element(By.NAME, "kind")).select_by_value("private")
        click_and_wait(lawyer, form.find_element(By.TAG_NAME, "button"))
    assert "Tacoma Annex" in lawyer.find_element(By.ID, "facilities").text
    check_accessibility(lawyer, artifacts, "29-facilities")

    visitor = make_browser("en-US,en")
    try:
        invite_and_enrol(admin, visitor, "vera.visitor@example.org", "Vera Visitor", "visitor")
        lawyer.get(server.base + "/visitors")
        # The first admin holds every role, visitor too: Vera's is the form beside her name.
        form = lawyer.find_element(By.XPATH, "//ul[@id='visitors']/li[contains(., 'Vera Visitor')]//form")
        set_value(lawyer, form.find_element(By.NAME, "trainedOn"), "2026-10-03")
        form.find_element(By.NAME, "languages").send_keys("English, Español")
        click_and_wait(lawyer, form.find_element(By.TAG_NAME, "button"))
        check_accessibility(lawyer, artifacts, "30-visitors")

        lawyer.get(case_url)
        contact = form_ending(lawyer, "/contacts")
        lawyer.execute_script("arguments[0].closest('details').open = true", contact)
        fill_form(contact, {"contactName": "Ana Cruz", "relationship": "sister", "reach": "+1 503 555 0142"})
        click_and_wait(lawyer, contact.find_element(By.TAG_NAME, "button"))
        add_event(lawyer, "transferred_to_ice", 4, facility="Northwest ICE Processing Center (WA)", agency="ICE ERO")
        plan_visit(lawyer, "Northwest ICE Processing Center", hours_ahead=2)

        menu(visitor, "Visits")
        assert "Mateo Cruz" in visitor.find_element(By.ID, "visits").text
        click_and_wait(visitor, visitor.find_element(By.CSS_SELECTOR, "#visits a"))
        page = visitor.page_source
        assert "Mateo Cruz" in page and "No khaki or orange" in page and "Daily 8:00-15:00" in page
        for secret in ["555 0142", "Ana Cruz", "A201-555-321", "Bail posted"]:
            assert secret not in page, secret
        check_accessibility(visitor, artifacts, "31-visit")
        visitor.get(case_url)
        assert "Your role does not allow this" in visitor.page_source
        visitor.back()
        report = form_ending(visitor, "/report")
        report.find_element(By.NAME, "report").send_keys("He is calm; needs his glasses and money for calls.")
        report.find_element(By.NAME, "sharedWithFamily").click()
        click_and_wait(visitor, report.find_element(By.TAG_NAME, "button"))
        assert visitor.find_element(By.ID, "visit-status").text == "Done"

        # A second visit is planned; then ICE moves him: the visit must be planned again, and the visitor is told.
        lawyer.get(case_url)
        plan_visit(lawyer, "Northwest ICE Processing Center", hours_ahead=72)
        add_event(lawyer, "facility_transfer", 1, facility="Tacoma Annex (WA)")
        visits = lawyer.find_element(By.ID, "case-visits").text
        assert "needs his glasses" in visits and "The person was moved: plan again" in visits, visits
        wait_for_message(sinks[1], "vera.visitor@example.org", r"(moved to Tacoma Annex)")
    finally:
        visitor.quit()

    bonds = form_ending(lawyer, "/bonds")
    lawyer.execute_script("arguments[0].closest('details').open = true", bonds)
    fill_form(bonds, {"amount": "1,500", "note": "Posted by the fund at the ICE office"})
    click_and_wait(lawyer, bonds.find_element(By.TAG_NAME, "button"))
    click_and_wait(lawyer, lawyer.find_element(By.XPATH, "//ul[@id='bonds']//button[text()='Approve']"))
    click_and_wait(lawyer, lawyer.find_element(By.XPATH, "//ul[@id='bonds']//button[text()='Record the payment']"))
    assert "Paid" in lawyer.find_element(By.ID, "bonds").text
    assert "Paid by the bond fund" in lawyer.find_element(By.ID, "timeline").text
    check_accessibility(lawyer, artifacts, "32-case-full")

    click_and_wait(lawyer, lawyer.find_element(By.LINK_TEXT, "Export everything (printable page)"))
    exported = lawyer.find_element(By.TAG_NAME, "main").text
    for text in ["Mateo Cruz", "Ana Cruz", "$1,500", "needs his glasses", "Tacoma Annex"]:
        assert text in exported, text
    lawyer.get(case_url)
    erase = form_ending(lawyer, "/erase")
    erase.find_element(By.NAME, "confirm").send_keys("ERASE")
    click_and_wait(lawyer, erase.find_element(By.TAG_NAME, "button"))
    page = lawyer.find_element(By.TAG_NAME, "main").text
    assert "erased on request" in page and "Mateo Cruz" not in page and "needs his glasses" not in page
    assert "Transferred to ICE" in page, "what happened stays, anonymous"


def fill_form(form, fields):
    for name, value in fields.items():
        form.find_element(By.NAME, name).send_keys(value)


def plan_visit(driver, facility, hours_ahead):
    form = form_ending(driver, "/visits")
    driver.execute_script("arguments[0].closest('details').open = true", form)
    Select(form.find_element(By.NAME, "facility")).select_by_visible_text(facility)
    Select(form.find_element(By.NAME, "visitor")).select_by_index(0)
    set_value(driver, form.find_element(By.NAME, "when"), (datetime.now(timezone.utc) + timedelta(hours=hours_ahead)).strftime("%Y-%m-%dT%H:%M"))
    click_and_wait(driver, form.find_element(By.TAG_NAME, "button"))
