"""`net review --format html` read as a browser would, without one: a dark scheme, long links
that wrap on a 390-px phone, circles that stay apart in grey print, one date format.

The screenshots that show the same things (docs/review.md, "Checking the page") need Chromium;
these tests read the page and its CSS only.
"""

from __future__ import annotations

import re
from itertools import pairwise
from pathlib import Path

import pytest

from quietnet.core.records import CIRCLES
from tests.helpers import Net, build_store, seed
from tests.pages import Page, block, contrast, lightness, parse, variables

LINK = "https://example.com/careers/2025/senior-product-designer-position?ref=quietnet&utm_source=newsletter"
WEEK: tuple[tuple[str, ...], ...] = (
    ("add", "Ana Ruiz", "--circle", "core", "--met", "2024-01-01"),
    ("add", "Tom Baker", "--circle", "close", "--birthday", "06-28", "--met", "2024-03-01"),
    ("add", "Mei Chen", "--circle", "friends", "--met", "2023-05-01"),
    ("add", "Sam Okafor", "--circle", "network", "--met", "2022-01-01"),
    ("add", "Lia Wong", "--circle", "acquaintance", "--birthday", "1990-06-23", "--met", "2025-01-10"),
    ("log", "ana", "tom", "mei", "sam", "lia", "dinner", "--on", "2025-06-16"),
    ("log", "ana", "call", "--them", "--on", "2025-06-18", "--note", f"the job: {LINK}"),
    ("helped", "tom", f"sent {LINK}", "--kind", "resource", "--on", "2025-06-17"),
    ("note", "mei", f"moved, see {LINK}", "--on", "2025-06-17"),
    ("promise", "sam", f"read {LINK}", "--on", "2025-06-01"),
    ("need", "lia", LINK, "--on", "2025-06-10"),
)
DAY = re.compile(
    r"(Mon|Tue|Wed|Thu|Fri|Sat|Sun) ([1-9]|[12]\d|3[01]) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"
)


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    return build_store(tmp_path_factory.mktemp("html") / "net.db", WEEK)


@pytest.fixture
def html(net: Net, store: Path, sample: bytes) -> str:
    seed(store, sample)
    result = net("review", "--format", "html")
    assert result.code == 0, result
    return result.out


@pytest.fixture
def page(html: str) -> Page:
    return parse(html)


def test_a_dark_screen_gets_a_dark_page_and_print_stays_light(page: Page) -> None:
    style = page.style
    assert ":root { color-scheme: light dark;" in style
    light = variables(block(style, ":root"))
    dark_block = block(style, "@media screen and (prefers-color-scheme: dark)")
    dark = variables(dark_block)
    assert sorted(light) == sorted(dark) == ["--bg", "--ink", "--muted", "--rule", "--rule-soft"]
    for scheme in (light, dark):
        assert contrast(scheme["--ink"], scheme["--bg"]) >= 7
        assert contrast(scheme["--muted"], scheme["--bg"]) >= 4.5
    assert lightness(dark["--bg"]) < 20 < 80 < lightness(light["--bg"])
    assert variables(block(style, "@media print")) == {}  # print keeps the light scheme
    # Every colour goes through the schemes: none is written into a rule outside them.
    rest = re.sub(r"--[\w-]+: #\w+;?|\.c-[\w-]+ \{ fill: #\w+; \}", "", style)
    assert re.findall(r"#[0-9a-fA-F]{3,6}\b", rest) == []


def narrowest(table: list[list[tuple[str, str]]], *, wrap: bool = True) -> float:
    """The least width a table can take, in px at the phone's 14 px, as a browser lays it out.

    The first column (a day) never wraps; a free-text cell (class "w") may break a long word
    anywhere; other cells break only between words. 9 px a character is generous for 14 px.
    """
    columns = max(len(row) for row in table)
    widths = [0] * columns
    for row in table:
        for i, (cls, text) in enumerate(row):
            if i == 0:
                need = len(text)
            elif cls == "w" and wrap:
                need = 1
            else:
                need = max((len(word) for word in text.split()), default=0)
            widths[i] = max(widths[i], need)
    return sum(widths) * 9 + columns * 2 * 0.3 * 14


def test_long_links_wrap_so_every_table_fits_a_phone(html: str, page: Page) -> None:
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in html
    style = page.style
    assert "overflow-wrap: anywhere;" in block(style, "td.w")
    assert "white-space: nowrap;" in block(style, "td:first-child")
    assert "overflow-wrap: anywhere;" in block(style, "main")  # paragraphs and lists too
    phone = 390 - 2 * 0.75 * 14  # the page's side padding on a phone
    with_link = [t for t in page.tables if any(LINK in text for row in t for _, text in row)]
    assert len(with_link) == 5  # gave, came back, noted, your promises, needs
    for table in page.tables:
        assert narrowest(table) <= phone, table
    # Without the wrapping class the link alone would push them off the screen.
    assert all(narrowest(t, wrap=False) > phone for t in with_link)
    for table in with_link:
        for row in table:
            for cls, text in row:
                if LINK in text:
                    assert cls == "w", text


def test_the_five_circles_stay_apart_in_grey_print_and_on_a_dark_screen(html: str, page: Page) -> None:
    style = page.style
    dark_block = block(style, "@media screen and (prefers-color-scheme: dark)")
    fills = re.compile(r"\.c-([\w-]+) \{ fill: (#[0-9a-f]{6}); \}")
    light = dict(fills.findall(style.replace(dark_block, "")))
    dark = dict(fills.findall(dark_block))
    assert list(light) == list(dark) == list(CIRCLES)
    # From the page's background to the most ink (core): lightness steps of 12 or more (CIE L*).
    for shades, background in ((light, "#fff"), (dark, variables(dark_block)["--bg"])):
        steps = [lightness(background), *(lightness(shades[c]) for c in reversed(CIRCLES))]
        gaps = [abs(b - a) for a, b in pairwise(steps)]
        assert min(gaps) >= 12, steps
        assert steps == sorted(steps, reverse=steps[0] > steps[1]), steps  # in one direction
    # And each circle has a pattern of its own (solid, lines, dots...), for when shades blur.
    patterns = dict(re.findall(r'<pattern id="q-([\w-]+)"[^>]*>(.*?)</pattern>', html, re.S))
    assert list(patterns) == list(CIRCLES)
    marks = {body.replace(f"c-{circle}", "") for circle, body in patterns.items()}
    assert len(marks) == len(CIRCLES)
    bars = [(fill, title) for fill, title in page.rects if title]
    assert {title.split(", ")[1].split(":")[0] for _, title in bars} == set(CIRCLES)
    for fill, title in bars:
        circle = title.split(", ")[1].split(":")[0]
        assert fill == f"url(#q-{circle})", title
    legend = [fill for fill, title in page.rects if not title and fill.startswith("url(")]
    assert legend == [f"url(#q-{c})" for c in CIRCLES]


def test_every_day_is_written_one_way(page: Page) -> None:
    text = " ".join(page.text)
    assert re.findall(r"\d{4}-\d\d-\d\d", text) == []
    dated = [t for t in page.tables if t[0][0][1] in ("day", "made", "noted")]
    assert len(dated) == 6  # gave, came back, noted, your promises, needs, dates ahead
    for table in dated:
        for row in table[1:]:
            assert DAY.fullmatch(row[0][1]), row
    assert [[text for _, text in row] for row in dated[3][1:]] == [
        ["Sun 1 Jun", "Sam Okafor", f"read {LINK}", "2 weeks ago"]
    ]


def test_the_chart_reads_on_a_phone(html: str, page: Page) -> None:
    phone = block(page.style, "@media screen and (max-width: 30rem)")
    assert "svg .axis { font-size: 20px; }" in phone  # about 11 px once the chart shrinks to the screen
    assert "svg .odd { display: none; }" in phone
    weeks = re.findall(
        r'<text x="[\d.]+" y="202" class="axis( odd)?" text-anchor="middle">([^<]+)</text>', html
    )
    assert [w for odd, w in weeks if not odd] == ["7 Apr", "21 Apr", "5 May", "19 May", "2 Jun", "16 Jun"]
    assert len(weeks) == 12
    assert (
        '<ul class="legend">\n<li><svg class="swatch" viewBox="0 0 12 12" aria-hidden="true">'
        '<rect width="12" height="12" class="bar" fill="url(#q-core)"/></svg>core</li>\n'
    ) in html
