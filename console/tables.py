"""The console's tables (created by console/migrations) and the Rasa tracker store's
`events` table, which the console reads and deletes from but never creates."""

from __future__ import annotations

import sqlalchemy as sa

VERSION_TABLE = "console_alembic_version"
metadata = sa.MetaData()

accounts = sa.Table(
    "console_accounts", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("username", sa.String(64), nullable=False, unique=True),
    sa.Column("password_hash", sa.String(255), nullable=False),
    sa.Column("role", sa.String(16), nullable=False),  # reviewer | admin
    sa.Column("disabled", sa.Boolean, nullable=False, default=False),
    sa.Column("created_at", sa.Float, nullable=False),
)  # fmt: skip

sessions = sa.Table(
    "console_sessions", metadata,
    sa.Column("token_hash", sa.String(64), primary_key=True),  # sha256 of the cookie's token
    sa.Column("account_id", sa.Integer, sa.ForeignKey("console_accounts.id", ondelete="CASCADE"),
              nullable=False),
    sa.Column("csrf_token", sa.String(64), nullable=False),
    sa.Column("created_at", sa.Float, nullable=False),
    sa.Column("last_seen_at", sa.Float, nullable=False),
)  # fmt: skip

login_failures = sa.Table(
    "console_login_failures", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("username", sa.String(64), nullable=False, index=True),
    sa.Column("at", sa.Float, nullable=False),
)  # fmt: skip

audit_log = sa.Table(
    "console_audit_log", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("at", sa.Float, nullable=False, index=True),
    sa.Column("operator", sa.String(64), nullable=False),
    sa.Column("action", sa.String(32), nullable=False),
    sa.Column("target", sa.String(255), nullable=True),
    sa.Column("detail", sa.Text, nullable=True),
)  # fmt: skip

reviews = sa.Table(
    "console_reviews", metadata,
    sa.Column("conversation_id", sa.String(255), primary_key=True),
    sa.Column("operator", sa.String(64), nullable=False),
    sa.Column("at", sa.Float, nullable=False),
)  # fmt: skip

tags = sa.Table(
    "console_tags", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("conversation_id", sa.String(255), nullable=False, index=True),
    sa.Column("tag", sa.String(64), nullable=False),
    sa.Column("operator", sa.String(64), nullable=False),
    sa.Column("at", sa.Float, nullable=False),
    sa.UniqueConstraint("conversation_id", "tag"),
)  # fmt: skip

notes = sa.Table(
    "console_notes", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("conversation_id", sa.String(255), nullable=False, index=True),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("operator", sa.String(64), nullable=False),
    sa.Column("at", sa.Float, nullable=False),
)  # fmt: skip

flags = sa.Table(
    "console_flags", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("conversation_id", sa.String(255), nullable=False, index=True),
    sa.Column("event_id", sa.Integer, nullable=False),
    sa.Column("operator", sa.String(64), nullable=False),
    sa.Column("at", sa.Float, nullable=False),
    sa.UniqueConstraint("conversation_id", "event_id"),
)  # fmt: skip

# NLU examples proposed from flagged messages, for developers to review: never written
# into data/ by the console.
nlu_examples = sa.Table(
    "console_nlu_examples", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("conversation_id", sa.String(255), nullable=False),
    sa.Column("event_id", sa.Integer, nullable=False),
    sa.Column("intent", sa.String(64), nullable=False),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("operator", sa.String(64), nullable=False),
    sa.Column("at", sa.Float, nullable=False),
    sa.UniqueConstraint("event_id", "intent"),
)  # fmt: skip

# Rasa's SQLTrackerStore table (rasa/core/tracker_store.py), as Rasa creates it.
rasa_metadata = sa.MetaData()
events = sa.Table(
    "events", rasa_metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("sender_id", sa.String(255), nullable=False, index=True),
    sa.Column("type_name", sa.String(255), nullable=False),
    sa.Column("timestamp", sa.Float),
    sa.Column("intent_name", sa.String(255)),
    sa.Column("action_name", sa.String(255)),
    sa.Column("data", sa.Text),
)  # fmt: skip
