"""The report in a real browser: the system's Chromium, headless, driven by Playwright.

Loaded from ``file://`` as a reader would open it from a USB stick: no console errors, no
request but the file itself, a map that is drawn, nodes that lead to their claims, a print
view without navigation. Screenshots go to ``test-artifacts/`` (git-ignored) to look at.
"""

from __future__ import annotations

import html
import random
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from argmap.bidi import direction, visual_order
from argmap.outcome import CheckOutcome
from argmap.render import OutputFormat, render_map
from argmap.report_html import report

from .conftest import HEBREW, HEBREW_MAP, INJECTION, checked_outcome, star_outcome
from .png import decode

pytestmark = pytest.mark.browser
VIEWPORT = {"width": 1280, "height": 900}


def expect(target: Any) -> Any:
    from playwright.sync_api import expect as playwright_expect

    return playwright_expect(target)


@pytest.fixture(scope="module")
def report_file(montebello: CheckOutcome, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("report") / "montebello.html"
    path.write_bytes(report(montebello))
    return path


class Watched:
    """A page and everything it did: requests, console messages, errors, dialogs."""

    def __init__(self, page: Any) -> None:
        self.page = page
        self.requests: list[str] = []
        self.console: list[str] = []
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        page.on("request", lambda request: self.requests.append(request.url))
        page.on("console", lambda message: self.console.append(f"{message.type}: {message.text}"))
        page.on("pageerror", lambda error: self.errors.append(str(error)))
        page.on("dialog", self._dialog)

    def _dialog(self, dialog: Any) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()


@pytest.fixture
def watched(browser: Any) -> Iterator[Watched]:
    context = browser.new_context(viewport=VIEWPORT, java_script_enabled=True)
    page = context.new_page()
    yield Watched(page)
    context.close()


def test_loads_offline_with_no_errors_and_no_requests(watched: Watched, report_file: Path) -> None:
    url = report_file.as_uri()
    watched.page.goto(url, wait_until="load")
    watched.page.wait_for_timeout(300)  # anything late would show up here
    assert watched.requests == [url]
    problems = [m for m in watched.console if m.startswith(("error", "warning"))]
    assert problems == [] and watched.errors == [] and watched.dialogs == []
    assert watched.page.title() == "Montebello Moment Came and Went — argument map report"


def test_the_map_is_drawn(watched: Watched, report_file: Path, artifacts: Path) -> None:
    page = watched.page
    page.goto(report_file.as_uri())
    svg = page.locator("svg.argmap-map")
    expect(svg).to_be_visible()
    box = svg.bounding_box()
    assert box is not None and box["width"] > 1000 and box["height"] > 200
    shot = page.locator(".map-viewport").screenshot(path=str(artifacts / "report-map.png"))
    width, height, pixels = decode(shot)
    assert width > 1000 and height > 200
    inked = sum(1 for p in pixels if sum(p) < 600)
    assert inked > len(pixels) * 0.01, "the map is blank"
    colours = {p for p in pixels if max(p) - min(p) > 60}  # saturated: edges, borders
    assert len(colours) > 20
    page.screenshot(path=str(artifacts / "report.png"))


def test_clicking_a_node_brings_its_claim_into_view(watched: Watched, report_file: Path) -> None:
    page = watched.page
    page.goto(report_file.as_uri())
    claim = page.locator("#claim-bush-executive-only")
    expect(claim).not_to_be_in_viewport()
    page.locator("#map-claim-bush-executive-only a").first.click()
    expect(claim).to_be_in_viewport()
    assert page.url.endswith("#claim-bush-executive-only")
    heading = claim.locator("h3")
    assert heading.inner_text().startswith("With little political capital to invest")
    page.screenshot(path=str(report_file.parent / "after-click.png"))


def test_the_full_size_toggle_needs_no_script(watched: Watched, report_file: Path) -> None:
    page = watched.page
    page.goto(report_file.as_uri())
    svg = page.locator("svg.argmap-map")
    fitted = svg.bounding_box()
    page.locator("label.map-zoom-label").click()
    full = svg.bounding_box()
    assert fitted is not None and full is not None
    assert full["width"] > 3 * fitted["width"]
    scrollable = page.locator(".map-viewport").evaluate("e => e.scrollWidth > e.clientWidth")
    assert scrollable


def test_print_hides_the_navigation(watched: Watched, report_file: Path, artifacts: Path) -> None:
    page = watched.page
    page.goto(report_file.as_uri())
    expect(page.locator("nav.toc")).to_be_visible()
    page.emulate_media(media="print")
    expect(page.locator("nav.toc")).to_be_hidden()
    expect(page.locator("label.map-zoom-label")).to_be_hidden()
    expect(page.locator("svg.argmap-map")).to_be_visible()
    page.screenshot(path=str(artifacts / "report-print.png"))


def test_print_asks_no_one_to_hover_or_click(watched: Watched, report_file: Path) -> None:
    """On paper a box can be neither hovered nor clicked: the printed report said "Hover a
    box for its full text; click it to read the claim." under its map."""
    page = watched.page
    page.goto(report_file.as_uri())
    hint = page.locator(".hover-hint")
    assert "click it to read the claim" in hint.inner_text()
    page.emulate_media(media="print")
    assert hint.inner_text() == "Arrows point at what they support or attack."


def test_an_actor_card_is_as_tall_as_what_it_holds(watched: Watched, report_file: Path) -> None:
    """The actors stand side by side in a grid, and each card stretched to the tallest of
    its row: Maude Barlow's one claim sat at the top of an empty box 1,900 px tall, beside
    the authors' 35. A card ends under its last line, less than its padding and the last
    line's margin below it."""
    page = watched.page
    page.goto(report_file.as_uri())
    space = page.eval_on_selector_all(
        "#actors .actor",
        """cards => cards.map(card => [card.id,
            card.getBoundingClientRect().bottom
            - card.lastElementChild.getBoundingClientRect().bottom])""",
    )
    assert len(space) >= 3
    assert {card: gap for card, gap in space if gap > 24} == {}


@pytest.mark.parametrize("media", ["screen", "print"])
def test_a_small_map_is_not_enlarged_past_its_size(
    browser: Any, tmp_path: Path, media: str, artifacts: Path
) -> None:
    """The map is fitted to the width of the page, and a small one was blown up to it: the
    two claims of a Hebrew map filled the window in 50 px letters, their quote cut off
    under the viewport's edge. A map is shrunk to fit, never enlarged."""
    path = tmp_path / "hebrew.html"
    path.write_bytes(report(checked_outcome(HEBREW)))
    context = browser.new_context(viewport=VIEWPORT)
    try:
        page = context.new_page()
        page.goto(path.as_uri())
        page.emulate_media(media=media)
        natural_pt = page.evaluate(
            "parseFloat(getComputedStyle(document.querySelector('.map-figure'))"
            ".getPropertyValue('--map-width'))"
        )
        drawn = page.locator("svg.argmap-map").bounding_box()
        page.locator("#map").screenshot(path=str(artifacts / f"report-small-map-{media}.png"))
        assert drawn is not None and 0 < natural_pt * 4 / 3 < VIEWPORT["width"] / 2
        assert drawn["width"] == pytest.approx(natural_pt * 4 / 3, abs=1)
    finally:
        context.close()


def test_injected_markup_stays_text_in_the_browser(
    watched: Watched, hostile: CheckOutcome, tmp_path: Path, artifacts: Path
) -> None:
    path = tmp_path / "hostile.html"
    path.write_bytes(report(hostile))
    page = watched.page
    page.goto(path.as_uri())
    page.wait_for_timeout(300)
    assert page.locator("script").count() == 0
    assert page.locator("img").count() == 0
    assert page.evaluate("document.querySelectorAll('[onerror],[onload]').length") == 0
    assert page.locator("#claim-inject h3").inner_text() == INJECTION
    node_text = " ".join((page.locator("#map-claim-inject").text_content() or "").split())
    assert INJECTION in node_text  # the SVG wraps it over lines: compare words
    assert watched.dialogs == [] and watched.errors == []
    assert watched.requests == [path.as_uri()]
    page.locator("#claim-inject").screenshot(path=str(artifacts / "report-injection.png"))


# What sticks out past its box: an element whose content is wider than it, where the
# overflow shows (the map's viewport scrolls by design, and the SVG is drawn to fit it).
OVERFLOWING = """() => [...document.querySelectorAll('body *')]
    .filter(e => !e.closest('svg') && getComputedStyle(e).overflowX === 'visible')
    .filter(e => e.scrollWidth > e.clientWidth + 1 && e.clientWidth > 0)
    .map(e => `${e.tagName.toLowerCase()}.${e.className}: ${e.scrollWidth} > ${e.clientWidth}`)"""


@pytest.mark.parametrize("width", [1280, 360])
@pytest.mark.parametrize("name", ["montebello", "long_words"])
def test_no_text_runs_past_the_page(
    browser: Any,
    request: pytest.FixtureRequest,
    name: str,
    width: int,
    tmp_path: Path,
    artifacts: Path,
) -> None:
    """A word longer than a line (a URL, a German compound) wraps inside its box, and the
    evidence cards and actors fit a phone's width: the page never scrolls sideways."""
    path = tmp_path / f"{name}.html"
    path.write_bytes(report(request.getfixturevalue(name)))
    context = browser.new_context(viewport={"width": width, "height": 800})
    try:
        page = context.new_page()
        page.goto(path.as_uri())
        page.screenshot(path=str(artifacts / f"report-{name}-{width}.png"), full_page=True)
        assert page.evaluate(OVERFLOWING) == []
        assert page.evaluate("document.documentElement.scrollWidth") == width
    finally:
        context.close()


# Each word of the page (outside the map) that the browser broke across two lines: a word
# is what lies between spaces, hyphens, slashes and dashes, where a line may end anyway.
BROKEN_WORDS = """() => {
  const broken = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.parentElement.closest('svg') || !node.parentElement.getClientRects().length) continue;
    for (const word of node.data.matchAll(/[^\\s\\-\\/\u2013\u2014]+/g)) {
      const range = document.createRange();
      range.setStart(node, word.index);
      range.setEnd(node, word.index + word[0].length);
      const lines = new Set([...range.getClientRects()].filter(r => r.width > 0)
                               .map(r => Math.round(r.top)));
      if (lines.size > 1) broken.push(word[0]);
    }
  }
  return broken;
}"""


@pytest.mark.parametrize("width", [1280, 768, 375])
def test_no_word_is_broken_across_lines(
    browser: Any, report_file: Path, width: int, artifacts: Path
) -> None:
    """A word breaks inside only when it is longer than its line. The evidence table once
    broke every word of its narrow columns, letter by letter on a phone ("C/a/r/d",
    "Montebell/o", "verifi/ed"), and its card numbers on a tablet ("E1/0"): the page's
    overflow-wrap: anywhere lets a table shrink a column below its longest word."""
    context = browser.new_context(viewport={"width": width, "height": 800})
    try:
        page = context.new_page()
        page.goto(report_file.as_uri())
        page.locator("#evidence").screenshot(path=str(artifacts / f"report-evidence-{width}.png"))
        assert page.evaluate(BROKEN_WORDS) == []
        assert page.evaluate("document.documentElement.scrollWidth") == width
    finally:
        context.close()


def chain_outcome(folder: Path, depth: int) -> CheckOutcome:
    """A thesis and a chain of ``depth`` claims below it, each a reason for the one above,
    with a word as long as a long English word in each."""
    (folder / "argmap.toml").write_text("")
    lines = [
        "argmap: 1",
        "title: A chain",
        "claims:",
        "  c0:",
        "    text: The thesis.",
        "    kind: thesis",
    ]
    for i in range(1, depth + 1):
        lines += [f"  c{i}:", f"    text: Interdepartmental claim {i}.", f"    supports: c{i - 1}"]
    (folder / "chain.yaml").write_text("\n".join(lines) + "\n")
    return checked_outcome(folder / "chain.yaml")


def test_a_count_of_three_digits_is_not_broken(browser: Any, tmp_path: Path) -> None:
    """The summary's counts on a phone: '136' once stood as '13' over '6'."""
    path = tmp_path / "star.html"
    path.write_bytes(report(star_outcome(tmp_path, 150)))
    context = browser.new_context(viewport={"width": 375, "height": 800})
    try:
        page = context.new_page()
        page.goto(path.as_uri())
        assert "151" in page.locator(".counts").inner_text()
        assert page.evaluate(BROKEN_WORDS) == []
    finally:
        context.close()


@pytest.mark.parametrize("width", [1280, 375])
def test_a_deep_outline_leaves_its_claims_room(
    browser: Any, tmp_path: Path, width: int, artifacts: Path
) -> None:
    """Each level of the outline is indented, but not without end: 14 levels down a chain,
    on a phone, a claim was 159 px wide (of 327) and its heading broke inside its words.
    The deepest claim keeps at least three quarters of the width of the page's column."""
    path = tmp_path / "chain.html"
    path.write_bytes(report(chain_outcome(tmp_path, 14)))
    context = browser.new_context(viewport={"width": width, "height": 800})
    try:
        page = context.new_page()
        page.goto(path.as_uri())
        column = page.locator("#claims").bounding_box()
        deepest = page.locator("#claim-c14").bounding_box()
        page.locator("#claim-c14").screenshot(path=str(artifacts / f"report-deep-{width}.png"))
        assert column is not None and deepest is not None
        assert deepest["width"] >= 0.75 * column["width"], (deepest, column)
        assert page.evaluate(BROKEN_WORDS) == []
    finally:
        context.close()


@pytest.mark.parametrize("width", [1280, 960, 700, 360])
def test_a_link_target_is_not_hidden_under_the_contents_bar(
    browser: Any, report_file: Path, width: int
) -> None:
    """The contents bar stays at the top of the window; what a link leads to (a claim, a
    card, a section, a box of the map) comes into view below it, on a phone too, where the
    bar once wrapped onto three lines and covered the top of every target."""
    context = browser.new_context(viewport={"width": width, "height": 800}, reduced_motion="reduce")
    try:
        page = context.new_page()
        for target in (
            "claim-bush-executive-only",
            "evidence-spp-fails.ev1",
            "actor-barlow",
            "sources",
            "map-claim-spp-fails",
        ):
            page.goto(f"{report_file.as_uri()}#{target}")
            bar, top = page.evaluate(
                """(id) => [document.querySelector('nav.toc').getBoundingClientRect().bottom,
                            document.getElementById(id).getBoundingClientRect().top]""",
                target,
            )
            assert bar <= top, f"#{target} starts at {top} px, under the bar (to {bar} px)"
    finally:
        context.close()


def test_every_label_is_on_an_element_that_can_carry_it(
    watched: Watched, report_file: Path
) -> None:
    """An aria-label on a plain <div> is ignored by screen readers: the legend's name ("How
    to read the map") never reached them. Each labelled element is a named landmark, region,
    group or article in the accessibility tree."""
    page = watched.page
    page.goto(report_file.as_uri())
    labels = page.eval_on_selector_all(
        "body [aria-label]:not(svg *)", "nodes => nodes.map(n => n.getAttribute('aria-label'))"
    )
    assert "How to read the map" in labels
    tree = page.locator("body").aria_snapshot()  # '- group "How to read the map":' ...
    for label in sorted(set(labels)):
        pattern = rf"^\s*- '?[a-z]+ \"{re.escape(label)}\""
        assert re.search(pattern, tree, re.MULTILINE), label


# Each text node of the page (outside the map) that is one of ``texts``, with whether it
# reads right to left: its closing mark (?, !, .) stands left of its first letter.
RIGHT_TO_LEFT = """(texts) => {
  const found = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.data.trim();
    if (!texts.includes(text) || node.parentElement.closest('svg')) continue;
    const start = node.data.indexOf(text), range = document.createRange();
    range.setStart(node, start); range.setEnd(node, start + 1);
    const first = range.getBoundingClientRect();
    range.setStart(node, start + text.length - 1); range.setEnd(node, start + text.length);
    const mark = range.getBoundingClientRect();
    found.push([text, node.parentElement.tagName.toLowerCase(), mark.right <= first.left + 0.5]);
  }
  return found;
}"""


def test_a_map_in_a_right_to_left_script_reads_right_to_left(
    watched: Watched, tmp_path: Path
) -> None:
    """Hebrew in a page whose own words are English: the title, the question, the claims (in
    headings and in the links of English sentences), quotes, names and questions each take
    the direction of their own first letter, so that 'הספר?' does not end in a '?' at its
    right, where a Hebrew reader starts."""
    outcome = checked_outcome(HEBREW)
    assert outcome.map is not None
    m = outcome.map
    texts = [m.title, m.question, m.description, *(c.text for c in m.claims.values())]
    texts += [e.quote for e in m.evidence.values()] + [s.title for s in m.sources.values()]
    texts += [a.name for a in m.actors.values()] + [a.role for a in m.actors.values()]
    texts += [q.text for q in m.questions]
    path = tmp_path / "hebrew.html"
    path.write_bytes(report(outcome))
    watched.page.goto(path.as_uri())
    found = watched.page.evaluate(RIGHT_TO_LEFT, texts)
    assert {text for text, _, _ in found} == set(texts)  # each is on the page, as text
    assert [(text, tag) for text, tag, rtl in found if not rtl] == []


# Each text of the map: its characters, the x of each as drawn, its box, and the box of the
# shape it is in (its node's, else the drawing's background: the title, the legend's words).
MAP_TEXTS = """() => [...document.querySelectorAll('text')].map(text => {
  const xs = [];
  for (let i = 0; i < text.getNumberOfChars(); i++) xs.push(text.getExtentOfChar(i).x);
  const node = text.closest('g.node');
  const shape = (node && node.querySelector('polygon, path, ellipse'))
    || document.querySelector('g.graph > polygon');
  const box = text.getBBox(), room = shape.getBBox();
  return [text.textContent, xs, [box.x, box.x + box.width], [room.x, room.x + room.width]];
})"""


def test_right_to_left_text_in_the_map_reads_right_to_left(
    watched: Watched, tmp_path: Path
) -> None:
    """Graphviz gave the map's text no direction, so Chromium read a Hebrew line as a
    left-to-right paragraph: 'נוכחות (2024)?' drew its '?' at the right, where a Hebrew
    reader starts, and a quote's closing '.”' at its right too. Each line now reads in the
    direction of its first strong letter: Chromium draws its characters in the order the
    Unicode bidirectional algorithm gives (argmap.bidi.visual_order, which the PDF
    handouts print), digits left to right, and inside the box Graphviz drew around it."""
    result = checked_outcome(HEBREW_MAP)
    assert result.map is not None
    path = tmp_path / "hebrew.svg"
    path.write_bytes(render_map(result.map, OutputFormat.SVG))
    watched.page.goto(path.as_uri())
    found = watched.page.evaluate(MAP_TEXTS)
    drawn = {
        text: "".join(text[i] for i in sorted(range(len(xs)), key=xs.__getitem__))
        for text, xs, _, _ in found
    }
    assert drawn["נוכחות (2024)?"] == "?)2024( תוחכונ"  # the '(' is drawn mirrored
    assert drawn["בשנת 2024 עלתה הנוכחות ב-4%"] == "4%-ב תוחכונה התלע 2024 תנשב"
    assert drawn["“הנוכחות עלתה ב-4% בשנה הראשונה.”"] == "”.הנושארה הנשב 4%-ב התלע תוחכונה“"
    assert drawn["— מחקר מחוזי 2024, para 2"] == "para 2 ,2024 יזוחמ רקחמ —"
    for text, xs, _, _ in found:
        order = sorted(range(len(xs)), key=xs.__getitem__)
        assert order == visual_order(text, direction(text)), text
    outside = [
        text for text, _, (left, right), (start, end) in found if left < start or right > end
    ]
    assert outside == []


# The x at which each character of each text is drawn.
CHARACTER_XS = """() => [...document.querySelectorAll('text')].map(text => {
  const xs = [];
  for (let i = 0; i < text.getNumberOfChars(); i++) xs.push(text.getExtentOfChar(i).x);
  return xs;
})"""


def test_visual_order_is_the_order_chromium_draws(watched: Watched, tmp_path: Path) -> None:
    """argmap.bidi.visual_order, which orders the map's right-to-left lines for WeasyPrint,
    against Chromium's own bidirectional algorithm: 600 lines of Hebrew, Arabic, Latin,
    European and Arabic digits, brackets and punctuation, in both directions (the same
    lines on every run), each drawn in the order Chromium draws it."""
    pieces = ["שלום", "אב", "سلام", "ب", "abc", "Xy", "2024", "4", "٣٤", "،", " ", ".", ","]
    pieces += [":", "!", "?", "-", "+", "%", "$", "/", "“", "”", "—", "#", "(", ")", "[", "]"]
    chosen = random.Random(20261129)
    lines = []
    for _ in range(600):
        words = [chosen.choice(pieces) for _ in range(chosen.randint(1, 9))]
        text = " ".join("".join(words).split()) or "x"  # SVG collapses runs of spaces
        lines.append((text, chosen.choice(["ltr", "rtl"])))
    texts = "".join(
        f'<text x="400" y="{20 * (i + 1)}" direction="{way}">{html.escape(text)}</text>'
        for i, (text, way) in enumerate(lines)
    )
    path = tmp_path / "lines.svg"
    path.write_text(
        f'<svg xmlns="http://www.w3.org/2000/svg" width="800" height="{20 * len(lines) + 20}" '
        f'font-family="DejaVu Sans" font-size="12">{texts}</svg>',
        encoding="utf-8",
    )
    watched.page.goto(path.as_uri())
    found = watched.page.evaluate(CHARACTER_XS)
    differ = [
        (text, way)
        for (text, way), xs in zip(lines, found, strict=True)
        if sorted(range(len(xs)), key=xs.__getitem__) != visual_order(text, way)
    ]
    assert differ == []


def swatch(page: Any, kind: str) -> tuple[int, int, list[tuple[int, int, int]]]:
    """The legend's swatch for boxes of ``kind`` (screenshot at the page's scale), trimmed
    to what is drawn: the screenshot of an inline box takes in a little of its line."""
    width, height, pixels = decode(page.locator(f".legend .swatch.box-{kind}").screenshot())
    drawn = [
        (x, y) for y in range(height) for x in range(width) if min(pixels[y * width + x]) < 250
    ]
    left, right = min(x for x, _ in drawn), max(x for x, _ in drawn)
    top, bottom = min(y for _, y in drawn), max(y for _, y in drawn)
    return (
        right - left + 1,
        bottom - top + 1,
        [pixels[y * width + x] for y in range(top, bottom + 1) for x in range(left, right + 1)],
    )


def dark(pixel: tuple[int, int, int]) -> bool:
    return sum(pixel) < 250


def test_the_legend_draws_the_shapes_the_map_draws(browser: Any, report_file: Path) -> None:
    """The legend said "counterclaim (hexagon)" beside a rounded box and "assumption (corners
    marked)" beside a plain one, the premise's. Its counterclaim is a hexagon, pointed at the
    sides (Graphviz's), on the counterclaim's paper; its assumption box has its corners cut
    by short diagonals, as Graphviz's "diagonals" draws them."""
    from argmap.render import style

    context = browser.new_context(viewport=VIEWPORT, device_scale_factor=8)
    try:
        page = context.new_page()
        page.goto(report_file.as_uri())
        width, height, pixels = swatch(page, "counterclaim")
        at = lambda x, y: pixels[y * width + x]  # noqa: E731
        for x, y in ((0, 0), (width - 1, 0), (0, height - 1), (width - 1, height - 1)):
            assert min(at(x, y)) > 240, f"a corner of the hexagon's box is drawn at {x},{y}"
        assert dark(at(0, height // 2)) and dark(at(width - 1, height // 2)), "no side points"
        for x in (width // 16, width - 1 - width // 16):  # outside its straight, slanted sides
            for y in (height // 4, height - 1 - height // 4):  # (inside a rounded box's border)
                assert min(at(x, y)) > 240, f"not a hexagon: drawn at {x},{y}"
        assert dark(at(width // 2, 0)) and dark(at(width // 2, height - 1)), "no top and bottom"
        paper = style.COUNTER_PAPER.lstrip("#")
        assert at(width // 2, height // 2) == tuple(int(paper[i : i + 2], 16) for i in (0, 2, 4))

        width, height, premise = swatch(page, "premise")
        size, assumption = swatch(page, "assumption")[:2], swatch(page, "assumption")[2]
        assert size == (width, height)
        inside = [
            (x, y)
            for x in range(width // 10, width - width // 10)
            for y in range(height // 6, height - height // 6)
        ]
        assert not any(dark(premise[y * width + x]) for x, y in inside)
        marked = {
            (x < width // 2, y < height // 2) for x, y in inside if dark(assumption[y * width + x])
        }
        assert marked == {(True, True), (True, False), (False, True), (False, False)}
    finally:
        context.close()


GRAMMAR_MAP = HEBREW_MAP.parent / "grammar.yaml"

# For each relation of the map's legend: where its word ends and where its arrow begins.
LEGEND_GAPS = """() => [...document.querySelectorAll('g.edge.legend')].map(edge => {
  const name = edge.id.replace(/^legend-/, '');
  const word = document.getElementById(`legend-${name}-name`).querySelector('text');
  const text = word.getBBox(), line = edge.querySelector('path').getBBox();
  return [word.textContent, line.x - (text.x + text.width)];
})"""


def test_the_map_legend_keeps_each_word_off_its_arrow(watched: Watched, tmp_path: Path) -> None:
    """In the SVG's own legend, "undercuts (the inference)" ran into its dotted arrow: a
    word's box is as wide as the word, and its arrow starts at the box's edge. Each word
    now stands at least 4 points from its arrow, as the short ones do."""
    result = checked_outcome(GRAMMAR_MAP)
    assert result.map is not None
    path = tmp_path / "grammar.svg"
    path.write_bytes(render_map(result.map, OutputFormat.SVG))
    watched.page.goto(path.as_uri())
    gaps = dict(watched.page.evaluate(LEGEND_GAPS))
    assert set(gaps) >= {"supports", "rebuts", "undermines", "undercuts (the inference)"}
    assert {word: gap for word, gap in gaps.items() if gap < 4} == {}
