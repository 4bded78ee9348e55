"""The bad-input catalogue, part 5: where --output may write (cli/output.py).

Every command that saves a file refuses the store, its -wal, -shm and -journal
files and anything in its backups folder, however they are named (relative,
through a symbolic link or a hard link); it asks before replacing a file; it
writes straight into devices and pipes instead of replacing them, and `-` or
/dev/stdout print. Each refusal leaves the store's export and bytes, its
backups and the folder's listing exactly as they were.
"""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from tests.catalogue import Refusal, build_seeded, check_refused, ids
from tests.helpers import TODAY, Net, ok, seed

BACKUP = "backups/net-20250601-080000-backup.db"  # put in place by the fixture
ANOTHER = "nothing was written. Choose another file to write to."
STORE = f"is the store itself; {ANOTHER}"
IN_BACKUPS = (
    "is in the store's backups folder, which holds only its backups; "
    "nothing was written. Choose another folder."
)
ASKS = "existing.json already exists. Replace it? Nothing was changed; run again with --yes to go ahead."
FULL = "Could not write /dev/full: the disk is full; nothing was written."
WAL = f"is the store's write-ahead log; {ANOTHER}"
COMMANDS = [
    ("review", "--format", "html"),
    ("export", "json"),
    ("export", "csv"),
    ("export", "vcard"),
    ("export", "ics"),
]
TARGETS = [
    ("net.db", f"net.db {STORE}"),
    ("sub/../net.db", f"sub/../net.db {STORE}"),
    ("link.db", f"link.db {STORE}"),
    ("hard.db", f"hard.db {STORE}"),
    ("net.db-wal", f"net.db-wal {WAL}"),
    ("net.db-shm", f"net.db-shm is the store's shared-memory index; {ANOTHER}"),
    ("net.db-journal", f"net.db-journal is the store's rollback journal; {ANOTHER}"),
    (BACKUP, f"{BACKUP} {IN_BACKUPS}"),
    ("backup-link.db", f"backup-link.db {IN_BACKUPS}"),
    ("backups/week.html", f"backups/week.html {IN_BACKUPS}"),
    (".net.db.restore.tmp", f".net.db.restore.tmp is the store's restore copy; {ANOTHER}"),
]
OUTPUTS = [
    Refusal((*command, flag, path), message)
    for n, command in enumerate(COMMANDS)
    for m, (path, message) in enumerate(TARGETS)
    for flag in (("--output", "-o")[(n + m) % 2],)
]
OTHERS = [
    Refusal(("export", "json", "-o", "existing.json"), ASKS),
    Refusal(("review", "-o", "existing.json"), ASKS),
    Refusal(("export", "json", "-o", "sub"), "sub is a folder; give a file name to write to."),
    Refusal(("review", "-o", "sub"), "sub is a folder; give a file name to write to."),
    Refusal(("export", "csv", "-o", "/dev/full"), FULL),
    Refusal(("export", "csv", "-o", "pipe"), "Nothing is reading from the pipe pipe; nothing was written."),
    Refusal(("export", "vcard", "--folder", "backups"), f"backups {IN_BACKUPS}"),
    Refusal(("export", "vcard", "--folder", "missing/cards"),
            "The folder missing does not exist; nothing was written."),
    Refusal(("export", "vcard", "--folder", "existing.json"),
            "existing.json is not a folder; nothing was written. Give a folder to write into."),
    Refusal(("backup", "--to", "net.db-wal"), f"net.db-wal {WAL}"),
    Refusal(("copy", "--to", "hard.db", "--replace", "--yes"), f"hard.db {STORE}"),
    Refusal(("copy", "--to", BACKUP, "--replace", "--yes"), f"{BACKUP} {IN_BACKUPS}"),
]  # fmt: skip


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    return build_seeded(tmp_path_factory.mktemp("catalogue"))


@pytest.fixture
def here(store: Path, seeded: bytes, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The store's folder as the working directory: a backup, links to both, a file, a folder, a pipe."""
    seed(store, seeded)
    (tmp_path / "backups").mkdir(mode=0o700)
    (tmp_path / BACKUP).write_bytes(seeded)
    (tmp_path / "link.db").symlink_to("net.db")
    os.link(store, tmp_path / "hard.db")
    (tmp_path / "backup-link.db").symlink_to(BACKUP)
    (tmp_path / "existing.json").write_text("mine\n")
    (tmp_path / "sub").mkdir()
    os.mkfifo(tmp_path / "pipe")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def listing(folder: Path) -> dict[str, bytes | str]:
    """Every file under ``folder`` with its bytes (a link: where it points; a pipe: its kind)."""
    found: dict[str, bytes | str] = {}
    for p in sorted(folder.rglob("*")):
        key = str(p.relative_to(folder))
        if p.is_symlink():
            found[key] = f"-> {os.readlink(p)}"
        elif stat.S_ISFIFO(p.lstat().st_mode):
            found[key] = "fifo"
        elif p.is_file():
            found[key] = p.read_bytes()
        else:
            found[key] = "folder"
    return found


@pytest.mark.parametrize("case", OUTPUTS + OTHERS, ids=ids(OUTPUTS + OTHERS))
def test_an_output_that_would_harm_the_store_is_refused(
    net: Net, store: Path, here: Path, case: Refusal
) -> None:
    before = listing(here)
    check_refused(net, store, case)
    assert listing(here) == before
    assert Path("/dev/full").is_char_device()


@pytest.mark.parametrize("where", ["-", "/dev/stdout"])
@pytest.mark.parametrize(
    "command", [("export", "json"), ("export", "csv"), ("review", "--format", "markdown"), ("review",)]
)
def test_dash_and_dev_stdout_print_what_the_command_prints(
    net: Net, here: Path, where: str, command: tuple[str, ...]
) -> None:
    before = listing(here)
    printed = ok(net, *command, "--output", where)
    assert listing(here) == before
    ok(net, *command, "--output", "sub/saved")
    assert printed == (here / "sub" / "saved").read_text()  # what a file gets, the same bytes
    if command[0] == "export":
        assert printed == ok(net, *command)  # and what it prints without --output


def test_a_device_is_written_to_not_replaced(net: Net, here: Path) -> None:
    result = net("export", "json", "-o", "/dev/null")
    assert (result.code, result.out, result.err) == (
        0,
        "Wrote 9 people and their history to /dev/null.\n",
        "",
    )
    assert Path("/dev/null").is_char_device()
    assert not Path("/dev/null-journal").exists()


def test_a_pipe_is_written_to_not_replaced(net: Net, here: Path) -> None:
    reader = os.open(here / "pipe", os.O_RDONLY | os.O_NONBLOCK)  # a reader is waiting
    try:
        result = net("export", "csv", "-o", "pipe")
        assert (result.code, result.err) == (0, "")
        received = os.read(reader, 1 << 16)
    finally:
        os.close(reader)
    ok(net, "export", "csv", "-o", "sub/people.csv")
    assert received == (here / "sub" / "people.csv").read_bytes()
    assert stat.S_ISFIFO((here / "pipe").lstat().st_mode)


def test_an_existing_file_is_replaced_with_yes_and_a_link_stays_a_link(net: Net, here: Path) -> None:
    (here / "sub" / "real.json").write_text("old\n")
    (here / "to-real.json").symlink_to("sub/real.json")
    for name in ("existing.json", "to-real.json"):
        result = net("export", "json", "-o", name, "--yes")
        assert (result.code, result.err) == (0, ""), result
    assert (here / "existing.json").read_text() == ok(net, "export", "json")
    assert (here / "to-real.json").is_symlink()
    assert (here / "sub" / "real.json").read_text() == ok(net, "export", "json")
    assert stat.S_IMODE((here / "sub" / "real.json").stat().st_mode) == 0o600
    assert sorted(p.name for p in (here / "sub").iterdir()) == ["real.json"]  # no temp file left


@pytest.mark.slow
@pytest.mark.parametrize(("answer", "replaced"), [("n", False), ("y", True)])
def test_on_a_terminal_replacing_a_file_asks_first(here: Path, answer: str, replaced: bool) -> None:
    import pty

    main, child = pty.openpty()
    try:
        os.write(main, f"{answer}\n".encode())
        run = subprocess.run(
            [sys.executable, "-m", "quietnet", "export", "csv", "-o", "existing.json"],
            stdin=child, capture_output=True, text=True, timeout=60,
            env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path), "NET_TODAY": TODAY},
        )  # fmt: skip
    finally:
        os.close(main)
        os.close(child)
    assert "existing.json already exists. Replace it? [y/N]:" in run.stdout
    assert "Traceback" not in run.stderr
    content = (here / "existing.json").read_text()
    if replaced:
        assert run.returncode == 0, run
        assert content.startswith("uuid,name,")
    else:
        assert (run.returncode, run.stderr) == (1, "Nothing was changed.\n")
        assert content == "mine\n"
