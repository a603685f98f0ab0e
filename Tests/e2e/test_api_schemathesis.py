"""schemathesis against the running server's own OpenAPI document: no 5xx, responses that match
the schema, and no operation reachable without the authentication it declares."""
import json
import os
import subprocess
import urllib.request

from amparo_client import create_api_token, set_up_admin


def test_schemathesis_finds_no_server_errors(server, artifacts):
    assert server.setup_link, "a fresh server prints its setup link"
    token = create_api_token(set_up_admin(server.base, server.setup_link), "schemathesis")
    with urllib.request.urlopen(server.base + "/api/v1/openapi.json") as r:
        assert json.load(r)["openapi"] == "3.1.0"
    report = os.path.join(artifacts, "schemathesis.txt")
    result = subprocess.run(
        ["schemathesis", "--config-file", os.path.join(os.path.dirname(__file__), "schemathesis.toml"),
         "run", server.base + "/api/v1/openapi.json",
         "--url", server.base, "--header", f"Authorization: Bearer {token}",
         "--checks", "all", "--max-examples", "40", "--generation-deterministic"],
        capture_output=True, text=True, timeout=900)
    with open(report, "w") as f:
        f.write(result.stdout + result.stderr)
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-2000:]
    assert "Tested: 29" in result.stdout, "every operation in the document was exercised"
