"""Accessibility of everything argmap shows in a browser: the report, both handouts and a
standalone SVG map, audited by axe-core in Chromium at a phone's and a desktop's width, and
checked where axe cannot see: the keyboard, the names a screen reader reads, landmarks.

axe-core (npm, pinned in conftest.py) runs its WCAG 2.0/2.1 level A and AA rules and its
best practices; a page passes with no violation at all. It finds no rule to apply in an SVG
document, so the standalone map is checked through Chromium's accessibility tree instead.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from argmap.commands.render import map_source
from argmap.outcome import CheckOutcome
from argmap.render import OutputFormat, RenderOptions
from argmap.render.output import render_source
from argmap.report_html import Variant, handout, report

from .conftest import AXE_CORE_VERSION, HEBREW, SMALL, checked_outcome
from .png import decode

pytestmark = pytest.mark.browser
GRAMMAR = Path(__file__).parents[1] / "render" / "fixtures" / "grammar.yaml"
WIDTHS = {"phone": 375, "desktop": 1280}
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
LONE_THESIS = """\
argmap: 1
title: A lone thesis
claims:
  only:
    text: Nothing has been said for or against this yet.
    kind: thesis
"""
# Every page audited: (file name, what it is)
PAGES = {
    "montebello.html": "the Montebello report",
    "teacher.html": "the Montebello teacher's handout",
    "student.html": "the Montebello student worksheet",
    "every-kind.html": "a report with every kind of claim and relation",
    "every-verdict.html": "a report with supported, contested and refuted claims",
    "hebrew.html": "a report in Hebrew (right to left)",
    "lone-thesis.html": "a report of one claim and nothing else",
}


@pytest.fixture(scope="module")
def pages(montebello: CheckOutcome, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("a11y")
    (folder / "argmap.toml").write_text("")
    (folder / "lone.yaml").write_text(LONE_THESIS)
    every_kind = checked_outcome(GRAMMAR)
    assert every_kind.map is not None
    written = {
        "montebello.html": report(montebello),
        "teacher.html": handout(montebello, variant=Variant.TEACHER),
        "student.html": handout(montebello, variant=Variant.STUDENT),
        "every-kind.html": report(every_kind),
        "every-verdict.html": report(checked_outcome(SMALL)),
        "hebrew.html": report(checked_outcome(HEBREW)),
        "lone-thesis.html": report(checked_outcome(folder / "lone.yaml")),
        # axe-core checks nothing in an SVG document (it finds no rule that applies): the
        # standalone map is checked through the accessibility tree below
        "every-kind.svg": render_source(
            map_source(every_kind.map, 85, RenderOptions(standalone=True)), OutputFormat.SVG
        ),
    }
    assert set(written) == {*PAGES, "every-kind.svg"}
    for name, data in written.items():
        (folder / name).write_bytes(data)
    return folder


@pytest.fixture
def open_page(browser: Any) -> Iterator[Any]:
    """``open_page(path, width, motion, axe)``: a new page at ``width``, for a reader whose
    ``prefers-reduced-motion`` is ``motion``, with axe-core's script ``axe`` loaded."""
    contexts: list[Any] = []

    def opened(
        path: Path, width: int, motion: str = "no-preference", axe: Path | None = None
    ) -> Any:
        context = browser.new_context(
            viewport={"width": width, "height": 900}, reduced_motion=motion
        )
        if axe is not None:
            context.add_init_script(path=str(axe))  # not a <script>: the CSP allows none
        contexts.append(context)
        page = context.new_page()
        page.goto(path.as_uri())
        return page

    yield opened
    for context in contexts:
        context.close()


def audit(page: Any) -> list[str]:
    """axe-core's violations on ``page``, one line each: rule, target, what is wrong."""
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS
    )
    assert result["testEngine"]["version"] == AXE_CORE_VERSION
    assert len(result["passes"]) >= 5, "axe checked next to nothing"
    return [
        f"{rule['id']} {' '.join(map(str, node['target']))}: {rule['help']}"
        for rule in result["violations"]
        for node in rule["nodes"]
    ]


@pytest.mark.parametrize("width", WIDTHS.values(), ids=WIDTHS.keys())
@pytest.mark.parametrize("name", PAGES.keys())
def test_axe_finds_no_violation(
    open_page: Any, axe: Path, pages: Path, name: str, width: int
) -> None:
    violations = audit(open_page(pages / name, width, axe=axe))
    assert violations == [], f"{PAGES[name]} at {width} px:\n" + "\n".join(violations)


def test_the_audit_reports_what_it_finds(open_page: Any, axe: Path, tmp_path: Path) -> None:
    """The audit can fail: a page with an unlabelled image, an unnamed link and no language."""
    path = tmp_path / "bad.html"
    path.write_text(
        "<!DOCTYPE html><html><head><title>Bad</title></head><body><main>"
        '<h1>Bad</h1><img src="data:,"><a href="#x"></a><p id="x">Text</p></main></body></html>'
    )
    found = audit(open_page(path, 1280, axe=axe))
    assert found == [
        "html-has-lang html: <html> element must have a lang attribute",
        "image-alt img: Images must have alternative text",
        "link-name a: Links must have discernible text",
    ]


@pytest.mark.parametrize("name", PAGES.keys())
def test_a_map_in_a_page_is_named_once(open_page: Any, pages: Path, name: str) -> None:
    """A standalone SVG names itself with a <title> and <desc>; a map inside a page is named
    by the page's label alone, so that a screen reader does not read two names."""
    page = open_page(pages / name, 1280)
    maps = page.evaluate(
        "[...document.querySelectorAll('svg')].map(s => [s.getAttribute('class'),"
        " s.getAttribute('role'), s.getAttribute('aria-labelledby'),"
        " s.querySelectorAll('title, desc').length])"
    )
    assert maps and all(found == ["argmap-map", "group", None, 0] for found in maps), maps


# What a screen reader would announce, read from Chromium's accessibility tree.
INTERNAL_NAME = re.compile(r"^(argmap|(claim|argument|evidence)/.*)$")


def accessible_names(page: Any) -> list[tuple[str, str]]:
    """(role, name) of each node of the page's accessibility tree that is not ignored."""
    session = page.context.new_cdp_session(page)
    tree = session.send("Accessibility.getFullAXTree")
    return [
        (node.get("role", {}).get("value", ""), node.get("name", {}).get("value", ""))
        for node in tree["nodes"]
        if not node.get("ignored")
    ]


@pytest.mark.parametrize(
    ("name", "claim"),
    [
        ("every-kind.html", "Uniforms improve attendance."),
        ("every-kind.svg", "Uniforms improve attendance."),
        ("teacher.html", "Unless its structural flaws are corrected"),
    ],
)
def test_the_map_reads_no_internal_name(open_page: Any, pages: Path, name: str, claim: str) -> None:
    """Graphviz writes a <title> into each box and arrow: its DOT name, which Chromium gave
    the group around it as its name. A screen reader read out "argmap", "claim/uniforms",
    "claim/uniforms->argument/attendance->uniforms" before each box of the map."""
    names = accessible_names(open_page(pages / name, 1280))
    assert [found for found in names if INTERNAL_NAME.match(found[1])] == []
    links = [text for role, text in names if role == "link"]
    assert any(text.startswith(claim) for text in links)


FOCUS = (0x00, 0x72, 0xB2)  # --focus in report.css


def _focus_coloured(pixels: list[tuple[int, int, int]]) -> int:
    return sum(1 for p in pixels if sum(abs(a - b) for a, b in zip(p, FOCUS, strict=True)) < 60)


def _focus_ring(page: Any, shot: Path) -> tuple[dict[str, float], int]:
    """The first box of the map (reached by Tab from the full-size switch before it in the
    report, from the top of a handout) and how many pixels around it take the focus colour
    when it takes the keyboard's focus."""
    if page.locator("#map-zoom").count():
        page.evaluate("document.getElementById('map').scrollIntoView()")
        page.focus("#map-zoom")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('svg.argmap-map') !== null")
    box = page.evaluate(
        "(() => { const r = document.activeElement.getBoundingClientRect();"
        " return {x: r.x, y: r.y, width: r.width, height: r.height}; })()"
    )
    margin = 12
    clip = {
        "x": box["x"] - margin,
        "y": box["y"] - margin,
        "width": box["width"] + 2 * margin,
        "height": box["height"] + 2 * margin,
    }
    scrolled = page.evaluate("[scrollX, scrollY]")
    focused = decode(page.screenshot(clip=clip, path=str(shot)))[2]
    page.evaluate("document.activeElement.blur()")
    unfocused = decode(page.screenshot(clip=clip))[2]
    assert page.evaluate("[scrollX, scrollY]") == scrolled
    return box, _focus_coloured(focused) - _focus_coloured(unfocused)


@pytest.mark.parametrize("width", WIDTHS.values(), ids=WIDTHS.keys())
@pytest.mark.parametrize("name", ["montebello.html", "every-kind.html", "teacher.html"])
def test_the_focused_box_of_the_map_is_clearly_marked(
    open_page: Any, pages: Path, name: str, width: int, artifacts: Path
) -> None:
    """The map is shrunk to fit the page, and the 3 px outline of the box that has the
    keyboard's focus shrank with it: a third of a pixel on a phone, where Montebello's map
    is drawn at a tenth of its size, so nothing showed where the focus was (WCAG 2.4.7).
    The focus colour must cover at least as many pixels as a 2 px line around the box."""
    page = open_page(pages / name, width, "reduce")  # no smooth scrolling under the shots
    shot = artifacts / f"focus-{name.removesuffix('.html')}-{width}.png"
    box, ring = _focus_ring(page, shot)
    assert ring >= 2 * (2 * box["width"] + 2 * box["height"]), (box, ring)


# Each element the keyboard can reach, in document order, as the keyboard should meet them:
# links with an address (HTML or SVG) and form controls.
FOCUSABLE = """Array.from(document.querySelectorAll('a, input, button, summary, select, textarea'))
  .filter(e => (e.hasAttribute('href') || e.hasAttribute('xlink:href') || e.tagName !== 'a'
                && e.tagName !== 'A') && getComputedStyle(e).visibility !== 'hidden')
  .map(e => e.outerHTML.slice(0, 80))"""
FOCUSED = """(() => {
  const e = document.activeElement;
  const shown = e.matches('input') ? e.labels[0] : e;
  const style = getComputedStyle(shown);
  return [e.outerHTML.slice(0, 80), style.outlineStyle, parseFloat(style.outlineWidth)];
})()"""


@pytest.mark.parametrize("width", WIDTHS.values(), ids=WIDTHS.keys())
def test_every_control_is_reached_by_tab_in_order_and_shows_its_focus(
    open_page: Any, pages: Path, width: int
) -> None:
    """Tab from the top of the page meets the skip link first, then every link and the
    full-size switch in the order of the page (no tabindex reorders them), and each shows
    an outline of at least 2 px when it has the focus (the switch's on its label)."""
    page = open_page(pages / "every-kind.html", width, "reduce")
    expected = page.evaluate(FOCUSABLE)
    met = []
    for _ in expected:
        page.keyboard.press("Tab")
        met.append(page.evaluate(FOCUSED))
    assert [html for html, _, _ in met] == expected
    assert expected[0].startswith('<a class="skip-link" href="#claims">')
    assert any(html.startswith('<input type="checkbox" id="map-zoom"') for html in expected)
    assert sum(html.startswith('<a xlink:href="#claim-') for html in expected) == 9
    assert [(html, style, size) for html, style, size in met if style == "none" or size < 2] == []


def test_the_keyboard_works_the_full_size_switch_and_follows_a_box(
    open_page: Any, pages: Path
) -> None:
    page = open_page(pages / "every-kind.html", 1280, "reduce")
    fitted = page.locator("svg.argmap-map").bounding_box()
    page.focus("#map-zoom")
    page.keyboard.press("Space")
    full = page.locator("svg.argmap-map").bounding_box()
    assert fitted is not None and full is not None and full["width"] > fitted["width"]
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    assert page.url.endswith("#claim-uniforms")
    assert page.evaluate("document.querySelector(':target').id") == "claim-uniforms"


HEADINGS = "Array.from(document.querySelectorAll('h1, h2, h3, h4, h5, h6')).map(h => +h.tagName[1])"


@pytest.mark.parametrize("name", PAGES.keys())
def test_headings_go_down_one_level_at_a_time_under_one_title(
    open_page: Any, pages: Path, name: str
) -> None:
    """Read without its styles (as a screen reader lists it), a page has one h1 and no
    heading that skips a level below the one before it."""
    levels = open_page(pages / name, 1280).evaluate(HEADINGS)
    assert levels[0] == 1 and levels.count(1) == 1
    skips = [(before, after) for before, after in itertools.pairwise(levels) if after > before + 1]
    assert skips == [], levels


@pytest.mark.parametrize("name", ["montebello.html", "every-kind.html"])
def test_nothing_moves_for_a_reader_who_asks_for_less_motion(
    open_page: Any, pages: Path, name: str
) -> None:
    """The report scrolls smoothly to the claim a link leads to, but not for a reader whose
    system asks for reduced motion; nothing on the page is animated or has a transition."""
    moving = """Array.from(document.querySelectorAll('*')).filter(e => {
      const s = getComputedStyle(e);
      return s.animationName !== 'none' || parseFloat(s.transitionDuration) > 0;
    }).length"""
    smooth = open_page(pages / name, 1280)
    assert smooth.evaluate("getComputedStyle(document.documentElement).scrollBehavior") == (
        "smooth"
    )
    still = open_page(pages / name, 1280, "reduce")
    assert still.evaluate("getComputedStyle(document.documentElement).scrollBehavior") == "auto"
    assert smooth.evaluate(moving) == 0 and still.evaluate(moving) == 0


OVERFLOW = """(() => {
  const width = document.documentElement.clientWidth, found = [];
  if (document.documentElement.scrollWidth > width) found.push('the page scrolls sideways');
  for (const e of document.querySelectorAll('body *')) {
    if (e.closest('svg, .map-viewport')) continue;  // the map scrolls in its own box
    const s = getComputedStyle(e), r = e.getBoundingClientRect();
    if (s.display === 'none' || r.width === 0) continue;
    if (r.right > width + 1) found.push(`${e.tagName}.${e.className} ends past the edge`);
    const clips = s.overflowX !== 'visible' || s.overflowY !== 'visible';
    if (clips && (e.scrollWidth > e.clientWidth + 1 || e.scrollHeight > e.clientHeight + 1))
      found.push(`${e.tagName}.${e.className} cuts its content`);
  }
  return found;
})()"""


@pytest.mark.parametrize("name", PAGES.keys())
def test_text_at_200_percent_zoom_is_neither_cut_nor_off_the_page(
    browser: Any, pages: Path, name: str, artifacts: Path
) -> None:
    """A desktop window of 1280 px at 200 % zoom lays the page out 640 px wide with each
    CSS pixel drawn as two: the text reflows, nothing scrolls sideways or is cut off."""
    context = browser.new_context(viewport={"width": 640, "height": 900}, device_scale_factor=2)
    try:
        page = context.new_page()
        page.goto((pages / name).as_uri())
        page.screenshot(path=str(artifacts / f"zoom-200-{name}.png"))
        assert page.evaluate(OVERFLOW) == []
    finally:
        context.close()


UNDER_THE_CONTENTS = """(() => {
  const focused = document.activeElement.getBoundingClientRect();
  const contents = document.querySelector('nav.toc');
  const bar = contents.getBoundingClientRect();
  const inside = contents.contains(document.activeElement);
  return !inside && focused.top < bar.bottom && focused.bottom > bar.top
    ? document.activeElement.outerHTML.slice(0, 80) : null;
})()"""


def test_the_contents_bar_never_covers_what_has_the_focus(open_page: Any, pages: Path) -> None:
    """On a wide window the contents stay at the top of the page; going back up with
    Shift+Tab scrolled each link just into view, under them: 8 of Montebello's last 150
    links were hidden there when they had the focus (WCAG 2.4.7, 2.4.11)."""
    page = open_page(pages / "montebello.html", 1280, "reduce")
    page.keyboard.press("End")
    covered = []
    for _ in range(150):
        page.keyboard.press("Shift+Tab")
        covered.append(page.evaluate(UNDER_THE_CONTENTS))
    assert page.evaluate("getComputedStyle(document.querySelector('nav.toc')).position") == (
        "sticky"
    )
    assert [html for html in covered if html is not None] == []
