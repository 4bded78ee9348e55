"""The entry point of the `net` and `quietnet` scripts.

Two command lines skip building the Typer application, which alone takes
longer than the rest of them (docs/performance.md): a bare `net today` or
`net due` runs straight away (``cli/morning.py``), and `net --help` in a
terminal of 80 columns or more prints ``cli/overview.txt``, the help Typer
prints there. Tests check both print exactly what the Typer path prints.
Every other command line goes to the Typer application (``cli/app.py``).
"""

from __future__ import annotations

import sys

# Every import below is inside the function that needs it: this module is the start-up
# path of every command, and the two shortcuts load only what they use (tests/test_startup.py).
BARE = ("today", "due")
HELP = ("--help", "-h")


def main() -> None:
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
    if len(args) == 1 and args[0] in BARE:
        from quietnet.cli.morning import bare

        sys.exit(bare(args[0]))
    if len(args) == 1 and args[0] in HELP:
        import shutil
        from pathlib import Path

        from quietnet.cli.context import program

        if shutil.get_terminal_size().columns >= 80:
            text = Path(__file__).with_name("overview.txt").read_text(encoding="utf-8")
            sys.stdout.write(text.replace("Usage: net ", f"Usage: {program()} ", 1))
            sys.exit(0)
    from quietnet.cli.app import run

    run()


if __name__ == "__main__":  # pragma: no cover  (the fallback a timer runs when no net is found)
    main()
