"""`net sync vdir` with real parts: a Radicale CardDAV server on 127.0.0.1, vdirsyncer between it and a vdir.

The round trip of issue 19: a contact PUT on the server arrives in the store after
``vdirsyncer sync`` and ``net sync vdir``; a phone changed with ``net edit`` arrives on
the server after ``net sync vdir`` and ``vdirsyncer sync`` (every other line as it was);
a detail changed on both sides is reported and kept on both. Not marked slow: it
takes a few seconds and CI runs it with the fast group.
"""

import base64
import http.client
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.helpers import Net, ok, people

BIN = Path(sys.executable).parent
AUTH = {"Authorization": "Basic " + base64.b64encode(b"ana:secret").decode()}
BOOK = "/ana/contacts/"
MKCOL = (
    '<?xml version="1.0" encoding="utf-8"?>\n'
    '<D:mkcol xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:carddav"><D:set><D:prop>'
    "<D:resourcetype><D:collection/><C:addressbook/></D:resourcetype>"
    "</D:prop></D:set></D:mkcol>"
)
CARD = (
    "BEGIN:VCARD\r\nVERSION:3.0\r\nUID:lena-7\r\nFN:Lena Berg\r\nN:Berg;Lena;;;\r\n"
    "TEL;TYPE=CELL:+46 70 111 22 33\r\nEMAIL;TYPE=INTERNET:lena@example.org\r\n"
    "item1.URL:https://lena.example.org\r\nitem1.X-ABLabel:blog\r\nCATEGORIES:sailing\r\n"
    "NOTE:Sails on Sundays\\, mostly.\r\nEND:VCARD\r\n"
)


@dataclass
class Server:
    port: int

    def request(self, method: str, path: str, body: str = "", **headers: str) -> tuple[int, str]:
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
        try:
            conn.request(method, path, body=body.encode(), headers={**AUTH, **headers})
            response = conn.getresponse()
            return response.status, response.read().decode()
        finally:
            conn.close()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _wait_for(port: int, process: subprocess.Popen[bytes], seconds: float = 15.0) -> None:
    """Poll until the port accepts a connection (never a fixed sleep)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(
                f"Radicale stopped: {process.stderr.read().decode() if process.stderr else ''}"
            )
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return
        except OSError:
            time.sleep(0.05)  # polling interval between connection attempts, not a wait for a result
    raise AssertionError("Radicale did not start listening")


@pytest.fixture
def radicale(tmp_path: Path) -> Iterator[Server]:
    port = _free_port()
    config = tmp_path / "radicale.conf"
    config.write_text(
        f"[server]\nhosts = 127.0.0.1:{port}\n"
        "[auth]\ntype = none\n"
        "[rights]\ntype = owner_only\n"
        f"[storage]\nfilesystem_folder = {tmp_path / 'collections'}\n"
        "[web]\ntype = none\n[logging]\nlevel = warning\n"
    )
    process = subprocess.Popen(
        [sys.executable, "-m", "radicale", "--config", str(config)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        _wait_for(port, process)
        server = Server(port)
        status, _ = server.request("MKCOL", BOOK, MKCOL, **{"Content-Type": "application/xml"})
        assert status == 201, status
        yield server
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        if process.stderr:
            process.stderr.close()


@pytest.fixture
def vdirsyncer(tmp_path: Path, radicale: Server) -> tuple[Path, list[str]]:
    vdir = tmp_path / "contacts"
    vdir.mkdir()
    config = tmp_path / "vdirsyncer.conf"
    config.write_text(
        f'[general]\nstatus_path = "{tmp_path / "status"}/"\n\n'
        '[pair book]\na = "book_local"\nb = "book_remote"\ncollections = null\n\n'
        f'[storage book_local]\ntype = "filesystem"\npath = "{vdir}/"\nfileext = ".vcf"\n\n'
        f'[storage book_remote]\ntype = "carddav"\nurl = "http://127.0.0.1:{radicale.port}{BOOK}"\n'
        'username = "ana"\npassword = "secret"\n'
    )
    command = [str(BIN / "vdirsyncer"), "--config", str(config)]
    _run([*command, "discover"])
    return vdir, command


def _run(command: list[str]) -> str:
    env = {**os.environ, "HOME": str(Path(command[2]).parent / "home")}
    done = subprocess.run(command, input="y\n", capture_output=True, text=True, timeout=60, env=env)
    assert done.returncode == 0, done.stderr
    return done.stdout + done.stderr


def _synced(net: Net, vdir: Path) -> str:
    result = net("sync", "vdir", str(vdir))  # (it names the snapshot it took on stderr)
    assert result.code == 0, result
    return result.out


def _lines(text: str) -> list[str]:
    """A card's unfolded lines, as a server gives them back."""
    return text.replace("\r\n ", "").replace("\n ", "").replace("\r\n", "\n").strip().split("\n")


def test_a_round_trip_through_radicale_and_vdirsyncer(
    net: Net, store: Path, radicale: Server, vdirsyncer: tuple[Path, list[str]]
) -> None:
    vdir, command = vdirsyncer
    status, _ = radicale.request("PUT", f"{BOOK}lena.vcf", CARD, **{"Content-Type": "text/vcard"})
    assert status == 201, status
    _run([*command, "sync"])
    assert net("sync", "vdir", str(vdir), "--yes").code == 0
    lena = people(store)["Lena Berg"]
    assert (lena["phone"], lena["email"], lena["tags"]) == (
        "+46 70 111 22 33",
        "lena@example.org",
        ["sailing"],
    )

    _, before = radicale.request("GET", f"{BOOK}lena.vcf")
    ok(net, "edit", "lena", "--phone", "+46 70 999 88 77")
    out = _synced(net, vdir)
    assert '  out      Lena Berg (lena-7.vcf): phone "+46 70 999 88 77"\n' in out
    _run([*command, "sync"])
    status, after = radicale.request("GET", f"{BOOK}lena.vcf")
    assert status == 200
    assert "TEL;TYPE=CELL:+46 70 999 88 77" in _lines(after)
    assert [x for x in _lines(after) if not x.startswith("TEL")] == [
        x for x in _lines(before) if not x.startswith("TEL")
    ]  # every other property as it was

    ok(net, "edit", "lena", "--email", "lena@here.org")  # changed on both sides
    status, _ = radicale.request(
        "PUT",
        f"{BOOK}lena.vcf",
        after.replace("lena@example.org", "lena@there.org"),
        **{"Content-Type": "text/vcard"},
    )
    assert status in (201, 204), status
    _run([*command, "sync"])
    out = _synced(net, vdir)
    assert '  Lena Berg (lena-7.vcf), email: here "lena@here.org", in the card "lena@there.org"\n' in out
    assert people(store)["Lena Berg"]["email"] == "lena@here.org"
    _run([*command, "sync"])
    _, server = radicale.request("GET", f"{BOOK}lena.vcf")
    assert "lena@there.org" in server  # reported, not lost on either side
