"""Alembic environment: migrations run on a connection that ``engine/migrate.py`` hands in.

``engine/migrate.py`` opens the transaction, takes the snapshot first, rebuilds
the derived columns (``store/derived.py``) and sets SQLite's ``user_version`` in
the same transaction, so a migration is all or nothing.

Frozen: migrations import alembic and sqlalchemy only, never quietnet, so a
later change to the code cannot change what an old migration does. To
autogenerate a revision, hand in ``SQLModel.metadata`` (after importing
``quietnet.engine.schema``) as the ``target_metadata`` attribute.
"""

from __future__ import annotations

from alembic import context

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=context.config.attributes.get("target_metadata"),
    render_as_batch=True,  # SQLite alters tables by copying them
    transaction_per_migration=False,
)
context.run_migrations()
