"""Which database the console uses: the one that holds the conversations, as the Rasa
server's endpoints file names it (SQLite by default, PostgreSQL in the scaled set-up),
so that the console never has a second idea of where conversations live."""

from __future__ import annotations

import os
import re
from pathlib import Path

import sqlalchemy as sa
import yaml
from alembic import command
from alembic.config import Config

ROOT = Path(__file__).resolve().parent.parent
MIGRATIONS = Path(__file__).resolve().parent / "migrations"
_VARIABLE = re.compile(r"\$\{(\w+)\}")


def url_from_endpoints(path: str | Path, environ: dict[str, str] | None = None) -> sa.engine.URL:
    """The SQLAlchemy URL of the SQL store under tracker_store (or tracker_store.store, when
    the redacting store wraps it), with ${VARIABLES} filled in from the environment as Rasa
    does."""
    environ = dict(os.environ if environ is None else environ)
    config = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    store = (config.get("tracker_store") or {}).get("store") or config.get("tracker_store") or {}
    if str(store.get("type", "")).upper() != "SQL":
        raise ValueError(
            f"{path}: the console needs an SQL tracker store, not {store.get('type')!r}"
        )

    def value(key: str) -> str | None:
        raw = store.get(key)
        if raw is None:
            return None
        text = _VARIABLE.sub(lambda m: environ.get(m.group(1), ""), str(raw))
        return text or None

    dialect = value("dialect") or "sqlite"
    if dialect == "sqlite":
        db = Path(value("db") or "rasa.db")
        return sa.engine.URL.create("sqlite", database=str(db if db.is_absolute() else ROOT / db))
    port = value("port")
    return sa.engine.URL.create(
        "postgresql+psycopg2" if dialect == "postgresql" else dialect,
        username=value("username"),
        password=value("password"),
        host=value("url"),
        port=int(port) if port else None,
        database=value("db"),
    )


def engine_for(url: sa.engine.URL | str) -> sa.engine.Engine:
    url = sa.engine.make_url(url)
    if url.get_backend_name() == "sqlite":
        if url.database and url.database != ":memory:":
            Path(url.database).parent.mkdir(parents=True, exist_ok=True)
        engine = sa.create_engine(url, future=True, connect_args={"timeout": 30})

        @sa.event.listens_for(engine, "connect")
        def _sqlite_settings(connection, _record) -> None:
            # As the Rasa server's store: what is deleted is overwritten in the file.
            connection.execute("PRAGMA secure_delete = ON")

        return engine
    return sa.create_engine(url, future=True, pool_pre_ping=True)


def migrate(engine: sa.engine.Engine) -> None:
    """Creates or upgrades the console's own tables (Alembic, console/migrations)."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
