"""`net` as a real process when its output streams are odd: closed, or unable to hold the text.

A shell can start `net today >&-` (no stdout at all) or with PYTHONIOENCODING=ascii; a stale
Click-style completion script can leave _NET_COMPLETE set. None of it may end in a traceback,
and the fast path must answer exactly as the Typer path does.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.helpers import Net, files
from tests.processes import child_env

MAIN = "from quietnet.cli.main import main; main()"


def run(*args: str, close_stdout: bool = False, **env: str) -> subprocess.CompletedProcess[str]:
    """Run `net ARGS` in a child; with close_stdout, its file descriptor 1 is closed, as by `>&-`."""
    script = f"import sys; sys.argv = ['net', *sys.argv[1:]]; {MAIN}"
    return subprocess.run(
        [sys.executable, "-c", script, *args],
        env=child_env(**env),
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
        preexec_fn=(lambda: os.close(1)) if close_stdout else None,  # the child starts without a stdout
    )


def test_a_closed_stdout_is_written_nowhere_and_the_log_is_kept(net: Net, store: Path) -> None:
    net("add", "Zoë Ærø")
    done = run("log", "zoe", "coffee", close_stdout=True)
    assert (done.returncode, done.stderr) == (0, "")
    assert "meet (coffee)" in net("show", "zoe").out
    for args in (["today"], ["show", "zoe"], ["review"]):
        shown = run(*args, close_stdout=True)
        assert (shown.returncode, shown.stderr) == (0, ""), args


def test_text_the_output_encoding_lacks_is_escaped_not_a_traceback(net: Net) -> None:
    net("add", "Zoë Ærø")
    shown = run("show", "zoe", PYTHONIOENCODING="ascii")
    assert shown.returncode == 0
    assert shown.stdout.splitlines()[0] == "Zo\\xeb \\xc6r\\xf8  #1"
    assert shown.stderr == ""


def test_clicks_completion_variable_goes_to_typer_on_both_paths(net: Net, store: Path) -> None:
    net("add", "Bo Chen")
    before = files(store)
    done = run("log", "bo", "coffee", _NET_COMPLETE="bash_source")
    assert (done.returncode, done.stdout, done.stderr) == (1, "", "Shell source not supported.\n")
    assert files(store) == before
