"""Alembic environment: migrations run on a connection that ``db.py`` hands in.

``db.py`` opens the transaction, takes the snapshot first, and sets SQLite's
``user_version`` in the same transaction, so a migration is all or nothing.
"""

from __future__ import annotations

from alembic import context
from sqlmodel import SQLModel

import quietnet.engine.schema  # noqa: F401  (registers the tables on SQLModel.metadata)

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=SQLModel.metadata,
    render_as_batch=True,  # SQLite alters tables by copying them
    transaction_per_migration=False,
)
context.run_migrations()
