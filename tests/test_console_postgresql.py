"""The operator console on PostgreSQL (the scaled set-up), against the server on this
machine: the bot writes conversations there, the console creates its tables there by
migration, reads, counts and deletes there."""

import csv
import io

from tests.console_world import logged_in, start_console, talk_to_the_bot
from tests.helpers import endpoints_with
from tests.test_scaled_setup import pg_connect, scaled_env  # noqa: F401 - a fixture

COUNTS = {"uppsala": 5, "teacher": 1, "hostile": 1}


def test_the_console_works_on_postgresql(tmp_path, scaled_env):  # noqa: F811
    endpoints, ids, replies = talk_to_the_bot(
        tmp_path,
        lambda webhook: endpoints_with(tmp_path, "endpoints.scaled.yml", action_url=webhook),
        COUNTS,
        env=scaled_env,
    )
    assert "Hedersteamet Kronoberg" in replies["teacher"]
    console = start_console(tmp_path, endpoints, env=scaled_env)
    try:
        admin = logged_in(console, "ada")
        page = admin.get("/samtal")
        assert "7 samtal" in page.text
        assert all(f"/samtal/{i}" in page.text for kind in ids.values() for i in kind)
        hostile = admin.get(f"/samtal/{ids['hostile'][0]}").text
        assert "&lt;script&gt;" in hostile and "<script" not in hostile
        assert "' OR '1'='1" not in admin.get("/samtal", county="' OR '1'='1").text

        rows = {
            (r["Mått"], r["Grupp"]): r["Antal"]
            for r in csv.DictReader(io.StringIO(admin.get("/statistik.csv").text))
        }
        assert rows[("Samtal", "Alla")] == "7"
        assert rows[("Län", "Uppsala län")] == "5"
        assert rows[("Län", "Kronobergs län")] == "< 5"

        target = ids["uppsala"][0]
        admin.post(f"/samtal/{target}/anteckningar", {"anteckning": "Granskat, inget att göra"})
        assert admin.post(f"/samtal/{target}/radera", {"bekrafta": "ja"}).status_code == 303
    finally:
        console.stop()

    connection = pg_connect(scaled_env, scaled_env["POSTGRES_DB"])
    cursor = connection.cursor()
    cursor.execute("SELECT count(*) FROM events WHERE sender_id = %s", (target,))
    assert cursor.fetchone() == (0,)
    cursor.execute("SELECT count(*) FROM console_notes")
    assert cursor.fetchone() == (0,)
    cursor.execute("SELECT action FROM console_audit_log WHERE operator = 'ada' ORDER BY id")
    actions = [row[0] for row in cursor.fetchall()]
    assert actions[0] == "inloggning" and "samtal raderat" in actions and "export" in actions
    cursor.execute("SELECT version_num FROM console_alembic_version")
    assert cursor.fetchone() == ("0001",)
    connection.close()
