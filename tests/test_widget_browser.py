"""The widget in a real browser (Debian's Chromium, headless) against the running product.

The product is started as `make run` starts it (scripts/run.sh: Rasa, the action server
and the demo site). Only two things are not real: the neutral exit page and the page
before the demo live on the internet, which this machine cannot reach, so the browser
is given small stand-ins for them; and one test plays a misbehaving server to show that
hostile bot text stays text.
"""

from __future__ import annotations

import json
import sqlite3

import pytest
import requests
from playwright.sync_api import Page, expect

from tests.helpers import ROOT, Product, wait_until

EXIT_URL = "https://www.smhi.se/"  # the widget's default neutral page
PAGE_BEFORE = "https://startsida.example/"
ANSWER_TIMEOUT = 30_000  # ms; the first answers load Rasa's models
ORIGO_PHONE = "tel:020253000"
# Someone affected, 15, in Stockholm: Origo (13-26) in one message (as in the e2e tests).
SCENARIO = "asså jag får inte träffa nån efter skolan, bor i sthlm o e 15"


@pytest.fixture(scope="module")
def product(tmp_path_factory):
    product = Product(tmp_path_factory.mktemp("widget")).start()
    yield product
    product.stop()


def stand_in(body: str):
    return lambda route: route.fulfill(
        status=200, content_type="text/html; charset=utf-8", body=body
    )


@pytest.fixture
def context(browser):
    """A fresh browser profile (own storage, own history) that must stay free of trace."""
    context = browser.new_context(locale="sv-SE", viewport={"width": 1280, "height": 800})
    context.route(EXIT_URL + "**", stand_in("<title>Väder</title><h1>Vädret i dag</h1>"))
    context.route(PAGE_BEFORE + "**", stand_in("<title>Start</title><h1>En annan sida</h1>"))
    yield context
    assert context.cookies() == [], "the widget or the servers set a cookie"
    context.close()


@pytest.fixture
def page(context, product) -> Page:
    page = context.new_page()
    page.goto(product.demo_url)
    return page


# --- what a person does -------------------------------------------------------------


def open_chat(page: Page) -> None:
    page.get_by_role("button", name="Chatta med Resursguiden").click()
    expect(page.get_by_label("Skriv ditt meddelande")).to_be_focused()


def say(page: Page, text: str) -> None:
    """Types a message, sends it with Enter and waits for the answer."""
    answered = page.locator(".msg.bot").count()
    box = page.get_by_label("Skriv ditt meddelande")
    box.fill(text)
    box.press("Enter")
    expect(page.locator(".msg.bot")).not_to_have_count(answered, timeout=ANSWER_TIMEOUT)
    expect(page.locator(".typing")).to_be_hidden(timeout=ANSWER_TIMEOUT)


def log(page: Page):
    return page.get_by_role("log", name="Samtalet")


def safety_line(page: Page):
    """The widget's "Akut fara? Ring 112" as shown now (on the launcher, or in the chat)."""
    return page.locator("#resursguiden-widget p:visible", has_text="Akut fara? Ring 112")


def storage(page: Page) -> dict:
    """What the page's origin keeps in the browser (evaluated on the demo site)."""
    return page.evaluate(
        """async () => ({
            session: Object.keys(sessionStorage),
            local: Object.keys(localStorage),
            indexedDB: (await indexedDB.databases()).map((db) => db.name),
        })"""
    )


def assert_nothing_but_the_tab_session(page: Page) -> None:
    kept = storage(page)
    assert kept["local"] == [] and kept["indexedDB"] == [], kept


# --- talking to the product ---------------------------------------------------------


def test_a_person_gets_the_right_centre_and_the_page_stays_free_of_trace(page, product):
    errors = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    expect(page.get_by_role("button", name="Lämna sidan snabbt")).to_be_visible()
    expect(safety_line(page)).to_be_visible()

    open_chat(page)
    assert storage(page)["session"] == [], "stored something before the person wrote"
    # The typing indicator is shown while the answer is on its way.
    page.evaluate(
        """() => {
            const typing = document.querySelector('#resursguiden-widget').shadowRoot
                .querySelector('.typing');
            window.typingShown = false;
            new MutationObserver(() => { if (!typing.hidden) window.typingShown = true; })
                .observe(typing, { attributes: true });
        }"""
    )
    say(page, SCENARIO)

    assert page.evaluate("window.typingShown") is True
    expect(log(page)).to_contain_text("Origo")
    expect(log(page).locator(f'a[href="{ORIGO_PHONE}"]')).to_have_text("020-25 30 00")
    expect(log(page).locator("strong", has_text="Origo")).to_have_count(1)  # **Origo**
    expect(safety_line(page)).to_be_visible()
    assert storage(page)["session"] == ["resursguiden"]
    assert_nothing_but_the_tab_session(page)
    assert errors == [], errors  # no script error, no Content-Security-Policy violation

    (ROOT / "results").mkdir(exist_ok=True)
    page.screenshot(path=str(ROOT / "results" / "widget_desktop.png"))


def test_a_long_answer_is_shown_from_its_start(browser, product):
    """On a phone the centre's answer is taller than the log: the person sees its start."""
    context = browser.new_context(viewport={"width": 320, "height": 640}, locale="sv-SE")
    page = context.new_page()
    page.goto(product.demo_url)
    open_chat(page)
    answered = page.locator(".msg.bot").count()
    say(page, SCENARIO)
    expect(log(page)).to_contain_text("Origo")
    first = page.locator(".msg.bot").nth(answered)
    shown = page.evaluate(
        """(first) => {
            const log = first.parentElement;
            const view = log.getBoundingClientRect(), top = first.getBoundingClientRect().top;
            return { tall: log.scrollHeight - log.clientHeight - log.scrollTop > 0,
                     top_in_view: top >= view.top && top < view.bottom };
        }""",
        first.element_handle(),
    )
    assert shown == {"tall": True, "top_in_view": True}, shown
    context.close()


def test_a_button_answers_the_question(page):
    open_chat(page)
    say(page, "hej")
    choices = log(page).get_by_role("group", name="Svarsalternativ")
    expect(choices.get_by_role("button")).to_have_count(3)

    choices.get_by_role("button", name="Jag behöver stöd").click()
    question = "Vilken kommun eller vilket län bor du i?"
    expect(log(page)).to_contain_text(question, timeout=ANSWER_TIMEOUT)
    expect(page.locator(".msg.user")).to_have_text(["Du: hej", "Du: Jag behöver stöd"])
    # The greeting's buttons are gone; the new question offers its own.
    expect(log(page).get_by_role("button", name="Jag behöver stöd")).to_have_count(0)
    expect(log(page).get_by_role("button", name="Vill inte säga")).to_be_visible()
    assert_nothing_but_the_tab_session(page)


def test_an_emergency_gets_112_first(page):
    open_chat(page)
    say(page, "mina bröder kollar min mobil hela tiden")
    answered = page.locator(".msg.bot").count()
    say(page, "nu har pappa låst in mig")

    first_answer = page.locator(".msg.bot").nth(answered)
    expect(first_answer).to_contain_text("Ring 112")
    expect(first_answer.locator("a").first).to_have_attribute("href", "tel:112")


def test_a_reload_keeps_the_conversation_and_the_server_remembers(page):
    open_chat(page)
    say(page, "mina föräldrar bestämmer allt")
    say(page, "Stockholm")
    expect(log(page)).to_contain_text("Hur gammal är du?")
    before = page.locator(".msg").all_text_contents()

    page.reload()
    expect(page.locator(".msg")).to_have_text(before)  # open again, same messages
    say(page, "15")
    expect(log(page)).to_contain_text("Origo")  # the server still knew it was Stockholm
    assert_nothing_but_the_tab_session(page)


# --- quick exit ---------------------------------------------------------------------


def sender_in_tab(page: Page) -> str:
    return page.evaluate("() => JSON.parse(sessionStorage.getItem('resursguiden')).id")


def stored_events(product, sender: str) -> int:
    with sqlite3.connect(product.tracker_db) as connection:
        query = "SELECT count(*) FROM events WHERE sender_id = ?"
        return connection.execute(query, (sender,)).fetchone()[0]


def chat_then_leave(context, product, leave) -> tuple[Page, str]:
    page = context.new_page()
    page.goto(PAGE_BEFORE)
    page.goto(product.demo_url)
    open_chat(page)
    say(page, "hej jag heter Sara")
    assert storage(page)["session"] == ["resursguiden"]
    sender = sender_in_tab(page)
    assert stored_events(product, sender) > 0
    leave(page)
    page.wait_for_url(EXIT_URL)
    return page, sender


def assert_left_without_trace(page: Page, product, sender: str) -> None:
    # Quick exit also asked the server to delete the conversation (as the page went).
    wait_until(lambda: stored_events(product, sender) == 0, 15, "the conversation's rows to go")
    expect(page.get_by_role("heading")).to_have_text("Vädret i dag")
    page.go_back()
    assert page.url == PAGE_BEFORE, "Back went to the chat"
    page.goto(product.demo_url)  # same tab: whatever the widget stored would still be here
    assert storage(page)["session"] == []
    expect(page.locator(".msg")).to_have_count(1)  # only the widget's own greeting


def test_quick_exit_button_leaves_and_forgets(context, product):
    page, sender = chat_then_leave(
        context, product, lambda p: p.get_by_role("button", name="Lämna sidan snabbt").click()
    )
    assert_left_without_trace(page, product, sender)


@pytest.mark.parametrize("key,times", [("Escape", 2), ("Shift", 3)])
def test_quick_exit_by_keyboard(context, product, key, times):
    def press(page: Page) -> None:
        for _ in range(times):
            page.keyboard.press(key)

    page, sender = chat_then_leave(context, product, press)
    assert_left_without_trace(page, product, sender)


def test_radera_samtalet_deletes_it_here_and_on_the_server(page, product):
    open_chat(page)
    say(page, "jag heter Sara och bor i Malmö")
    sender = sender_in_tab(page)
    assert stored_events(product, sender) > 0

    shown = page.locator(".msg").count()
    page.get_by_role("button", name="Radera samtalet").click()
    page.get_by_role("button", name="Avbryt").click()  # changed their mind: nothing goes
    expect(page.locator(".msg")).to_have_count(shown)
    assert stored_events(product, sender) > 0
    page.get_by_role("button", name="Radera samtalet").click()
    page.get_by_role("button", name="Ja, radera").click()

    expect(page.get_by_role("status").filter(has_text="Samtalet är raderat.")).to_be_visible()
    expect(page.locator(".msg")).to_have_count(1)  # only the widget's own greeting
    assert storage(page)["session"] == []
    assert stored_events(product, sender) == 0
    # A new conversation can start, under a new id.
    say(page, "hej")
    assert sender_in_tab(page) != sender


def test_a_refused_message_says_why_and_stays_to_send_again(page, product):
    # The server's limit is 30 messages a minute in one conversation (settings.env).
    open_chat(page)
    say(page, "hej")
    sender = sender_in_tab(page)
    for _ in range(30):  # the rest of this conversation's minute, sent past the widget
        requests.post(
            f"{product.rasa_url}/webhooks/rest/webhook",
            json={"sender": sender, "message": "ok"}, timeout=30,
        )  # fmt: skip
    box = page.get_by_label("Skriv ditt meddelande")
    box.fill("är det någon där")
    box.press("Enter")
    alert = page.get_by_role("alert")
    expect(alert).to_contain_text("Vänta en liten stund", timeout=ANSWER_TIMEOUT)
    expect(alert).to_contain_text("112")
    expect(page.locator(".msg.user").last).to_contain_text("Inte skickat än")


def test_the_page_is_blank_at_once(page):
    # The widget's JS API, what the button calls; the page is read in the same moment,
    # before the browser has even started for the neutral page.
    seen = page.evaluate(
        """() => {
            Resursguiden.exit();
            return [getComputedStyle(document.documentElement).visibility, document.title];
        }"""
    )
    assert seen == ["hidden", ""]
    page.wait_for_url(EXIT_URL)


def test_typing_capitals_or_one_esc_does_not_leave(page):
    open_chat(page)
    box = page.get_by_label("Skriv ditt meddelande")
    box.focus()
    for letter in "JAG":  # Shift held for each capital: not a quick-exit press
        page.keyboard.press(f"Shift+{letter}")
    page.keyboard.press("Escape")
    page.keyboard.press("a")  # another key between the two Esc presses
    page.keyboard.press("Escape")
    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    page.wait_for_timeout(500)
    assert page.url.startswith("http://127.0.0.1")
    expect(box).to_have_value("JAGa")


def test_what_quick_exit_does_is_explained(page):
    open_chat(page)
    page.get_by_text("Vad gör Lämna sidan snabbt?").click()
    about = page.locator("details.about")
    expect(about).to_contain_text("Esc två gånger eller Shift tre gånger")
    expect(about).to_contain_text("historik")  # it does not erase the browser's history
    expect(about).to_contain_text("privat läge")


# --- when things go wrong -----------------------------------------------------------


def user_events(product: Product, sender: str) -> list[str]:
    with sqlite3.connect(product.tracker_db) as db:
        rows = db.execute(
            "SELECT data FROM events WHERE sender_id = ? AND type_name = 'user'", (sender,)
        ).fetchall()
    return [json.loads(data)["text"] for (data,) in rows]


def conversation_id(page: Page) -> str:
    return json.loads(page.evaluate("sessionStorage.getItem('resursguiden')"))["id"]


def test_unreachable_server_keeps_the_message_and_retry_sends_it_once(page, product):
    attempts = []

    def first_attempt_fails(route):
        attempts.append(route.request.post_data_json["message_id"])
        route.abort("connectionrefused") if len(attempts) == 1 else route.continue_()

    page.route("**/webhooks/rest/webhook", first_attempt_fails)
    open_chat(page)
    page.get_by_label("Skriv ditt meddelande").fill(SCENARIO)
    page.keyboard.press("Enter")

    problem = page.get_by_role("alert")
    expect(problem).to_contain_text("Det gick inte att nå chatten")
    expect(problem).to_contain_text("Ring 112")
    expect(page.locator(".msg.user")).to_contain_text(["Inte skickat än"])

    page.get_by_role("button", name="Försök igen").click()
    expect(log(page)).to_contain_text("Origo", timeout=ANSWER_TIMEOUT)
    expect(problem).to_be_hidden()
    expect(page.locator(".msg.user")).to_have_count(1)
    expect(page.locator(".msg.user")).not_to_contain_text(["Inte skickat än"])
    assert len(attempts) == 2 and attempts[0] == attempts[1]  # the same message, resent
    assert user_events(product, conversation_id(page)) == [SCENARIO]


def test_a_lost_answer_is_not_handled_twice(page, product):
    lost = []

    def answer_lost_on_the_way(route):
        if not lost:
            lost.append(route.fetch().status)  # the server handles the message...
            route.abort("connectionreset")  # ...but its answer never reaches the browser
        else:
            route.continue_()

    page.route("**/webhooks/rest/webhook", answer_lost_on_the_way)
    open_chat(page)
    page.get_by_label("Skriv ditt meddelande").fill(SCENARIO)
    page.keyboard.press("Enter")
    expect(page.get_by_role("alert")).to_be_visible(timeout=ANSWER_TIMEOUT)

    page.get_by_role("button", name="Försök igen").click()
    expect(log(page)).to_contain_text("Origo", timeout=ANSWER_TIMEOUT)
    assert lost == [200]
    expect(page.locator(".msg.bot", has_text="Origo")).to_have_count(1)
    assert user_events(product, conversation_id(page)) == [SCENARIO]


def test_hostile_text_is_shown_as_text(page, product):
    say_to_page = page.get_by_label("Skriv ditt meddelande")
    open_chat(page)
    # From the person, through the real server:
    typed = '<img src=x onerror="window.hacked=1"> hej'
    say(page, typed)
    expect(page.locator(".msg.user")).to_have_text([f"Du: {typed}"])

    # From a server that misbehaves (a stand-in answering in Rasa's format):
    hostile = [
        {
            "recipient_id": "x",
            "text": '<img src=x onerror="window.hacked=2"> [klicka](javascript:window.hacked=3)',
            "image": "https://tracker.example/pixel.gif",
        }
    ]
    page.route(
        "**/webhooks/rest/webhook",
        lambda route: route.fulfill(
            status=200, content_type="application/json", body=json.dumps(hostile),
            headers={"Access-Control-Allow-Origin": product.demo_url.rstrip("/")},
        ),
    )  # fmt: skip
    say_to_page.fill("mer")
    say_to_page.press("Enter")
    last = page.locator(".msg.bot").last
    expect(last).to_contain_text('<img src=x onerror="window.hacked=2">')
    expect(last).to_contain_text("[klicka](javascript:window.hacked=3)")
    assert log(page).locator("img").count() == 0
    assert log(page).locator('a[href^="javascript"]').count() == 0
    assert page.evaluate("window.hacked") is None


# --- accessibility ------------------------------------------------------------------

AXE = ROOT / "widget" / "node_modules" / "axe-core" / "axe.min.js"


def serious_violations(page: Page) -> list[str]:
    page.evaluate(AXE.read_text(encoding="utf-8"))
    result = page.evaluate(
        """() => axe.run(document, {
            runOnly: { type: 'tag',
                       values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
        })"""
    )
    return [
        f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']]}"
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]


def test_axe_finds_no_serious_problems_closed_open_and_failing(page):
    assert AXE.exists(), "axe-core is missing: `make test` installs it (scripts/setup_widget.sh)"
    assert serious_violations(page) == []

    open_chat(page)
    say(page, "hej")
    page.get_by_text("Vad gör Lämna sidan snabbt?").click()
    assert serious_violations(page) == []

    page.route("**/webhooks/rest/webhook", lambda route: route.abort())
    page.get_by_label("Skriv ditt meddelande").fill("hallå")
    page.keyboard.press("Enter")
    expect(page.get_by_role("alert")).to_be_visible()
    assert serious_violations(page) == []


def test_keyboard_only(page):
    page.keyboard.press("Tab")
    for _ in range(15):  # through the host page's own links to the widget
        focused = page.evaluate(
            "document.activeElement.shadowRoot?.activeElement?.textContent ?? ''"
        )
        if focused.startswith("Chatta med"):
            break
        page.keyboard.press("Tab")
    else:
        pytest.fail("the chat's button cannot be reached with Tab")
    launcher_outline = page.evaluate(
        "getComputedStyle(document.activeElement.shadowRoot.activeElement).outlineStyle"
    )
    assert launcher_outline == "solid"  # focus is visible
    page.keyboard.press("Enter")
    box = page.get_by_label("Skriv ditt meddelande")
    expect(box).to_be_focused()
    page.keyboard.type("hej")
    page.keyboard.press("Enter")
    expect(log(page).get_by_role("button", name="Jag behöver stöd")).to_be_visible(
        timeout=ANSWER_TIMEOUT
    )
    for _ in range(10):  # Shift+Tab back from the text box to the answer buttons
        page.keyboard.press("Shift+Tab")
        if page.evaluate("document.activeElement.shadowRoot.activeElement.textContent") == (
            "Jag är orolig för någon"
        ):
            break
    page.keyboard.press("Enter")
    expect(page.locator(".msg.user")).to_have_text(["Du: hej", "Du: Jag är orolig för någon"])

    page.get_by_role("button", name="Stäng chatten").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("button", name="Chatta med Resursguiden")).to_be_focused()


@pytest.mark.parametrize(
    "viewport",
    [
        {"width": 320, "height": 640},  # the narrowest phones (WCAG 1.4.10 reflow)
        {"width": 640, "height": 400},  # a 1280×800 screen at 200 % zoom
    ],
)
def test_small_screens_and_zoom(browser, product, viewport):
    context = browser.new_context(viewport=viewport, locale="sv-SE")
    page = context.new_page()
    page.goto(product.demo_url)
    open_chat(page)
    say(page, "hej")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= viewport["width"], "the page scrolls sideways"
    for control in [
        page.get_by_role("button", name="Lämna sidan snabbt"),
        page.get_by_label("Skriv ditt meddelande"),
        page.get_by_role("button", name="Skicka"),
        page.get_by_role("button", name="Stäng chatten"),
        safety_line(page),
    ]:
        box = control.bounding_box()
        assert box is not None
        assert box["x"] >= 0 and box["x"] + box["width"] <= viewport["width"]
        assert box["y"] >= 0 and box["y"] + box["height"] <= viewport["height"]
    context.close()


def test_reduced_motion_and_swedish(browser, product):
    context = browser.new_context(reduced_motion="reduce", locale="sv-SE")
    page = context.new_page()
    page.goto(product.demo_url)
    assert page.locator(".rg").get_attribute("lang") == "sv"
    animation = page.evaluate(
        """() => getComputedStyle(document.querySelector('#resursguiden-widget').shadowRoot
            .querySelector('.dots span')).animationName"""
    )
    assert animation == "none"
    context.close()


def test_phone_screenshot(browser, product):
    """The picture in the README (docs/widget_phone.png) comes from this test's output."""
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, device_scale_factor=2, is_mobile=True,
        has_touch=True, locale="sv-SE",
    )  # fmt: skip
    page = context.new_page()
    page.goto(product.demo_url)
    open_chat(page)
    say(page, SCENARIO)
    expect(log(page)).to_contain_text("Origo")
    page.evaluate(  # show the person's message and the centre, not the list's end
        """() => {
            const log = document.querySelector('#resursguiden-widget').shadowRoot
                .querySelector('.log');
            log.scrollTop = log.querySelector('.msg.user').offsetTop - 8;
        }"""
    )
    (ROOT / "results").mkdir(exist_ok=True)
    page.screenshot(path=str(ROOT / "results" / "widget_phone.png"))
    context.close()
