"""The entry point of the `net` and `quietnet` scripts.

The everyday command lines skip building the Typer application, which alone
takes longer than the rest of them (docs/performance.md): the simple forms of
`net today`, `due`, `why`, `log`, `helped`, `show`, `find` and `review` run straight away
(``cli/fastpath.py``), and `net --help` (or `net` alone) in a terminal of 80
columns or more prints ``cli/overview.txt`` (``cli/bare.txt``), the help Typer
prints there. Tests check they print exactly what the Typer path prints.
Every other command line goes to the Typer application (``cli/app.py``).
"""

from __future__ import annotations

import sys

# Every import below is inside the function that needs it: this module is the start-up
# path of every command, and the shortcuts load only what they use (tests/test_startup.py).
HELP = ("--help", "-h")


def main() -> None:
    _streams()
    try:
        _dispatch()
    except SystemExit as done:
        _finish(done.code)
        raise
    except OSError as exc:  # printing help or the version to a full disk: outside the command's boundary
        from quietnet.cli.boundary import calm

        code = calm(exc)
        _finish(code)
        sys.exit(code)
    _finish(0)


def _streams() -> None:
    """A closed stdout or stderr (`net today >&-`) prints nowhere; what its encoding can't hold is escaped."""
    import os

    for name in ("stdout", "stderr"):
        stream = getattr(sys, name)
        if stream is None:
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115 (open for the whole run)
        elif hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")


def _finish(code: object) -> None:
    """Flush what was printed; if it can't be written (stdout on a full disk), end with 3, no traceback."""
    import os

    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except OSError as exc:
        from quietnet.cli.boundary import calm

        calm(exc)
        os._exit(3)  # Python's own last flush would fail again and print a warning


def _dispatch() -> None:
    args = sys.argv[1:]
    if args[:1] == ["__complete"]:  # a Tab in a shell (cli/completing.py): no Typer, no store written
        from quietnet.cli.completing import run as complete

        sys.exit(complete(args[1:]))
    if not args or (len(args) == 1 and args[0] in HELP):
        _help(args)
    from quietnet.cli.fastpath import run as fast

    if (code := fast(args)) is not None:
        sys.exit(code)
    from quietnet.cli.app import run

    run()


def _help(args: list[str]) -> None:
    """`net --help` prints cli/overview.txt; `net` alone cli/bare.txt on stderr, with Click's exit code 2."""
    import shutil
    from pathlib import Path

    if shutil.get_terminal_size().columns < 80:  # Click lays help out narrower: Typer does it
        return
    from quietnet.cli.context import program

    stored = Path(__file__).with_name("overview.txt" if args else "bare.txt").read_text(encoding="utf-8")
    text = stored.replace("Usage: net ", f"Usage: {program()} ", 1)
    (sys.stdout if args else sys.stderr).write(text)
    sys.exit(0 if args else 2)


if __name__ == "__main__":  # pragma: no cover  (the fallback a timer runs when no net is found)
    main()
