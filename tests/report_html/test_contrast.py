"""WCAG AA contrast for every badge and every text colour of the stylesheets, computed."""

from __future__ import annotations

import re
from importlib.resources import files

import pytest

from argmap.report_html.html import page_stylesheet

AA_TEXT = 4.5
WHITE = "#ffffff"
VERDICTS = ("supported", "refuted", "contested", "unsupported")


def luminance(colour: str) -> float:
    """WCAG 2 relative luminance of ``#rrggbb``."""
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    red, green, blue = linear
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast(a: str, b: str) -> float:
    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def variables(name: str) -> dict[str, str]:
    """The colour variables of a page: its own sheet and the shared one that follows it."""
    css = str(page_stylesheet(name))
    return dict(re.findall(r"--([a-z-]+):\s*(#[0-9a-fA-F]{6})\s*;", css))


def test_contrast_formula_matches_known_values() -> None:
    assert contrast("#000000", WHITE) == pytest.approx(21.0)
    assert contrast("#767676", WHITE) == pytest.approx(4.54, abs=0.01)


@pytest.mark.parametrize("sheet", ["report.css", "handout.css"])
@pytest.mark.parametrize("verdict", VERDICTS)
def test_badge_text_meets_aa(sheet: str, verdict: str) -> None:
    colours = variables(sheet)
    text = colours[f"badge-{verdict}-fg"]
    assert contrast(text, colours[f"badge-{verdict}-bg"]) >= AA_TEXT
    assert contrast(text, WHITE) >= AA_TEXT


@pytest.mark.parametrize("sheet", ["report.css", "handout.css"])
def test_body_text_colours_meet_aa(sheet: str) -> None:
    colours = variables(sheet)
    for name in ("ink", "muted", "link", "check-bad-fg", "check-good-fg"):
        if name in colours:
            assert contrast(colours[name], WHITE) >= AA_TEXT, name
            if "wash" in colours:  # cards and the question sit on the wash
                assert contrast(colours[name], colours["wash"]) >= AA_TEXT, name


def test_handout_column_headings_meet_aa() -> None:
    css = (files("argmap") / "templates" / "handout.css").read_text(encoding="utf-8")
    backgrounds = re.findall(r"\.columns th\.(?:pro|con) \{ background: (#[0-9a-f]{6})", css)
    assert len(backgrounds) == 2
    for background in backgrounds:
        assert contrast(WHITE, background) >= AA_TEXT
