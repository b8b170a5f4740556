"""The logs of the running product hold nothing a person typed, and nothing about who
they are: no message text, no sender id, no client address, no user agent. And the
conversations' file is the product user's alone.

The product as `make run` starts it (Rasa server, action server, demo site) at its
documented log level, INFO (LOG_LEVEL in settings.env; WARNING and ERROR log a subset of
it, DEBUG is refused at start). Marker strings go in plain, "/"-prefixed, in an
emergency, through the routing form and its actions, and in refused requests; then every
line both servers wrote is read."""

import json
import sqlite3
import stat
import subprocess
import uuid

import requests

from tests.helpers import ROOT, Product

CLIENT_ADDRESS = "203.0.113.77"
USER_AGENT = "Markerbrowser/9.9"


def test_no_message_text_sender_address_or_user_agent_reaches_the_logs(tmp_path):
    marker = f"Zqx{uuid.uuid4().hex[:10]}"
    sender = uuid.uuid4().hex
    messages = [
        f"hej jag heter {marker}a",
        f"/{marker}b",
        f'/inform{{"place": "{marker}c"}}',
        f"pappa slår mig nu {marker}d",
        "Ja",
        f"jag bor i {marker}e och är 15",  # read by the routing form's actions
    ]
    refused = [
        ({"sender": sender, "message": f"{marker}f " + "a" * 2001}, {}),  # too long
        ({"sender": sender, "message": f"{marker}g"}, {"Origin": "https://evil.example"}),
        ({"sender": "not-hex", "message": f"{marker}h"}, {}),
    ]
    headers = {"User-Agent": USER_AGENT, "X-Forwarded-For": CLIENT_ADDRESS}
    with Product(tmp_path) as product:
        url = f"{product.rasa_url}/webhooks/rest/webhook"
        for message in messages:
            reply = requests.post(
                url, json={"sender": sender, "message": message}, headers=headers, timeout=60
            )
            assert reply.ok, reply.text
        for body, extra in refused:
            reply = requests.post(url, json=body, headers={**headers, **extra}, timeout=30)
            assert reply.status_code in (400, 403, 413)
        with sqlite3.connect(product.tracker_db) as connection:
            stored = json.dumps(connection.execute("SELECT * FROM events").fetchall())
        # The conversations are for the product's own user only.
        assert stat.S_IMODE(product.tracker_db.stat().st_mode) == 0o600
        assert stat.S_IMODE((ROOT / "var").stat().st_mode) == 0o700
    logs = product.logs()

    assert "Rasa server is up and running" in logs and "Action endpoint is up" in logs
    for secret in (marker, sender, CLIENT_ADDRESS, USER_AGENT):
        assert secret not in logs, secret
    for secret in (CLIENT_ADDRESS, USER_AGENT):
        assert secret not in stored, secret


def test_debug_logging_is_refused_at_start(tmp_path):
    result = subprocess.run(
        ["scripts/run.sh"], cwd=ROOT, env={"PATH": "/usr/bin:/bin", "LOG_LEVEL": "DEBUG"},
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert result.returncode == 2
    assert "LOG_LEVEL" in result.stderr and "DEBUG" in result.stderr
