import shutil

import pytest
from playwright.sync_api import sync_playwright

from tests.console_world import World, start_console, talk_to_the_bot
from tests.helpers import MODEL, RasaServer, endpoints_with


@pytest.fixture(scope="session")
def rasa_server(tmp_path_factory):
    """The product's Rasa server with its own SQLite file, shared by read-only tests."""
    assert MODEL.exists(), "no trained model: run the tests with `make test`"
    tmp = tmp_path_factory.mktemp("rasa")
    endpoints = endpoints_with(tmp, db=str(tmp / "tracker.db"))
    with RasaServer(endpoints, tmp / "rasa.log") as server:
        yield server


@pytest.fixture(scope="session")
def console_world(tmp_path_factory):
    """Conversations had with the real bot (SQLite) and the operator console over them,
    shared by the console's HTTP and browser tests."""
    assert MODEL.exists(), "no trained model: run the tests with `make test`"
    tmp = tmp_path_factory.mktemp("console")
    db = tmp / "tracker.db"
    endpoints, ids, replies = talk_to_the_bot(
        tmp, lambda webhook: endpoints_with(tmp, action_url=webhook, db=str(db))
    )
    console = start_console(tmp, endpoints)
    yield World(console, endpoints, ids, replies)
    console.stop()


@pytest.fixture(scope="module")
def browser():
    """Debian's Chromium, headless, for the widget's and the console's browser tests."""
    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    with sync_playwright() as playwright:
        # As root (CI) Chromium's sandbox cannot start; the pages are our own.
        browser = playwright.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
        yield browser
        browser.close()
