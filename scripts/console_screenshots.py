"""Regenerates the README's screenshots of the operator console (docs/console/*.png):
talks to the real bot (a throw-away SQLite file), starts the console over it and
photographs the list, a transcript and the statistics in Debian's Chromium.

    make console-screenshots
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.console_world import PASSWORDS, start_console, talk_to_the_bot  # noqa: E402
from tests.helpers import endpoints_with  # noqa: E402

OUT = ROOT / "docs" / "console"
COUNTS = {"uppsala": 6, "stockholm": 5, "teacher": 2, "worried": 2, "emergency": 1, "named": 1}


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        print("console-screenshots: talking to the bot (about a minute)")
        endpoints, ids, _ = talk_to_the_bot(
            tmp, lambda hook: endpoints_with(tmp, action_url=hook, db=str(tmp / "t.db")), COUNTS
        )
        console = start_console(tmp, endpoints)
        try:
            with sync_playwright() as playwright:
                chromium = shutil.which("chromium") or "/usr/bin/chromium"
                browser = playwright.chromium.launch(
                    executable_path=chromium, args=["--no-sandbox"]
                )
                page = browser.new_page(viewport={"width": 1280, "height": 900}, locale="sv-SE")
                page.goto(console.url + "/login")
                page.get_by_label("Kontonamn").fill("ada")
                page.get_by_label("Lösenord").fill(PASSWORDS["ada"])
                page.get_by_role("button", name="Logga in").click()
                page.wait_for_url("**/samtal")
                shots = {
                    "list.png": "/samtal",
                    "transcript.png": f"/samtal/{ids['emergency'][0]}",
                    "statistics.png": "/statistik",
                }
                for name, path in shots.items():
                    page.goto(console.url + path)
                    page.screenshot(path=str(OUT / name), full_page=True)
                    print(f"console-screenshots: wrote docs/console/{name}")
                browser.close()
        finally:
            console.stop()


if __name__ == "__main__":
    main()
