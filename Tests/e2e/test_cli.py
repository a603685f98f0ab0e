"""The command line, run as an operator would: help everywhere, demo data, members, key rotation,
audit verification, and an encrypted backup restored into a new folder."""
import json
import os
import re
import sqlite3
import subprocess

import pytest

from conftest import ROOT

BINARY = os.environ.get("AMPARO_BINARY", os.path.join(ROOT, ".build", "debug", "amparo"))
PASSPHRASE = "a long backup passphrase"


def amparo(*args, data_dir, ok=True, env_extra=None):
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env.update(env_extra or {})
    result = subprocess.run([BINARY, *args, "--data-dir", str(data_dir)] if data_dir else [BINARY, *args],
                            capture_output=True, text=True, env=env, timeout=120, stdin=subprocess.DEVNULL)
    if ok:
        assert result.returncode == 0, result.stdout + result.stderr
    return result


@pytest.mark.parametrize("command", [[], ["serve"], ["migrate"], ["user"], ["user", "create"], ["user", "disable"],
                                     ["user", "reset-2fa"], ["keys", "rotate"], ["audit", "verify"], ["backup"],
                                     ["restore"], ["demo"], ["purge"], ["worker"], ["load-test-data"],
                                     ["generate-detainers"], ["import-detainers"], ["stats"], ["crosswalk"]])
def test_every_command_has_help(command):
    result = amparo(*command, "--help", data_dir=None)
    assert "USAGE:" in result.stdout


def test_operator_workflow(tmp_path):
    data = tmp_path / "data"
    demo = amparo("demo", "--port", "8123", data_dir=data)
    links = re.findall(r"(http://\S+/invite/\S+)", demo.stdout)
    assert links and all(":8123/invite/" in link for link in links), "the links use the port the server will listen on"
    assert len(links) == 10
    assert oct(os.stat(data / "amparo.keys").st_mode & 0o777) == "0o600"
    assert oct(os.stat(data).st_mode & 0o777) == "0o700"
    with sqlite3.connect(data / "amparo.sqlite") as db:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"

    created = amparo("user", "create", "--email", "nuevo@example.org", "--name", "Nuevo Miembro",
                     "--role", "responder", "--role", "visitor", "--team", "Eastside Rapid Response", data_dir=data)
    assert "/invite/" in created.stdout
    with sqlite3.connect(data / "amparo.sqlite") as db:
        assert db.execute("SELECT COUNT(*) FROM users WHERE role = 'responder,visitor'").fetchone()[0] == 1
    no_role = amparo("user", "create", "--email", "y@example.org", "--name", "Y", data_dir=data, ok=False)
    assert no_role.returncode != 0 and "--role" in no_role.stderr
    bad = amparo("user", "create", "--email", "nuevo@example.org", "--name", "Otra", "--role", "responder",
                 data_dir=data, ok=False)
    assert bad.returncode != 0 and "already has an account" in bad.stderr
    wrong_role = amparo("user", "create", "--email", "x@example.org", "--name", "X", "--role", "sheriff",
                        data_dir=data, ok=False)
    assert wrong_role.returncode != 0 and "sheriff" in wrong_role.stderr
    amparo("user", "disable", "--email", "nuevo@example.org", data_dir=data)

    rotated = amparo("keys", "rotate", "--batch-size", "4", data_dir=data)
    assert "New data key k2 is now current." in rotated.stdout
    with sqlite3.connect(data / "amparo.sqlite") as db:
        names = [row[0] for row in db.execute("SELECT name_sealed FROM users")]
    assert names and all(n.startswith("amp1:k2:") for n in names)
    assert "Done: 0 values" in amparo("keys", "rotate", "--resume", data_dir=data).stdout

    assert "Intact:" in amparo("audit", "verify", data_dir=data).stdout
    env = {"AMPARO_BACKUP_PASSPHRASE": PASSPHRASE}
    amparo("backup", "-o", str(tmp_path / "b.amparo"), data_dir=data, env_extra=env)
    raw = (tmp_path / "b.amparo").read_bytes()
    assert b"Nuevo Miembro" not in raw and b"nuevo@example.org" not in raw

    restored = tmp_path / "restored"
    wrong = amparo("restore", "-i", str(tmp_path / "b.amparo"), data_dir=restored, ok=False,
                   env_extra={"AMPARO_BACKUP_PASSPHRASE": "not the passphrase"})
    assert wrong.returncode != 0 and "wrong passphrase" in wrong.stderr
    amparo("restore", "-i", str(tmp_path / "b.amparo"), data_dir=restored, env_extra=env)
    verified = amparo("audit", "verify", data_dir=restored).stdout
    assert "Intact:" in verified and "which is there unchanged" in verified, "the backup carries the head checkpoint"
    again = amparo("user", "create", "--email", "nuevo@example.org", "--name", "Dup", "--role", "legal",
                   data_dir=restored, ok=False)
    assert "already has an account" in again.stderr, "the restored copy has the member and can read the index"

    # Tampering with the audit log is caught, with a failing exit code.
    with sqlite3.connect(data / "amparo.sqlite") as db:
        db.execute("UPDATE audit_log SET action = 'nothing.happened' WHERE seq = 3")
    broken = amparo("audit", "verify", data_dir=data, ok=False)
    assert broken.returncode == 1 and "BROKEN" in broken.stdout

    # Deleting the newest entries, or every entry, breaks verification too: the head checkpoint beside
    # the key file remembers the newest entry written.
    head = json.loads((restored / "amparo.audit-head").read_text())["sequence"]
    with sqlite3.connect(restored / "amparo.sqlite") as db:
        db.execute("DELETE FROM audit_log WHERE seq >= ?", (head,))
    cut = amparo("audit", "verify", data_dir=restored, ok=False)
    assert cut.returncode == 1 and "newest entries were deleted" in cut.stdout, cut.stdout
    with sqlite3.connect(restored / "amparo.sqlite") as db:
        db.execute("DELETE FROM audit_log")
    emptied = amparo("audit", "verify", data_dir=restored, ok=False)
    assert emptied.returncode == 1 and "the log is empty" in emptied.stdout, emptied.stdout
