"""A little colour: bold names and headings, dim hints, in today, show and list.

Only on a terminal (FORCE_COLOR stands for one here, as Rich reads it), never with
NO_COLOR, never in a pipe; a stored control character still prints escaped.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from tests.helpers import Net, ok

B, D, N = "\x1b[1m", "\x1b[2m", "\x1b[22m"  # bold, dim, back to normal


@pytest.fixture(autouse=True)
def two(net: Net) -> None:
    ok(net, "add", "Ana Ruiz", "--circle", "close")
    ok(net, "add", "Tom Baker")
    ok(net, "log", "tom", "call", "--on", "2025-04-01", "--note", "new job")
    ok(net, "promise", "ana", "send the slides")


@pytest.fixture
def terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NO_COLOR")
    monkeypatch.setenv("FORCE_COLOR", "1")


@pytest.mark.usefixtures("terminal")
def test_names_and_headings_are_bold_and_hints_dim_on_a_terminal(net: Net) -> None:
    assert ok(net, "today") == (
        f"{B}Thursday 19 June 2025{N}\n\n"
        f"{B}A few people who might enjoy hearing from you:{N}\n"
        f"  {B}Ana Ruiz{N}: You offered to help (send the slides). A small help?\n\n"
        f"{B}Promises you made:{N}\n"
        f"  #1 {B}Ana Ruiz{N}: send the slides (since 2025-06-19)\n"
    )
    assert ok(net, "list") == (
        f"{B}id  name       circle   last contact  city  tags{N}\n"
        f"#1  {B}Ana Ruiz{N}   close    -\n"
        f"#2  {B}Tom Baker{N}  network  2 months ago\n"
        f"{D}2 people{N}\n"
    )
    assert ok(net, "show", "tom") == (
        f"{B}Tom Baker{N}  #2\n"
        "circle    network, every year\n"
        "last      2025-04-01 (2 months ago)\n\n"
        f"{B}Timeline{N}\n"
        "  2025-04-01  #1  call · new job\n"
    )


@pytest.mark.parametrize("args", [("today",), ("list",), ("show", "tom"), ("show", "ana", "--json")])
def test_no_colour_with_no_color_or_in_a_pipe(
    net: Net, monkeypatch: pytest.MonkeyPatch, args: tuple[str, ...]
) -> None:
    plain = ok(net, *args)  # NO_COLOR=1 (conftest), and stdout is not a terminal
    assert "\x1b" not in plain
    monkeypatch.setenv("FORCE_COLOR", "1")
    assert ok(net, *args) == plain  # NO_COLOR wins over a terminal
    monkeypatch.delenv("FORCE_COLOR")
    monkeypatch.delenv("NO_COLOR")
    assert ok(net, *args) == plain  # a pipe
    monkeypatch.setenv("NO_COLOR", "")
    monkeypatch.setenv("FORCE_COLOR", "1")
    if "--json" in args:
        assert ok(net, *args) == plain  # data is never styled
    else:
        assert ok(net, *args) != plain  # an empty NO_COLOR is not set (no-color.org)


@pytest.mark.usefixtures("terminal")
def test_a_stored_control_character_still_prints_escaped(net: Net, store: Path) -> None:
    with sqlite3.connect(store) as db:  # refused on input; an older store may hold one
        db.execute("UPDATE interaction SET note = ?", ("new\x0ejob\x1b[2J",))
        db.execute("UPDATE person SET city = ? WHERE id = 2", ("Leeds\x10",))
    out = ok(net, "show", "tom")
    assert "  2025-04-01  #1  call · new\\x0ejob\\x1b[2J\n" in out
    assert "city      Leeds\\x10\n" in out
    assert out.count("\x1b") == 4  # the bold name and heading only


@pytest.mark.usefixtures("terminal")
@pytest.mark.parametrize("args", [("today",), ("list",), ("show", "tom")])
def test_bold_takes_no_room_when_lines_are_fitted(
    net: Net, monkeypatch: pytest.MonkeyPatch, args: tuple[str, ...]
) -> None:
    ok(net, "edit", "tom", "--interests", "climbing, bouldering, long walks by the river, photography")
    whole = ok(net, *args)
    monkeypatch.setenv("COLUMNS", "40")
    fitted = ok(net, *args)
    unstyled = fitted.replace(B, "").replace(D, "").replace(N, "")
    assert max(len(line) for line in unstyled.splitlines()) <= 40
    if args != ("list",):  # a narrow list leaves columns out (test_narrow.py); the rest keep every word
        assert unstyled.split() == whole.replace(B, "").replace(D, "").replace(N, "").split()
    assert fitted.count(B) == whole.count(B)
