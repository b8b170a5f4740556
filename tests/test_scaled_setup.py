"""The scaled set-up (endpoints.scaled.yml): PostgreSQL tracker store, Redis lock store.

Uses the PostgreSQL and Redis servers that run beside the product (see README);
each test run gets its own database and Redis key prefix and removes them after.
"""

import threading
import uuid

import psycopg2
import pytest
import redis

from tests.helpers import ROOT, RasaServer, chat, settings, texts


class RedisCommandRecorder(threading.Thread):
    """Records the commands Redis receives (MONITOR) that mention a key prefix."""

    def __init__(self, host: str, port: int, prefix: str):
        super().__init__(daemon=True)
        # No read timeout: Redis may be silent for longer than Rasa takes to start on a
        # busy machine (a 60 s timeout once ended the recording before Rasa's first lock).
        self.client = redis.Redis(host=host, port=port, socket_timeout=None)
        self.prefix = prefix
        self.commands: list[str] = []
        self.ready = threading.Event()

    def run(self) -> None:
        with self.client.monitor() as monitor:
            self.ready.set()
            try:
                for entry in monitor.listen():
                    if self.prefix in entry["command"]:
                        self.commands.append(entry["command"])
            except (redis.TimeoutError, redis.ConnectionError):
                return

    def stop(self) -> list[str]:
        """Ends the recording (closing the connection ends the blocked read); returns it."""
        self.client.connection_pool.disconnect()
        self.join(timeout=10)
        return self.commands


def pg_connect(env: dict[str, str], dbname: str):
    return psycopg2.connect(
        host=env["POSTGRES_HOST"], port=env["POSTGRES_PORT"], user=env["POSTGRES_USER"],
        password=env["POSTGRES_PASSWORD"], dbname=dbname,
    )  # fmt: skip


@pytest.fixture
def scaled_env():
    config = settings()
    name = f"rg_test_{uuid.uuid4().hex[:12]}"
    env = {**config, "POSTGRES_DB": name, "REDIS_KEY_PREFIX": name.replace("_", "")}
    yield env
    connection = pg_connect(config, config["POSTGRES_LOGIN_DB"])
    connection.autocommit = True  # DROP DATABASE cannot run in a transaction
    connection.cursor().execute(f'DROP DATABASE IF EXISTS "{name}"')
    connection.close()


def test_scaled_setup_keeps_conversations_in_postgresql_and_locks_in_redis(tmp_path, scaled_env):
    recorder = RedisCommandRecorder(
        scaled_env["REDIS_HOST"], int(scaled_env["REDIS_PORT"]), scaled_env["REDIS_KEY_PREFIX"]
    )
    recorder.start()
    assert recorder.ready.wait(30), "Redis MONITOR did not start"
    sender = uuid.uuid4().hex

    try:
        with RasaServer(
            ROOT / "endpoints.scaled.yml", tmp_path / "rasa.log", env=scaled_env
        ) as server:
            assert "Resursguiden" in texts(chat(server.url, sender, "hej"))
    finally:
        commands = recorder.stop()

    connection = pg_connect(scaled_env, scaled_env["POSTGRES_DB"])
    cursor = connection.cursor()
    cursor.execute("SELECT type_name FROM events WHERE sender_id = %s", (sender,))
    event_types = [row[0] for row in cursor.fetchall()]
    connection.close()
    assert "user" in event_types
    assert "bot" in event_types

    # Rasa took and released this conversation's lock in Redis, under our prefix.
    lock_key = f"{scaled_env['REDIS_KEY_PREFIX']}:lock:{sender}"
    assert any("SET" in c and lock_key in c for c in commands), commands
    assert any("DEL" in c and lock_key in c for c in commands), commands
