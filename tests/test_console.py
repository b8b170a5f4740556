"""The operator console over HTTP, against the SQLite database the real bot wrote
(conversations made by talking to it over REST; tests/console_world.py)."""

import csv
import io
import re
import socket
import sqlite3
import subprocess
import time
from datetime import datetime

import pytest
import requests
import sqlalchemy as sa
import yaml

from console.app import create_app
from console.database import engine_for
from console.registry_health import registry_health
from resursguiden.opening_hours import STOCKHOLM
from tests.console_world import (
    COUNTS,
    CSRF,
    PASSWORDS,
    Operator,
    World,
    logged_in,
)
from tests.helpers import ROOT, VENV_BIN, ConsoleServer, stop_process_group, wait_until


@pytest.fixture(scope="module")
def world(console_world):
    return console_world


def database(world: World) -> sqlite3.Connection:
    return sqlite3.connect(world.console.endpoints.parent / "tracker.db")


def event_count(world: World, conversation_id: str | None = None) -> int:
    with database(world) as db:
        if conversation_id is None:
            return db.execute("SELECT count(*) FROM events").fetchone()[0]
        return db.execute(
            "SELECT count(*) FROM events WHERE sender_id = ?", (conversation_id,)
        ).fetchone()[0]


def audit_actions(world: World, operator: str) -> list[str]:
    with database(world) as db:
        rows = db.execute(
            "SELECT action FROM console_audit_log WHERE operator = ? ORDER BY id", (operator,)
        )
        return [row[0] for row in rows]


def test_the_bot_answered_the_conversations_the_console_reads(world):
    assert "Uppsala" in world.replies["uppsala"]
    assert "Hedersteamet Kronoberg" in world.replies["teacher"]
    assert "112" in world.replies["emergency"]


# --- who may do what ----------------------------------------------------------------


def every_route(world: World) -> list[tuple[str, str]]:
    """(method, path) of every route the console has, with real values in its parameters."""
    app = create_app(engine_for("sqlite://"), name="console_routes_for_tests")
    values = {
        "conversation_id": world.first("uppsala"), "example_id": "1", "username": "ada",
        "what": "stang",
    }  # fmt: skip
    routes = []
    for route in app.router.routes:
        path = "/" + route.path.lstrip("/")
        if path.startswith("/static") or path in ("/login", "/health"):
            continue
        path = re.sub(r"<(\w+)(:[^>]+)?>", lambda m: values[m.group(1)], path)
        routes += [(method, path) for method in route.methods if method in ("GET", "POST")]
    return routes


def test_every_route_refuses_whoever_is_not_logged_in(world):
    routes = every_route(world)
    assert len(routes) >= 18, routes
    before = event_count(world)
    for cookie in (None, "a-made-up-session-token"):
        stranger = Operator(world.console)
        if cookie:
            stranger.http.cookies.set("rg_console", cookie)
        for method, path in routes:
            answer = stranger.get(path) if method == "GET" else stranger.post(path, {"x": "1"})
            if method == "GET":
                assert answer.status_code == 303, (method, path, answer.status_code)
                assert answer.headers["Location"] == "/login"
            else:
                assert answer.status_code == 403, (method, path, answer.status_code)
            assert "Amina" not in answer.text and "[namn]" not in answer.text
    assert event_count(world) == before  # the delete route deleted nothing


def test_a_reviewer_cannot_delete_export_manage_accounts_or_read_the_audit_log(world):
    reviewer = logged_in(world.console, "rut")
    target = world.first("named")
    before = event_count(world, target)

    refused = [
        reviewer.post(f"/samtal/{target}/radera", {"bekrafta": "ja"}),
        reviewer.get("/statistik.csv"),
        reviewer.get("/exempel.yml"),
        reviewer.get("/konton"),
        reviewer.post("/konton", {"username": "mallory", "password": "x" * 20, "role": "admin"}),
        reviewer.post("/konton/ada/stang"),
        reviewer.get("/logg"),
        reviewer.post("/exempel/1/ta-bort"),
    ]
    assert [answer.status_code for answer in refused] == [403] * len(refused)
    assert "administratör" in refused[0].text
    assert event_count(world, target) == before
    assert world.console.cli("list").stdout.count("mallory") == 0
    assert "ada\tadmin\taktivt" in world.console.cli("list").stdout
    # What a reviewer may do still works.
    assert reviewer.get("/samtal").status_code == 200
    assert reviewer.get("/statistik").status_code == 200
    assert reviewer.get(f"/samtal/{target}").status_code == 200


def test_a_form_posted_without_its_csrf_token_is_refused_and_changes_nothing(world):
    operator = logged_in(world.console, "rut")
    target = world.first("uppsala")
    without = operator.post(f"/samtal/{target}/taggar", {"tagg": "utan-token"}, csrf=False)
    wrong = operator.post(
        f"/samtal/{target}/taggar", {"tagg": "fel-token", "csrf": "x" * 43}, csrf=False
    )
    other = logged_in(world.console, "rut")  # another session's token does not fit this one
    stolen = operator.post(
        f"/samtal/{target}/taggar", {"tagg": "annan-token", "csrf": other.csrf}, csrf=False
    )
    odd = operator.post(f"/samtal/{target}/taggar", {"tagg": "udda", "csrf": "ö" * 43}, csrf=False)
    assert [without.status_code, wrong.status_code, stolen.status_code, odd.status_code] == [
        403, 403, 403, 403,
    ]  # fmt: skip
    assert "Ladda om sidan" in without.text
    page = operator.get(f"/samtal/{target}").text
    assert "utan-token" not in page and "fel-token" not in page and "annan-token" not in page

    # The log-in form has its own token: a log-in posted from elsewhere is refused.
    forged = Operator(world.console).http.post(
        world.console.url + "/login",
        data={"username": "rut", "password": PASSWORDS["rut"]},
        allow_redirects=False,
    )
    assert forged.status_code == 403 and "rg_console=" not in forged.headers.get("Set-Cookie", "")


def test_script_and_markup_typed_by_a_user_are_shown_as_text(world):
    operator = logged_in(world.console, "rut")
    page = operator.get(f"/samtal/{world.first('hostile')}").text
    assert "&lt;script&gt;window.hacked=1&lt;/script&gt;" in page
    assert "&#34;&gt;&lt;img src=x onerror=&#34;window.hacked=2&#34;&gt;" in page
    assert "<script" not in page and "<img" not in page
    found = operator.get("/samtal", text="<script>")
    assert listed(found) == {world.first("hostile")} and "<script" not in found.text


def test_sql_metacharacters_in_filters_and_paths_do_nothing_harmful(world):
    operator = logged_in(world.console, "ada")
    before = event_count(world)
    nasty = ["'; DROP TABLE events; --", "' OR '1'='1", '" OR ""="', "%", "_", "\\", "1; --"]
    for value in nasty:
        for name in ("text", "county", "role", "age_band", "outcome", "tag"):
            answer = operator.get("/samtal", **{name: value})
            assert answer.status_code == 200, (name, value)
            assert "0 samtal" in answer.text, (name, value)
        for name in ("fran", "till", "escalated", "reviewed", "sida"):  # ignored when not valid
            assert operator.get("/samtal", **{name: value}).status_code == 200, (name, value)
        assert operator.get("/logg", operator=value, handling=value).status_code == 200
        assert operator.get("/statistik", fran=value, till=value).status_code == 200
    assert operator.get("/samtal/x' OR '1'='1").status_code == 404
    assert operator.post("/samtal/x' OR '1'='1/radera", {"bekrafta": "ja"}).status_code == 404
    assert event_count(world) == before
    with database(world) as db:
        assert db.execute("SELECT count(*) FROM console_accounts").fetchone()[0] >= 2


def test_throttling_stops_a_password_guesser_even_with_the_right_password(world):
    name = "gissad"
    done = world.console.cli("add", name, "--password-stdin", password="rätt-lösenord-789")
    assert done.returncode == 0, done.stderr
    guesser = Operator(world.console)
    answers = [guesser.log_in(name, f"gissning-{n}").status_code for n in range(5)]
    assert answers == [401] * 5
    blocked = guesser.log_in(name, "rätt-lösenord-789")
    assert blocked.status_code == 429 and "Vänta en kvart" in blocked.text
    assert "rg_console=" not in blocked.headers.get("Set-Cookie", "")
    assert audit_actions(world, name).count("misslyckad inloggning") == 5
    assert "inloggning spärrad" in audit_actions(world, name)
    # Another account is not locked out by the guesser.
    assert logged_in(world.console, "rut").get("/samtal").status_code == 200


def test_an_expired_session_is_refused(world):
    operator = logged_in(world.console, "rut")
    assert operator.get("/samtal").status_code == 200
    with database(world) as db:  # 31 minutes without a request
        db.execute("UPDATE console_sessions SET last_seen_at = last_seen_at - 31 * 60")
    answer = operator.get("/samtal")
    assert answer.status_code == 303 and answer.headers["Location"] == "/login"
    assert operator.post(f"/samtal/{world.first('uppsala')}/granskad").status_code == 403


def test_a_disabled_account_is_logged_out_and_cannot_log_in(world):
    done = world.console.cli("add", "tillfallig", "--password-stdin", password="tillfälligt-123")
    assert done.returncode == 0, done.stderr
    temporary = Operator(world.console)
    assert temporary.log_in("tillfallig", "tillfälligt-123").status_code == 303

    admin = logged_in(world.console, "ada")
    assert admin.post("/konton/tillfallig/stang").status_code == 303
    assert temporary.get("/samtal").status_code == 303  # its session ended at once
    assert Operator(world.console).log_in("tillfallig", "tillfälligt-123").status_code == 401
    assert admin.post("/konton/ada/stang").status_code == 303  # not oneself
    assert "ada\tadmin\taktivt" in world.console.cli("list").stdout


def test_accounts_from_the_command_line_refuse_bad_input(world):
    short = world.console.cli("add", "kort", "--password-stdin", password="kort")
    assert short.returncode == 1 and "minst 12 tecken" in short.stderr
    twice = world.console.cli("add", "ada", "--password-stdin", password="ett-annat-lösenord")
    assert twice.returncode == 1 and "finns redan" in twice.stderr
    odd = world.console.cli("add", "<script>", "--password-stdin", password="x" * 12)
    assert odd.returncode == 1 and "Kontonamnet" in odd.stderr
    assert "kort" not in world.console.cli("list").stdout


# --- the list and the transcript -------------------------------------------------------


def listed(answer) -> set[str]:
    return set(re.findall(r'href="/samtal/([0-9a-f]{32})"', answer.text))


def test_the_list_filters_on_what_each_conversation_recorded(world):
    operator = logged_in(world.console, "rut")
    everything = listed(operator.get("/samtal"))
    assert everything == {i for ids in world.ids.values() for i in ids}
    assert f"{sum(COUNTS.values())} samtal" in operator.get("/samtal").text

    assert listed(operator.get("/samtal", county="Uppsala län")) == set(world.ids["uppsala"])
    assert listed(operator.get("/samtal", role="professionals")) == set(world.ids["teacher"])
    assert listed(operator.get("/samtal", county="Kronobergs län", age_band="Ej angivet")) == set(
        world.ids["teacher"]
    )
    assert listed(operator.get("/samtal", escalated="ja")) == set(world.ids["emergency"])
    assert listed(operator.get("/samtal", age_band="13–17")) == set(world.ids["uppsala"])
    reached = listed(operator.get("/samtal", outcome="ingen"))
    assert reached.isdisjoint(world.ids["uppsala"]) and set(world.ids["emergency"]) <= reached
    assert listed(operator.get("/samtal", text="AMINA")) == set()  # redacted before storing
    assert listed(operator.get("/samtal", text="[namn]")) == set(world.ids["named"])

    assert listed(operator.get("/samtal", fallbacks="ja")) == set(world.ids["fallback"])

    row = operator.get("/samtal", county="Kronobergs län").text
    assert "Yrkesverksam" in row and "Hedersteamet Kronoberg" in row


def test_the_transcript_shows_intents_slots_actions_and_the_emergency_path(world):
    operator = logged_in(world.console, "rut")
    page = operator.get(f"/samtal/{world.first('emergency')}").text
    assert "han har en kniv" in page
    assert "<code>emergency</code>" in page and "Akut läge" in page and "Akut svar" in page
    assert "EmergencyPolicy" in page

    routed = operator.get(f"/samtal/{world.first('uppsala')}").text
    assert "Slot <code>place</code> = <code>03:0380</code>" in routed
    assert "<code>action_give_route</code>" in routed
    assert re.search(r"säkerhet [01]\.\d\d", routed)

    fallback = operator.get(f"/samtal/{world.first('fallback')}").text
    assert "<code>nlu_fallback</code>" in fallback and "<strong>Förstod inte</strong>" in fallback
    assert 'class="user fallback low' in fallback  # marked for the eye as well

    named = operator.get(f"/samtal/{world.first('named')}").text
    assert "Amina" not in named and "Yusuf" not in named and "[namn]" in named


def test_operators_review_tag_note_and_flag_and_the_list_follows(world):
    operator = logged_in(world.console, "rut")
    target = world.first("teacher")
    assert operator.post(f"/samtal/{target}/granskad", {"granskad": "ja"}).status_code == 303
    operator.post(f"/samtal/{target}/taggar", {"tagg": "  Skolan  "})
    operator.post(f"/samtal/{target}/anteckningar", {"anteckning": "Ring Amina på 070-123 45 67"})
    page = operator.get(f"/samtal/{target}").text
    assert "Ja, av rut" in page and '<span class="tag">skolan</span>' in page
    assert "[namn]" in page and "[telefonnummer]" in page
    assert "Amina" not in page and "070-123 45 67" not in page
    with database(world) as db:
        notes = [r[0] for r in db.execute("SELECT text FROM console_notes")]
    assert notes and not any("Amina" in note for note in notes)

    assert listed(operator.get("/samtal", reviewed="ja")) == {target}
    assert listed(operator.get("/samtal", tag="skolan")) == {target}
    assert target not in listed(operator.get("/samtal", reviewed="nej"))

    empty = operator.post(f"/samtal/{target}/anteckningar", {"anteckning": "   "})
    assert "meddelande=" in empty.headers["Location"]  # told why, nothing stored


def user_event_ids(world: World, conversation_id: str) -> list[int]:
    with database(world) as db:
        rows = db.execute(
            "SELECT id FROM events WHERE sender_id = ? AND type_name = 'user' ORDER BY id",
            (conversation_id,),
        )
        return [row[0] for row in rows]


def test_a_flagged_message_becomes_an_nlu_example_for_developers_never_training_data(world):
    operator = logged_in(world.console, "rut")
    target = world.first("named")
    message = user_event_ids(world, target)[0]
    unflagged = operator.post(
        f"/samtal/{target}/exempel", {"event_id": message, "intent": "describe_situation"}
    )
    assert "Flagga" in unflagged.headers["Location"].replace("+", " ").replace("%20", " ")

    operator.post(f"/samtal/{target}/flagga", {"event_id": message, "flaggad": "ja"})
    bad_intent = operator.post(f"/samtal/{target}/exempel", {"event_id": message, "intent": "x"})
    assert "meddelande=" in bad_intent.headers["Location"]
    other_conversation = operator.post(
        f"/samtal/{world.first('uppsala')}/flagga", {"event_id": message, "flaggad": "ja"}
    )
    assert "meddelande=" in other_conversation.headers["Location"]
    operator.post(
        f"/samtal/{target}/exempel", {"event_id": message, "intent": "describe_situation"}
    )
    assert "Flaggad" in operator.get(f"/samtal/{target}").text
    assert "[namn]" in operator.get("/exempel").text

    admin = logged_in(world.console, "ada")
    download = admin.get("/exempel.yml")
    assert download.status_code == 200 and "attachment" in download.headers["Content-Disposition"]
    data = yaml.safe_load(download.text)
    assert data["version"] == "3.1"
    [block] = data["nlu"]
    assert block["intent"] == "describe_situation"
    assert block["examples"] == "- jag heter [namn] och min pappa bestämmer allt\n"
    changed = subprocess.run(
        ["git", "status", "--porcelain", "data/"], cwd=ROOT, capture_output=True, text=True
    ).stdout
    assert changed == ""


def test_an_admin_deletes_a_conversation_only_when_confirmed(world):
    admin = logged_in(world.console, "ada")
    target = world.ids["uppsala"][-1]
    admin.post(f"/samtal/{target}/taggar", {"tagg": "radera-mig"})
    unconfirmed = admin.post(f"/samtal/{target}/radera")
    assert (
        "bekr%C3%A4fta" in unconfirmed.headers["Location"]
        or "meddelande" in (unconfirmed.headers["Location"])
    )
    assert event_count(world, target) > 0

    assert admin.post(f"/samtal/{target}/radera", {"bekrafta": "ja"}).status_code == 303
    assert event_count(world, target) == 0
    assert admin.get(f"/samtal/{target}").status_code == 404
    with database(world) as db:
        assert db.execute(
            "SELECT count(*) FROM console_tags WHERE conversation_id = ?", (target,)
        ).fetchone() == (0,)
    world.ids["uppsala"].remove(target)


# --- statistics, registry, audit -------------------------------------------------------


def test_statistics_match_the_conversations_and_hide_small_counts(world):
    admin = logged_in(world.console, "ada")
    answer = admin.get("/statistik.csv")
    assert answer.status_code == 200 and answer.headers["Content-Type"].startswith("text/csv")
    rows = {(r["Mått"], r["Grupp"]): r["Antal"] for r in csv.DictReader(io.StringIO(answer.text))}
    uppsala = len(world.ids["uppsala"])  # 6, or 5 after the deletion test
    total = sum(len(ids) for ids in world.ids.values())
    assert rows[("Samtal", "Alla")] == str(total)
    assert rows[("Län", "Uppsala län")] == str(uppsala)
    assert rows[("Län", "Kronobergs län")] == "< 5"  # two teachers
    assert rows[("Vem som skrev", "Yrkesverksam")] == "< 5"
    assert rows[("Ålder", "13–17")] == str(uppsala)
    assert rows[("Akuta lägen", "Alla")] == "< 5"
    assert rows[("Hänvisning", "Hedersteamet Kronoberg")] == "< 5"
    reached = uppsala + 2
    # Shown unless the rest, those who got no contact, is a small group.
    assert rows[("Fick en kontakt", "Alla")] == ("dold" if total - reached < 5 else str(reached))
    assert not any(value in ("1", "2", "3", "4") for value in rows.values())
    # Groups that add up to a total shown: never a lone hidden count to subtract out.
    for measure in ("Per dag", "Per vecka", "Län", "Vem som skrev", "Ålder"):
        hidden = [v for (m, _), v in rows.items() if m == measure and v in ("< 5", "dold")]
        assert len(hidden) != 1, measure

    page = admin.get("/statistik").text
    assert 'class="bar suppressed"' in page and "&lt; 5" in page
    chart = page[page.index("<h2") :]
    assert re.search(r">Kronobergs län</text><rect class=\"bar suppressed\"", chart)


def test_the_registry_page_flags_what_has_not_been_checked_for_180_days(world):
    page = logged_in(world.console, "rut").get("/register").text
    assert "Origo" in page and "Hedersteamet Kronoberg" in page and "BRIS" in page
    rows = registry_health(datetime.now(STOCKHOLM).date())
    stale = [row for row in rows if row.stale]
    assert page.count("Kontrollera igen</strong>") == len(stale)


def test_the_audit_log_records_who_did_what(world):
    admin = logged_in(world.console, "ada")
    target = world.first("emergency")
    admin.get(f"/samtal/{target}")
    admin.get("/statistik.csv")
    Operator(world.console).log_in("ada", "fel-lösenord-igen")
    admin.post(
        "/konton", {"username": "ny-granskare", "password": "nytt-lösenord-1", "role": "reviewer"}
    )
    temp = world.console.cli("add", "att-radera", "--password-stdin", password="raderas-snart-1")
    assert temp.returncode == 0

    actions = audit_actions(world, "ada")
    for expected in ("inloggning", "misslyckad inloggning", "transkript visat", "export",
                     "konto skapat"):  # fmt: skip
        assert expected in actions, expected
    assert "konto skapat" in audit_actions(world, "kommandoraden")

    page = admin.get("/logg", operator="ada", handling="transkript visat").text
    assert target in page and "<td>misslyckad inloggning</td>" not in page
    assert "ny-granskare" in admin.get("/logg", handling="konto skapat").text


def test_pages_send_headers_that_keep_them_out_of_caches_and_frames(world):
    answer = logged_in(world.console, "rut").get("/samtal")
    assert answer.headers["Cache-Control"] == "no-store"
    assert "frame-ancestors 'none'" in answer.headers["Content-Security-Policy"]
    assert "script-src" not in answer.headers["Content-Security-Policy"]  # none at all
    login = Operator(world.console)
    login.log_in("rut")
    cookie = [c for c in login.http.cookies if c.name == "rg_console"][0]
    assert cookie.has_nonstandard_attr("HttpOnly") and cookie.path == "/"


def test_the_console_reads_the_database_the_endpoints_file_names(world):
    engine = engine_for(f"sqlite:///{world.console.endpoints.parent / 'tracker.db'}")
    with engine.connect() as db:
        version = db.execute(sa.text("SELECT version_num FROM console_alembic_version")).scalar()
    assert version == "0001"


@pytest.mark.parametrize(
    "env, headers",
    [({"CONSOLE_HTTPS": "true"}, {}),
     ({"TRUSTED_PROXIES": "127.0.0.1"}, {"X-Forwarded-Proto": "https"})],
    ids=["CONSOLE_HTTPS", "a trusted proxy terminated TLS"],
)  # fmt: skip
def test_behind_https_the_session_cookie_is_secure(world, tmp_path, env, headers):
    with ConsoleServer(world.endpoints, tmp_path / "https.log", env=env) as c:
        operator = Operator(c)
        operator.http.headers.update(headers)
        page = operator.get("/login")
        assert "Secure" in page.headers["Set-Cookie"]
        token = CSRF.search(page.text).group(1)
        # requests keeps a Secure cookie for https only: send it back by hand.
        answer = requests.post(
            c.url + "/login",
            data={"csrf": token, "username": "rut", "password": PASSWORDS["rut"]},
            headers={"Cookie": f"rg_console_login={token}", **headers},
            allow_redirects=False,
            timeout=30,
        )
        cookie = answer.headers["Set-Cookie"]
        assert "rg_console=" in cookie and "Secure" in cookie and "SameSite=Strict" in cookie


def test_a_console_that_cannot_start_waits_and_never_stops_the_chat(world, tmp_path):
    """honcho stops every service when one ends: the console must not end by itself."""
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        console = ConsoleServer(world.endpoints, tmp_path / "taken.log")
        console.port = taken.getsockname()[1]
        console.launch()
        try:
            wait_until(
                lambda: "cannot listen" in console.logs(), 60, "the message", console.process
            )
            assert console.process.poll() is None
        finally:
            console.stop()


def test_marks_of_deleted_conversations_and_old_audit_entries_go(world, tmp_path):
    admin = logged_in(world.console, "ada")
    target = world.ids["uppsala"][-1]
    admin.post(f"/samtal/{target}/anteckningar", {"anteckning": "Följ upp"})
    admin.post(f"/samtal/{target}/taggar", {"tagg": "gammal"})
    with database(world) as db:  # as rasa_extensions/retention.py deletes it
        db.execute("DELETE FROM events WHERE sender_id = ?", (target,))
    world.ids["uppsala"].remove(target)

    def marks_left() -> int:
        with database(world) as db:
            return sum(
                db.execute(
                    f"SELECT count(*) FROM {table} WHERE conversation_id = ?", (target,)
                ).fetchone()[0]
                for table in ("console_notes", "console_tags")
            )

    assert marks_left() == 2
    with database(world) as db:  # an audit entry older than CONSOLE_AUDIT_DAYS, one newer
        db.execute(
            "INSERT INTO console_audit_log (at, operator, action) VALUES (?, 'gammal', 'x'),"
            " (?, 'ny', 'x')",
            (time.time() - 31 * 86_400, time.time() - 29 * 86_400),
        )
    # The console forgets them at start and every hour after.
    restarted = ConsoleServer(
        world.endpoints, tmp_path / "restart.log", env={"CONSOLE_AUDIT_DAYS": "30"}
    )
    with restarted:
        wait_until(lambda: marks_left() == 0, 30, "the marks to go")
        wait_until(lambda: not audit_actions(world, "gammal"), 30, "the old audit entry to go")
    assert audit_actions(world, "ny") == ["x"]


@pytest.mark.parametrize(
    "setting",
    [
        "CONSOLE_PORT=acht",
        "CONSOLE_PORT=0",
        "CONSOLE_AUDIT_DAYS=",
        "CONSOLE_AUDIT_DAYS=-1",
        "CONSOLE_HOST=0.0.0.0",
    ],  # fmt: skip
)
def test_a_wrong_console_setting_stops_make_run_at_start(setting):
    name, _, value = setting.partition("=")
    result = subprocess.run(
        ["scripts/run.sh"], cwd=ROOT, env={"PATH": "/usr/bin:/bin", name: value},
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert result.returncode == 2 and name in result.stderr


def test_hostile_values_get_a_clear_refusal_never_a_server_error(world):
    operator = logged_in(world.console, "rut")
    target = world.first("teacher")
    answers = {
        "page ²": operator.get("/samtal", sida="²"),
        "huge page": operator.get("/samtal", sida="9" * 40),
        "year 1": operator.get("/statistik", fran="0001-01", till="0001-01"),
        "year 9999": operator.get("/statistik", fran="9999-12", till="9999-12"),
        "NUL in a filter": operator.get("/logg", operator="\x00"),
        "NUL in a search": operator.get("/samtal", text="a\x00b"),
        "NUL in a tag": operator.post(f"/samtal/{target}/taggar", {"tagg": "x\x00"}),
        "event id ²": operator.post(f"/samtal/{target}/flagga", {"event_id": "²", "flaggad": "ja"}),
        "huge example id": logged_in(world.console, "ada").post(
            "/exempel/" + "9" * 20 + "/ta-bort"
        ),
        "long conversation id": operator.post(f"/samtal/{'a' * 300}/taggar", {"tagg": "x"}),
        "no such conversation": operator.post(f"/samtal/{'f' * 32}/taggar", {"tagg": "skräp"}),
        "NUL at log-in": Operator(world.console).log_in("rut\x00", "x"),
    }
    statuses = {name: answer.status_code for name, answer in answers.items()}
    assert statuses == {
        "page ²": 200, "huge page": 200, "year 1": 200, "year 9999": 200,
        "NUL in a filter": 400, "NUL in a search": 400, "NUL in a tag": 400,
        "event id ²": 303, "huge example id": 404, "long conversation id": 404,
        "no such conversation": 404, "NUL at log-in": 400,
    }  # fmt: skip
    assert "otillåtna tecken" in answers["NUL in a tag"].text
    assert "skräp" not in operator.get("/samtal").text  # no tag on a conversation not there


def test_account_names_are_one_case_and_what_a_stranger_types_is_not_logged(world):
    assert Operator(world.console).log_in(" RUT ", PASSWORDS["rut"]).status_code == 303
    typed = "Hemligt-Lösenord-I-Fel-Fält"
    assert Operator(world.console).log_in(typed, "x").status_code == 401
    assert "okänt konto" in audit_actions_by(world, "misslyckad inloggning")
    with database(world) as db:
        logged = " ".join(str(row) for row in db.execute("SELECT * FROM console_audit_log"))
    assert typed.lower() not in logged.lower()
    double = world.console.cli("add", "RUT", "--password-stdin", password="ett-annat-lösenord")
    assert double.returncode == 1 and "finns redan" in double.stderr


def test_a_search_is_in_the_audit_log_with_the_words_redacted(world):
    operator = logged_in(world.console, "rut")
    operator.get("/samtal", text="Amina Yusuf 070-123 45 67")
    with database(world) as db:
        details = [r[0] for r in db.execute(
            "SELECT detail FROM console_audit_log WHERE action = 'sökning' AND operator = 'rut'"
        )]  # fmt: skip
    assert details and "Amina" not in details[-1] and "[namn]" in details[-1]


def audit_actions_by(world: World, action: str) -> list[str]:
    with database(world) as db:
        rows = db.execute("SELECT operator FROM console_audit_log WHERE action = ?", (action,))
        return [row[0] for row in rows]


def test_a_console_that_stops_is_started_again_and_the_other_services_go_on(tmp_path):
    """The Procfile's console line, with a console that exits at once, beside another
    service, under honcho as `make run` uses it."""
    [line] = [
        line for line in (ROOT / "Procfile").read_text().splitlines()
        if line.startswith("console:")
    ]  # fmt: skip
    assert "python -m console" in line
    crashing = line.replace("python -m console", "python3 -c 'raise SystemExit(3)'")
    (tmp_path / "Procfile").write_text(f"chat: sleep 600\n{crashing}\n")
    log = open(tmp_path / "honcho.log", "wb")  # noqa: SIM115 - closed below
    honcho = subprocess.Popen(
        [str(VENV_BIN / "honcho"), "start", "--no-colour"], cwd=tmp_path,
        stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
    )  # fmt: skip
    try:
        output = lambda: (tmp_path / "honcho.log").read_text()  # noqa: E731
        wait_until(lambda: "stopped (rc 3)" in output(), 30, "the console to stop", honcho)
        time.sleep(2)
        assert honcho.poll() is None, output()
        assert "chat.1 stopped" not in output() and "sending SIGTERM" not in output()
    finally:
        stop_process_group(honcho, timeout=30)
        log.close()
