"""`make run`: from the README's command to a Swedish answer, and a clean stop."""

import contextlib
import os
import signal
import subprocess
import uuid
from pathlib import Path

import pytest
import requests

from tests.helpers import ROOT, chat, port_is_free, texts, wait_until

RASA_PORT, ACTIONS_PORT, CONSOLE_PORT = 5005, 5055, 8090


def descendants(pid: int) -> set[int]:
    """All processes below pid, read from /proc (honcho starts each in its own session)."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            parent = int(stat.rsplit(")", 1)[1].split()[1])
            children.setdefault(parent, []).append(int(entry.name))
    found, todo = set(), [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.add(child)
            todo.append(child)
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def answers_hej() -> str | None:
    try:
        return texts(chat(f"http://127.0.0.1:{RASA_PORT}", uuid.uuid4().hex, "hej"))
    except requests.RequestException:
        return None


def console_login_page() -> str | None:
    try:
        return requests.get(f"http://127.0.0.1:{CONSOLE_PORT}/login", timeout=5).text
    except requests.RequestException:
        return None


# How a person stops the run command: Ctrl-C in its terminal (SIGINT to the whole
# foreground process group), `kill` of make, and `kill -9` of make.
STOPS = {
    "ctrl-c": lambda make: os.killpg(make.pid, signal.SIGINT),
    "sigterm": lambda make: make.send_signal(signal.SIGTERM),
    "sigkill": lambda make: make.send_signal(signal.SIGKILL),
}


@pytest.mark.parametrize("stop", STOPS)
def test_make_run_answers_in_swedish_and_leaves_no_process_behind(tmp_path, stop):
    assert all(port_is_free(p) for p in (RASA_PORT, ACTIONS_PORT, CONSOLE_PORT)), (
        "ports 5005/5055/8090 are taken: stop the running product before the tests"
    )
    log = open(tmp_path / "run.log", "wb")  # noqa: SIM115
    make = subprocess.Popen(
        ["make", "run"], cwd=ROOT, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
    )
    started: set[int] = set()
    try:
        answer = wait_until(answers_hej, 300, "an answer on the REST channel", make)
        assert "Resursguiden" in answer and "[112](tel:112)" in answer
        assert requests.get(f"http://127.0.0.1:{ACTIONS_PORT}/health", timeout=5).ok
        console = wait_until(console_login_page, 60, "the operator console", make)
        assert "Logga in" in console
        started = descendants(make.pid)
        assert len(started) >= 5  # honcho, rasa, the action server, the console, the demo site

        STOPS[stop](make)
        make.wait(timeout=60)
        wait_until(lambda: not any(alive(pid) for pid in started), 60, "every process to end")
    finally:
        # After a failure, leave nothing running for the next test: honcho starts each
        # service in its own session, so kill every process it started, not the group.
        running = descendants(make.pid) if make.poll() is None else set()
        for pid in running | {pid for pid in started if alive(pid)}:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        if make.poll() is None:
            make.kill()
        make.wait(timeout=30)
        log.close()

    assert all(port_is_free(p) for p in (RASA_PORT, ACTIONS_PORT, CONSOLE_PORT))
    output = (tmp_path / "run.log").read_text(errors="replace")
    assert "http://localhost:5005/webhooks/rest/webhook" in output  # the URLs to open
