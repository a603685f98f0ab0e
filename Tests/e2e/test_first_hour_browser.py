"""The coordinator's first hour, as she lives it: on a phone, in Spanish, with only the web UI.
She sets the group up, connects the group's mail provider (a real SMTP server on loopback that
demands STARTTLS and a sign-in, scripts/smtp-tls-sink.py), sends herself a test message, invites
two members by email, and each accepts from the link in the email. Every page passes axe and
leaves a screenshot in the artifacts."""
import base64
import email
import os
import re
import shutil
import subprocess
import tempfile
import time

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from conftest import ROOT, Server, free_port
from e2e_helpers import add_shift_now, enrol, form_ending, make_browser
from amparo_client import totp
from test_browser import check_accessibility, click_and_wait, fill, menu, submit

USER, PASSWORD = "coordinacion@redvalle.example", "clave de aplicación 7"
LIST = os.path.abspath(os.path.join(ROOT, "..", "shared", "data", "ice-287g", "participatingAgencies05162025am.xlsx"))


@pytest.fixture(scope="module")
def mail():
    """The group's mail provider: TLS first, then a sign-in, or no message is taken."""
    folder = tempfile.mkdtemp(prefix="amparo-mail-")
    port = free_port()
    process = subprocess.Popen(["python3", os.path.join(ROOT, "scripts", "smtp-tls-sink.py"), str(port), folder + "/box", folder,
                                "starttls", USER, PASSWORD], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    assert process.stdout.readline().strip() == b"ready"
    yield {"port": port, "box": folder + "/box/new", "cert": folder + "/cert.pem"}
    process.terminate()
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="module")
def server(mail):
    binary = os.environ.get("AMPARO_BINARY", os.path.join(ROOT, ".build", "debug", "amparo"))
    data_dir = tempfile.mkdtemp(prefix="amparo-e2e-")
    env = {k: v for k, v in os.environ.items() if not k.startswith("AMPARO_SMTP") and k != "DATABASE_URL"}
    # The provider's certificate comes from its own authority here; a real provider's is trusted as is.
    env["AMPARO_SMTP_CA_FILE"] = mail["cert"]
    s = Server(binary, data_dir, free_port(), env)
    yield s
    s.stop()
    shutil.rmtree(data_dir, ignore_errors=True)


def mails(mail):
    """Each message received: (recipient header, decoded text)."""
    found = []
    for name in sorted(os.listdir(mail["box"])) if os.path.isdir(mail["box"]) else []:
        message = email.message_from_bytes(open(os.path.join(mail["box"], name), "rb").read())
        found.append((message["To"], (message.get_payload(decode=True) or b"").decode("utf-8")))
    return found


def wait_for_mail(mail, to, pattern):
    deadline = time.time() + 30
    while time.time() < deadline:
        for recipient, text in mails(mail):
            match = re.search(pattern, text)
            if to in recipient and match:
                return match.group(1) if match.groups() else match.group(0)
        time.sleep(0.2)
    raise AssertionError(f"no mail to {to}: {mails(mail)}")


def type_into(form, fields):
    for name, value in fields.items():
        element = form.find_element(By.NAME, name)
        element.clear()
        element.send_keys(value)


def test_the_first_hour_on_a_phone_in_spanish(server, mail, artifacts):
    admin = make_browser("es-MX,es")
    invitees = []
    try:
        admin.get(server.setup_link)
        check_accessibility(admin, artifacts, "first-hour-01-setup")
        fill(admin, {"organization": "Red de Respuesta del Valle", "name": "Marisol Coordinadora", "email": "marisol@example.org",
                     "password": "juniper canyon lantern", "passwordConfirmation": "juniper canyon lantern"})
        submit(admin)
        check_accessibility(admin, artifacts, "first-hour-02-enrol")
        fill(admin, {"code": totp(admin.find_element(By.ID, "totp-secret").text)})
        submit(admin)
        click_and_wait(admin, admin.find_element(By.LINK_TEXT, "Ya los guardé"))
        assert "Hola, Marisol Coordinadora" in admin.page_source
        check_accessibility(admin, artifacts, "first-hour-03-dashboard")

        # Settings, from the menu: nothing is set up, and the page says so.
        menu(admin, "Configuración")
        assert admin.find_element(By.ID, "email-health").text.startswith("Cómo va\nSin configurar")
        check_accessibility(admin, artifacts, "first-hour-04-settings")
        form = admin.find_element(By.CSS_SELECTOR, "#email form")
        type_into(form, {"host": "localhost", "port": str(mail["port"]), "username": USER, "password": "no es esta", "mailFrom": USER})
        click_and_wait(admin, form.find_element(By.TAG_NAME, "button"))
        refused = admin.find_element(By.ID, "refused").text
        assert "El servidor de correo no aceptó el usuario o la contraseña" in refused and "535" in refused, refused
        assert admin.find_element(By.NAME, "host").get_attribute("value") == "localhost", "what was typed stays"
        check_accessibility(admin, artifacts, "first-hour-05-settings-refused")
        form = admin.find_element(By.CSS_SELECTOR, "#email form")
        type_into(form, {"password": PASSWORD})
        click_and_wait(admin, form.find_element(By.TAG_NAME, "button"))
        assert "Hay una contraseña guardada" in admin.page_source and PASSWORD not in admin.page_source
        assert admin.find_element(By.ID, "email-health").text.startswith("Cómo va\nConfigurado")
        click_and_wait(admin, admin.find_element(By.CSS_SELECTOR, "#email form[action*='/test#'] button"))
        assert "El mensaje de prueba salió hacia marisol@example.org" in admin.find_element(By.ID, "email-test-result").text
        check_accessibility(admin, artifacts, "first-hour-06-settings-tested")
        assert wait_for_mail(mail, "marisol@example.org", r"Este es un mensaje de prueba de Amparo")

        # Two members invited by email; each accepts from the link in the mail.
        for name, address, role in [("Darío Despacho", "dario@example.org", "dispatcher"), ("Grace Casos", "grace@example.org", "case_worker")]:
            menu(admin, "Miembros")
            fill(admin, {"name": name, "email": address})
            admin.find_element(By.ID, "role-responder").click()  # ticked by default
            admin.find_element(By.ID, f"role-{role}").click()
            click_and_wait(admin, admin.find_element(By.XPATH, "//form[starts-with(@action, '/admin/users#')]//button"))
            assert f"La invitación va en camino por correo a {address}" in admin.find_element(By.ID, "invitation-sent").text
            check_accessibility(admin, artifacts, f"first-hour-07-invited-{role}")
            link = wait_for_mail(mail, address, r"(http://\S+/invite/\S+)")
            invitee = make_browser("es-MX,es")
            invitees.append(invitee)
            enrol(invitee, link, saved="Ya los guardé")
            assert f"Hola, {name}" in invitee.page_source
            check_accessibility(invitee, artifacts, f"first-hour-08-accepted-{role}")
        modules = [invitees[0].find_element(By.ID, "modules").text, invitees[1].find_element(By.ID, "modules").text]
        assert "Línea" in modules[0] and "Casos" not in modules[0], modules
        assert "Casos" in modules[1] and "Línea" not in modules[1], modules

        # The admin holds every role: the hotline and the cases open for her.
        for path, name in [("/hotline", "hotline"), ("/cases", "cases"), ("/admin/users", "members")]:
            admin.get(server.base + path)
            assert "Su rol no permite esto" not in admin.page_source, path
            check_accessibility(admin, artifacts, f"first-hour-09-{name}")
        assert "Darío Despacho" in admin.page_source and "Grace Casos" in admin.page_source

        # The rest of the checklist, each step from its link on the dashboard.
        def step(name):
            admin.get(server.base + "/dashboard")
            link = admin.find_element(By.XPATH, f"//section[@id='checklist']//a[contains(., '{name}')]")
            click_and_wait(admin, link)

        step("El nombre")
        type_into(admin.find_element(By.CSS_SELECTOR, "#organization form"), {"hotlineNumber": "(503) 555-0100"})
        click_and_wait(admin, admin.find_element(By.CSS_SELECTOR, "#organization form button"))
        step("Los equipos")
        fill(admin, {"name": "Centro", "region": "Centro"})
        click_and_wait(admin, admin.find_element(By.XPATH, "//form[@action='/admin/teams']//button"))
        step("Quién está de turno")
        add_shift_now(admin, "Centro", "Darío Despacho", "dispatcher")
        check_accessibility(admin, artifacts, "first-hour-10-shifts")
        step("La lista 287(g)")
        form = form_ending(admin, "/places/imports")
        form.find_element(By.NAME, "file").send_keys(LIST)
        click_and_wait(admin, form.find_element(By.TAG_NAME, "button"))
        check_accessibility(admin, artifacts, "first-hour-11-agreements")
        admin.get(server.base + "/dashboard")
        assert "6 de 7 listos" in admin.find_element(By.ID, "checklist").text, admin.find_element(By.ID, "checklist").text
        check_accessibility(admin, artifacts, "first-hour-12-checklist")

        # A neighbour signs up for alerts on the public page; the checklist is then complete and gone.
        neighbour = make_browser("es-MX,es")
        invitees.append(neighbour)
        neighbour.get(server.base + "/alerts/subscribe")
        Select(neighbour.find_element(By.NAME, "channel")).select_by_value("email")
        fill(neighbour, {"contact": "vecina@example.org"})
        neighbour.find_element(By.ID, "consent").click()
        submit(neighbour)
        check_accessibility(neighbour, artifacts, "first-hour-13-signed-up")
        admin.get(server.base + "/dashboard")
        assert not admin.find_elements(By.ID, "checklist"), "every step is done"
        check_accessibility(admin, artifacts, "first-hour-14-ready")
    finally:
        admin.quit()
        for invitee in invitees:
            invitee.quit()
