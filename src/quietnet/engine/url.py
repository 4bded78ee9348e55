"""Where a store is: a file path, or a database server's URL (never shown with its password).

``--db`` and ``NET_DATABASE_URL`` take a PostgreSQL URL such as
``postgresql://ana@db.home:5432/quietnet`` (libpq's own form, as psql takes it);
SQLAlchemy's spellings with a driver (``postgresql+psycopg2://``,
``postgresql+psycopg://``) and ``postgres://`` name the same server, and every URL
is shown as ``postgresql://``. ``sqlite:///path`` names a file.

The URL is read here, once, as libpq reads one (the user and password end at the
first ``@``), and libpq is given the parts as keyword/value parameters, never the
URL: what quietnet shows and what it connects to cannot disagree. A URL that could
be read two ways (an ``@`` left after the first one: a password holding ``@`` or
``/``) is refused without echoing it. Cheap to import: no driver is loaded here.
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple
from urllib.parse import unquote, unquote_to_bytes

from quietnet.errors import StoreError

POSTGRES_SCHEMES = ("postgresql", "postgres", "postgresql+psycopg2", "postgresql+psycopg")
HIDDEN = "***"
SECRET_PARAMETERS = {"password", "sslpassword"}
EXAMPLE = "a URL looks like postgresql://user@host:5432/quietnet"
HEX = frozenset("0123456789abcdefABCDEF")


class ServerUrl(NamedTuple):
    """A PostgreSQL store's address. ``shown`` hides the password; ``secrets`` lists what to hide.

    A NamedTuple, not a dataclass: ``dataclasses`` costs `net today` on a server 10 ms to import.
    """

    shown: str
    conninfo: str  # for libpq, keyword/value: user='ana' password='...' host='db.home' ...
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
    scheme, _, rest = text.strip().partition("://")
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
    return server(rest)


def server(rest: str) -> ServerUrl:
    """``user:password@host:port/dbname?key=value&...`` (what follows ``postgresql://``), read as
    libpq reads it, as keyword/value parameters and the form shown to the user."""
    params: list[tuple[str, str]] = []
    secrets: list[str] = []
    shown = "postgresql://"
    address, has_query, query = rest.partition("?")
    before_slash = address.partition("/")[0]
    if "@" in before_slash:  # libpq: the user and password end at the first @ before any /
        userinfo, _, rest_address = address.partition("@")
        user, has_password, password = userinfo.partition(":")
        if user:
            params.append(("user", _decoded(user)))
        if has_password:
            params.append(("password", _decoded(password)))
            secrets += [password, _decoded(password)]
        shown += f"{user}{f':{HIDDEN}' if has_password else ''}@"
        address = rest_address
    if "@" in address:
        raise StoreError(
            "That database URL could not be read unambiguously: percent-encode @ and / in a "
            "password as %40 and %2F (postgresql://ana:pass%40word@host/quietnet). Nothing was changed."
        )
    hosts, has_slash, dbname = address.partition("/")
    if hosts:
        names, ports = zip(*(_host(h) for h in hosts.split(",")), strict=True)
        if any(names):
            params.append(("host", ",".join(names)))
        if any(ports):
            params.append(("port", ",".join(ports)))
    if dbname:
        params.append(("dbname", _decoded(dbname)))
    shown += hosts + ("/" if has_slash else "") + dbname
    shown_options = []
    for option in query.split("&") if query else ():
        raw_key, has_value, raw_value = option.partition("=")
        key, value = _decoded(raw_key), _decoded(raw_value)
        if not has_value or not (key.isascii() and key.isidentifier()):
            raise StoreError(
                f"The options of that database URL could not be read: each is name=value, joined by "
                f"& (?sslmode=require&connect_timeout=5); {EXAMPLE}. Nothing was changed."
            )
        hidden = key in SECRET_PARAMETERS
        if hidden and value:
            secrets += [raw_value, value]
        params.append((key, value))
        shown_options.append(f"{raw_key}={HIDDEN if hidden else raw_value}")
    if has_query:
        shown += "?" + "&".join(shown_options)
    return ServerUrl(
        shown=shown,
        conninfo=" ".join(f"{k}={_quoted(v)}" for k, v in params),
        secrets=tuple(sorted({s for s in secrets if s}, key=len, reverse=True)),
    )


def _host(text: str) -> tuple[str, str]:
    """One ``host:port`` of the list (``[::1]:5432`` for IPv6; ``%2Ftmp`` for a socket folder)."""
    if text.startswith("["):
        name, closed, after = text[1:].partition("]")
        if not closed or (after and not after.startswith(":")):
            raise StoreError(f"That database URL could not be read; {EXAMPLE}.")
        port = after[1:]
    else:
        name, _, port = text.partition(":")
    if port and not (port.isascii() and port.isdigit() and 0 < int(port) < 65536):
        raise StoreError(
            f"That database URL could not be read (its port is a number up to 65535); {EXAMPLE}."
        )
    return _decoded(name), port


def _decoded(text: str) -> str:
    """A part of the URL, percent-decoded: refused (never echoed) if that can't be done exactly."""
    if "%" not in text:
        return text
    try:
        if any(len(e) < 2 or e[:2] == "00" or not HEX.issuperset(e[:2]) for e in text.split("%")[1:]):
            raise ValueError
        return unquote_to_bytes(text).decode("utf-8")
    except ValueError:
        raise StoreError(
            "That database URL could not be read: a % starts an escape such as %40 (for @) or %2F "
            f"(for /), and %00 cannot be given; {EXAMPLE}. Nothing was changed."
        ) from None


def _quoted(value: str) -> str:
    """A value in libpq's keyword/value form: in single quotes, with \\ and ' escaped."""
    return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'"


def _shown_scheme(scheme: str) -> str:
    """The scheme as typed, shortened if it is long or odd (it is echoed back to the user)."""
    clean = "".join(ch for ch in scheme if ch.isalnum() or ch in "+-.")
    return clean[:30] or "That"
