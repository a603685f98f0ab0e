"""schemathesis against the running server's own OpenAPI document (built from the page values'
types), once per role with a real token: no 5xx, responses that match the schema, and no
operation reachable without the authentication it declares. Records, an event and a campaign are
made first, so the members' resources are checked with content, not only empty lists."""
import json
import os
import re
import subprocess
import urllib.request

from amparo_client import accept_invitation, create_api_token, set_up_admin


def invite(admin, base, role):
    page = admin.post("/admin/users", {"name": f"Test {role.title()}", "email": f"{role}@example.org", "roles[]": role})
    return accept_invitation(base, re.search(r'id="invitation-link">([^<]+)<', page).group(1))


def run_schemathesis(server, token, artifacts, name):
    report = os.path.join(artifacts, f"schemathesis-{name}.txt")
    result = subprocess.run(
        ["schemathesis", "--config-file", os.path.join(os.path.dirname(__file__), "schemathesis.toml"),
         "run", server.base + "/api/v1/openapi.json",
         "--url", server.base, "--header", f"Authorization: Bearer {token}",
         "--checks", "all", "--max-examples", "30", "--generation-deterministic"],
        capture_output=True, text=True, timeout=900)
    with open(report, "w") as f:
        f.write(result.stdout + result.stderr)
    assert result.returncode == 0, f"{name}: " + result.stdout[-6000:] + result.stderr[-2000:]
    assert "Tested: 29" in result.stdout, f"{name}: every operation in the document was exercised"


def test_schemathesis_finds_no_server_errors_for_any_role(server, artifacts):
    assert server.setup_link, "a fresh server prints its setup link"
    admin = set_up_admin(server.base, server.setup_link)
    with urllib.request.urlopen(server.base + "/api/v1/openapi.json") as r:
        assert json.load(r)["openapi"] == "3.1.0"
    organizer = invite(admin, server.base, "organizer")
    coordinator = invite(admin, server.base, "coordinator")
    organizer.get("/records")
    organizer.post("/records", {"agency": "Marion County Sheriff", "subject": "Detainers in 2025", "state": "OR", "via": "email", "sentOn": "2026-11-25"})
    organizer.get("/events/manage")
    organizer.post("/events/manage", {"kind": "webinar", "titleEN": "Know your rights", "titleES": "Conozca sus derechos",
                                      "startsAt": "2030-01-20T18:00", "place": "Online", "capacity": "40"})
    organizer.get("/campaigns")
    organizer.post("/campaigns", {"title": "Oregon: no more holds", "place": "OR", "goal": "stop_honoring_holds"})
    for name, session in [("admin", admin), ("organizer", organizer), ("coordinator", coordinator)]:
        run_schemathesis(server, create_api_token(session, "schemathesis"), artifacts, name)
