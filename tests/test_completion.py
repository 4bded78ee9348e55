"""Shell completion (issue 17, item 7): the scripts, and what a Tab offers, names from the store."""

from __future__ import annotations

import os
import subprocess
import sys
from importlib import resources
from pathlib import Path

import pytest

from quietnet.cli.main import main
from quietnet.engine.constants import SCHEMA_VERSION
from tests.helpers import HEAVY, Net, files, loaded, ok

PEOPLE = (
    ("add", "Ana Ruiz", "--nickname", "ani", "--circle", "close"),
    ("add", "José Núñez"),
    ("add", "Tom Baker", "--nickname", "tom"),
    ("add", "Hannah Weiss"),
    ("add", "Rui Costa"),
)


@pytest.fixture
def people(net: Net) -> None:
    for args in PEOPLE:
        ok(net, *args)


def tab(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, *words: str) -> str:
    """What `net __complete WORDS...` prints (the last word is under the cursor), via the entry point."""
    monkeypatch.setattr(sys, "argv", ["net", "__complete", *words])
    with pytest.raises(SystemExit) as ended:
        main()
    out, err = capsys.readouterr()
    assert (ended.value.code, err) == (0, "")
    return out


def script(shell: str) -> str:
    return resources.files("quietnet.cli.shells").joinpath(f"net.{shell}").read_text(encoding="utf-8")


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_net_completion_prints_the_script_for_each_shell(net: Net, shell: str) -> None:
    out = ok(net, "completion", shell)
    assert out == script(shell)
    assert "__complete" in out
    registered = {
        "bash": "complete -F _net_complete net quietnet\n",
        "zsh": "    compdef _net net quietnet\n",
        "fish": "complete -c net -f -a '(__net_complete)'\ncomplete -c quietnet -f -a '(__net_complete)'\n",
    }[shell]
    assert registered in out


@pytest.mark.new_store
def test_an_unknown_shell_is_refused_and_no_store_is_made(net: Net, store: Path) -> None:
    result = net("completion", "powershell")
    assert (result.code, result.out) == (1, "")
    assert result.err == 'SHELL must be "bash", "zsh" or "fish", not "powershell".\n'
    assert not store.exists()


CASES = [
    (("",), None),  # every command, checked below
    (
        ("l",),
        "words\nlist\tThe people you keep, filtered and sorted.\n"
        "log\tLog a conversation in seconds; `net log edit|delete ID` changes or removes a past one.\n"
        "loops\tOpen promises (yours first) and needs, oldest first.\n",
    ),
    (
        ("import", "l"),
        "words\nlinkedin\tImport your LinkedIn connections "
        "(Settings > Data privacy > Get a copy of your data).\n",
    ),
    (("log", "an"), "words\nAna Ruiz\nani\n"),
    (("relate", "ana", "ani", "--as", "p"), "words\npartner\nparent\n"),
    (("kind", "remove", "ca"), "words\ncall\n"),
    (("show", "jose"), "words\nJosé Núñez\n"),  # accents and case aside
    (("show", "RUIZ"), "words\nAna Ruiz\n"),  # the start of any word of the name
    (("merge", "ana", "t"), "words\ntom\nTom Baker\n"),
    (
        ("log", "ana", "c"),
        "words\nRui Costa\ncall\ncoffee\nchat\ncomment\n",
    ),  # after a name: a kind, or another name
    (("log", "ana", "r"), "words\nAna Ruiz\nRui Costa\nreact\n"),
    (("log", "ana", "--kind", "v"), "words\nvideo\nvisit\n"),
    (("log", "--no"), "words\n--note\n"),
    (("helped", "tom", "-k", "re"), "words\nreferral\nresource\nrecommendation\n"),
    (("done", "1", "--kind", "f"), "words\nfavor\n"),
    (("add", "Zoe", "--circle", "c"), "words\ncore\nclose\n"),
    (("list", "--origin", "f"), "words\nfriend\nfamily\n"),
    (("list", "--sort", ""), "words\nname\nlast\n"),
    (("review", "-f", "m"), "words\nmarkdown\n"),
    (("intro", "d"), "words\ndeclined\ndrop\n"),
    (("intro", "ana", "h"), "words\nHannah Weiss\n"),
    (("intro", "--asked-by", "w"), "words\nHannah Weiss\n"),
    (("work", "add", "Talk", "--from", "tom"), "words\ntom\nTom Baker\n"),
    (("completion", ""), "words\nbash\nzsh\nfish\n"),
    (("import", "vcard", ""), "files\n"),
    (("--db", ""), "files\n"),
    (("--db", "other.db", "show", "jo"), "words\n"),  # another store, which does not exist
    (("add", ""), "words\n"),  # a new name: nothing to offer
    (("log", "ana", "--on", ""), "words\n"),
    (("frobnicate", ""), "words\n"),
]


@pytest.mark.parametrize(("words", "answer"), CASES, ids=[" ".join(w) or "(empty)" for w, _ in CASES])
def test_a_tab_offers_what_fits_there(
    people: None,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    words: tuple[str, ...],
    answer: str | None,
) -> None:
    monkeypatch.chdir(tmp_path)
    out = tab(capsys, monkeypatch, *words)
    if answer is None:
        from quietnet.cli.app import MODULES, module, names

        offered = [line.split("\t")[0] for line in out.splitlines()[1:]]
        assert offered == [n for m in MODULES for n in names(module(m).app)]
    else:
        assert out == answer
    assert not (tmp_path / "other.db").exists()


def test_every_name_is_offered_when_nothing_is_typed(
    people: None, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert tab(capsys, monkeypatch, "show", "") == (
        "words\nAna Ruiz\nani\nHannah Weiss\nJosé Núñez\nRui Costa\ntom\nTom Baker\n"
    )


def test_names_come_from_the_store_given_with_db(
    people: None,
    store: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    monkeypatch.setenv("NET_DB", str(tmp_path / "elsewhere.db"))
    assert tab(capsys, monkeypatch, "show", "ha") == "words\n"
    assert tab(capsys, monkeypatch, "--db", str(store), "show", "ha") == "words\nHannah Weiss\n"
    assert not (tmp_path / "elsewhere.db").exists()


def test_your_own_kinds_complete_after_the_built_in_ones(
    people: None, net: Net, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    ok(net, "kind", "add", "climbing", "--like", "meet")
    ok(net, "kind", "add", "choir", "--like", "call")
    assert tab(capsys, monkeypatch, "log", "ana", "c") == (
        "words\nRui Costa\ncall\ncoffee\nchat\ncomment\nchoir\nclimbing\n"
    )
    assert tab(capsys, monkeypatch, "log", "edit", "1", "--kind", "cl") == "words\nclimbing\n"
    assert tab(capsys, monkeypatch, "kind", "add", "bouldering", "--like", "cl") == "words\nclimbing\n"


@pytest.mark.new_store
def test_a_tab_creates_no_store(
    store: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert tab(capsys, monkeypatch, "log", "a") == "words\n"
    assert not store.exists()
    assert not store.parent.joinpath("net.db-wal").exists()


def test_a_store_that_is_not_ready_offers_no_names_and_is_left_untouched(
    net: Net, store: Path, people: None, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import sqlite3

    assert tab(capsys, monkeypatch, "log", "ana", "com") == "words\ncomment\n"
    conn = sqlite3.connect(store)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION - 1}")  # as if it needed an upgrade
    conn.close()
    before = files(store)
    assert tab(capsys, monkeypatch, "log", "an") == "words\n"  # not migrated by a Tab
    assert tab(capsys, monkeypatch, "log", "ana", "com") == "words\ncomment\n"
    assert files(store) == before
    store.write_bytes(b"not a database, just some notes\n" * 10)
    assert tab(capsys, monkeypatch, "show", "an") == "words\n"
    assert store.read_bytes() == b"not a database, just some notes\n" * 10


@pytest.mark.slow
def test_a_tab_loads_neither_typer_nor_anything_heavy(net: Net, store: Path, people: None) -> None:
    heavy = (*HEAVY, "typer", "click", "secrets")
    assert loaded(store, "__complete", "log", "an", heavy=heavy) == {"code": 0, "heavy": []}


@pytest.mark.slow
def test_bash_completes_a_name_with_a_space_quoted(net: Net, store: Path, people: None) -> None:
    """The real bash script, sourced, asked as bash asks it at a Tab after `net log an`."""
    bin_folder = Path(sys.executable).parent
    program = """
source <(net completion bash)
COMP_WORDS=(net log an); COMP_CWORD=2
_net_complete
printf '%s\\n' "${COMPREPLY[@]}"
COMP_WORDS=(quietnet import vcard ""); COMP_CWORD=3
_net_complete
printf 'files: %s %s\\n' "${#COMPREPLY[@]}" "$(complete -p quietnet)"
"""
    env = {**os.environ, "PATH": f"{bin_folder}{os.pathsep}{os.environ['PATH']}"}
    done = subprocess.run(["bash", "-c", program], env=env, capture_output=True, text=True, timeout=60)
    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout == "Ana\\ Ruiz\nani\nfiles: 0 complete -F _net_complete quietnet\n"
