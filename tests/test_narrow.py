"""Narrow terminals: what people read breaks between words at any width, never inside one."""

from __future__ import annotations

import pytest

from tests.helpers import Net, ok

READ = (("today",), ("due",), ("loops",), ("show", "kenji"), ("find", "climbing"))
LONG = "talked about climbing in the Dolomites, his new studio in Kyoto, and the long train ride home"


@pytest.fixture(autouse=True)
def talkative(net: Net) -> None:
    ok(net, "add", "Kenji Watanabe", "--circle", "close", "--city", "Kyoto", "--interests", "climbing")
    ok(net, "add", "Ana Ruiz", "--circle", "friends")
    ok(net, "tag", "kenji", "+climbing", "+bouldering", "+photography", "+kyoto")
    ok(net, "log", "kenji", "coffee", "--on", "2025-05-02", "--note", LONG)
    ok(net, "promise", "ana", "send the long article about climbing and bouldering in the mountains")
    ok(net, "need", "kenji", "a climbing partner for the Dolomites next summer, ideally patient")


@pytest.mark.parametrize(
    ("width", "table"),
    [
        (100, "id  name            circle   last contact  city   tags\n"
              "#2  Ana Ruiz        friends  -\n"
              "#1  Kenji Watanabe  close    6 weeks ago   Kyoto  bouldering, climbing, kyoto, photography\n"),
        (60, "id  name            circle   last contact  city\n"
             "#2  Ana Ruiz        friends  -\n"
             "#1  Kenji Watanabe  close    6 weeks ago   Kyoto\n"),
        (40, "id  name            circle   last\n"
             "#2  Ana Ruiz        friends  -\n"
             "#1  Kenji Watanabe  close    6 weeks ago\n"),
    ],
)  # fmt: skip
def test_a_narrow_list_leaves_out_tags_then_city_and_stays_a_table(
    net: Net, monkeypatch: pytest.MonkeyPatch, width: int, table: str
) -> None:
    monkeypatch.setenv("COLUMNS", str(width))
    assert ok(net, "list") == table + "2 people\n"


def test_piped_output_is_not_fitted(net: Net, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("COLUMNS")
    assert LONG in ok(net, "show", "kenji")  # stdout is not a terminal: one line per entry, for scripts


@pytest.mark.parametrize("width", [40, 60, 100])
@pytest.mark.parametrize("args", READ, ids=" ".join)
def test_every_line_fits_and_no_word_is_split(
    net: Net, monkeypatch: pytest.MonkeyPatch, width: int, args: tuple[str, ...]
) -> None:
    monkeypatch.delenv("COLUMNS")
    whole = ok(net, *args)
    monkeypatch.setenv("COLUMNS", str(width))
    fitted = ok(net, *args)
    assert max(len(line) for line in fitted.splitlines()) <= width
    assert fitted.split() == whole.split()  # the same words in the same order: none cut in two
    if max(len(line) for line in whole.splitlines()) <= width:
        assert fitted == whole


def test_a_continued_line_starts_under_the_text_it_continues(
    net: Net, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "40")
    assert ok(net, "loops") == (
        "  #1    You offered Ana Ruiz: send the\n"
        "        long article about climbing and\n"
        "        bouldering in the mountains\n"
        "        (today)\n"
        "  #2    Kenji Watanabe needs: a climbing\n"
        "        partner for the Dolomites next\n"
        "        summer, ideally patient (today)\n"
    )
    assert ok(net, "show", "kenji").split("Timeline\n")[1] == (
        "  2025-05-02  #1  meet (coffee) · talked\n"
        "              about climbing in the\n"
        "              Dolomites, his new studio\n"
        "              in Kyoto, and the long\n"
        "              train ride home\n"
    )


def test_json_is_never_fitted(net: Net, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "40")
    assert f'"note": "{LONG}"' in ok(net, "show", "kenji", "--json")


def test_wide_characters_count_as_two_columns(net: Net, monkeypatch: pytest.MonkeyPatch) -> None:
    from quietnet.render.wrap import size

    ok(net, "add", "王小明", "--circle", "friends")
    ok(net, "log", "王小明", "call", "--note", "我们 聊了 他的 新工作 和 京都的 工作室 还有 回家的 火车")
    monkeypatch.setenv("COLUMNS", "40")
    out = ok(net, "show", "王小明")
    assert max(size(line) for line in out.splitlines()) <= 40
    assert out.split("Timeline\n")[1] == (
        "  2025-06-19  #2  call · 我们 聊了 他的\n"
        "              新工作 和 京都的 工作室\n"
        "              还有 回家的 火车\n"
    )
    assert size("e\u0301") == 1  # a combining accent takes no column
