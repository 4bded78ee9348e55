"""The mail server `net remind email` sends through, from a URL; the password never shown.

``smtp://user@host:587`` (STARTTLS, required), ``smtps://user@host:465`` (TLS from the
first byte), ``smtp+plain://127.0.0.1:25`` (no TLS: only for a relay on this machine).
"""

from __future__ import annotations

from typing import NamedTuple
from urllib.parse import quote, unquote

from quietnet.core.text import shown
from quietnet.errors import InputError

PORTS = {"smtp": 587, "smtps": 465, "smtp+plain": 25}
LOCAL_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})
HIDDEN = "***"


class MailServer(NamedTuple):
    scheme: str  # smtp, smtps or smtp+plain
    host: str
    port: int
    user: str | None
    password: str | None  # only when the URL held one; never part of ``shown``

    def __repr__(self) -> str:  # a traceback (--debug) never shows the password either
        return f"MailServer({self.shown})"

    @property
    def shown(self) -> str:
        """The URL as messages show it: the password, if any, as ***."""
        who = (
            ""
            if self.user is None
            else quote(self.user, safe="") + (f":{HIDDEN}" if self.password is not None else "") + "@"
        )
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"{self.scheme}://{who}{host}:{self.port}"

    @property
    def address(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"{host}:{self.port}"


def masked(url: str) -> str:
    """Any URL-like text with the password of its user part replaced by ***, for a message."""
    scheme, sep, rest = url.partition("://")
    if not sep:
        return url
    end = min((i for i in (rest.find(c) for c in "/?#") if i >= 0), default=len(rest))
    netloc, tail = rest[:end], rest[end:]
    if "@" not in netloc:
        return url
    userinfo, _, host = netloc.rpartition("@")
    if ":" not in userinfo:
        return url
    return f"{scheme}://{userinfo.split(':', 1)[0]}:{HIDDEN}@{host}{tail}"


def parse(url: str) -> MailServer:
    """A mail server URL, checked; every refusal shows the URL with its password masked."""
    text = url.strip()
    seen = shown(masked(text), limit=80)
    scheme, sep, rest = text.partition("://")
    scheme = scheme.casefold()
    if not sep or scheme not in PORTS:
        raise InputError(
            "A mail server URL starts with smtp:// (STARTTLS), smtps:// (TLS) or smtp+plain:// "
            f"(a relay on this machine), not {seen}."
        )
    end = min((i for i in (rest.find(c) for c in "/?#") if i >= 0), default=len(rest))
    netloc = rest[:end]
    if rest[end:].strip("/"):
        raise InputError(f"The mail server URL {seen} holds a path; it takes only scheme://user@host:port.")
    userinfo, at, hostport = netloc.rpartition("@")
    user = password = None
    if at:
        name, colon, secret = userinfo.partition(":")
        user = unquote(name) or None
        password = unquote(secret) if colon else None
    host, port = _host_port(hostport, seen)
    if not host:
        raise InputError(f"The mail server URL {seen} names no host: smtp://user@host:587.")
    if scheme == "smtp+plain" and host.casefold() not in LOCAL_HOSTS:
        raise InputError(
            f"smtp+plain:// sends without encryption, so it is only for a relay on this machine "
            f"(127.0.0.1, localhost or ::1), not {shown(host)}; use smtp:// or smtps:// for {shown(host)}."
        )
    return MailServer(scheme, host, port or PORTS[scheme], user, password)


def _host_port(hostport: str, seen: str) -> tuple[str, int | None]:
    if hostport.startswith("["):
        host, bracket, after = hostport[1:].partition("]")
        if not bracket:
            raise InputError(f"The mail server URL {seen} has an unclosed [ in its host.")
        port_text = after.removeprefix(":") if after.startswith(":") else after
        if after and not after.startswith(":"):
            raise InputError(f"The mail server URL {seen} has something after its host: scheme://host:port.")
    else:
        host, _, port_text = hostport.partition(":")
    if not port_text:
        return host, None
    if not (port_text.isascii() and port_text.isdigit()) or not 0 < int(port_text) < 65536:
        raise InputError(f"The mail server URL {seen} has a port that is not a number from 1 to 65535.")
    return host, int(port_text)


def for_setting(url: str) -> str:
    """A URL the ``smtp_url`` setting may keep: checked, and with no password in it."""
    if not url.strip():
        return ""
    server = parse(url)
    if server.password is not None:
        raise InputError(
            f"The store keeps no passwords: set smtp_url to {server._replace(password=None).shown} and keep "
            "the password in NET_SMTP_PASSWORD or the system keyring (docs/reminders.md)."
        )
    return url.strip()
