"""What marks a store as quietnet's, and which schema it holds: shared by every engine module.

Kept apart so that ``migrate`` and ``server`` need not import ``sqlite`` or
``postgres`` for a number (that made an import cycle).
"""

APPLICATION_ID = 0x71756965  # "quie": SQLite's application_id of a quietnet store
SCHEMA_VERSION = 15  # the number of the newest migration in migrations/versions
SQLITE_HEADER = b"SQLite format 3\x00"
APPLICATION = "quietnet"  # PostgreSQL: the quietnet_meta marker and the connection's application_name
WRITE_LOCK = 0x71756965  # PostgreSQL: the advisory lock every write takes ("quie", as application_id)
LOCK_WAIT = "10s"  # PostgreSQL: how long a write waits for another machine's write to finish
