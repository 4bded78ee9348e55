"""`net remind email` against real SMTP servers (aiosmtpd) on 127.0.0.1: plain relay, STARTTLS, TLS.

Each server runs in its own thread on a free port and is stopped by the fixture's finalizer.
The password never appears in what the server receives, in the output, or in an error.
"""

from __future__ import annotations

import email
import email.policy
import socket
import ssl
import subprocess
from collections.abc import Callable, Iterator
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import keyring
import pytest
from aiosmtpd.controller import Controller

from tests.helpers import Net, files, refused
from tests.smtp_server import ASCII_PASSWORD, LOGIN, PASSWORD, USER, Inbox, Memory, check_login


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


Start = Callable[..., tuple[Inbox, int]]


@pytest.fixture
def smtp() -> Iterator[Start]:
    """Start an SMTP server (keyword arguments go to aiosmtpd); every one is stopped at the end."""
    started: list[Controller] = []

    def start(**options: Any) -> tuple[Inbox, int]:
        inbox, port = Inbox(), _free_port()
        controller = Controller(
            inbox,
            hostname="127.0.0.1",
            port=port,
            server_hostname="localhost",  # no lookup of this machine's name
            authenticator=check_login,
            **options,
        )
        controller.start()
        started.append(controller)
        return inbox, port

    yield start
    for controller in started:
        controller.stop()


@pytest.fixture(scope="module")
def certificate(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A self-signed certificate for 127.0.0.1 and its key, made by the openssl command."""
    folder = tmp_path_factory.mktemp("tls")
    cert, key = folder / "cert.pem", folder / "key.pem"
    try:
        subprocess.run(
            ["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
             "-nodes", "-keyout", str(key), "-out", str(cert), "-days", "2", "-subj", "/CN=127.0.0.1",
             "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost"],
            check=True, capture_output=True,
        )  # fmt: skip
    except FileNotFoundError:
        pytest.skip("the openssl command is not installed: the TLS servers need a certificate from it")
    return cert, key


def _server_tls(certificate: tuple[Path, Path]) -> ssl.SSLContext:
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(*certificate)
    return context


@pytest.fixture
def news(net: Net, monkeypatch: pytest.MonkeyPatch) -> str:
    """A store with something to say today; returns what `net today` prints."""
    assert net("add", "Ana Ruiz", "--circle", "close").code == 0
    assert net("log", "ana", "coffee", "--on", "2025-03-01").code == 0
    assert net("promise", "ana", "send the book").code == 0
    monkeypatch.setenv("NET_SMTP_PASSWORD", PASSWORD)
    monkeypatch.delenv("NET_SMTP_URL", raising=False)
    today = net("today")
    assert today.code == 0
    return today.out


def _message(raw: bytes) -> EmailMessage:
    parsed = email.message_from_bytes(raw, policy=email.policy.default)
    assert isinstance(parsed, EmailMessage)
    return parsed


def _text(part: Any) -> str:
    """A part's text as sent (lines end in CRLF on the wire), with plain line ends."""
    content = part.get_content()
    assert isinstance(content, str)
    return content.replace("\r\n", "\n")


def _no_password(*texts: str | bytes) -> None:
    for text in texts:
        shown = text.decode("utf-8", "replace") if isinstance(text, bytes) else text
        assert PASSWORD not in shown
        assert PASSWORD.encode().hex() not in shown
        assert "Pässw0rd" not in shown
        assert "P%C3%A4ssw0rd" not in shown


def test_a_relay_on_this_machine_receives_todays_list_with_every_header(
    net: Net, smtp: Start, news: str
) -> None:
    inbox, port = smtp(auth_require_tls=False)
    url = f"smtp+plain://{LOGIN}@127.0.0.1:{port}"
    result = net("remind", "email", "--to", USER, "--smtp", url)
    assert (result.code, result.err) == (0, "")
    assert result.out == f"Sent today's list to {USER} through {url}.\n"
    [raw] = inbox.received
    message = _message(raw)
    assert message["From"] == USER
    assert message["To"] == USER
    assert message["Subject"] == "Today in quietnet, Thursday 19 June"
    assert message["Date"]
    assert message["Message-ID"].endswith("@example.org>")
    assert not message.is_multipart()
    assert _text(message) == news  # exactly what net today prints
    _no_password(raw, result.out, result.err)


def test_the_review_day_adds_the_review_as_text_and_as_html(net: Net, smtp: Start, news: str) -> None:
    assert net("settings", "set", "review_day", "thursday").out == "review_day is now thursday.\n"
    inbox, port = smtp(auth_require_tls=False)
    url = f"smtp+plain://{LOGIN}@127.0.0.1:{port}"
    result = net("remind", "email", "--to", USER, "--from", "quietnet@example.org", "--smtp", url)
    assert result.code == 0, result
    assert result.out == f"Sent today's list and the weekly review to {USER} through {url}.\n"
    message = _message(inbox.received[0])
    assert message["From"] == "quietnet@example.org"
    assert message["Subject"] == "Today in quietnet, Thursday 19 June, with your weekly review"
    assert message.get_content_type() == "multipart/alternative"
    text, html = (_text(part) for part in message.iter_parts())
    assert text.startswith(news + "\nWeekly review: 16\u201322 June 2025\n")
    page = net("review", "--format", "html").out
    today = news.rstrip("\n").replace("'", "&#x27;")
    section = (
        f'<section id="today">\n<pre style="white-space: pre-wrap; font: inherit">{today}</pre>\n</section>\n'
    )
    assert section in html
    assert html.replace(section, "") == page  # net review --format html, with today's list first
    _no_password(inbox.received[0], result.out)


def test_review_forces_the_review_on_any_day(net: Net, smtp: Start, news: str) -> None:
    inbox, port = smtp(auth_require_tls=False)
    url = f"smtp+plain://{LOGIN}@127.0.0.1:{port}"
    assert net("remind", "email", "--to", USER, "--smtp", url, "--review").code == 0
    assert _message(inbox.received[0]).is_multipart()


def test_starttls_with_a_trusted_certificate(
    net: Net, smtp: Start, news: str, certificate: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    inbox, port = smtp(tls_context=_server_tls(certificate), require_starttls=True, auth_require_tls=True)
    monkeypatch.setenv("SSL_CERT_FILE", str(certificate[0]))
    monkeypatch.setenv("NET_SMTP_URL", f"smtp://{LOGIN}@127.0.0.1:{port}")
    result = net("remind", "email", "--to", USER)
    assert result.code == 0, result
    assert _text(_message(inbox.received[0])) == news
    _no_password(inbox.received[0], result.out, result.err)


def test_implicit_tls_with_a_trusted_certificate(
    net: Net, smtp: Start, news: str, certificate: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    # aiosmtpd counts only STARTTLS as TLS for AUTH; this whole connection is TLS from the first byte
    inbox, port = smtp(ssl_context=_server_tls(certificate), auth_require_tls=False)
    monkeypatch.setenv("SSL_CERT_FILE", str(certificate[0]))
    assert net("settings", "set", "smtp_url", f"smtps://{LOGIN}@127.0.0.1:{port}").code == 0
    result = net("remind", "email", "--to", USER)
    assert result.code == 0, result
    assert result.out == f"Sent today's list to {USER} through smtps://{LOGIN}@127.0.0.1:{port}.\n"
    assert _text(_message(inbox.received[0])) == news


def test_a_refused_login_is_one_sentence_and_exit_3(
    net: Net, smtp: Start, news: str, store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    inbox, port = smtp(auth_require_tls=False)
    monkeypatch.setenv("NET_SMTP_PASSWORD", "not-" + PASSWORD)
    before = files(store)
    result = net("remind", "email", "--to", USER, "--smtp", f"smtp+plain://{LOGIN}@127.0.0.1:{port}")
    assert (result.code, result.out) == (3, "")
    assert result.err == (
        f"The mail server at 127.0.0.1:{port} did not accept the login for {USER}; check the password "
        "(NET_SMTP_PASSWORD or the keyring). Nothing was sent.\n"
    )
    assert inbox.received == []
    assert files(store) == before
    _no_password(result.err)


def test_an_unreachable_server_is_one_sentence_and_exit_3(net: Net, news: str) -> None:
    port = _free_port()  # nothing listens there
    result = net("remind", "email", "--to", USER, "--smtp", f"smtp+plain://127.0.0.1:{port}")
    assert (result.code, result.out) == (3, "")
    assert result.err == (
        f"The mail server at 127.0.0.1:{port} could not be reached (the connection was refused); "
        "nothing was sent.\n"
    )


def test_a_server_that_never_answers_times_out(net: Net, news: str) -> None:
    with socket.socket() as silent:  # accepts connections (the backlog) and never says hello
        silent.bind(("127.0.0.1", 0))
        silent.listen()
        port = silent.getsockname()[1]
        url = f"smtp+plain://127.0.0.1:{port}"
        result = net("remind", "email", "--to", USER, "--smtp", url, "--timeout", "0.3")
    assert (result.code, result.out) == (3, "")
    assert (
        result.err
        == f"The mail server at 127.0.0.1:{port} did not answer within 0.3 seconds; nothing was sent.\n"
    )


def test_smtp_without_starttls_sends_nothing(net: Net, smtp: Start, news: str) -> None:
    inbox, port = smtp(auth_require_tls=False)  # no TLS offered at all
    result = net("remind", "email", "--to", USER, "--smtp", f"smtp://{LOGIN}@127.0.0.1:{port}")
    assert (result.code, result.out) == (3, "")
    assert result.err == (
        f"The mail server at 127.0.0.1:{port} does not offer STARTTLS, so nothing was sent "
        "(the login would travel unencrypted); use smtps:// if it offers TLS on another port.\n"
    )
    assert inbox.received == []


def test_an_untrusted_certificate_sends_nothing(
    net: Net, smtp: Start, news: str, certificate: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    inbox, port = smtp(ssl_context=_server_tls(certificate))
    monkeypatch.delenv("SSL_CERT_FILE", raising=False)
    monkeypatch.setenv("SSL_CERT_DIR", str(certificate[0].parent / "none"))  # not this machine's CAs either
    result = net("remind", "email", "--to", USER, "--smtp", f"smtps://{LOGIN}@127.0.0.1:{port}")
    assert (result.code, result.out) == (3, "")
    assert result.err == (
        f"The mail server at 127.0.0.1:{port} showed a certificate this machine does not trust, "
        "so nothing was sent.\n"
    )
    assert inbox.received == []


@pytest.fixture
def kept() -> Iterator[Callable[..., None]]:
    before = keyring.get_keyring()

    def use(passwords: dict[tuple[str, str], str], *, broken: bool = False) -> None:
        keyring.set_keyring(Memory(passwords, broken))

    yield use
    keyring.set_keyring(before)


def test_the_password_comes_from_the_keyring(
    net: Net, smtp: Start, news: str, kept: Callable[..., None], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("NET_SMTP_PASSWORD")
    kept({("quietnet-smtp", USER): ASCII_PASSWORD})
    inbox, port = smtp(auth_require_tls=False)
    result = net("remind", "email", "--to", USER, "--smtp", f"smtp+plain://{LOGIN}@127.0.0.1:{port}")
    assert result.code == 0, result
    assert len(inbox.received) == 1


@pytest.mark.parametrize("broken", [False, True])
def test_no_password_anywhere_says_where_to_keep_one(
    net: Net, store: Path, news: str, kept: Callable[..., None], monkeypatch: pytest.MonkeyPatch, broken: bool
) -> None:
    monkeypatch.delenv("NET_SMTP_PASSWORD")
    kept({}, broken=broken)
    why = " (no system keyring could be reached)" if broken else ""
    err = refused(net, store, "remind", "email", "--to", USER, "--smtp", f"smtp://{LOGIN}@127.0.0.1:1")
    assert err == (
        f"No password for {USER} at 127.0.0.1{why}: set NET_SMTP_PASSWORD, or keep it in "
        f"the system keyring (keyring set quietnet-smtp {USER}). Nothing was sent.\n"
    )


def test_a_password_in_the_url_is_masked_in_the_dry_run(net: Net, news: str) -> None:
    url = f"smtp://{LOGIN}:{PASSWORD}@mail.example.org"
    result = net("remind", "email", "--to", USER, "--smtp", url, "--dry-run")
    assert result.code == 0, result
    lines = result.out.split("\n")
    assert lines[0] == f"Would send through smtp://{LOGIN}:***@mail.example.org:587:"
    assert lines[2:5] == [f"From: {USER}", f"To: {USER}", "Subject: Today in quietnet, Thursday 19 June"]
    assert lines[5].startswith("Date: ")
    assert lines[6].startswith("Message-ID: <")
    assert "\n".join(lines[8:]) == news
    _no_password(result.out, result.err)


def test_a_password_in_a_refused_url_is_masked(net: Net, store: Path) -> None:
    err = refused(net, store, "remind", "email", "--to", USER, "--smtp", f"smtp://me:{PASSWORD}@host:99999")
    assert (
        err
        == "The mail server URL smtp://me:***@host:99999 has a port that is not a number from 1 to 65535.\n"
    )


def test_a_quiet_day_sends_nothing_unless_always(net: Net, smtp: Start) -> None:
    inbox, port = smtp(auth_require_tls=False)
    url = f"smtp+plain://127.0.0.1:{port}"
    quiet = net("remind", "email", "--to", USER, "--smtp", url)
    assert (quiet.code, quiet.out) == (0, "A quiet day: nothing to send (--always sends it anyway).\n")
    assert inbox.received == []
    assert net("remind", "email", "--to", USER, "--smtp", url, "--always").code == 0
    assert _text(_message(inbox.received[0])) == net("today").out


def test_the_recipient_defaults_to_my_first_address(net: Net, smtp: Start, news: str, store: Path) -> None:
    import sqlite3

    with sqlite3.connect(store) as db:  # mail capture's setting (issue 18)
        db.execute(
            "INSERT INTO setting (name, value) VALUES ('my_emails', '[\"ana@example.org\", \"b@x.org\"]')"
        )
    inbox, port = smtp(auth_require_tls=False)
    result = net("remind", "email", "--smtp", f"smtp+plain://127.0.0.1:{port}")
    assert result.out == f"Sent today's list to ana@example.org through smtp+plain://127.0.0.1:{port}.\n"
    assert _message(inbox.received[0])["To"] == "ana@example.org"


def test_a_user_given_to_a_server_without_login_says_so(
    net: Net, smtp: Start, news: str, store: Path
) -> None:
    inbox, port = smtp()  # aiosmtpd offers AUTH only over TLS: on plain text it offers none
    before = files(store)
    result = net("remind", "email", "--to", USER, "--smtp", f"smtp+plain://{LOGIN}@127.0.0.1:{port}")
    assert (result.code, result.out) == (3, "")
    assert result.err == (
        f"The mail server at 127.0.0.1:{port} offers no login here, so {USER} cannot log in; for a relay "
        "that takes mail without one, leave the user out of the URL. Nothing was sent.\n"
    )
    assert inbox.received == []
    assert files(store) == before


def test_an_address_beyond_ascii_without_smtputf8_says_so(
    net: Net, smtp: Start, news: str, store: Path
) -> None:
    inbox, port = smtp(auth_require_tls=False, enable_SMTPUTF8=False)
    before = files(store)
    result = net(
        "remind", "email", "--to", "søren@bücher.example", "--smtp", f"smtp+plain://127.0.0.1:{port}"
    )
    assert (result.code, result.out) == (3, "")
    assert result.err == (
        f"The mail server at 127.0.0.1:{port} does not take addresses with letters beyond ASCII "
        "(it offers no SMTPUTF8); use an ASCII address, or another server. Nothing was sent.\n"
    )
    assert inbox.received == []
    assert files(store) == before


def test_an_address_beyond_ascii_goes_through_smtputf8_with_an_ascii_message_id(
    net: Net, smtp: Start, news: str
) -> None:
    inbox, port = smtp(auth_require_tls=False, enable_SMTPUTF8=True)
    result = net(
        "remind", "email", "--to", "søren@bücher.example", "--smtp", f"smtp+plain://127.0.0.1:{port}"
    )
    assert (result.code, result.err) == (0, "")
    [raw] = inbox.received
    message = _message(raw)
    assert message["To"] == "søren@bücher.example"
    assert message["Message-ID"].endswith("@xn--bcher-kva.example>")
    assert message["Message-ID"].isascii()
