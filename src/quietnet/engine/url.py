"""Where a store is: a file path, or a database server's URL (never shown with its password).

``--db`` and ``NET_DATABASE_URL`` take a PostgreSQL URL such as
``postgresql://ana@db.home:5432/quietnet`` (libpq's own form, as psql takes it);
SQLAlchemy's spellings with a driver (``postgresql+psycopg2://``,
``postgresql+psycopg://``) and ``postgres://`` name the same server, and every URL
is shown as ``postgresql://``. ``sqlite:///path`` names a file. Cheap to import:
no driver is loaded here.
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple
from urllib.parse import parse_qsl, quote, unquote, urlencode, urlsplit, urlunsplit

from quietnet.errors import StoreError

POSTGRES_SCHEMES = ("postgresql", "postgres", "postgresql+psycopg2", "postgresql+psycopg")
HIDDEN = "***"
SECRET_PARAMETERS = {"password", "sslpassword"}


class ServerUrl(NamedTuple):
    """A PostgreSQL store's address. ``shown`` hides the password; ``secrets`` lists what to hide.

    A NamedTuple, not a dataclass: ``dataclasses`` costs `net today` on a server 10 ms to import.
    """

    shown: str
    conninfo: str  # for libpq: postgresql://user:password@host:port/db?...
    sqlalchemy: str  # the same for SQLAlchemy (Alembic): postgresql+psycopg2://...
    secrets: tuple[str, ...] = ()

    def __repr__(self) -> str:
        return f"ServerUrl({self.shown!r})"  # never the password

    def scrub(self, text: str) -> str:
        """``text`` with every secret of this URL hidden (for error messages from the server)."""
        for secret in self.secrets:
            text = text.replace(secret, HIDDEN)
        return text


def is_url(text: str) -> bool:
    return "://" in text


def parse(text: str) -> ServerUrl | Path:
    """A URL given by the user: a server, or a file for ``sqlite:///path``."""
    scheme, _, rest = text.partition("://")
    scheme = scheme.lower()
    if scheme == "sqlite":
        if not rest.startswith("/") or rest == "/":
            raise StoreError(
                "An SQLite URL names a file: sqlite:///relative/path or sqlite:////absolute/path."
            )
        if "?" in rest or "#" in rest:
            raise StoreError(
                "An SQLite URL names a file and nothing else (no ?options); give the file's path. "
                "Nothing was opened."
            )
        return Path(unquote(rest[1:])).expanduser()
    if scheme not in POSTGRES_SCHEMES:
        shown = _shown_scheme(scheme)
        raise StoreError(
            f"{shown}:// is not a kind of store quietnet can use; give a file path or a URL like "
            "postgresql://user@host/quietnet."
        )
    try:
        parts = urlsplit(f"postgresql://{rest}")
        port = parts.port
    except ValueError:
        raise StoreError(
            "That database URL could not be read; a URL looks like postgresql://user@host:5432/quietnet."
        ) from None
    password = parts.password
    query = parse_qsl(parts.query, keep_blank_values=True)
    secrets = [v for k, v in query if k in SECRET_PARAMETERS and v]
    if password:
        secrets += [password, quote(password, safe=""), unquote(password)]
    host = parts.hostname or ""
    if ":" in host:
        host = f"[{host}]"
    user = f"{parts.username}:{HIDDEN}@" if password else f"{parts.username}@" if parts.username else ""
    netloc = f"{user}{host}{f':{port}' if port else ''}"
    shown_query = urlencode([(k, HIDDEN if k in SECRET_PARAMETERS else v) for k, v in query])
    shown = urlunsplit(("postgresql", netloc, parts.path, shown_query, ""))
    conninfo = urlunsplit(("postgresql", parts.netloc, parts.path, parts.query, ""))
    return ServerUrl(
        shown=shown,
        conninfo=conninfo,
        sqlalchemy=urlunsplit(("postgresql+psycopg2", parts.netloc, parts.path, parts.query, "")),
        secrets=tuple(sorted({s for s in secrets if s}, key=len, reverse=True)),
    )


def _shown_scheme(scheme: str) -> str:
    """The scheme as typed, shortened if it is long or odd (it is echoed back to the user)."""
    clean = "".join(ch for ch in scheme if ch.isalnum() or ch in "+-.")
    return clean[:30] or "That"
