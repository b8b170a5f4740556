"""Alembic's environment for the console's own tables; run by console.database.migrate."""

from alembic import context

from console.tables import VERSION_TABLE, metadata

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=metadata, version_table=VERSION_TABLE)
with context.begin_transaction():
    context.run_migrations()
