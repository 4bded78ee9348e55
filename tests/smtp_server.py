"""The SMTP server side of the reminder tests: who may log in, what arrives, a keyring in memory."""

from __future__ import annotations

from typing import Any

import keyring
import keyring.backend
from aiosmtpd.smtp import AuthResult, LoginPassword

PASSWORD = "Pässw0rd-do-not-show"  # beyond ASCII: smtplib's own login takes only ASCII
ASCII_PASSWORD = "Passw0rd-from-the-keyring"
USER = "me@example.org"
LOGIN = "me%40example.org"


class Inbox:
    """The aiosmtpd handler: keeps every message's bytes as received."""

    def __init__(self) -> None:
        self.received: list[bytes] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.received.append(bytes(envelope.original_content))
        return "250 Message accepted"


def check_login(server: Any, session: Any, envelope: Any, mechanism: str, data: Any) -> AuthResult:
    ok = (
        isinstance(data, LoginPassword)
        and data.login == USER.encode()
        and data.password in (PASSWORD.encode(), ASCII_PASSWORD.encode())
    )
    return AuthResult(success=ok, handled=False)  # handled=False: aiosmtpd answers 535 itself


class Memory(keyring.backend.KeyringBackend):
    priority = 1

    def __init__(self, kept: dict[tuple[str, str], str], broken: bool = False) -> None:
        self.kept, self.broken = kept, broken

    def get_password(self, service: str, username: str) -> str | None:
        if self.broken:
            raise keyring.errors.KeyringLocked("locked")
        return self.kept.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.kept[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.kept.pop((service, username), None)
