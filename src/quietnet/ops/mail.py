"""Sending one message through a mail server: STARTTLS, TLS or a local relay; calm errors.

Every failure becomes one sentence (``ReachError``, exit 3) that names the server as
``MailServer.shown`` does: the password is never part of a message, a log or a repr.
"""

from __future__ import annotations

import base64
import smtplib
import socket
import ssl
from datetime import datetime
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid

from quietnet.core.mailserver import MailServer
from quietnet.errors import InputError, ReachError

KEYRING_SERVICE = "quietnet-smtp"  # keyring set quietnet-smtp USER


def compose(
    *, text: str, html: str | None, sender: str, to: str, subject: str, now: datetime
) -> EmailMessage:
    """The message: plain text, and the HTML review beside it when there is one."""
    message = EmailMessage()
    message["From"] = sender
    message["To"] = to
    message["Subject"] = subject
    message["Date"] = format_datetime(now)
    message["Message-ID"] = make_msgid("quietnet", domain=_ascii_domain(sender.rpartition("@")[2]))
    message.set_content(text + "\n")
    if html is not None:
        message.add_alternative(html, subtype="html")
    return message


def _ascii_domain(domain: str) -> str:
    """The domain as a Message-ID carries it: ASCII (IDNA, bücher.example is xn--bcher-kva.example)."""
    try:
        return domain.encode("idna").decode("ascii") if domain else "localhost"
    except UnicodeError:
        return "localhost"


def password(server: MailServer, *, given: str | None) -> str | None:
    """NET_SMTP_PASSWORD (``given``), else the URL's own, else the system keyring; None without a user."""
    if server.user is None:
        return None
    if given:
        return given
    if server.password is not None:
        return server.password
    found, why = _keyring(server.user)
    if found:
        return found
    raise InputError(
        f"No password for {server.user} at {server.host}{why}: set NET_SMTP_PASSWORD, or keep it in "
        f"the system keyring (keyring set {KEYRING_SERVICE} {server.user}). Nothing was sent."
    )


def _keyring(user: str) -> tuple[str | None, str]:
    """The password the system keyring keeps, or None and why (no keyring is not a crash)."""
    try:
        import keyring  # optional: pip install 'quietnet[remind]'
    except ImportError:
        return None, " (the keyring package is not installed)"
    try:
        return keyring.get_password(KEYRING_SERVICE, user), ""
    except Exception:  # any backend's trouble (none available, locked, no D-Bus) means "not found"
        return None, " (no system keyring could be reached)"


def _login(client: smtplib.SMTP, server: MailServer, user: str, secret: str) -> None:
    """Log in; a user or password beyond ASCII (smtplib takes only ASCII) goes as UTF-8 in AUTH PLAIN."""
    if user.isascii() and secret.isascii():
        client.login(user, secret)
        return
    client.ehlo_or_helo_if_needed()
    if "PLAIN" not in client.esmtp_features.get("auth", "").upper().split():
        raise ReachError(
            f"The mail server at {server.address} offers no login that takes a password with letters "
            "beyond ASCII (AUTH PLAIN); nothing was sent."
        )
    token = base64.b64encode(b"\0" + user.encode() + b"\0" + secret.encode()).decode("ascii")
    code, answer = client.docmd("AUTH", "PLAIN " + token)
    if code != 235:
        raise smtplib.SMTPAuthenticationError(code, answer)


def send(message: EmailMessage, server: MailServer, secret: str | None, *, timeout: float) -> None:
    """Hand ``message`` to ``server``; raises ReachError with one calm sentence, never the password."""
    where = server.address
    try:
        if server.scheme == "smtps":
            client: smtplib.SMTP = smtplib.SMTP_SSL(
                server.host, server.port, timeout=timeout, context=ssl.create_default_context()
            )
        else:
            client = smtplib.SMTP(server.host, server.port, timeout=timeout)
        with client:
            if server.scheme == "smtp":
                client.ehlo()
                if not client.has_extn("starttls"):
                    raise ReachError(
                        f"The mail server at {where} does not offer STARTTLS, so nothing was sent "
                        "(the login would travel unencrypted); use smtps:// if it offers TLS on another port."
                    )
                client.starttls(context=ssl.create_default_context())
                client.ehlo()
            client.ehlo_or_helo_if_needed()
            if server.user is not None and secret is not None:
                if not client.has_extn("auth"):
                    raise ReachError(
                        f"The mail server at {where} offers no login here, so {server.user} cannot log in; "
                        "for a relay that takes mail without one, leave the user out of the URL. "
                        "Nothing was sent."
                    )
                _login(client, server, server.user, secret)
            addresses = [str(message["From"]), str(message["To"])]
            if not all(a.isascii() for a in addresses) and not client.has_extn("smtputf8"):
                raise ReachError(
                    f"The mail server at {where} does not take addresses with letters beyond ASCII "
                    "(it offers no SMTPUTF8); use an ASCII address, or another server. Nothing was sent."
                )
            client.send_message(message)
    except ReachError:
        raise
    except smtplib.SMTPAuthenticationError:
        raise ReachError(
            f"The mail server at {where} did not accept the login for {server.user}; check the password "
            "(NET_SMTP_PASSWORD or the keyring). Nothing was sent."
        ) from None
    except smtplib.SMTPRecipientsRefused:
        raise ReachError(
            f"The mail server at {where} would not take the recipient; nothing was sent."
        ) from None
    except smtplib.SMTPSenderRefused:
        raise ReachError(f"The mail server at {where} would not take the sender; nothing was sent.") from None
    except smtplib.SMTPNotSupportedError:
        raise ReachError(
            f"The mail server at {where} does not offer a login or STARTTLS here; nothing was sent."
        ) from None
    except smtplib.SMTPResponseException as exc:
        raise ReachError(
            f"The mail server at {where} answered {exc.smtp_code} and did not take the message; "
            "nothing was sent."
        ) from None
    except ssl.SSLCertVerificationError:
        raise ReachError(
            f"The mail server at {where} showed a certificate this machine does not trust, "
            "so nothing was sent."
        ) from None
    except ssl.SSLError:
        raise ReachError(
            f"A secure connection to the mail server at {where} could not be made (TLS); nothing was sent."
        ) from None
    except smtplib.SMTPServerDisconnected as exc:
        if not isinstance(exc.__context__, TimeoutError):  # smtplib words a timeout as a closed connection
            raise ReachError(
                f"The mail server at {where} closed the connection before the message was sent; "
                "nothing was sent."
            ) from None
        raise ReachError(
            f"The mail server at {where} did not answer within {timeout:g} seconds; nothing was sent."
        ) from None
    except TimeoutError:
        raise ReachError(
            f"The mail server at {where} did not answer within {timeout:g} seconds; nothing was sent."
        ) from None
    except ConnectionRefusedError:
        raise ReachError(
            f"The mail server at {where} could not be reached (the connection was refused); nothing was sent."
        ) from None
    except socket.gaierror:
        raise ReachError(
            f"The mail server's name {server.host} could not be found; nothing was sent."
        ) from None
    except (smtplib.SMTPException, OSError) as exc:
        reason = getattr(exc, "strerror", None) or "the connection closed"
        raise ReachError(
            f"The mail server at {where} could not be reached ({reason}); nothing was sent."
        ) from None
