"""Conversations made by talking to the real bot, and the operator console over the same
database, for the console's tests (tests/test_console*.py)."""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import requests

from tests.helpers import ActionServer, ConsoleServer, RasaServer, chat, texts

PASSWORDS = {"ada": "ada-lösenord-123", "rut": "rut-lösenord-456"}  # admin, reviewer
HOSTILE = ["<script>window.hacked=1</script> hjälp", '"><img src=x onerror="window.hacked=2"> hej']
# Who writes and what they say, one conversation per entry.
CONVERSATIONS = {
    "uppsala": ["jag får inte träffa nån efter skolan, bor i Uppsala o e 16"],
    "teacher": [
        "jag har en elev som inte får följa med på skolresan, vart vänder jag mig?",
        "Växjö",
    ],
    "emergency": ["han har en kniv och säger att han ska döda mig"],
    "hostile": HOSTILE,
    "named": ["jag heter Amina Yusuf och min pappa bestämmer allt"],
    "fallback": ["qwerty asdf zxcv"],
    # For the README's screenshots (scripts/console_screenshots.py).
    "stockholm": ["asså jag får inte träffa nån efter skolan, bor i sthlm o e 15"],
    "worried": ["min kompis får inte välja själv vem hon ska gifta sig med", "Malmö", "17"],
}
COUNTS = {"uppsala": 6, "teacher": 2, "emergency": 1, "hostile": 1, "named": 1, "fallback": 1}


@dataclass
class World:
    console: ConsoleServer
    endpoints: Path
    ids: dict[str, list[str]] = field(default_factory=dict)  # kind -> conversation ids
    replies: dict[str, str] = field(default_factory=dict)  # kind -> the bot's last answer

    def first(self, kind: str) -> str:
        return self.ids[kind][0]


def talk_to_the_bot(tmp: Path, endpoints_for, counts=COUNTS, env=None) -> tuple[Path, dict, dict]:
    """Has every conversation in `counts` with the real Rasa and action servers, then
    stops them; returns the endpoints file and the conversation ids."""
    ids: dict[str, list[str]] = {}
    replies: dict[str, str] = {}
    with ActionServer(tmp / "actions.log") as actions:
        endpoints = endpoints_for(actions.webhook)
        with RasaServer(endpoints, tmp / "rasa.log", env=env) as rasa:
            for kind, times in counts.items():
                for _ in range(times):
                    sender = uuid.uuid4().hex
                    for message in CONVERSATIONS[kind]:
                        replies[kind] = texts(chat(rasa.url, sender, message))
                    ids.setdefault(kind, []).append(sender)
    return endpoints, ids, replies


def start_console(tmp: Path, endpoints: Path, env=None) -> ConsoleServer:
    console = ConsoleServer(endpoints, tmp / "console.log", env=env).start()
    for name, role in (("ada", "admin"), ("rut", "reviewer")):
        done = console.cli(
            "add", name, "--role", role, "--password-stdin", password=PASSWORDS[name]
        )
        assert done.returncode == 0, done.stderr
    return console


CSRF = re.compile(r'name="csrf" value="([^"]+)"')


class Operator:
    """One person in a browser-like session: cookies kept, redirects not followed."""

    def __init__(self, console: ConsoleServer):
        self.url = console.url
        self.http = requests.Session()
        self.csrf = ""

    def log_in(self, username: str, password: str | None = None) -> requests.Response:
        page = self.get("/login")
        form_token = CSRF.search(page.text).group(1)
        answer = self.http.post(
            self.url + "/login",
            data={"csrf": form_token, "username": username,
                  "password": PASSWORDS.get(username) if password is None else password},
            allow_redirects=False, timeout=30,
        )  # fmt: skip
        if answer.status_code == 303:
            self.csrf = CSRF.search(self.get("/samtal").text).group(1)
        return answer

    def get(self, path: str, **params) -> requests.Response:
        return self.http.get(self.url + path, params=params, allow_redirects=False, timeout=30)

    def post(self, path: str, data: dict | None = None, csrf: bool = True) -> requests.Response:
        data = dict(data or {})
        if csrf:
            data["csrf"] = self.csrf
        return self.http.post(self.url + path, data=data, allow_redirects=False, timeout=30)


def logged_in(console: ConsoleServer, username: str) -> Operator:
    operator = Operator(console)
    assert operator.log_in(username).status_code == 303
    return operator
