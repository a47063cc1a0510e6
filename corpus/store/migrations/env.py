"""Alembic environment: always run on the connection handed over by corpus.store.migrate."""

from alembic import context

from corpus.store.schema import metadata

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - only via corpus.store.migrate
    raise RuntimeError("run migrations through corpus.store.migrate.upgrade(engine)")

context.configure(
    connection=connection,
    target_metadata=metadata,
    render_as_batch=connection.dialect.name == "sqlite",
)
with context.begin_transaction():
    context.run_migrations()
