"""The operator console in Chromium: axe finds no serious accessibility problem on the key
pages, everything works from the keyboard, and hostile text stays text."""

import pytest
from playwright.sync_api import Page, expect

from tests.console_world import PASSWORDS
from tests.test_widget_browser import AXE, serious_violations


@pytest.fixture
def page(browser, console_world) -> Page:
    context = browser.new_context(locale="sv-SE", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(console_world.console.url + "/login")
    yield page
    context.close()


def log_in_with_the_keyboard(page: Page, username: str) -> None:
    for _ in range(6):  # the skip link comes first
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "username":
            break
    expect(page.get_by_label("Kontonamn")).to_be_focused()
    page.keyboard.type(username)
    page.keyboard.press("Tab")
    expect(page.get_by_label("Lösenord")).to_be_focused()
    page.keyboard.type(PASSWORDS[username])
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Samtal", exact=True)).to_be_visible()


def test_an_operator_logs_in_filters_and_opens_a_transcript_with_the_keyboard(page, console_world):
    log_in_with_the_keyboard(page, "rut")
    page.get_by_label("Akut läge").focus()
    page.keyboard.press("ArrowDown")  # "Ja" (a closed select changes with the arrow keys)
    page.get_by_role("button", name="Filtrera").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("status")).to_contain_text("1 samtal")
    page.locator("table.conversations a").first.focus()
    page.keyboard.press("Enter")
    expect(page.get_by_text("han har en kniv")).to_be_visible()
    expect(page.locator("li.user.emergency")).to_have_count(1)


def test_axe_finds_no_serious_problems_on_the_key_pages(page, console_world):
    assert AXE.exists(), "axe-core is missing: `make test` installs it (scripts/setup_widget.sh)"
    assert serious_violations(page) == [], "log-in"
    log_in_with_the_keyboard(page, "ada")
    pages = {
        "list": "/samtal",
        "transcript": f"/samtal/{console_world.first('emergency')}",
        "hostile transcript": f"/samtal/{console_world.first('hostile')}",
        "statistics": "/statistik",
        "registry": "/register",
        "examples": "/exempel",
        "audit log": "/logg",
        "accounts": "/konton",
    }
    for name, path in pages.items():
        page.goto(console_world.console.url + path)
        assert serious_violations(page) == [], name


def test_script_a_user_typed_does_not_run_in_the_operators_browser(page, console_world):
    log_in_with_the_keyboard(page, "rut")
    page.goto(console_world.console.url + f"/samtal/{console_world.first('hostile')}")
    expect(page.get_by_text("<script>window.hacked=1</script> hjälp")).to_be_visible()
    assert page.locator("main img").count() == 0
    assert page.evaluate("window.hacked") is None
