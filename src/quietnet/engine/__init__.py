"""Where a store lives: SQLite and PostgreSQL sessions, URLs, schema, migrations, snapshots."""
