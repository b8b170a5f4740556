"""The demo site (scripts/demo_site.py): the page, the bundle, strict headers, no logs."""

import os
import subprocess
import sys

import pytest
import requests

from tests.helpers import ROOT, free_port, server_answers, wait_until


def start_demo() -> tuple[subprocess.Popen, str]:
    port = free_port()
    env = {**os.environ, "DEMO_PORT": str(port), "RASA_PORT": "5999"}
    process = subprocess.Popen(
        [sys.executable, "scripts/demo_site.py"], cwd=ROOT, env=env,
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
    )  # fmt: skip

    wait_until(lambda: server_answers(port), 30, "the demo site", process)
    return process, f"http://127.0.0.1:{port}"


@pytest.fixture(scope="module")
def demo():
    process, url = start_demo()
    yield url
    process.terminate()
    process.communicate(timeout=10)


def test_the_page_points_the_widget_at_rasa_with_strict_headers(demo):
    page = requests.get(f"{demo}/", timeout=5)
    assert 'data-server-url="http://127.0.0.1:5999"' in page.text
    assert "connect-src http://127.0.0.1:5999;" in page.headers["Content-Security-Policy"]
    assert "script-src 'self';" in page.headers["Content-Security-Policy"]
    assert page.headers["Referrer-Policy"] == "no-referrer"
    assert page.headers["Cache-Control"] == "no-store"
    assert "Set-Cookie" not in page.headers


def test_it_serves_the_committed_bundle_and_nothing_else(demo):
    bundle = requests.get(f"{demo}/resursguiden-widget.js", timeout=5)
    assert bundle.content == (ROOT / "widget/dist/resursguiden-widget.js").read_bytes()
    for path in ["/../settings.env", "/widget/src/ui.ts", "/.git/config", "/var/tracker.db"]:
        assert requests.get(f"{demo}{path}", timeout=5).status_code == 404, path


@pytest.mark.parametrize("host", ['"><script>x</script>', "evil.example", "evil.example:5999"])
def test_the_host_header_does_not_reach_the_page(demo, host):
    page = requests.get(f"{demo}/", headers={"Host": host}, timeout=5)
    assert 'data-server-url="http://127.0.0.1:5999"' in page.text
    assert "evil" not in page.text and "<script>x" not in page.text
    assert "evil" not in page.headers["Content-Security-Policy"]


def test_it_logs_nothing_about_visitors():
    process, url = start_demo()
    requests.get(f"{url}/", timeout=5)
    requests.get(f"{url}/missing", timeout=5)
    process.terminate()
    output = process.communicate(timeout=10)[0].decode()
    assert output.startswith("demo site on http://")  # what it does print, at start
    assert "127.0.0.1 -" not in output and "GET" not in output and "missing" not in output
